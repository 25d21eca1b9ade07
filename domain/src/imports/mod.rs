//! CSV user imports: upload, chunked background processing, per-row report.

pub mod csv_file;
mod service;

pub use service::{AccountCreator, ChunkOutbox, ImportAccount, UserImportService, CHUNK_ROWS, PARALLEL_ROWS};

use crate::identity::CompanyOwned;
use crate::ids::{CompanyId, UserId, UserImportId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStatus {
    Queued,
    Processing,
    Completed,
}

impl ImportStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            ImportStatus::Queued => "queued",
            ImportStatus::Processing => "processing",
            ImportStatus::Completed => "completed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "queued" => Some(ImportStatus::Queued),
            "processing" => Some(ImportStatus::Processing),
            "completed" => Some(ImportStatus::Completed),
            _ => None,
        }
    }
}

/// What became of one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowOutcome {
    Pending,
    Created,
    /// Nothing to do: the user already exists.
    Skipped { field: String, message: String },
    Failed { field: String, message: String },
}

impl RowOutcome {
    pub fn code(&self) -> &'static str {
        match self {
            RowOutcome::Pending => "pending",
            RowOutcome::Created => "created",
            RowOutcome::Skipped { .. } => "skipped",
            RowOutcome::Failed { .. } => "failed",
        }
    }

    pub fn problem(&self) -> Option<(&str, &str)> {
        match self {
            RowOutcome::Skipped { field, message } | RowOutcome::Failed { field, message } => Some((field, message)),
            _ => None,
        }
    }

    pub fn from_parts(code: &str, field: Option<String>, message: Option<String>) -> Option<Self> {
        let (field, message) = (field.unwrap_or_default(), message.unwrap_or_default());
        Some(match code {
            "pending" => RowOutcome::Pending,
            "created" => RowOutcome::Created,
            "skipped" => RowOutcome::Skipped { field, message },
            "failed" => RowOutcome::Failed { field, message },
            _ => return None,
        })
    }
}

/// One stored row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRowRecord {
    pub row: u32,
    pub email: String,
    pub full_name: String,
    pub role: String,
    /// The id the row's user gets (chosen at upload, so retries recognise it).
    pub user_id: UserId,
    pub outcome: RowOutcome,
}

#[derive(Clone, Debug)]
pub struct NewUserImport {
    pub id: UserImportId,
    pub company_id: CompanyId,
    pub created_by: UserId,
    pub file_name: String,
    pub file_sha256: String,
    pub created_at: DateTime<Utc>,
    pub rows: Vec<ImportRowRecord>,
}

/// An import with its counters.
#[derive(Clone, Debug)]
pub struct UserImport {
    pub id: UserImportId,
    pub company_id: CompanyId,
    pub created_by: UserId,
    pub file_name: String,
    pub file_sha256: String,
    pub status: ImportStatus,
    pub total: u32,
    pub created: u32,
    pub skipped: u32,
    pub failed: u32,
    pub created_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl CompanyOwned for UserImport {
    fn owner(&self) -> Option<CompanyId> {
        Some(self.company_id)
    }
}

/// A slice of an import's rows, one queue message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportChunk {
    pub import_id: UserImportId,
    pub first_row: u32,
    pub last_row: u32,
    /// The upload's client address and request id, for the rows' audit entries.
    pub ip: Option<String>,
    pub request_id: Option<String>,
}
