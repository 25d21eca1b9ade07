use super::PortResult;
use crate::imports::{ImportChunk, ImportRowRecord, NewUserImport, RowOutcome, UserImport};
use crate::ids::UserImportId;
use chrono::{DateTime, Utc};

#[async_trait::async_trait]
pub trait UserImportRepository: Send + Sync {
    /// The import and all its rows, in one transaction.
    async fn create(&self, import: &NewUserImport) -> PortResult<()>;
    /// The import with its counters (rows by outcome).
    async fn find(&self, id: UserImportId) -> PortResult<Option<UserImport>>;
    /// Rows of a chunk still waiting to be processed.
    async fn pending_rows(&self, chunk: &ImportChunk) -> PortResult<Vec<ImportRowRecord>>;
    /// Record a row's outcome, only if it is still pending.
    async fn record_outcome(&self, id: UserImportId, row: u32, outcome: &RowOutcome) -> PortResult<()>;
    /// queued → processing (first chunk to start).
    async fn mark_started(&self, id: UserImportId, at: DateTime<Utc>) -> PortResult<()>;
    /// → completed once no row is pending; true only for the caller that completed it.
    async fn complete_if_done(&self, id: UserImportId, at: DateTime<Utc>) -> PortResult<bool>;
    /// Failed and skipped rows, in file order.
    async fn problems(&self, id: UserImportId) -> PortResult<Vec<ImportRowRecord>>;
}

/// Hands import chunks to the import consumer.
#[async_trait::async_trait]
pub trait ImportWorkQueue: Send + Sync {
    async fn enqueue(&self, chunks: Vec<ImportChunk>) -> PortResult<()>;
}
