//! Uploaded files: presigned uploads straight to object storage, a virus scan
//! (clamd) before anyone may open them, text extraction for search, and
//! metadata/downloads gated by the same visibility as the things they belong
//! to. Generic by `purpose` so message attachments can reuse the pipeline.

mod access;
mod model;
mod rules;
mod scan;
mod upload;

pub use access::FileDownload;
pub use model::{CandidateDocument, DocumentKind, FileLink, FilePurpose, StoredFile, VirusStatus};
pub use rules::{
    content_disposition, object_key, quarantine_key, sanitize_file_name, type_matches, validate_upload, UploadRequest,
    ValidUpload, ATTACHMENT_TYPES, EXTRACTED_TEXT_MAX_BYTES, RESUME_TYPES,
};
pub use scan::{ExternalScanReport, ExternalVerdict, ScanOutcome, ScanResult, ScanTrigger};
pub use upload::{CandidateDocumentUpload, PresignedFileUpload};

use crate::clock::Clock;
use crate::ports::{FileRepository, FileScanner, FileStorage, ScanQueue, Secrets, TextExtractor};
use std::sync::Arc;
use std::time::Duration;

/// Size and lifetime limits, from configuration.
#[derive(Clone, Copy, Debug)]
pub struct FileLimits {
    /// Largest resume or candidate document accepted (bytes).
    pub resume_max_bytes: u64,
    /// Largest message attachment accepted (bytes).
    pub attachment_max_bytes: u64,
    /// How long a presigned upload stays usable.
    pub upload_ttl: Duration,
    /// How long a download link stays usable.
    pub download_ttl: Duration,
}

impl Default for FileLimits {
    fn default() -> Self {
        Self {
            resume_max_bytes: 10 * 1024 * 1024,
            attachment_max_bytes: 25 * 1024 * 1024,
            upload_ttl: Duration::from_secs(15 * 60), download_ttl: Duration::from_secs(5 * 60),
        }
    }
}

pub struct FileDeps {
    pub files: Arc<dyn FileRepository>,
    pub storage: Arc<dyn FileStorage>,
    pub scan_queue: Arc<dyn ScanQueue>,
    pub scanner: Arc<dyn FileScanner>,
    pub extractor: Arc<dyn TextExtractor>,
    pub secrets: Arc<dyn Secrets>,
    pub clock: Arc<dyn Clock>,
    pub limits: FileLimits,
}

pub struct FileService {
    d: FileDeps,
}

impl FileService {
    pub fn new(deps: FileDeps) -> Self {
        Self { d: deps }
    }

    pub fn limits(&self) -> FileLimits {
        self.d.limits
    }

    /// The token proving a caller received the presign of `file`.
    fn upload_secret(file: crate::ids::FileId) -> String {
        format!("file-upload:{file}")
    }
}
