//! CSV user import: upload (checked, stored and queued at once) and the
//! per-row report.

use crate::http::{ApiError, ApiPath, ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::ids::{CompanyId, UserImportId};
use hireops_domain::imports::csv_file::MAX_FILE_BYTES;
use hireops_domain::imports::{ImportRowRecord, RowOutcome, UserImport};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The request body may hold the 5 MB file plus the multipart framing.
pub const MAX_UPLOAD_BYTES: usize = MAX_FILE_BYTES + 64 * 1024;

/// The upload form.
#[derive(ToSchema)]
#[allow(dead_code)] // documents the multipart body
pub struct UserImportForm {
    /// CSV, UTF-8, header `email,full_name,role`, at most 10,000 rows and 5 MB.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// Super admins: the company the users join. Company admins: omit (or their own).
    company_id: Option<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct RowProblemView {
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: u32,
    /// `email`, `full_name`, `role` or `row`.
    pub field: String,
    pub message: String,
    /// `failed` (invalid) or `skipped` (the user already exists).
    pub outcome: String,
    pub email: String,
}

#[derive(Serialize, ToSchema)]
pub struct UserImportReport {
    pub import_id: Uuid,
    /// `queued`, `processing` or `completed`.
    pub status: String,
    pub company_id: Uuid,
    pub file_name: String,
    pub file_sha256: String,
    pub total: u32,
    pub created: u32,
    pub skipped: u32,
    pub failed: u32,
    /// Rows not processed yet.
    pub pending: u32,
    /// Every failed or skipped row, in file order.
    pub errors: Vec<RowProblemView>,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

fn report(import: UserImport, problems: Vec<ImportRowRecord>) -> UserImportReport {
    UserImportReport {
        import_id: import.id.0,
        status: import.status.as_str().to_string(),
        company_id: import.company_id.0,
        file_name: import.file_name,
        file_sha256: import.file_sha256,
        total: import.total,
        created: import.created,
        skipped: import.skipped,
        failed: import.failed,
        pending: import.total - import.created - import.skipped - import.failed,
        errors: problems
            .into_iter()
            .filter_map(|r| {
                let outcome = r.outcome.code().to_string();
                match r.outcome {
                    RowOutcome::Failed { field, message } | RowOutcome::Skipped { field, message } => {
                        Some(RowProblemView { row: r.row, field, message, outcome, email: r.email })
                    }
                    _ => None,
                }
            })
            .collect(),
        created_at: import.created_at,
        started_at: import.started_at,
        finished_at: import.finished_at,
    }
}

fn multipart_error(status: StatusCode, detail: impl Into<String>) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "file_too_large").detail("The file is larger than 5 MB.")
    } else {
        ApiError::new(StatusCode::BAD_REQUEST, "malformed_upload").detail(detail)
    }
}

/// Import users from a CSV file. The file is checked at once (a malformed
/// file is refused before anything is created); its rows are then created in
/// the background, each with an activation email. Poll the report for progress.
#[utoipa::path(post, path = "/api/admin/users/bulk", tag = "admin", security(("bearer" = [])),
    request_body(content = UserImportForm, content_type = "multipart/form-data"),
    responses(
        (status = 202, description = "Accepted; rows are being created", body = UserImportReport),
        (status = 400, description = "Not a multipart upload, or no `file` part", body = crate::http::error::Problem),
        (status = 413, description = "Larger than 5 MB", body = crate::http::error::Problem),
        (status = 422, description = "Not CSV, wrong header, empty, over 10,000 rows, or a company outside the caller's scope", body = crate::http::error::Problem),
    ))]
pub async fn upload(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<(StatusCode, Json<UserImportReport>)> {
    let mut multipart = multipart.map_err(|e| multipart_error(e.status(), e.body_text()))?;
    let (mut file, mut file_name, mut company_id) = (None, None, None);
    while let Some(field) = multipart.next_field().await.map_err(|e| multipart_error(e.status(), e.body_text()))? {
        match field.name() {
            Some("file") => {
                file_name = field.file_name().map(str::to_string);
                file = Some(field.bytes().await.map_err(|e| multipart_error(e.status(), e.body_text()))?);
            }
            Some("company_id") => {
                let text = field.text().await.map_err(|e| multipart_error(e.status(), e.body_text()))?;
                let text = text.trim();
                if !text.is_empty() {
                    let id = text.parse::<Uuid>().map_err(|_| {
                        hireops_domain::DomainError::field("company_id", "invalid", "Not a company id.")
                    })?;
                    company_id = Some(CompanyId(id));
                }
            }
            _ => {}
        }
    }
    let file = file.ok_or_else(|| ApiError::new(StatusCode::BAD_REQUEST, "missing_file").detail("Send the CSV in a part named `file`."))?;
    let import = state.imports.start(&caller, company_id, file_name.as_deref(), &file, &meta).await?;
    Ok((StatusCode::ACCEPTED, Json(report(import, vec![]))))
}

/// Progress and per-row report of an import.
#[utoipa::path(get, path = "/api/admin/users/bulk/{import_id}", tag = "admin", security(("bearer" = [])),
    params(("import_id" = Uuid, Path, description = "The id returned by the upload")),
    responses(
        (status = 200, body = UserImportReport),
        (status = 404, description = "No such import in the caller's company", body = crate::http::error::Problem),
    ))]
pub async fn status(State(state): State<AppState>, Caller(caller): Caller, ApiPath(import_id): ApiPath<Uuid>) -> ApiResult<Json<UserImportReport>> {
    let (import, problems) = state.imports.status(&caller, UserImportId(import_id)).await?;
    Ok(Json(report(import, problems)))
}
