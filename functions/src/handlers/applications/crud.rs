use super::{days_since, person, PersonRef};
use crate::http::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller, ClientMeta, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::applications::{application_query, ApplicationView, HistoryEntry, ListFilters, MoveRequest, NewApplicationInput};
use hireops_domain::ids::{ApplicationId, CandidateId, JobId, StageId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct CompanyRef {
    pub id: Uuid,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct ApplicationJob {
    pub id: Uuid,
    pub title: String,
    pub reference: String,
    pub client_name: Option<String>,
    pub company: CompanyRef,
}

#[derive(Serialize, ToSchema)]
pub struct ApplicationCandidate {
    pub id: Uuid,
    pub full_name: String,
    pub email: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct StageSummary {
    pub id: Uuid,
    pub name: String,
    /// `active`, `hired` or `rejected`.
    pub kind: String,
}

#[derive(Serialize, ToSchema)]
pub struct ApplicationItem {
    pub id: Uuid,
    pub job: ApplicationJob,
    pub candidate: ApplicationCandidate,
    pub stage: StageSummary,
    /// The kind of the current stage: `active`, `hired` or `rejected`.
    pub state: String,
    pub source: String,
    pub recruiter: Option<PersonRef>,
    pub submitted_at: DateTime<Utc>,
    pub stage_entered_at: DateTime<Utc>,
    pub days_in_stage: i64,
    pub verified_by_manager: bool,
    /// Send it back with a move to detect concurrent changes.
    pub version: u32,
}

#[derive(Serialize, ToSchema)]
pub struct ResumeInfo {
    pub file_id: Uuid,
    pub file_name: String,
    /// `awaiting_upload`, `pending`, `clean`, `infected`, `error` or `rejected`.
    pub virus_status: String,
}

#[derive(Serialize, ToSchema)]
pub struct ApplicationDetails {
    #[serde(flatten)]
    pub item: ApplicationItem,
    pub rejection_reason: Option<String>,
    pub cover_letter: Option<String>,
    pub resume: Option<ResumeInfo>,
}

pub fn item(a: &ApplicationView) -> ApplicationItem {
    ApplicationItem {
        id: a.id.0,
        job: ApplicationJob {
            id: a.job_id.0,
            title: a.job_title.clone(),
            reference: a.job_reference.clone(),
            client_name: a.job_client_name.clone(),
            company: CompanyRef { id: a.job_company_id.0, name: a.job_company_name.clone() },
        },
        candidate: ApplicationCandidate { id: a.candidate_id.0, full_name: a.candidate_name.clone(), email: a.candidate_email.clone() },
        stage: StageSummary { id: a.stage.id.0, name: a.stage.name.clone(), kind: a.stage.kind.as_str().to_string() },
        state: a.stage.kind.as_str().to_string(),
        source: a.source.clone(),
        recruiter: a.recruiter.clone().map(person),
        submitted_at: a.submitted_at,
        stage_entered_at: a.stage_entered_at,
        days_in_stage: days_since(a.stage_entered_at),
        verified_by_manager: a.verified_at.is_some(),
        version: a.version,
    }
}

pub fn details(a: ApplicationView) -> ApplicationDetails {
    ApplicationDetails {
        item: item(&a),
        rejection_reason: a.rejection_reason,
        cover_letter: a.cover_letter,
        resume: a.resume.map(|r| ResumeInfo { file_id: r.file_id.0, file_name: r.file_name, virus_status: r.virus_status }),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct CreateApplicationRequest {
    /// A live candidate profile of your company.
    pub candidate_id: Option<Uuid>,
    /// An open job of your company, or one shared with your agency.
    pub job_id: Option<Uuid>,
    /// referral | career_site | job_board | linkedin | agency | sourced (default) | imported | other
    pub source: Option<String>,
    /// Up to 2000 characters, kept on the first history entry.
    pub remarks: Option<String>,
}

/// Submit a candidate to a job: the application starts in the first stage.
#[utoipa::path(post, path = "/api/applications", tag = "applications", security(("bearer" = [])), request_body = CreateApplicationRequest,
    responses(
        (status = 201, body = ApplicationDetails),
        (status = 409, description = "`job_closed`, `job_not_open`, or `already_applied` with `existing_id`", body = crate::http::error::Problem),
        (status = 422, description = "`candidate_id` `unknown_candidate`, `job_id` `unknown_job`, bad source or remarks", body = crate::http::error::Problem),
    ))]
pub async fn create(State(state): State<AppState>, Caller(caller): Caller, ApiJson(body): ApiJson<CreateApplicationRequest>) -> ApiResult<(StatusCode, Json<ApplicationDetails>)> {
    let input = NewApplicationInput { candidate_id: body.candidate_id.map(CandidateId), job_id: body.job_id.map(JobId), source: body.source, remarks: body.remarks };
    let created = state.applications.create(&caller, input).await?;
    Ok((StatusCode::CREATED, Json(details(created))))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApplicationFilters {
    pub job_id: Option<Uuid>,
    pub candidate_id: Option<Uuid>,
    pub stage_id: Option<Uuid>,
    /// `active`, `hired` or `rejected`.
    pub state: Option<String>,
    pub recruiter_id: Option<Uuid>,
    /// The job's manager.
    pub manager_id: Option<Uuid>,
    /// The job's client name contains.
    pub client: Option<String>,
    /// Submitted on or after (YYYY-MM-DD).
    pub submitted_from: Option<String>,
    /// Submitted on or before (YYYY-MM-DD).
    pub submitted_to: Option<String>,
    /// Verified by a manager or not.
    pub verified: Option<bool>,
    /// The candidate's name or email contains.
    pub q: Option<String>,
    /// `newest` (default), `oldest`, `in_stage` (longest in its current stage first) or `candidate` (by name).
    pub sort: Option<String>,
}

/// Applications the caller sees, newest first unless `sort` says otherwise.
#[utoipa::path(get, path = "/api/applications", tag = "applications", security(("bearer" = [])), params(ApplicationFilters, PageQuery),
    responses(
        (status = 200, body = Paginated<ApplicationItem>),
        (status = 422, description = "An unknown state or sort, a malformed date, or a date range ending before it starts", body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(f): ApiQuery<ApplicationFilters>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<ApplicationItem>>> {
    let query = application_query(ListFilters {
        job_id: f.job_id,
        candidate_id: f.candidate_id,
        stage_id: f.stage_id,
        state: f.state,
        recruiter_id: f.recruiter_id,
        manager_id: f.manager_id,
        client: f.client,
        submitted_from: f.submitted_from,
        submitted_to: f.submitted_to,
        verified: f.verified,
        q: f.q,
        sort: f.sort,
    })?;
    let page = state.applications.list(&caller, query, page.request()).await?;
    Ok(Json(Paginated::from_page(page, |a| item(&a))))
}

/// One application.
#[utoipa::path(get, path = "/api/applications/{id}", tag = "applications", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Application id")),
    responses(
        (status = 200, body = ApplicationDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn get(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<ApplicationDetails>> {
    Ok(Json(details(state.applications.get(&caller, ApplicationId(id)).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct MoveApplicationRequest {
    /// A stage of the application's job.
    pub to_stage_id: Option<Uuid>,
    /// Up to 2000 characters, kept in the history.
    pub remarks: Option<String>,
    /// Required when moving into a rejected stage (up to 500 characters).
    pub rejection_reason: Option<String>,
    /// The version you saw; a different current version answers 409 `application_changed`.
    pub version: Option<u32>,
}

/// Move an application to another stage of its job.
#[utoipa::path(post, path = "/api/applications/{id}/move", tag = "applications", security(("bearer" = [])), request_body = MoveApplicationRequest,
    params(("id" = Uuid, Path, description = "Application id")),
    responses(
        (status = 200, body = ApplicationDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`already_in_stage` or `application_changed` (someone moved it meanwhile)", body = crate::http::error::Problem),
        (status = 422, description = "`to_stage_id` `unknown_stage`, `rejection_reason` required, remarks too long", body = crate::http::error::Problem),
    ))]
pub async fn move_stage(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<MoveApplicationRequest>,
) -> ApiResult<Json<ApplicationDetails>> {
    let req = MoveRequest { to_stage_id: body.to_stage_id.map(StageId), remarks: body.remarks, rejection_reason: body.rejection_reason, version: body.version };
    Ok(Json(details(state.applications.move_stage(&caller, ApplicationId(id), req).await?)))
}

#[derive(Serialize, ToSchema)]
pub struct StageName {
    pub id: Uuid,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct HistoryItem {
    pub id: Uuid,
    /// Null for the submission.
    pub from_stage: Option<StageName>,
    pub to_stage: StageName,
    pub changed_by: Option<PersonRef>,
    pub changed_at: DateTime<Utc>,
    pub remarks: Option<String>,
    pub rejection_reason: Option<String>,
}

fn history_item(h: HistoryEntry) -> HistoryItem {
    HistoryItem {
        id: h.id.0,
        from_stage: h.from_stage.map(|(id, name)| StageName { id: id.0, name }),
        to_stage: StageName { id: h.to_stage.0 .0, name: h.to_stage.1 },
        changed_by: h.changed_by.map(person),
        changed_at: h.changed_at,
        remarks: h.remarks,
        rejection_reason: h.rejection_reason,
    }
}

/// The application's status history, oldest first (append-only).
#[utoipa::path(get, path = "/api/applications/{id}/history", tag = "applications", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Application id")),
    responses(
        (status = 200, body = Vec<HistoryItem>),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn history(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<Vec<HistoryItem>>> {
    Ok(Json(state.applications.history(&caller, ApplicationId(id)).await?.into_iter().map(history_item).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct VerifyRequest {
    pub verified: bool,
}

/// Set or clear the "verified by manager" flag.
#[utoipa::path(post, path = "/api/applications/{id}/verify", tag = "applications", security(("bearer" = [])), request_body = VerifyRequest,
    params(("id" = Uuid, Path, description = "Application id")),
    responses(
        (status = 200, body = ApplicationDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn verify(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<VerifyRequest>,
) -> ApiResult<Json<ApplicationDetails>> {
    Ok(Json(details(state.applications.verify(&caller, ApplicationId(id), body.verified, &meta).await?)))
}
