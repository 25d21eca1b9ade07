use super::PortResult;
use crate::audit::AuditEntry;

/// The append-only audit log.
#[async_trait::async_trait]
pub trait AuditLog: Send + Sync {
    async fn record(&self, entry: AuditEntry) -> PortResult<()>;
}
