use super::PortResult;
use crate::admin::{CompanyQuery, CompanyRecord};
use crate::identity::{Company, CompanyFilter};
use crate::ids::CompanyId;
use crate::paging::{Page, PageRequest};
use chrono::{DateTime, Utc};

/// Companies (tenants).
#[async_trait::async_trait]
pub trait CompanyRepository: Send + Sync {
    /// `Err(Conflict("company_name_taken"))` when the name is in use (case-insensitively).
    async fn create(&self, company: &Company, at: DateTime<Utc>) -> PortResult<()>;
    async fn find(&self, id: CompanyId) -> PortResult<Option<CompanyRecord>>;
    /// Newest first.
    async fn list(&self, query: &CompanyQuery, companies: CompanyFilter, page: PageRequest) -> PortResult<Page<CompanyRecord>>;
    /// Store name and status; `Err(Conflict("company_name_taken"))` like `create`.
    async fn update(&self, company: &Company, at: DateTime<Utc>) -> PortResult<()>;
    /// End every live session of the company's users; returns how many ended.
    async fn end_sessions(&self, id: CompanyId, reason: &str, at: DateTime<Utc>) -> PortResult<u64>;
}
