//! Reading the audit trail: filtered, scoped lists and CSV exports.

use super::{AuditEntry, RequestMeta};
use crate::error::{DomainError, DomainResult};
use crate::identity::{CompanyFilter, Principal};
use crate::ids::{CompanyId, UserId};
use crate::paging::{Page, PageRequest};
use crate::ports::{AuditLog, AuditTrail};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::sync::Arc;

/// What the caller asked for; the scope is added by the use case.
#[derive(Clone, Debug, Default)]
pub struct AuditQuery {
    pub actor_id: Option<UserId>,
    /// An exact action (`users.update`) or a prefix ending in a dot (`users.`).
    pub action: Option<String>,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub outcome: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Super admins may narrow to one company.
    pub company_id: Option<CompanyId>,
}

/// A query with its company restriction, as adapters run it.
#[derive(Clone, Debug)]
pub struct AuditFilter {
    pub query: AuditQuery,
    pub companies: CompanyFilter,
}

/// One stored audit row, with the actor's name for display.
#[derive(Clone, Debug, Serialize)]
pub struct AuditRecord {
    pub id: uuid::Uuid,
    pub occurred_at: DateTime<Utc>,
    pub action: String,
    pub outcome: String,
    pub actor_id: Option<UserId>,
    pub actor_email: Option<String>,
    pub actor_name: Option<String>,
    pub company_id: Option<CompanyId>,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
    pub details: serde_json::Value,
}

/// Where an export continues: rows strictly older than this (newest first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuditCursor {
    pub occurred_at: DateTime<Utc>,
    pub id: uuid::Uuid,
}

pub struct AuditTrailService {
    trail: Arc<dyn AuditTrail>,
    log: Arc<dyn AuditLog>,
}

/// Rows fetched per round trip while exporting.
pub const EXPORT_CHUNK: u32 = 1000;
/// An export holds at most this many rows; narrow the filters for more.
pub const EXPORT_MAX_ROWS: u64 = 100_000;

impl AuditTrailService {
    pub fn new(trail: Arc<dyn AuditTrail>, log: Arc<dyn AuditLog>) -> Self {
        Self { trail, log }
    }

    /// The caller's view: company admins see their company's rows, super admins all
    /// (or one company), nobody else anything.
    pub fn filter_for(caller: &Principal, query: AuditQuery) -> DomainResult<AuditFilter> {
        let mut errors = vec![];
        if let (Some(from), Some(to)) = (query.from, query.to)
            && from > to {
                errors.push(crate::FieldError::new("from", "after_to", "`from` must not be after `to`."));
            }
        if let Some(a) = &query.action
            && (a.is_empty() || a.len() > 64) {
                errors.push(crate::FieldError::new("action", "invalid", "An action code has 1 to 64 characters."));
            }
        if !errors.is_empty() {
            return Err(DomainError::Validation(errors));
        }
        let companies = match (caller.scope().company_filter(), query.company_id) {
            (CompanyFilter::Any, Some(one)) => CompanyFilter::Only(one),
            // A company admin naming another company simply sees nothing of it.
            (CompanyFilter::Only(mine), Some(asked)) if asked != mine => CompanyFilter::Nothing,
            (filter, _) => filter,
        };
        Ok(AuditFilter { query, companies })
    }

    pub async fn list(&self, caller: &Principal, query: AuditQuery, page: PageRequest) -> DomainResult<Page<AuditRecord>> {
        let filter = Self::filter_for(caller, query)?;
        self.trail.search(&filter, page).await
    }

    /// Start an export: validates, records who exported what, and returns the
    /// filter to page through with [`Self::export_chunk`].
    pub async fn start_export(&self, caller: &Principal, query: AuditQuery, meta: &RequestMeta) -> DomainResult<AuditFilter> {
        let filter = Self::filter_for(caller, query)?;
        let q = &filter.query;
        self.log
            .record(
                AuditEntry::by(caller, "audit.export", meta)
                    .detail("actor_id", q.actor_id)
                    .detail("action", &q.action)
                    .detail("target_type", &q.target_type)
                    .detail("target_id", &q.target_id)
                    .detail("from", q.from)
                    .detail("to", q.to)
                    .detail("company_id", q.company_id),
            )
            .await?;
        Ok(filter)
    }

    pub async fn export_chunk(&self, filter: &AuditFilter, after: Option<AuditCursor>) -> DomainResult<Vec<AuditRecord>> {
        self.trail.export(filter, after, EXPORT_CHUNK).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Permission;

    fn caller(company: Option<CompanyId>, role: &str) -> Principal {
        Principal::for_test(company, None, &[role], &[Permission::AuditRead])
    }

    #[test]
    fn company_admins_are_held_to_their_company() {
        let mine = CompanyId::new();
        let admin = caller(Some(mine), "agency_admin");
        let f = AuditTrailService::filter_for(&admin, AuditQuery::default()).unwrap();
        assert_eq!(f.companies, CompanyFilter::Only(mine));
        let f = AuditTrailService::filter_for(&admin, AuditQuery { company_id: Some(CompanyId::new()), ..Default::default() }).unwrap();
        assert_eq!(f.companies, CompanyFilter::Nothing);
        let f = AuditTrailService::filter_for(&admin, AuditQuery { company_id: Some(mine), ..Default::default() }).unwrap();
        assert_eq!(f.companies, CompanyFilter::Only(mine));
    }

    #[test]
    fn super_admins_see_all_or_narrow_to_one_company() {
        let sa = caller(None, "super_admin");
        assert_eq!(AuditTrailService::filter_for(&sa, AuditQuery::default()).unwrap().companies, CompanyFilter::Any);
        let one = CompanyId::new();
        let f = AuditTrailService::filter_for(&sa, AuditQuery { company_id: Some(one), ..Default::default() }).unwrap();
        assert_eq!(f.companies, CompanyFilter::Only(one));
    }

    #[test]
    fn an_inverted_time_range_is_refused() {
        let sa = caller(None, "super_admin");
        let now = Utc::now();
        let q = AuditQuery { from: Some(now), to: Some(now - chrono::Duration::hours(1)), ..Default::default() };
        match AuditTrailService::filter_for(&sa, q) {
            Err(DomainError::Validation(errors)) => assert_eq!(errors[0].field, "from"),
            other => panic!("{other:?}"),
        }
    }
}
