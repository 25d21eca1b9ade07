use crate::identity::{Principal, User};
use crate::ids::{CompanyId, ResetRequestId, UserId};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// Who approves a user's reset: their company's admins, or the platform's super
/// admins (for candidates, for company admins themselves, and for super admins).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApproverScope {
    Company(CompanyId),
    Platform,
}

pub fn approver_scope(user: &User) -> ApproverScope {
    match &user.company {
        Some(company) if !user.requires_second_factor() => ApproverScope::Company(company.id),
        _ => ApproverScope::Platform,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResetRequestStatus {
    Pending,
    Approved,
    Completed,
}

impl ResetRequestStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            ResetRequestStatus::Pending => "pending",
            ResetRequestStatus::Approved => "approved",
            ResetRequestStatus::Completed => "completed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pending" => Some(Self::Pending),
            "approved" => Some(Self::Approved),
            "completed" => Some(Self::Completed),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ResetRequest {
    pub id: ResetRequestId,
    pub user_id: UserId,
    pub user_email: String,
    pub user_full_name: String,
    /// `None`: platform (super admins) approve.
    pub approver_company_id: Option<CompanyId>,
    pub status: ResetRequestStatus,
    pub requested_at: DateTime<Utc>,
    pub requested_ip: Option<String>,
    pub approved_by: Option<UserId>,
    pub approved_at: Option<DateTime<Utc>>,
}

impl ResetRequest {
    /// Whether the request is visible to this approver at all (else: not found).
    pub fn visible_to(&self, approver: &Principal) -> bool {
        approver.is_super_admin() || (self.approver_company_id.is_some() && self.approver_company_id == approver.company_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::{Company, CompanyType, Email, Permission, UserStatus};

    fn user(company: Option<CompanyId>, perms: &[Permission]) -> User {
        User {
            id: UserId::new(),
            email: Email::parse("u@example.com").unwrap(),
            full_name: "U".into(),
            status: UserStatus::Active,
            company: company.map(|id| Company { id, name: "Acme".into(), kind: CompanyType::Agency, status: Default::default() }),
            roles: vec![],
            permissions: perms.iter().copied().collect(),
            password_hash: None,
            failed_login_count: 0,
            locked_until: None,
            login_hold_reason: None,
        }
    }

    #[test]
    fn company_staff_are_approved_by_their_company() {
        let c = CompanyId::new();
        assert_eq!(approver_scope(&user(Some(c), &[Permission::JobsRead])), ApproverScope::Company(c));
    }

    #[test]
    fn admins_and_candidates_are_approved_by_the_platform() {
        assert_eq!(approver_scope(&user(Some(CompanyId::new()), &[Permission::UsersCreate])), ApproverScope::Platform);
        assert_eq!(approver_scope(&user(None, &[Permission::CandidateSelf])), ApproverScope::Platform);
    }

    #[test]
    fn other_companies_cannot_see_a_request() {
        let c = CompanyId::new();
        let req = ResetRequest {
            id: ResetRequestId::new(),
            user_id: UserId::new(),
            user_email: "u@example.com".into(),
            user_full_name: "U".into(),
            approver_company_id: Some(c),
            status: ResetRequestStatus::Pending,
            requested_at: Utc::now(),
            requested_ip: None,
            approved_by: None,
            approved_at: None,
        };
        let approver = |company: Option<CompanyId>, roles: &[&str]| Principal::for_test(company, None, roles, &[]);
        assert!(req.visible_to(&approver(Some(c), &["agency_admin"])));
        assert!(!req.visible_to(&approver(Some(CompanyId::new()), &["agency_admin"])));
        assert!(req.visible_to(&approver(None, &["super_admin"])));
    }
}
