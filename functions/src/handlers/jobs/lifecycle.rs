use super::{detail_view, JobDetails};
use crate::http::{ApiJson, ApiPath, ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use hireops_domain::ids::JobId;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// Put the job on the public board, opening a draft or held job (owner only).
#[utoipa::path(post, path = "/api/jobs/{id}/publish", tag = "jobs", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = JobDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`job_closed`", body = crate::http::error::Problem),
    ))]
pub async fn publish(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<JobDetails>> {
    let d = state.jobs.publish(&caller, JobId(id), &meta).await?;
    Ok(Json(detail_view(&caller, d, state.jobs.now())))
}

/// Take the job off the public board (owner only).
#[utoipa::path(post, path = "/api/jobs/{id}/unpublish", tag = "jobs", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = JobDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn unpublish(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<JobDetails>> {
    let d = state.jobs.unpublish(&caller, JobId(id), &meta).await?;
    Ok(Json(detail_view(&caller, d, state.jobs.now())))
}

#[derive(Deserialize, ToSchema)]
pub struct CloseJobRequest {
    /// `filled`, `cancelled` or `other`.
    pub reason: String,
    /// Up to 2000 characters, kept in the audit log.
    pub note: Option<String>,
}

/// Close the job: it leaves the board and takes no new applications (owner only).
#[utoipa::path(post, path = "/api/jobs/{id}/close", tag = "jobs", security(("bearer" = [])), request_body = CloseJobRequest,
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = JobDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`job_closed` (already closed)", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn close(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<CloseJobRequest>,
) -> ApiResult<Json<JobDetails>> {
    let d = state.jobs.close(&caller, JobId(id), &b.reason, b.note.as_deref(), &meta).await?;
    Ok(Json(detail_view(&caller, d, state.jobs.now())))
}

/// Reopen a closed job (owner only); ageing continues from its first opening.
#[utoipa::path(post, path = "/api/jobs/{id}/reopen", tag = "jobs", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = JobDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`job_not_closed`", body = crate::http::error::Problem),
    ))]
pub async fn reopen(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<JobDetails>> {
    let d = state.jobs.reopen(&caller, JobId(id), &meta).await?;
    Ok(Json(detail_view(&caller, d, state.jobs.now())))
}
