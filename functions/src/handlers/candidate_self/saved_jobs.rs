use crate::http::{ApiPath, ApiQuery, ApiResult, Caller, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::candidates::SavedJob;
use hireops_domain::ids::JobId;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct SavedJobJob {
    pub id: Uuid,
    pub title: String,
    pub company_name: String,
    pub location: Option<String>,
    /// Still open and on the public board.
    pub published: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SavedJobView {
    pub job: SavedJobJob,
    pub saved_at: DateTime<Utc>,
}

fn view(s: SavedJob) -> SavedJobView {
    SavedJobView {
        job: SavedJobJob { id: s.job_id.0, title: s.title, company_name: s.company_name, location: s.location, published: s.published },
        saved_at: s.saved_at,
    }
}

/// Your saved jobs, newest first.
#[utoipa::path(get, path = "/api/candidate/saved-jobs", tag = "candidate", security(("bearer" = [])), params(PageQuery),
    responses((status = 200, body = Paginated<SavedJobView>)))]
pub async fn list(State(state): State<AppState>, Caller(caller): Caller, ApiQuery(page): ApiQuery<PageQuery>) -> ApiResult<Json<Paginated<SavedJobView>>> {
    Ok(Json(Paginated::from_page(state.candidates.saved_jobs(&caller, page.request()).await?, view)))
}

/// Save a job from the public board (saving twice answers 200).
#[utoipa::path(post, path = "/api/candidate/saved-jobs/{job_id}", tag = "candidate", security(("bearer" = [])),
    params(("job_id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 201, body = SavedJobView),
        (status = 200, description = "Already saved", body = SavedJobView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, description = "No such job on the board", body = crate::http::error::Problem),
    ))]
pub async fn save(State(state): State<AppState>, Caller(caller): Caller, ApiPath(job_id): ApiPath<Uuid>) -> ApiResult<(StatusCode, Json<SavedJobView>)> {
    let (saved, created) = state.candidates.save_job(&caller, JobId(job_id)).await?;
    Ok((if created { StatusCode::CREATED } else { StatusCode::OK }, Json(view(saved))))
}

/// Is this job saved? 404 when not.
#[utoipa::path(get, path = "/api/candidate/saved-jobs/{job_id}", tag = "candidate", security(("bearer" = [])),
    params(("job_id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = SavedJobView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn get(State(state): State<AppState>, Caller(caller): Caller, ApiPath(job_id): ApiPath<Uuid>) -> ApiResult<Json<SavedJobView>> {
    Ok(Json(view(state.candidates.saved_job(&caller, JobId(job_id)).await?)))
}

/// Forget a saved job.
#[utoipa::path(delete, path = "/api/candidate/saved-jobs/{job_id}", tag = "candidate", security(("bearer" = [])),
    params(("job_id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, description = "Not saved", body = crate::http::error::Problem),
    ))]
pub async fn delete(State(state): State<AppState>, Caller(caller): Caller, ApiPath(job_id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.candidates.unsave_job(&caller, JobId(job_id)).await?;
    Ok(StatusCode::NO_CONTENT)
}
