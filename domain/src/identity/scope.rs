//! Company scoping: the one mechanism every use case uses to decide what a
//! caller may see. Permissions are checked by the route table; scope is checked
//! here, so "another company's resource" always looks like "no such resource".

use super::Principal;
use crate::error::{DomainError, DomainResult};
use crate::ids::CompanyId;

/// Which companies' data a caller sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Super admins: every company and platform-level data.
    Platform,
    /// Members of a company: that company only.
    Company(CompanyId),
    /// Callers without a company (candidates): no company-owned data.
    Personal,
}

impl Scope {
    /// May data owned by `owner` (None: platform-level) be seen in this scope?
    pub fn contains(&self, owner: Option<CompanyId>) -> bool {
        match self {
            Scope::Platform => true,
            Scope::Company(mine) => owner == Some(*mine),
            Scope::Personal => false,
        }
    }

    /// How a list query is limited. `Nothing` (candidates) makes adapters
    /// answer an empty list rather than an error.
    pub fn company_filter(&self) -> CompanyFilter {
        match self {
            Scope::Platform => CompanyFilter::Any,
            Scope::Company(id) => CompanyFilter::Only(*id),
            Scope::Personal => CompanyFilter::Nothing,
        }
    }

    /// The company a new resource of this caller belongs to. Super admins must
    /// name one (`requested`); company members get their own, and naming
    /// another company is refused as if it did not exist.
    pub fn owning_company(&self, requested: Option<CompanyId>) -> DomainResult<CompanyId> {
        match (self, requested) {
            (Scope::Company(mine), None) => Ok(*mine),
            (Scope::Company(mine), Some(asked)) if asked == *mine => Ok(*mine),
            (Scope::Company(_), Some(_)) => Err(DomainError::field("company_id", "other_company", "You can only act within your own company.")),
            (Scope::Platform, Some(asked)) => Ok(asked),
            (Scope::Platform, None) => Err(DomainError::field("company_id", "required", "Choose the company.")),
            (Scope::Personal, _) => Err(DomainError::Forbidden("no_company")),
        }
    }
}

/// A list query's company restriction, as adapters apply it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompanyFilter {
    Any,
    Only(CompanyId),
    Nothing,
}

/// Something that belongs to a company (or, with `None`, to the platform).
pub trait CompanyOwned {
    fn owner(&self) -> Option<CompanyId>;
}

impl Principal {
    pub fn scope(&self) -> Scope {
        if self.is_super_admin() {
            Scope::Platform
        } else if let Some(company) = self.company_id {
            Scope::Company(company)
        } else {
            Scope::Personal
        }
    }

    /// The one gate for loaded resources: absent or outside the caller's scope
    /// is the same `NotFound`, so ids of other companies leak nothing.
    pub fn scoped<T: CompanyOwned>(&self, found: Option<T>) -> DomainResult<T> {
        match found {
            Some(item) if self.scope().contains(item.owner()) => Ok(item),
            _ => Err(DomainError::NotFound),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::Permission;

    struct Thing(Option<CompanyId>);
    impl CompanyOwned for Thing {
        fn owner(&self) -> Option<CompanyId> {
            self.0
        }
    }

    fn principal(company: Option<CompanyId>, role: &str) -> Principal {
        Principal::for_test(company, None, &[role], &[Permission::UsersRead])
    }

    #[test]
    fn members_see_their_company_only() {
        let mine = CompanyId::new();
        let p = principal(Some(mine), "agency_admin");
        assert_eq!(p.scope(), Scope::Company(mine));
        assert!(p.scoped(Some(Thing(Some(mine)))).is_ok());
        assert!(matches!(p.scoped(Some(Thing(Some(CompanyId::new())))), Err(DomainError::NotFound)));
        assert!(matches!(p.scoped(Some(Thing(None))), Err(DomainError::NotFound)));
        assert!(matches!(p.scoped::<Thing>(None), Err(DomainError::NotFound)));
        assert_eq!(p.scope().company_filter(), CompanyFilter::Only(mine));
    }

    #[test]
    fn super_admins_see_everything_and_candidates_nothing_company_owned() {
        let sa = principal(None, "super_admin");
        assert_eq!(sa.scope(), Scope::Platform);
        assert!(sa.scoped(Some(Thing(Some(CompanyId::new())))).is_ok());
        assert!(sa.scoped(Some(Thing(None))).is_ok());
        let candidate = principal(None, "candidate");
        assert_eq!(candidate.scope(), Scope::Personal);
        assert!(candidate.scoped(Some(Thing(None))).is_err());
        assert_eq!(candidate.scope().company_filter(), CompanyFilter::Nothing);
    }

    #[test]
    fn new_resources_land_in_the_callers_company() {
        let mine = CompanyId::new();
        let other = CompanyId::new();
        let member = Scope::Company(mine);
        assert_eq!(member.owning_company(None).unwrap(), mine);
        assert_eq!(member.owning_company(Some(mine)).unwrap(), mine);
        assert!(matches!(member.owning_company(Some(other)), Err(DomainError::Validation(_))));
        assert_eq!(Scope::Platform.owning_company(Some(other)).unwrap(), other);
        assert!(matches!(Scope::Platform.owning_company(None), Err(DomainError::Validation(_))));
        assert!(matches!(Scope::Personal.owning_company(None), Err(DomainError::Forbidden(_))));
    }
}
