use super::PortResult;
use crate::files::{CandidateDocument, FileLink, ScanOutcome, StoredFile};
use crate::identity::CompanyFilter;
use crate::ids::{CandidateId, CompanyId, FileId, JobId};
use chrono::{DateTime, Utc};
use std::time::Duration;

/// A presigned POST: the form `fields` to send, in order, before the file.
#[derive(Clone, Debug, PartialEq)]
pub struct PresignedPost {
    pub url: String,
    pub fields: Vec<(String, String)>,
}

/// A candidate profile as the file rules need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CandidateRef {
    pub id: CandidateId,
    pub company_id: Option<CompanyId>,
}

/// Stored files and their links.
#[async_trait::async_trait]
pub trait FileRepository: Send + Sync {
    /// Insert the file (and, with `link`, its candidate document or
    /// attachment row) in one transaction.
    async fn create(&self, file: &StoredFile, link: Option<FileLink>, at: DateTime<Utc>) -> PortResult<()>;
    async fn find(&self, id: FileId) -> PortResult<Option<StoredFile>>;
    async fn find_by_key(&self, object_key: &str) -> PortResult<Option<StoredFile>>;
    /// The file when the caller may see it: its company is the caller's, or
    /// it is linked to a candidate or application the caller sees. Message
    /// attachments are never found here (only through their conversation).
    async fn find_visible(&self, id: FileId, companies: CompanyFilter) -> PortResult<Option<StoredFile>>;
    /// `awaiting_upload` → `pending`; false when it was in another state.
    async fn mark_pending(&self, id: FileId, at: DateTime<Utc>) -> PortResult<bool>;
    /// Store a finished scan of a `pending` file and refresh the search text
    /// of every candidate it is linked to, in one transaction; false (and
    /// nothing written) when the file is no longer pending.
    async fn finish_scan(&self, id: FileId, outcome: &ScanOutcome, at: DateTime<Utc>) -> PortResult<bool>;
    /// The company of a job open for public applications (published, open, not deleted).
    async fn public_job_company(&self, job: JobId) -> PortResult<Option<CompanyId>>;
    /// A live candidate profile the caller sees.
    async fn visible_candidate(&self, id: CandidateId, companies: CompanyFilter) -> PortResult<Option<CandidateRef>>;
    /// The candidate's documents, newest first.
    async fn candidate_documents(&self, candidate: CandidateId) -> PortResult<Vec<CandidateDocument>>;
}

/// Object storage for uploads.
#[async_trait::async_trait]
pub trait FileStorage: Send + Sync {
    /// A browser upload straight to `key`, limited to `content_type` and 1..=`max_size` bytes.
    async fn presign_upload(&self, key: &str, content_type: &str, max_size: u64, expires_in: Duration) -> PortResult<PresignedPost>;
    async fn exists(&self, key: &str) -> PortResult<bool>;
    /// A GET link answering with this `Content-Disposition`.
    async fn presign_download(&self, key: &str, content_disposition: &str, expires_in: Duration) -> PortResult<String>;
    async fn copy(&self, from: &str, to: &str) -> PortResult<()>;
    async fn delete(&self, key: &str) -> PortResult<()>;
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VirusVerdict {
    Clean,
    /// The signature found.
    Infected(String),
}

/// What streaming an object through the virus scanner found.
#[derive(Clone, Debug, PartialEq)]
pub struct Inspection {
    /// Bytes read; `max_size + 1` means "larger than allowed" (reading stops there).
    pub size: u64,
    /// Of the bytes read.
    pub sha256: String,
    pub verdict: VirusVerdict,
    /// The type recognised from the content (`None`: unknown binary).
    pub sniffed_type: Option<String>,
    /// The bytes, when within `max_size`.
    pub content: Option<Vec<u8>>,
}

/// Streams an object into the virus scanner.
#[async_trait::async_trait]
pub trait FileScanner: Send + Sync {
    /// `None` when there is no such object. An unreachable or failing scanner
    /// is an `Err`: a file is never taken as clean without a verdict.
    async fn inspect(&self, key: &str, max_size: u64) -> PortResult<Option<Inspection>>;
}

/// Plain text out of documents, for search.
#[async_trait::async_trait]
pub trait TextExtractor: Send + Sync {
    /// `Ok(None)` for types without text support; `Err` describes a broken document.
    async fn extract(&self, bytes: Vec<u8>, content_type: &str) -> Result<Option<String>, String>;
}

/// The scan queue.
#[async_trait::async_trait]
pub trait ScanQueue: Send + Sync {
    async fn enqueue(&self, file: FileId) -> PortResult<()>;
}
