use super::{upload_form, UploadForm};
use crate::http::{ApiJson, ApiPath, ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use hireops_domain::files::{CandidateDocumentUpload, UploadRequest};
use hireops_domain::ids::{CandidateId, FileId, JobId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct ResumeUploadRequest {
    /// 1 to 255 characters, no slashes.
    pub file_name: String,
    /// PDF, DOCX, DOC, plain text, RTF or ODT.
    pub content_type: String,
    /// Bytes, 1 to `RESUME_MAX_BYTES`.
    pub size: i64,
}

/// Presign a resume upload for a public application (no sign-in).
#[utoipa::path(post, path = "/api/public/jobs/{id}/resume-upload", tag = "files", request_body = ResumeUploadRequest,
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 201, body = UploadForm),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, description = "No published, open job", body = crate::http::error::Problem),
        (status = 422, description = "Bad name, type or size", body = crate::http::error::Problem),
        (status = 429, body = crate::http::error::Problem),
    ))]
pub async fn public_resume_upload(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ResumeUploadRequest>,
) -> ApiResult<(StatusCode, Json<UploadForm>)> {
    let req = UploadRequest { file_name: body.file_name, content_type: body.content_type, size: body.size };
    let presigned = state.files.presign_public_resume(JobId(id), req).await?;
    Ok((StatusCode::CREATED, Json(upload_form(presigned))))
}

#[derive(Deserialize, ToSchema)]
pub struct DocumentUploadRequest {
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    /// `resume`, `cover_letter` or `other`.
    pub kind: String,
}

/// Presign a document upload for a candidate profile of the caller's company.
#[utoipa::path(post, path = "/api/candidates/{id}/documents", tag = "files", security(("bearer" = [])), request_body = DocumentUploadRequest,
    params(("id" = Uuid, Path, description = "Candidate id")),
    responses(
        (status = 201, body = UploadForm),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, description = "Bad name, type, size or kind", body = crate::http::error::Problem),
    ))]
pub async fn create_document(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<DocumentUploadRequest>,
) -> ApiResult<(StatusCode, Json<UploadForm>)> {
    let input = CandidateDocumentUpload {
        upload: UploadRequest { file_name: body.file_name, content_type: body.content_type, size: body.size },
        kind: body.kind,
    };
    let presigned = state.files.presign_candidate_document(&caller, CandidateId(id), input).await?;
    Ok((StatusCode::CREATED, Json(upload_form(presigned))))
}

#[derive(Deserialize, ToSchema)]
pub struct UploadedRequest {
    /// The `upload_token` of the presign.
    pub upload_token: String,
}

#[derive(Serialize, ToSchema)]
pub struct UploadState {
    pub file_id: Uuid,
    /// `pending` right after the first confirmation; later calls answer the current status.
    pub virus_status: String,
}

/// Confirm an upload: the file is queued for the virus scan. Idempotent.
#[utoipa::path(post, path = "/api/files/{id}/uploaded", tag = "files", request_body = UploadedRequest,
    params(("id" = Uuid, Path, description = "File id")),
    responses(
        (status = 200, body = UploadState),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, description = "Unknown file or wrong token", body = crate::http::error::Problem),
        (status = 409, description = "`upload_missing`: nothing was uploaded", body = crate::http::error::Problem),
        (status = 429, body = crate::http::error::Problem),
    ))]
pub async fn uploaded(State(state): State<AppState>, ApiPath(id): ApiPath<Uuid>, ApiJson(body): ApiJson<UploadedRequest>) -> ApiResult<Json<UploadState>> {
    let file = state.files.confirm_upload(FileId(id), &body.upload_token).await?;
    Ok(Json(UploadState { file_id: file.id.0, virus_status: file.virus_status.as_str().to_string() }))
}
