use crate::http::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::candidates::CandidateNote;
use hireops_domain::ids::CandidateId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct NoteAuthor {
    pub id: Uuid,
    pub full_name: String,
}

#[derive(Serialize, ToSchema)]
pub struct NoteView {
    pub id: Uuid,
    pub body: String,
    pub author: NoteAuthor,
    pub created_at: DateTime<Utc>,
}

fn view(n: CandidateNote) -> NoteView {
    NoteView { id: n.id.0, body: n.body, author: NoteAuthor { id: n.author_id.0, full_name: n.author_name }, created_at: n.created_at }
}

#[derive(Deserialize, ToSchema)]
pub struct NoteRequest {
    /// 1 to 10,000 characters.
    pub body: String,
}

/// Add an internal note to a profile your company owns.
#[utoipa::path(post, path = "/api/candidates/{id}/notes", tag = "candidates", security(("bearer" = [])), request_body = NoteRequest,
    params(("id" = Uuid, Path, description = "Candidate id")),
    responses(
        (status = 201, body = NoteView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<NoteRequest>,
) -> ApiResult<(StatusCode, Json<NoteView>)> {
    let note = state.candidates.add_note(&caller, CandidateId(id), &body.body).await?;
    Ok((StatusCode::CREATED, Json(view(note))))
}

/// The owning company's notes on a profile, newest first.
#[utoipa::path(get, path = "/api/candidates/{id}/notes", tag = "candidates", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Candidate id"), PageQuery),
    responses(
        (status = 200, body = Paginated<NoteView>),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<NoteView>>> {
    let page = state.candidates.notes(&caller, CandidateId(id), page.request()).await?;
    Ok(Json(Paginated::from_page(page, view)))
}
