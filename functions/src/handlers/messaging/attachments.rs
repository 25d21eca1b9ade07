//! Message attachments: presigned upload into a conversation, upload
//! confirmation, metadata and download (participants only, clean only), and
//! the verdict of an external scanner.

use crate::handlers::files::metadata::DownloadLink;
use crate::http::{ApiJson, ApiPath, ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::files::{ExternalScanReport, ExternalVerdict, PresignedFileUpload, ScanResult, UploadRequest};
use hireops_domain::ids::{ConversationId, FileId};
use hireops_domain::messaging::Attachment;
use hireops_domain::DomainError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct AttachmentPresignRequest {
    /// 1 to 255 characters, no slashes.
    pub file_name: String,
    /// One of: PDF, DOCX, XLSX, PPTX, DOC, ODT, RTF, plain text, CSV, PNG, JPEG, GIF, WebP, ZIP.
    pub content_type: String,
    /// Bytes, 1 to `MESSAGE_ATTACHMENT_MAX_BYTES` (25 MiB by default).
    pub size: i64,
}

/// Where and how to upload the attachment: POST `url` as `multipart/form-data`
/// with every entry of `fields`, then the bytes as the last part, named `file`.
/// The policy pins the key, the declared content type and the size limit.
#[derive(Serialize, ToSchema)]
pub struct AttachmentUploadForm {
    pub attachment_id: Uuid,
    pub url: String,
    pub fields: BTreeMap<String, String>,
    pub expires_at: DateTime<Utc>,
    /// Largest accepted size in bytes.
    pub max_size: u64,
}

fn form(p: PresignedFileUpload) -> AttachmentUploadForm {
    AttachmentUploadForm { attachment_id: p.file.id.0, url: p.url, fields: p.fields.into_iter().collect(), expires_at: p.expires_at, max_size: p.max_size }
}

#[derive(Serialize, ToSchema)]
pub struct AttachmentDetails {
    pub id: Uuid,
    pub conversation_id: Uuid,
    /// The message carrying it; null until sent.
    pub message_id: Option<Uuid>,
    pub uploaded_by: Option<Uuid>,
    pub file_name: String,
    /// The type the uploader declared.
    pub content_type: String,
    /// `awaiting_upload`, `pending`, `clean`, `infected`, `error` or `rejected`.
    /// Only `clean` attachments can be downloaded.
    pub status: String,
    /// Why it was blocked (signature name, type mismatch, too large…).
    pub scan_detail: Option<String>,
    /// Bytes, known after the scan.
    pub size: Option<u64>,
    pub sha256: Option<String>,
    /// The type recognised from the content.
    pub sniffed_type: Option<String>,
    pub scanned_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

fn details(a: Attachment) -> AttachmentDetails {
    let f = a.file;
    AttachmentDetails {
        id: f.id.0,
        conversation_id: a.conversation_id.0,
        message_id: a.message_id.map(|m| m.0),
        uploaded_by: f.uploaded_by.map(|u| u.0),
        file_name: f.file_name,
        content_type: f.declared_type,
        status: f.virus_status.as_str().to_string(),
        scan_detail: f.scan_detail,
        size: f.size,
        sha256: f.sha256,
        sniffed_type: f.sniffed_type,
        scanned_at: f.scanned_at,
        created_at: f.created_at,
    }
}

/// Presign an attachment upload into a conversation the caller may speak in.
#[utoipa::path(post, path = "/api/messaging/conversations/{id}/attachments/presign", tag = "messaging", security(("bearer" = [])),
    request_body = AttachmentPresignRequest,
    params(("id" = Uuid, Path, description = "Conversation id")),
    responses(
        (status = 201, body = AttachmentUploadForm),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 403, description = "The messaging rules refuse this conversation, or the caller is inactive", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, description = "Bad name, type not on the allow-list, or size over the limit", body = crate::http::error::Problem),
    ))]
pub async fn presign(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<AttachmentPresignRequest>,
) -> ApiResult<(StatusCode, Json<AttachmentUploadForm>)> {
    let req = UploadRequest { file_name: body.file_name, content_type: body.content_type, size: body.size };
    let presigned = state.messaging.presign_attachment(&caller, ConversationId(id), req, &meta).await?;
    Ok((StatusCode::CREATED, Json(form(presigned))))
}

