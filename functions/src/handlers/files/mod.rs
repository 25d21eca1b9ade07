//! Files: presigned uploads, the upload confirmation, metadata and downloads.

pub mod metadata;
pub mod uploads;

use chrono::{DateTime, Utc};
use hireops_domain::files::{PresignedFileUpload, StoredFile};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;
use uuid::Uuid;

/// Routes that touch the uploads bucket (the deploy template grants them S3 access).
pub fn uses_uploads(path: &str) -> bool {
    path.starts_with("/api/files/")
        || path.ends_with("/resume-upload")
        || path.ends_with("/documents")
        || path.starts_with("/api/messaging/attachments/")
        || path.ends_with("/attachments/presign")
}

/// Where and how to upload: POST `url` as `multipart/form-data` with every
/// entry of `fields`, then the bytes as the last part, named `file`.
#[derive(Serialize, ToSchema)]
pub struct UploadForm {
    pub file_id: Uuid,
    /// Send it to `POST /api/files/{file_id}/uploaded` once the upload succeeded.
    pub upload_token: String,
    pub url: String,
    pub fields: BTreeMap<String, String>,
    pub expires_at: DateTime<Utc>,
    /// Largest accepted size in bytes.
    pub max_size: u64,
}

pub(crate) fn upload_form(p: PresignedFileUpload) -> UploadForm {
    UploadForm {
        file_id: p.file.id.0,
        upload_token: p.upload_token,
        url: p.url,
        fields: p.fields.into_iter().collect(),
        expires_at: p.expires_at,
        max_size: p.max_size,
    }
}

#[derive(Serialize, ToSchema)]
pub struct FileDetails {
    pub id: Uuid,
    pub file_name: String,
    /// The type the uploader declared.
    pub content_type: String,
    /// `resume`, `candidate_document` or `message_attachment`.
    pub purpose: String,
    /// `awaiting_upload`, `pending`, `clean`, `infected`, `error` or `rejected`.
    pub virus_status: String,
    /// Why it was rejected or blocked (signature name, type mismatch…).
    pub scan_detail: Option<String>,
    /// Bytes, known after the scan.
    pub size: Option<u64>,
    pub sha256: Option<String>,
    /// The type recognised from the content.
    pub sniffed_type: Option<String>,
    pub scanned_at: Option<DateTime<Utc>>,
    /// Whether text was extracted for search.
    pub has_text: bool,
    pub created_at: DateTime<Utc>,
}

pub(crate) fn details(f: StoredFile) -> FileDetails {
    FileDetails {
        id: f.id.0,
        file_name: f.file_name,
        content_type: f.declared_type,
        purpose: f.purpose.as_str().to_string(),
        virus_status: f.virus_status.as_str().to_string(),
        scan_detail: f.scan_detail,
        size: f.size,
        sha256: f.sha256,
        sniffed_type: f.sniffed_type,
        scanned_at: f.scanned_at,
        has_text: f.has_text,
        created_at: f.created_at,
    }
}
