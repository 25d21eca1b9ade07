//! Identity administration: companies (super admin), custom roles and user
//! accounts (company admins within their company, super admins anywhere), and
//! account activation. Rules are pure functions with unit tests; the use cases
//! live on [`AdminService`], split by subject across the files of this module.

mod activation;
mod agency_directory;
mod companies;
mod roles;
mod users;

pub use agency_directory::{may_browse_agencies, AgencyListing};
pub use companies::{company_query, validate_company_name, CompanyChanges, NewCompanyInput};
pub use roles::{check_permissions, validate_role_name, visible_to, RoleInput};
pub use users::{check_role_assignable, validate_new_user, CreateUser, UserChanges, UserFilters, ValidNewUser};

use crate::audit::AuditEntry;
use crate::clock::Clock;
use crate::error::DomainResult;
use crate::identity::{Company, CompanyFilter, CompanyOwned, CompanyStatus, CompanyType, Permission, User, UserStatus};
use crate::ids::{CompanyId, RoleId};
use crate::ports::{AuditLog, CompanyRepository, EventPublisher, MailOutbox, OneTimeTokenRepository, PasswordHasher, RoleRepository, Secrets, SessionRepository, UserRepository};
use crate::auth::PasswordPolicy;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::BTreeSet;
use std::sync::Arc;

/// A company with its bookkeeping, as the admin screens show it.
#[derive(Clone, Debug)]
pub struct CompanyRecord {
    pub company: Company,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub user_count: u64,
}

impl CompanyOwned for CompanyRecord {
    fn owner(&self) -> Option<CompanyId> {
        Some(self.company.id)
    }
}

/// List filters for companies (super admins, and the agency directory).
#[derive(Clone, Debug, Default)]
pub struct CompanyQuery {
    pub kind: Option<CompanyType>,
    pub status: Option<CompanyStatus>,
    /// Name contains (case-insensitive).
    pub text: Option<String>,
    /// Alphabetical instead of newest first.
    pub by_name: bool,
}

/// A system role (no company) or a company's custom role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub id: RoleId,
    pub company_id: Option<CompanyId>,
    pub name: String,
    pub description: String,
    pub is_system: bool,
    pub permissions: BTreeSet<Permission>,
    /// Users holding the role.
    pub user_count: u64,
}

#[derive(Clone, Debug)]
pub struct NewRole {
    pub id: RoleId,
    pub company_id: CompanyId,
    pub name: String,
    pub description: String,
    pub permissions: BTreeSet<Permission>,
}

/// A user with the account facts the admin screens show.
#[derive(Clone, Debug)]
pub struct ManagedUser {
    pub user: User,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl CompanyOwned for ManagedUser {
    fn owner(&self) -> Option<CompanyId> {
        self.user.company.as_ref().map(|c| c.id)
    }
}

/// A user list query with its company restriction applied.
#[derive(Clone, Debug)]
pub struct UserQuery {
    pub companies: CompanyFilter,
    pub role: Option<String>,
    pub status: Option<UserStatus>,
    /// Name or email contains.
    pub text: Option<String>,
}

/// What the admin use cases need from the outside.
pub struct AdminDeps {
    pub users: Arc<dyn UserRepository>,
    pub roles: Arc<dyn RoleRepository>,
    pub companies: Arc<dyn CompanyRepository>,
    pub sessions: Arc<dyn SessionRepository>,
    pub one_time: Arc<dyn OneTimeTokenRepository>,
    pub audit: Arc<dyn AuditLog>,
    pub mail: Arc<dyn MailOutbox>,
    pub events: Arc<dyn EventPublisher>,
    pub hasher: Arc<dyn PasswordHasher>,
    pub secrets: Arc<dyn Secrets>,
    pub clock: Arc<dyn Clock>,
    pub password_policy: PasswordPolicy,
    /// How long an activation link works (72 hours).
    pub activation_ttl: Duration,
    /// Base URL of the web app, for links in emails.
    pub frontend_url: String,
}

pub struct AdminService {
    d: AdminDeps,
}

impl AdminService {
    pub fn new(deps: AdminDeps) -> Self {
        Self { d: deps }
    }

    async fn audit(&self, entry: AuditEntry) -> DomainResult<()> {
        self.d.audit.record(entry).await
    }

    fn link(&self, path_and_query: &str) -> String {
        format!("{}{}", self.d.frontend_url.trim_end_matches('/'), path_and_query)
    }
}

/// The audited shape of a user (diffs of users.* rows).
#[derive(Serialize)]
struct UserSnapshot<'a> {
    email: &'a str,
    full_name: &'a str,
    status: &'static str,
    roles: &'a [String],
    company_id: Option<CompanyId>,
    login_hold_reason: Option<&'a str>,
}

impl<'a> UserSnapshot<'a> {
    fn of(user: &'a User) -> Self {
        Self {
            email: user.email.as_str(),
            full_name: &user.full_name,
            status: user.status.as_str(),
            roles: &user.roles,
            company_id: user.company.as_ref().map(|c| c.id),
            login_hold_reason: user.login_hold_reason.as_deref(),
        }
    }
}