/// The uploader confirms the bytes are in place: the scan is queued
/// (idempotent; the bucket's notification may have queued it already).
#[utoipa::path(post, path = "/api/messaging/attachments/{id}/uploaded", tag = "messaging", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Attachment id")),
    responses(
        (status = 200, body = AttachmentDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 403, description = "`not_uploader`: only the uploader confirms", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`upload_missing`: no object was uploaded", body = crate::http::error::Problem),
    ))]
pub async fn uploaded(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<AttachmentDetails>> {
    Ok(Json(details(state.messaging.attachment_uploaded(&caller, FileId(id)).await?)))
}

/// An attachment's metadata and scan state; participants of its conversation only.
#[utoipa::path(get, path = "/api/messaging/attachments/{id}", tag = "messaging", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Attachment id")),
    responses(
        (status = 200, body = AttachmentDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn get(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<AttachmentDetails>> {
    Ok(Json(details(state.messaging.attachment(&caller, FileId(id)).await?)))
}

/// A short-lived download link (`Content-Disposition: attachment`): clean
/// attachments only, participants only.
#[utoipa::path(get, path = "/api/messaging/attachments/{id}/download", tag = "messaging", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Attachment id")),
    responses(
        (status = 200, body = DownloadLink),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 403, description = "`file_blocked`: infected or rejected", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`file_not_clean`: not scanned yet, or the scan failed", body = crate::http::error::Problem),
    ))]
pub async fn download(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<DownloadLink>> {
    let link = state.messaging.attachment_download(&caller, FileId(id)).await?;
    Ok(Json(DownloadLink { url: link.url, expires_at: link.expires_at }))
}

#[derive(Deserialize, ToSchema)]
pub struct ScanCompleteRequest {
    /// `clean`, `infected` or `error`.
    pub status: String,
    /// Bytes scanned (required when clean).
    pub size: Option<u64>,
    /// SHA-256 of the bytes scanned, hex.
    pub sha256: Option<String>,
    /// The type recognised from the content (required when clean).
    pub mime: Option<String>,
    /// The signature found (infected) or what went wrong (error).
    pub detail: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ScanCompleteResponse {
    pub id: Uuid,
    /// The attachment's state after the report.
    pub status: String,
    /// False when the attachment was no longer pending (a repeated report): nothing changed.
    pub applied: bool,
}

fn report(body: ScanCompleteRequest) -> Result<ExternalScanReport, DomainError> {
    let detail = body.detail.unwrap_or_default();
    let verdict = match body.status.trim() {
        "clean" => ExternalVerdict::Clean,
        "infected" => ExternalVerdict::Infected(detail),
        "error" => ExternalVerdict::Error(detail),
        _ => return Err(DomainError::field("status", "invalid_status", "must be `clean`, `infected` or `error`")),
    };
    Ok(ExternalScanReport { verdict, size: body.size, sha256: body.sha256, mime: body.mime })
}

/// An external scanner's verdict on an attachment. Authenticated by the
/// service credential, never by a user token. The same rules as our own scan
/// apply (size limit, declared type, quarantine); only a pending attachment
/// takes a verdict, so a repeated report changes nothing.
#[utoipa::path(post, path = "/api/messaging/attachments/{id}/scan-complete", tag = "messaging", security(("service" = [])),
    request_body = ScanCompleteRequest,
    params(("id" = Uuid, Path, description = "Attachment id")),
    responses(
        (status = 200, body = ScanCompleteResponse),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, description = "No such attachment", body = crate::http::error::Problem),
        (status = 422, description = "Unknown status, or a clean verdict without size and type", body = crate::http::error::Problem),
    ))]
pub async fn scan_complete(State(state): State<AppState>, ApiPath(id): ApiPath<Uuid>, ApiJson(body): ApiJson<ScanCompleteRequest>) -> ApiResult<Json<ScanCompleteResponse>> {
    let file = FileId(id);
    let report = report(body)?;
    let result = state.messaging.record_external_scan(file, report).await?;
    let (status, applied) = match result {
        ScanResult::Scanned { outcome, .. } => (outcome.status, true),
        ScanResult::Skipped(status) => (status, false),
        ScanResult::Unknown => return Err(DomainError::NotFound.into()),
    };
    Ok(Json(ScanCompleteResponse { id, status: status.as_str().to_string(), applied }))
}
