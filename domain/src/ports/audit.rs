use super::PortResult;
use crate::audit::{AuditCursor, AuditEntry, AuditFilter, AuditRecord};
use crate::paging::{Page, PageRequest};

/// The append-only audit log.
#[async_trait::async_trait]
pub trait AuditLog: Send + Sync {
    async fn record(&self, entry: AuditEntry) -> PortResult<()>;
}

/// Reading the audit log back, newest first.
#[async_trait::async_trait]
pub trait AuditTrail: Send + Sync {
    async fn search(&self, filter: &AuditFilter, page: PageRequest) -> PortResult<Page<AuditRecord>>;
    /// Up to `limit` rows older than `after` (keyset paging for exports).
    async fn export(&self, filter: &AuditFilter, after: Option<AuditCursor>, limit: u32) -> PortResult<Vec<AuditRecord>>;
}
