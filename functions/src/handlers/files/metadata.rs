use super::{details, FileDetails};
use crate::http::{ApiPath, ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::files::CandidateDocument;
use hireops_domain::ids::{CandidateId, FileId};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// One file of a file's metadata (company's, or linked to a visible candidate or application).
#[utoipa::path(get, path = "/api/files/{id}", tag = "files", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "File id")),
    responses(
        (status = 200, body = FileDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn get(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<FileDetails>> {
    Ok(Json(details(state.files.file(&caller, FileId(id)).await?)))
}

#[derive(Serialize, ToSchema)]
pub struct DownloadLink {
    /// A presigned GET (5 minutes) answering with `Content-Disposition: attachment`.
    pub url: String,
    pub expires_at: DateTime<Utc>,
}

/// A short-lived download link; clean files only.
#[utoipa::path(get, path = "/api/files/{id}/download", tag = "files", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "File id")),
    responses(
        (status = 200, body = DownloadLink),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 403, description = "`file_blocked`: infected or rejected", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`file_not_clean`: not scanned (yet)", body = crate::http::error::Problem),
    ))]
pub async fn download(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<DownloadLink>> {
    let link = state.files.download(&caller, FileId(id)).await?;
    Ok(Json(DownloadLink { url: link.url, expires_at: link.expires_at }))
}

#[derive(Serialize, ToSchema)]
pub struct DocumentItem {
    pub file_id: Uuid,
    pub file_name: String,
    /// `resume`, `cover_letter` or `other`.
    pub kind: String,
    pub virus_status: String,
    pub size: Option<u64>,
    pub sniffed_type: Option<String>,
    pub added_at: DateTime<Utc>,
}

fn item(d: CandidateDocument) -> DocumentItem {
    DocumentItem {
        file_id: d.file.id.0,
        file_name: d.file.file_name,
        kind: d.kind.as_str().to_string(),
        virus_status: d.file.virus_status.as_str().to_string(),
        size: d.file.size,
        sniffed_type: d.file.sniffed_type,
        added_at: d.added_at,
    }
}

/// The documents of a visible candidate, newest first.
#[utoipa::path(get, path = "/api/candidates/{id}/documents", tag = "files", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Candidate id")),
    responses(
        (status = 200, body = Vec<DocumentItem>),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn list_documents(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<Vec<DocumentItem>>> {
    let docs = state.files.candidate_documents(&caller, CandidateId(id)).await?;
    Ok(Json(docs.into_iter().map(item).collect()))
}
