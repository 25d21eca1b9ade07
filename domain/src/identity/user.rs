use super::{Company, Email, Permission};
use crate::ids::UserId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserStatus {
    /// Signed up themselves; the email address is not confirmed yet.
    PendingVerification,
    /// Created by an admin; has not set a password through the activation link yet.
    PendingActivation,
    Active,
    /// Switched off by an admin. History is kept; sign-in is refused.
    Deactivated,
}

impl UserStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            UserStatus::PendingVerification => "pending_verification",
            UserStatus::PendingActivation => "pending_activation",
            UserStatus::Active => "active",
            UserStatus::Deactivated => "deactivated",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pending_verification" => Some(UserStatus::PendingVerification),
            "pending_activation" => Some(UserStatus::PendingActivation),
            "active" => Some(UserStatus::Active),
            "deactivated" => Some(UserStatus::Deactivated),
            _ => None,
        }
    }
}

/// A user as the identity rules see them, with roles and permissions resolved.
#[derive(Clone, Debug)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub full_name: String,
    pub status: UserStatus,
    pub company: Option<Company>,
    pub roles: Vec<String>,
    pub permissions: BTreeSet<Permission>,
    pub password_hash: Option<String>,
    pub failed_login_count: u32,
    pub locked_until: Option<DateTime<Utc>>,
    /// Set by an admin: the user may not sign in or refresh while it is.
    pub login_hold_reason: Option<String>,
}

impl User {
    pub fn has_role(&self, name: &str) -> bool {
        self.roles.iter().any(|r| r == name)
    }

    pub fn is_super_admin(&self) -> bool {
        self.has_role(super::SystemRole::SuperAdmin.name())
    }

    /// Anyone holding an administrative permission signs in with an email code,
    /// whether the permission came from a system role or a custom one.
    pub fn requires_second_factor(&self) -> bool {
        self.permissions.iter().any(Permission::is_administrative)
    }

    pub fn is_locked(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.locked_until.filter(|until| *until > now)
    }

    /// Whether the account may hold a session at all (sign-in or refresh).
    pub fn may_hold_session(&self) -> bool {
        self.status == UserStatus::Active && self.login_hold_reason.is_none() && !self.company_suspended()
    }

    /// Members of a suspended company are shut out until it is reactivated.
    pub fn company_suspended(&self) -> bool {
        self.company.as_ref().is_some_and(|c| c.status == super::CompanyStatus::Suspended)
    }
}

impl Permission {
    /// Permissions that make their holder an administrator (and so need 2FA).
    pub fn is_administrative(&self) -> bool {
        matches!(
            self,
            Permission::PlatformCompaniesManage
                | Permission::UsersCreate
                | Permission::UsersUpdate
                | Permission::UsersDeactivate
                | Permission::RolesManage
                | Permission::SettingsManage
                | Permission::PasswordResetsApprove
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::{CompanyStatus, CompanyType};
    use crate::ids::CompanyId;

    fn member(status: CompanyStatus) -> User {
        User {
            id: UserId::new(),
            email: Email::parse("u@example.com").unwrap(),
            full_name: "U".into(),
            status: UserStatus::Active,
            company: Some(Company { id: CompanyId::new(), name: "Acme".into(), kind: CompanyType::Agency, status }),
            roles: vec![],
            permissions: BTreeSet::new(),
            password_hash: None,
            failed_login_count: 0,
            locked_until: None,
            login_hold_reason: None,
        }
    }

    #[test]
    fn members_of_a_suspended_company_hold_no_session() {
        assert!(member(CompanyStatus::Active).may_hold_session());
        assert!(!member(CompanyStatus::Suspended).may_hold_session());
        let mut held = member(CompanyStatus::Active);
        held.login_hold_reason = Some("investigation".into());
        assert!(!held.may_hold_session());
    }
}
