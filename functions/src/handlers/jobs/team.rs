use super::{company_view, team_view, CompanyRefView, TeamMemberView};
use crate::http::{ApiJson, ApiPath, ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use hireops_domain::ids::{CompanyId, JobId, UserId};
use hireops_domain::jobs::TeamMemberInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct TeamMemberRequest {
    /// An active user of the caller's company.
    pub user_id: Uuid,
    /// `recruiter`, `hiring_manager` or `interviewer`.
    pub role: String,
}

#[derive(Deserialize, ToSchema)]
pub struct SetTeamRequest {
    /// The caller company's side of the team, replacing what it had.
    pub members: Vec<TeamMemberRequest>,
}

#[derive(Serialize, ToSchema)]
pub struct TeamView {
    /// The whole team, every side.
    pub members: Vec<TeamMemberView>,
}

/// Staff the job: replaces the caller company's side of the team (the owner's
/// hiring team or recruiters, or an agency's recruiters on a shared job).
#[utoipa::path(put, path = "/api/jobs/{id}/team", tag = "jobs", security(("bearer" = [])), request_body = SetTeamRequest,
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = TeamView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, description = "`members[i].user_id` not an active member of the caller's company, or a duplicate", body = crate::http::error::Problem),
    ))]
pub async fn set_team(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<SetTeamRequest>,
) -> ApiResult<Json<TeamView>> {
    let members = b.members.into_iter().map(|m| TeamMemberInput { user_id: UserId(m.user_id), role: m.role }).collect();
    let team = state.jobs.set_team(&caller, JobId(id), members, &meta).await?;
    Ok(Json(TeamView { members: team.into_iter().map(team_view).collect() }))
}

#[derive(Deserialize, ToSchema)]
pub struct ShareJobRequest {
    /// Active agencies; replaces the list. Removed agencies' members leave the team.
    pub agency_ids: Vec<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct SharedWithView {
    pub shared_with: Vec<CompanyRefView>,
}

/// Share an employer's job with agencies (owner only).
#[utoipa::path(put, path = "/api/jobs/{id}/agencies", tag = "jobs", security(("bearer" = [])), request_body = ShareJobRequest,
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = SharedWithView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, description = "`not_shareable` (not an employer's job) or `agency_ids[i]` `unknown_agency`", body = crate::http::error::Problem),
    ))]
pub async fn share(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<ShareJobRequest>,
) -> ApiResult<Json<SharedWithView>> {
    let agencies = b.agency_ids.into_iter().map(CompanyId).collect();
    let shared = state.jobs.share(&caller, JobId(id), agencies, &meta).await?;
    Ok(Json(SharedWithView { shared_with: shared.into_iter().map(company_view).collect() }))
}
