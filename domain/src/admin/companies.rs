//! Companies: created, listed and edited by super admins only (the route
//! table requires `companies:manage`, which no company role can hold).

use super::{AdminService, CompanyQuery, CompanyRecord};
use crate::audit::{AuditEntry, RequestMeta};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::{Company, CompanyStatus, CompanyType, Principal};
use crate::ids::CompanyId;
use crate::paging::{Page, PageRequest};
use serde::Serialize;

pub const COMPANY_NAME_MAX: usize = 200;

/// `POST /api/admin/companies` as the domain receives it.
#[derive(Clone, Debug)]
pub struct NewCompanyInput {
    pub name: String,
    /// `agency` or `employer`.
    pub kind: String,
}

/// `PATCH /api/admin/companies/{id}`: absent fields stay as they are.
#[derive(Clone, Debug, Default)]
pub struct CompanyChanges {
    pub name: Option<String>,
    /// `active` or `suspended`.
    pub status: Option<String>,
}

/// A company name: trimmed, 1 to 200 characters.
pub fn validate_company_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    let len = name.chars().count();
    if len == 0 || len > COMPANY_NAME_MAX || name.chars().any(char::is_control) {
        return Err(FieldError::new("name", "invalid_length", "must be between 1 and 200 characters"));
    }
    Ok(name.to_string())
}

fn parse_kind(raw: &str) -> Result<CompanyType, FieldError> {
    CompanyType::parse(raw.trim()).ok_or_else(|| FieldError::new("type", "invalid_type", "must be `agency` or `employer`"))
}

fn parse_status(raw: &str) -> Result<CompanyStatus, FieldError> {
    CompanyStatus::parse(raw.trim()).ok_or_else(|| FieldError::new("status", "invalid_status", "must be `active` or `suspended`"))
}

/// The audited shape of a company.
#[derive(Serialize)]
struct CompanySnapshot<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    status: &'static str,
}

impl<'a> CompanySnapshot<'a> {
    fn of(c: &'a Company) -> Self {
        Self { name: &c.name, kind: c.kind.as_str(), status: c.status.as_str() }
    }
}

/// Parse the list filters; unknown values are field errors, not empty lists.
pub fn company_query(kind: Option<&str>, status: Option<&str>, text: Option<&str>) -> DomainResult<CompanyQuery> {
    let mut errors = Vec::new();
    let kind = kind.map(parse_kind).transpose().unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    let status = status.map(parse_status).transpose().unwrap_or_else(|e| {
        errors.push(e);
        None
    });
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let text = crate::text_input::filter_text(text);
    Ok(CompanyQuery { kind, status, text, by_name: false })
}

impl AdminService {
    pub async fn create_company(&self, actor: &Principal, input: NewCompanyInput, meta: &RequestMeta) -> DomainResult<CompanyRecord> {
        let name = validate_company_name(&input.name);
        let kind = parse_kind(&input.kind);
        let (name, kind) = match (name, kind) {
            (Ok(n), Ok(k)) => (n, k),
            (n, k) => return Err(DomainError::Validation([n.err(), k.err()].into_iter().flatten().collect())),
        };
        let company = Company { id: CompanyId::new(), name, kind, status: CompanyStatus::Active };
        self.d.companies.create(&company, self.d.clock.now()).await?;
        self.audit(
            AuditEntry::by(actor, "companies.create", meta)
                .company(Some(company.id))
                .target("company", company.id)
                .changes(None::<&()>, Some(&CompanySnapshot::of(&company))),
        )
        .await?;
        self.d.companies.find(company.id).await?.ok_or(DomainError::NotFound)
    }

    pub async fn company(&self, actor: &Principal, id: CompanyId) -> DomainResult<CompanyRecord> {
        actor.scoped(self.d.companies.find(id).await?)
    }

    pub async fn companies(&self, actor: &Principal, query: CompanyQuery, page: PageRequest) -> DomainResult<Page<CompanyRecord>> {
        self.d.companies.list(&query, actor.scope().company_filter(), page).await
    }

    /// Rename or suspend/reactivate. Suspending ends the sessions of every
    /// member at once; sign-in and refresh refuse them while it lasts.
    pub async fn update_company(&self, actor: &Principal, id: CompanyId, changes: CompanyChanges, meta: &RequestMeta) -> DomainResult<CompanyRecord> {
        let name = changes.name.as_deref().map(validate_company_name).transpose();
        let status = changes.status.as_deref().map(parse_status).transpose();
        let (name, status) = match (name, status) {
            (Ok(n), Ok(s)) => (n, s),
            (n, s) => return Err(DomainError::Validation([n.err(), s.err()].into_iter().flatten().collect())),
        };
        let before = self.company(actor, id).await?.company;
        let mut after = before.clone();
        if let Some(name) = name {
            after.name = name;
        }
        if let Some(status) = status {
            after.status = status;
        }
        if after == before {
            return self.company(actor, id).await;
        }
        let now = self.d.clock.now();
        self.d.companies.update(&after, now).await?;
        let mut entry = AuditEntry::by(actor, "companies.update", meta)
            .company(Some(id))
            .target("company", id)
            .changes(Some(&CompanySnapshot::of(&before)), Some(&CompanySnapshot::of(&after)));
        if before.status != CompanyStatus::Suspended && after.status == CompanyStatus::Suspended {
            let ended = self.d.companies.end_sessions(id, "company_suspended", now).await?;
            entry = entry.detail("sessions_ended", ended);
        }
        self.audit(entry).await?;
        self.company(actor, id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(validate_company_name("  Acme Staffing ").unwrap(), "Acme Staffing");
        assert_eq!(validate_company_name("   ").unwrap_err().code, "invalid_length");
        assert!(validate_company_name(&"x".repeat(200)).is_ok());
        assert!(validate_company_name(&"x".repeat(201)).is_err());
        assert!(validate_company_name("a\u{0}b").is_err());
    }

    #[test]
    fn filters_refuse_unknown_values() {
        let q = company_query(Some("agency"), Some("suspended"), Some("  acme ")).unwrap();
        assert_eq!((q.kind, q.status, q.text.as_deref()), (Some(CompanyType::Agency), Some(CompanyStatus::Suspended), Some("acme")));
        match company_query(Some("school"), Some("gone"), None) {
            Err(DomainError::Validation(errs)) => {
                assert_eq!(errs.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["type", "status"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(company_query(None, None, Some("  ")).unwrap().text.is_none());
    }
}
