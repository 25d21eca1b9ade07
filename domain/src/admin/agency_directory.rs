//! The agency directory: the active agencies an employer may share its jobs
//! with, by name. It exists for the sharing decision, so only employers who
//! may share browse it; agencies never see their rivals.

use super::{AdminService, CompanyQuery};
use crate::error::{DomainError, DomainResult};
use crate::identity::{CompanyFilter, CompanyStatus, CompanyType, Permission, Principal};
use crate::ids::CompanyId;
use crate::paging::{Page, PageRequest};

/// One agency as an employer sees it: who, never how big.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgencyListing {
    pub id: CompanyId,
    pub name: String,
}

/// Employers with `jobs:write`, who may share their jobs.
pub fn may_browse_agencies(actor: &Principal) -> DomainResult<()> {
    actor.require(Permission::JobsWrite)?;
    match actor.company_type {
        Some(CompanyType::Employer) => Ok(()),
        _ => Err(DomainError::Forbidden("employers_only")),
    }
}

impl AdminService {
    pub async fn agency_directory(&self, actor: &Principal, text: Option<&str>, page: PageRequest) -> DomainResult<Page<AgencyListing>> {
        may_browse_agencies(actor)?;
        let query = CompanyQuery {
            kind: Some(CompanyType::Agency),
            status: Some(CompanyStatus::Active),
            text: crate::text_input::filter_text(text),
            by_name: true,
        };
        let found = self.d.companies.list(&query, CompanyFilter::Any, page).await?;
        Ok(found.map(|r| AgencyListing { id: r.company.id, name: r.company.name }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{SessionFamilyId, UserId};

    fn principal(kind: Option<CompanyType>, permissions: &[Permission]) -> Principal {
        Principal {
            user_id: UserId::new(),
            session: SessionFamilyId::new(),
            company_id: kind.map(|_| CompanyId::new()),
            company_type: kind,
            roles: vec![],
            permissions: permissions.iter().copied().collect(),
        }
    }

    #[test]
    fn only_employers_who_may_share_browse_agencies() {
        assert!(may_browse_agencies(&principal(Some(CompanyType::Employer), &[Permission::JobsWrite])).is_ok());
        assert!(matches!(may_browse_agencies(&principal(None, &[Permission::PlatformCompaniesManage])), Err(DomainError::Forbidden("missing_permission"))));
        assert!(matches!(may_browse_agencies(&principal(Some(CompanyType::Agency), &[Permission::JobsWrite])), Err(DomainError::Forbidden("employers_only"))));
        assert!(matches!(may_browse_agencies(&principal(Some(CompanyType::Employer), &[Permission::JobsRead])), Err(DomainError::Forbidden("missing_permission"))));
        assert!(matches!(may_browse_agencies(&principal(None, &[Permission::JobsWrite])), Err(DomainError::Forbidden("employers_only"))));
    }
}
