use super::PortResult;
use crate::admin::{ManagedUser, UserQuery};
use crate::auth::{ApproverScope, Challenge, RefreshTokenState, ResetRequest, SsoProvider};
use crate::identity::{Email, User, UserStatus};
use crate::ids::{ChallengeId, CompanyId, ResetRequestId, RoleId, SessionFamilyId, UserId};
use crate::paging::{Page, PageRequest};
use chrono::{DateTime, Utc};

#[derive(Clone, Debug)]
pub struct NewUser {
    pub id: UserId,
    pub email: Email,
    pub full_name: String,
    pub password_hash: Option<String>,
    pub status: UserStatus,
    pub company_id: Option<CompanyId>,
    /// System or custom role names, resolved in the user's company.
    pub roles: Vec<String>,
}

#[async_trait::async_trait]
pub trait UserRepository: Send + Sync {
    async fn find_by_email(&self, email: &Email) -> PortResult<Option<User>>;
    async fn find_by_id(&self, id: UserId) -> PortResult<Option<User>>;
    /// `Err(Conflict("email_taken"))` when the email is in use.
    async fn create(&self, user: NewUser) -> PortResult<()>;
    /// Atomically count one more consecutive failure (starting again from one
    /// when an earlier lock has run out by `now`); returns the new count.
    async fn record_failed_login(&self, id: UserId, now: DateTime<Utc>) -> PortResult<u32>;
    async fn lock_until(&self, id: UserId, until: DateTime<Utc>) -> PortResult<()>;
    /// Successful sign-in: clear failures and any expired lock, stamp last login.
    async fn record_successful_login(&self, id: UserId, at: DateTime<Utc>) -> PortResult<()>;
    /// Move from `from` to `to`; false when the user was not in `from`.
    async fn transition_status(&self, id: UserId, from: UserStatus, to: UserStatus) -> PortResult<bool>;
    /// Active users holding `permission`, within a company or (None) platform-wide super admins.
    async fn approvers(&self, scope: ApproverScope) -> PortResult<Vec<User>>;
    /// Ensure there is at least one super admin; creates it when none exists.
    /// Returns true when it created one.
    async fn ensure_super_admin(&self, user: NewUser) -> PortResult<bool>;

    // ---- administration ------------------------------------------------------

    async fn find_managed(&self, id: UserId) -> PortResult<Option<ManagedUser>>;
    /// Newest first.
    async fn list_managed(&self, query: &UserQuery, page: PageRequest) -> PortResult<Page<ManagedUser>>;
    async fn update_full_name(&self, id: UserId, full_name: &str) -> PortResult<()>;
    /// Make `role` the user's only role.
    async fn replace_roles(&self, id: UserId, role: RoleId) -> PortResult<()>;
    async fn set_status(&self, id: UserId, status: UserStatus) -> PortResult<()>;
    /// `Some(reason)` holds the login, `None` releases it.
    async fn set_login_hold(&self, id: UserId, reason: Option<&str>) -> PortResult<()>;
    /// Forget failed sign-ins and any lock.
    async fn clear_lockout(&self, id: UserId) -> PortResult<()>;
    /// In one transaction: consume the activation token, set the password and
    /// make a `pending_activation` user active. `None` when the token is not
    /// live (or the account is no longer awaiting activation).
    async fn activate(&self, token_digest: &str, password_hash: &str, now: DateTime<Utc>) -> PortResult<Option<UserId>>;
}

/// Refresh-token families. Every method is atomic.
#[async_trait::async_trait]
pub trait SessionRepository: Send + Sync {
    async fn start_family(
        &self,
        user: UserId,
        family: SessionFamilyId,
        first_token_digest: &str,
        token_expires_at: DateTime<Utc>,
        family_expires_at: DateTime<Utc>,
    ) -> PortResult<()>;
    async fn find_token(&self, digest: &str) -> PortResult<Option<RefreshTokenState>>;
    /// Mark the token rotated and add its successor, only if it was not rotated
    /// yet. False when someone else rotated it first (which is reuse).
    async fn rotate(&self, old: &RefreshTokenState, new_digest: &str, new_expires_at: DateTime<Utc>, now: DateTime<Utc>) -> PortResult<bool>;
    async fn revoke_family(&self, family: SessionFamilyId, reason: &str, now: DateTime<Utc>) -> PortResult<()>;
    async fn revoke_all_for_user(&self, user: UserId, reason: &str, now: DateTime<Utc>) -> PortResult<()>;
    /// Live = not revoked and not past its absolute expiry.
    async fn is_family_live(&self, family: SessionFamilyId, now: DateTime<Utc>) -> PortResult<bool>;
}

#[async_trait::async_trait]
pub trait ChallengeRepository: Send + Sync {
    async fn create(&self, challenge: &Challenge) -> PortResult<()>;
    async fn find(&self, id: ChallengeId) -> PortResult<Option<Challenge>>;
    /// Count one attempt unless the limit is reached; returns whether it was counted.
    async fn count_attempt(&self, id: ChallengeId, max_attempts: u32) -> PortResult<bool>;
    /// Single use: true only for the first caller.
    async fn consume(&self, id: ChallengeId) -> PortResult<bool>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OneTimePurpose {
    VerifyEmail,
    PasswordReset,
    Activation,
}

impl OneTimePurpose {
    pub fn as_str(&self) -> &'static str {
        match self {
            OneTimePurpose::VerifyEmail => "verify_email",
            OneTimePurpose::PasswordReset => "password_reset",
            OneTimePurpose::Activation => "activation",
        }
    }
}

/// Single-use emailed tokens, stored as digests.
#[async_trait::async_trait]
pub trait OneTimeTokenRepository: Send + Sync {
    async fn create(&self, purpose: OneTimePurpose, user: UserId, digest: &str, expires_at: DateTime<Utc>, reference: Option<String>) -> PortResult<()>;
    /// Consume a live token: returns its user and reference, once.
    async fn consume(&self, purpose: OneTimePurpose, digest: &str, now: DateTime<Utc>) -> PortResult<Option<(UserId, Option<String>)>>;
}

#[async_trait::async_trait]
pub trait ResetRequestRepository: Send + Sync {
    async fn create(&self, id: ResetRequestId, user: UserId, scope: ApproverScope, ip: Option<String>, at: DateTime<Utc>) -> PortResult<()>;
    /// The user's pending request, if any (a repeat request does not add another).
    async fn pending_for_user(&self, user: UserId) -> PortResult<Option<ResetRequestId>>;
    async fn find(&self, id: ResetRequestId) -> PortResult<Option<ResetRequest>>;
    /// Pending requests an approver in this scope sees (None: every request, for super admins).
    async fn list_pending(&self, company: Option<CompanyId>) -> PortResult<Vec<ResetRequest>>;
    /// pending → approved; false if it was not pending.
    async fn approve(&self, id: ResetRequestId, by: UserId, at: DateTime<Utc>) -> PortResult<bool>;
    /// In one transaction: consume the reset token, set the password, clear any
    /// lock, complete the request and end every session of the user.
    async fn complete(&self, token_digest: &str, password_hash: &str, now: DateTime<Utc>) -> PortResult<Option<UserId>>;
}

#[async_trait::async_trait]
pub trait SsoLinkRepository: Send + Sync {
    async fn user_for_subject(&self, provider: SsoProvider, subject: &str) -> PortResult<Option<UserId>>;
    async fn has_link(&self, provider: SsoProvider, user: UserId) -> PortResult<bool>;
    async fn link(&self, provider: SsoProvider, subject: &str, user: UserId, at: DateTime<Utc>) -> PortResult<()>;
}
