use super::{CompanyType, Permission};
use crate::error::DomainError;
use crate::ids::{CompanyId, SessionFamilyId, UserId};
use std::collections::BTreeSet;

/// The authenticated caller of a use case: who, in which company, allowed to do what.
///
/// Every company-owned query takes the principal's scope, so a handler cannot
/// forget to scope.
#[derive(Clone, Debug)]
pub struct Principal {
    pub user_id: UserId,
    pub session: SessionFamilyId,
    pub company_id: Option<CompanyId>,
    pub company_type: Option<CompanyType>,
    pub roles: Vec<String>,
    pub permissions: BTreeSet<Permission>,
}

impl Principal {
    pub fn can(&self, p: Permission) -> bool {
        self.permissions.contains(&p)
    }

    pub fn require(&self, p: Permission) -> Result<(), DomainError> {
        if self.can(p) { Ok(()) } else { Err(DomainError::Forbidden("missing_permission")) }
    }

    pub fn is_super_admin(&self) -> bool {
        self.roles.iter().any(|r| r == super::SystemRole::SuperAdmin.name())
    }

    /// May this caller act on something owned by `owner` (a company, or none for
    /// platform-level subjects such as candidates)? Super admins act everywhere.
    pub fn in_scope(&self, owner: Option<CompanyId>) -> bool {
        self.is_super_admin() || (owner.is_some() && owner == self.company_id)
    }
}

/// A principal for unit tests of the rules: a fresh user and session.
#[cfg(test)]
impl Principal {
    pub(crate) fn for_test(company: Option<CompanyId>, company_type: Option<CompanyType>, roles: &[&str], perms: &[Permission]) -> Self {
        Principal {
            user_id: UserId::new(),
            session: SessionFamilyId::new(),
            company_id: company,
            company_type,
            roles: roles.iter().map(|s| s.to_string()).collect(),
            permissions: perms.iter().copied().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn principal(company: Option<CompanyId>, roles: &[&str], perms: &[Permission]) -> Principal {
        Principal::for_test(company, None, roles, perms)
    }

    #[test]
    fn scope_is_own_company_only() {
        let mine = CompanyId::new();
        let p = principal(Some(mine), &["agency_admin"], &[]);
        assert!(p.in_scope(Some(mine)));
        assert!(!p.in_scope(Some(CompanyId::new())));
        assert!(!p.in_scope(None));
    }

    #[test]
    fn super_admin_scope_is_everything() {
        let p = principal(None, &["super_admin"], &[]);
        assert!(p.in_scope(Some(CompanyId::new())));
        assert!(p.in_scope(None));
    }

    #[test]
    fn require_answers_forbidden_without_the_permission() {
        let p = principal(None, &["candidate"], &[Permission::CandidateSelf]);
        assert!(p.require(Permission::CandidateSelf).is_ok());
        assert!(matches!(p.require(Permission::UsersCreate), Err(DomainError::Forbidden(_))));
    }
}
