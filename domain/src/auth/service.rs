use super::reset::{approver_scope, ApproverScope};
use super::session::RefreshVerdict;
use super::{
    match_sso_account, AuthPolicy, Challenge, ChallengeCheck, FailedLoginDecision, IssuedTokens, PasswordPolicy, ResetRequest,
    ResetRequestStatus, SsoMatch, SsoPending, SsoProvider,
};
use crate::audit::{AuditEntry, Outcome, RequestMeta};
use crate::clock::Clock;
use crate::events::{DomainEvent, EventEnvelope};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::{Email, Permission, Principal, SystemRole, User, UserStatus};
use crate::ids::{ChallengeId, CompanyId, ResetRequestId, SessionFamilyId, UserId};
use crate::mail::{MailMessage, OutgoingMail};
use crate::ports::*;
use std::sync::Arc;

/// Everything the authentication use cases need from the outside.
pub struct AuthDeps {
    pub users: Arc<dyn UserRepository>,
    pub sessions: Arc<dyn SessionRepository>,
    pub challenges: Arc<dyn ChallengeRepository>,
    pub one_time: Arc<dyn OneTimeTokenRepository>,
    pub resets: Arc<dyn ResetRequestRepository>,
    pub sso_links: Arc<dyn SsoLinkRepository>,
    pub sso_state: Arc<dyn SsoStateStore>,
    pub sso_clients: Vec<Arc<dyn OidcClient>>,
    pub audit: Arc<dyn AuditLog>,
    pub mail: Arc<dyn MailOutbox>,
    pub notifier: Arc<dyn Notifier>,
    pub events: Arc<dyn EventPublisher>,
    pub hasher: Arc<dyn PasswordHasher>,
    pub tokens: Arc<dyn AccessTokenCodec>,
    pub secrets: Arc<dyn Secrets>,
    pub clock: Arc<dyn Clock>,
    pub policy: AuthPolicy,
    pub password_policy: PasswordPolicy,
    /// Base URL of the web app, for links in emails.
    pub frontend_url: String,
}

/// The result of a first sign-in step.
#[derive(Debug)]
pub enum LoginOutcome {
    Tokens(IssuedTokens),
    /// An admin must now enter the code emailed to them.
    SecondFactor { challenge_id: ChallengeId },
}

#[derive(Debug)]
pub struct SsoStart {
    pub authorization_url: String,
    pub state: String,
}

pub struct AuthService {
    d: AuthDeps,
}

impl AuthService {
    pub fn new(deps: AuthDeps) -> Self {
        Self { d: deps }
    }

    pub fn policy(&self) -> &AuthPolicy {
        &self.d.policy
    }

    fn link(&self, path_and_query: &str) -> String {
        format!("{}{}", self.d.frontend_url.trim_end_matches('/'), path_and_query)
    }

    async fn audit(&self, entry: AuditEntry) -> DomainResult<()> {
        self.d.audit.record(entry).await
    }

    async fn send(&self, user: &User, message: MailMessage) -> DomainResult<()> {
        let mail = OutgoingMail::new(user.email.clone(), Some(user.full_name.clone()), message).for_company(user.company.as_ref().map(|c| c.id));
        self.d.mail.enqueue(mail).await
    }

    // ---- sign-in -------------------------------------------------------------

    /// Password sign-in. Unknown email and wrong password answer alike.
    pub async fn login(&self, email: &str, password: &str, meta: &RequestMeta) -> DomainResult<LoginOutcome> {
        let now = self.d.clock.now();
        let email = Email::parse(email)?;
        let Some(user) = self.d.users.find_by_email(&email).await? else {
            self.d.hasher.verify_dummy(password).await;
            self.audit(AuditEntry::new("auth.login", Outcome::Failure, meta).detail("reason", "unknown_email").detail("email", email.as_str()))
                .await?;
            return Err(DomainError::Unauthenticated("invalid_credentials"));
        };
        let entry = |outcome| AuditEntry::new("auth.login", outcome, meta).actor(user.id, user.company.as_ref().map(|c| c.id)).target("user", user.id);

        if let Some(until) = user.is_locked(now) {
            self.audit(entry(Outcome::Denied).detail("reason", "account_locked")).await?;
            return Err(DomainError::TooManyRequests { retry_after_secs: (until - now).num_seconds().max(1) as u64, code: "account_locked" });
        }
        let password_ok = match &user.password_hash {
            Some(hash) => self.d.hasher.verify(password, hash).await?,
            None => {
                self.d.hasher.verify_dummy(password).await;
                false
            }
        };
        if !password_ok {
            let failures = self.d.users.record_failed_login(user.id, now).await?;
            if let FailedLoginDecision::Lock { until } = self.d.policy.on_failed_login(failures, now) {
                self.d.users.lock_until(user.id, until).await?;
                let minutes = self.d.policy.lockout_duration.num_minutes() as u32;
                self.send(&user, MailMessage::AccountLocked { minutes }).await?;
                self.audit(
                    AuditEntry::new("auth.account_locked", Outcome::Success, meta)
                        .company(user.company.as_ref().map(|c| c.id))
                        .target("user", user.id)
                        .detail("failures", failures)
                        .detail("locked_until", until),
                )
                .await?;
            }
            self.audit(entry(Outcome::Failure).detail("reason", "wrong_password").detail("failures", failures)).await?;
            return Err(DomainError::Unauthenticated("invalid_credentials"));
        }
        if let Some(refusal) = sign_in_refusal(&user) {
            self.audit(entry(Outcome::Denied).detail("reason", refusal_code(&refusal))).await?;
            return Err(refusal);
        }
        self.d.users.record_successful_login(user.id, now).await?;
        if user.requires_second_factor() {
            self.audit(entry(Outcome::Success).detail("second_factor", "required")).await?;
            return self.start_second_factor(&user, meta).await;
        }
        let tokens = self.start_session(&user).await?;
        self.audit(entry(Outcome::Success).detail("session", tokens.session)).await?;
        Ok(LoginOutcome::Tokens(tokens))
    }

    async fn start_second_factor(&self, user: &User, meta: &RequestMeta) -> DomainResult<LoginOutcome> {
        let now = self.d.clock.now();
        let code = self.d.secrets.random_code();
        let challenge = Challenge {
            id: ChallengeId::new(),
            user_id: user.id,
            code_digest: self.d.secrets.digest(&code),
            expires_at: now + self.d.policy.two_factor_ttl,
            attempts: 0,
            consumed: false,
        };
        self.d.challenges.create(&challenge).await?;
        let minutes = self.d.policy.two_factor_ttl.num_minutes() as u32;
        self.send(user, MailMessage::TwoFactorCode { code, expires_in_minutes: minutes }).await?;
        self.audit(
            AuditEntry::new("auth.2fa_challenge", Outcome::Success, meta)
                .actor(user.id, user.company.as_ref().map(|c| c.id))
                .target("challenge", challenge.id),
        )
        .await?;
        Ok(LoginOutcome::SecondFactor { challenge_id: challenge.id })
    }

    /// Second step for admins: the emailed code. At most `two_factor_max_attempts` tries.
    pub async fn verify_second_factor(&self, challenge_id: ChallengeId, code: &str, meta: &RequestMeta) -> DomainResult<IssuedTokens> {
        let code = code.trim();
        if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(DomainError::field("code", "invalid_format", "must be the 6-digit code from the email"));
        }
        let now = self.d.clock.now();
        let fail = |reason: &'static str, user: Option<UserId>| {
            let mut e = AuditEntry::new("auth.2fa_verify", Outcome::Failure, meta).target("challenge", challenge_id).detail("reason", reason);
            e.actor_id = user;
            e
        };
        let Some(challenge) = self.d.challenges.find(challenge_id).await? else {
            self.audit(fail("unknown_challenge", None)).await?;
            return Err(DomainError::Unauthenticated("invalid_challenge"));
        };
        let max = self.d.policy.two_factor_max_attempts;
        let state = challenge.check(now, max);
        if state != ChallengeCheck::Usable || !self.d.challenges.count_attempt(challenge_id, max).await? {
            let reason = match state {
                ChallengeCheck::Expired => "expired",
                ChallengeCheck::Consumed => "already_used",
                _ => "too_many_attempts",
            };
            self.audit(fail(reason, Some(challenge.user_id))).await?;
            return Err(DomainError::Unauthenticated("challenge_expired"));
        }
        if !self.d.secrets.matches(code, &challenge.code_digest) {
            self.audit(fail("wrong_code", Some(challenge.user_id)).detail("attempt", challenge.attempts + 1)).await?;
            return Err(DomainError::Unauthenticated("invalid_code"));
        }
        if !self.d.challenges.consume(challenge_id).await? {
            self.audit(fail("already_used", Some(challenge.user_id))).await?;
            return Err(DomainError::Unauthenticated("challenge_expired"));
        }
        let user = self.d.users.find_by_id(challenge.user_id).await?.ok_or(DomainError::Unauthenticated("invalid_challenge"))?;
        if let Some(refusal) = sign_in_refusal(&user) {
            self.audit(fail(refusal_code(&refusal), Some(user.id))).await?;
            return Err(refusal);
        }
        let tokens = self.start_session(&user).await?;
        self.audit(
            AuditEntry::new("auth.2fa_verify", Outcome::Success, meta)
                .actor(user.id, user.company.as_ref().map(|c| c.id))
                .target("challenge", challenge_id)
                .detail("session", tokens.session),
        )
        .await?;
        Ok(tokens)
    }

    async fn start_session(&self, user: &User) -> DomainResult<IssuedTokens> {
        let now = self.d.clock.now();
        let family = SessionFamilyId::new();
        let refresh = self.d.secrets.random_token();
        let family_expires = now + self.d.policy.session_absolute_ttl;
        let token_expires = (now + self.d.policy.refresh_token_ttl).min(family_expires);
        self.d.sessions.start_family(user.id, family, &self.d.secrets.digest(&refresh), token_expires, family_expires).await?;
        self.issue(user.id, family, refresh)
    }

    fn issue(&self, user: UserId, family: SessionFamilyId, refresh_token: String) -> DomainResult<IssuedTokens> {
        let now = self.d.clock.now();
        let ttl = self.d.policy.access_token_ttl;
        let access_token = self.d.tokens.issue(user, family, now + ttl, now)?;
        Ok(IssuedTokens { access_token, refresh_token, expires_in: ttl.num_seconds(), user_id: user, session: family })
    }

    // ---- sessions ------------------------------------------------------------

    /// Rotate a refresh token. A token presented twice ends its whole family.
    pub async fn refresh(&self, refresh_token: &str, meta: &RequestMeta) -> DomainResult<IssuedTokens> {
        let now = self.d.clock.now();
        let Some(state) = self.d.sessions.find_token(&self.d.secrets.digest(refresh_token)).await? else {
            return Err(DomainError::Unauthenticated("invalid_refresh_token"));
        };
        match state.judge(now) {
            RefreshVerdict::Rotate => {}
            RefreshVerdict::Expired => return Err(DomainError::Unauthenticated("refresh_token_expired")),
            RefreshVerdict::Reuse => return Err(self.reuse_detected(&state.family, state.user_id, meta).await),
        }
        let user = self.d.users.find_by_id(state.user_id).await?;
        if !user.as_ref().is_some_and(User::may_hold_session) {
            self.d.sessions.revoke_family(state.family, "account_unavailable", now).await?;
            return Err(DomainError::Unauthenticated("session_ended"));
        }
        let next = self.d.secrets.random_token();
        let expires = (now + self.d.policy.refresh_token_ttl).min(state.family_expires_at);
        if !self.d.sessions.rotate(&state, &self.d.secrets.digest(&next), expires, now).await? {
            // Lost a race with another presentation of the same token: that is reuse too.
            return Err(self.reuse_detected(&state.family, state.user_id, meta).await);
        }
        self.issue(state.user_id, state.family, next)
    }

    async fn reuse_detected(&self, family: &SessionFamilyId, user: UserId, meta: &RequestMeta) -> DomainError {
        let now = self.d.clock.now();
        let result = async {
            self.d.sessions.revoke_family(*family, "refresh_reuse", now).await?;
            let mut entry = AuditEntry::new("auth.refresh_reuse", Outcome::Denied, meta).target("session", family);
            entry.actor_id = Some(user);
            self.audit(entry).await
        }
        .await;
        match result {
            Ok(()) => DomainError::Unauthenticated("refresh_token_reused"),
            Err(e) => e,
        }
    }

    /// End the caller's session family.
    pub async fn logout(&self, principal: &Principal, meta: &RequestMeta) -> DomainResult<()> {
        let now = self.d.clock.now();
        self.d.sessions.revoke_family(principal.session, "logout", now).await?;
        self.audit(AuditEntry::new("auth.logout", Outcome::Success, meta).actor(principal.user_id, principal.company_id).target("session", principal.session))
            .await
    }

    /// Turn a bearer access token into the caller, checking that the account
    /// and the session are still alive (so logout and deactivation bite at once).
    pub async fn authenticate(&self, access_token: &str) -> DomainResult<Principal> {
        self.authenticate_until(access_token).await.map(|(principal, _)| principal)
    }

    /// As [`Self::authenticate`], plus when the token expires (long-lived
    /// connections such as WebSockets close then).
    pub async fn authenticate_until(&self, access_token: &str) -> DomainResult<(Principal, chrono::DateTime<chrono::Utc>)> {
        let now = self.d.clock.now();
        let claims = self.d.tokens.verify(access_token, now).ok_or(DomainError::Unauthenticated("invalid_token"))?;
        let user = self.d.users.find_by_id(claims.user_id).await?.ok_or(DomainError::Unauthenticated("invalid_token"))?;
        if !user.may_hold_session() || !self.d.sessions.is_family_live(claims.session, now).await? {
            return Err(DomainError::Unauthenticated("session_ended"));
        }
        Ok((principal_of(&user, claims.session), claims.expires_at))
    }

    pub async fn me(&self, principal: &Principal) -> DomainResult<User> {
        self.d.users.find_by_id(principal.user_id).await?.ok_or(DomainError::NotFound)
    }

    // ---- candidate sign-up ---------------------------------------------------

    /// Self sign-up for candidates. Answers the same whether or not the email is
    /// taken; the owner of a taken address is told by email instead.
    pub async fn register(&self, email: &str, password: &str, full_name: &str, meta: &RequestMeta) -> DomainResult<()> {
        let mut errors = Vec::new();
        let email = match Email::parse(email) {
            Ok(e) => Some(e),
            Err(DomainError::Validation(mut e)) => {
                errors.append(&mut e);
                None
            }
            Err(e) => return Err(e),
        };
        let full_name = full_name.trim();
        if full_name.is_empty() || full_name.chars().count() > 200 {
            errors.push(FieldError::new("full_name", "invalid_length", "must be between 1 and 200 characters"));
        }
        let inputs: Vec<&str> = email.iter().map(|e| e.as_str()).chain([full_name]).collect();
        if let Err(DomainError::Validation(mut e)) = self.d.password_policy.check("password", password, &inputs) {
            errors.append(&mut e);
        }
        let Some(email) = email.filter(|_| errors.is_empty()) else {
            return Err(DomainError::Validation(errors));
        };
        if let Some(existing) = self.d.users.find_by_email(&email).await? {
            return self.register_existing(existing, meta).await;
        }
        let hash = self.d.hasher.hash(password).await?;
        let new_user = NewUser {
            id: UserId::new(),
            email: email.clone(),
            full_name: full_name.to_string(),
            password_hash: Some(hash),
            status: UserStatus::PendingVerification,
            company_id: None,
            roles: vec![SystemRole::Candidate.name().to_string()],
        };
        match self.d.users.create(new_user.clone()).await {
            Ok(()) => {}
            Err(DomainError::Conflict(_)) => {
                // Raced with another sign-up of the same address.
                let existing = self.d.users.find_by_email(&email).await?.ok_or(DomainError::Conflict("email_taken"))?;
                return self.register_existing(existing, meta).await;
            }
            Err(e) => return Err(e),
        }
        let user = self.d.users.find_by_id(new_user.id).await?.ok_or(DomainError::NotFound)?;
        self.send_verification(&user).await?;
        self.audit(AuditEntry::new("auth.register", Outcome::Success, meta).actor(user.id, None).target("user", user.id)).await
    }

    async fn register_existing(&self, existing: User, meta: &RequestMeta) -> DomainResult<()> {
        if existing.status == UserStatus::PendingVerification {
            self.send_verification(&existing).await?;
        } else {
            let message = MailMessage::AccountAlreadyExists { sign_in_link: self.link("/sign-in"), reset_link: self.link("/forgot-password") };
            self.send(&existing, message).await?;
        }
        self.audit(AuditEntry::new("auth.register", Outcome::Failure, meta).target("user", existing.id).detail("reason", "email_taken")).await
    }

    async fn send_verification(&self, user: &User) -> DomainResult<()> {
        let now = self.d.clock.now();
        let token = self.d.secrets.random_token();
        let ttl = self.d.policy.email_verification_ttl;
        self.d.one_time.create(OneTimePurpose::VerifyEmail, user.id, &self.d.secrets.digest(&token), now + ttl, None).await?;
        let link = self.link(&format!("/verify-email?token={token}"));
        self.send(user, MailMessage::VerifyEmail { link, expires_in_hours: ttl.num_hours() as u32 }).await
    }

    pub async fn verify_email(&self, token: &str, meta: &RequestMeta) -> DomainResult<()> {
        let now = self.d.clock.now();
        let Some((user_id, _)) = self.d.one_time.consume(OneTimePurpose::VerifyEmail, &self.d.secrets.digest(token), now).await? else {
            self.audit(AuditEntry::new("auth.verify_email", Outcome::Failure, meta).detail("reason", "invalid_or_expired_token")).await?;
            return Err(DomainError::BadRequest("invalid_or_expired_token"));
        };
        self.d.users.transition_status(user_id, UserStatus::PendingVerification, UserStatus::Active).await?;
        self.audit(AuditEntry::new("auth.verify_email", Outcome::Success, meta).actor(user_id, None).target("user", user_id)).await
    }

    // ---- admin-approved password reset ---------------------------------------

    /// Public. Records a request for an active account and publishes it for its approvers;
    /// answers the same for unknown addresses.
    pub async fn request_password_reset(&self, email: &str, meta: &RequestMeta) -> DomainResult<()> {
        let email = Email::parse(email)?;
        let now = self.d.clock.now();
        let user = self.d.users.find_by_email(&email).await?.filter(|u| u.status == UserStatus::Active);
        let Some(user) = user else {
            return self
                .audit(AuditEntry::new("auth.password_reset_request", Outcome::Failure, meta).detail("reason", "unknown_or_inactive").detail("email", email.as_str()))
                .await;
        };
        let entry = AuditEntry::new("auth.password_reset_request", Outcome::Success, meta)
            .company(user.company.as_ref().map(|c| c.id))
            .target("user", user.id);
        if let Some(existing) = self.d.resets.pending_for_user(user.id).await? {
            return self.audit(entry.detail("request", existing).detail("repeat", true)).await;
        }
        let scope = approver_scope(&user);
        let id = ResetRequestId::new();
        self.d.resets.create(id, user.id, scope, meta.ip.clone(), now).await?;
        // The events consumer tells the approvers (in the app, and by email as they chose).
        let event = DomainEvent::PasswordResetRequested {
            request_id: id,
            user_id: user.id,
            approver_company_id: match scope {
                ApproverScope::Company(c) => Some(c),
                ApproverScope::Platform => None,
            },
        };
        self.d.events.publish(EventEnvelope::new(event, now)).await?;
        self.audit(entry.detail("request", id)).await
    }

    pub async fn pending_reset_requests(&self, principal: &Principal) -> DomainResult<Vec<ResetRequest>> {
        principal.require(Permission::PasswordResetsApprove)?;
        let scope = if principal.is_super_admin() { None } else { Some(principal.company_id.ok_or(DomainError::Forbidden("no_company"))?) };
        self.d.resets.list_pending(scope).await
    }

    /// An approver lets the user reset: a single-use link is emailed to them.
    pub async fn approve_password_reset(&self, principal: &Principal, id: ResetRequestId, meta: &RequestMeta) -> DomainResult<()> {
        principal.require(Permission::PasswordResetsApprove)?;
        let request = self.d.resets.find(id).await?.filter(|r| r.visible_to(principal)).ok_or(DomainError::NotFound)?;
        let entry = |outcome| {
            AuditEntry::new("auth.password_reset_approve", outcome, meta).actor(principal.user_id, principal.company_id).target("password_reset_request", id)
        };
        if request.user_id == principal.user_id {
            self.audit(entry(Outcome::Denied).detail("reason", "own_request")).await?;
            return Err(DomainError::Forbidden("cannot_approve_own_request"));
        }
        if request.status != ResetRequestStatus::Pending || !self.d.resets.approve(id, principal.user_id, self.d.clock.now()).await? {
            return Err(DomainError::Conflict("request_not_pending"));
        }
        let user = self.d.users.find_by_id(request.user_id).await?.ok_or(DomainError::NotFound)?;
        let now = self.d.clock.now();
        let token = self.d.secrets.random_token();
        let ttl = self.d.policy.reset_link_ttl;
        self.d.one_time.create(OneTimePurpose::PasswordReset, user.id, &self.d.secrets.digest(&token), now + ttl, Some(id.to_string())).await?;
        let link = self.link(&format!("/reset-password?token={token}"));
        self.send(&user, MailMessage::PasswordResetLink { link, expires_in_minutes: ttl.num_minutes() as u32 }).await?;
        self.audit(entry(Outcome::Success).detail("user", user.id)).await
    }

    /// Set the new password with the emailed token; every session of the user ends.
    pub async fn complete_password_reset(&self, token: &str, new_password: &str, meta: &RequestMeta) -> DomainResult<()> {
        self.d.password_policy.check("new_password", new_password, &[])?;
        let hash = self.d.hasher.hash(new_password).await?;
        let now = self.d.clock.now();
        let Some(user_id) = self.d.resets.complete(&self.d.secrets.digest(token), &hash, now).await? else {
            self.audit(AuditEntry::new("auth.password_reset_complete", Outcome::Failure, meta).detail("reason", "invalid_or_expired_token")).await?;
            return Err(DomainError::BadRequest("invalid_or_expired_token"));
        };
        if let Some(user) = self.d.users.find_by_id(user_id).await? {
            self.send(&user, MailMessage::PasswordChanged).await?;
        }
        self.audit(AuditEntry::new("auth.password_reset_complete", Outcome::Success, meta).actor(user_id, None).target("user", user_id)).await
    }

    // ---- SSO -----------------------------------------------------------------

    fn sso_client(&self, provider: SsoProvider) -> DomainResult<&Arc<dyn OidcClient>> {
        self.d.sso_clients.iter().find(|c| c.provider() == provider).ok_or(DomainError::NotFound)
    }

    pub async fn sso_start(&self, provider: SsoProvider) -> DomainResult<SsoStart> {
        let client = self.sso_client(provider)?;
        let state = self.d.secrets.random_token();
        let nonce = self.d.secrets.random_token();
        let (url, pkce_verifier) = client.authorization_url(&state, &nonce).await?;
        let ttl = self.d.policy.sso_state_ttl.to_std().unwrap_or(std::time::Duration::from_secs(600));
        self.d.sso_state.put(&state, &SsoPending { provider, nonce, pkce_verifier }, ttl).await?;
        Ok(SsoStart { authorization_url: url, state })
    }

    /// The provider's redirect back. `browser_state` is the state bound to the
    /// browser at start (a cookie), which must match the one in the URL.
    pub async fn sso_callback(
        &self,
        provider: SsoProvider,
        code: &str,
        state: &str,
        browser_state: Option<&str>,
        meta: &RequestMeta,
    ) -> DomainResult<LoginOutcome> {
        let client = self.sso_client(provider)?;
        let failed = |reason: &'static str| {
            AuditEntry::new("auth.sso", Outcome::Failure, meta).detail("provider", provider.as_str()).detail("reason", reason)
        };
        if browser_state != Some(state) {
            self.audit(failed("state_mismatch")).await?;
            return Err(DomainError::Unauthenticated("sso_state_mismatch"));
        }
        let pending = self.d.sso_state.take(state).await?.filter(|p| p.provider == provider);
        let Some(pending) = pending else {
            self.audit(failed("state_unknown_or_expired")).await?;
            return Err(DomainError::Unauthenticated("sso_state_expired"));
        };
        let identity = match client.exchange(code, &pending.pkce_verifier, &pending.nonce).await {
            Ok(identity) => identity,
            Err(DomainError::Unauthenticated(reason)) => {
                self.audit(failed(reason)).await?;
                return Err(DomainError::Unauthenticated("sso_verification_failed"));
            }
            Err(e) => return Err(e),
        };
        let linked = match self.d.sso_links.user_for_subject(provider, &identity.subject).await? {
            Some(id) => self.d.users.find_by_id(id).await?,
            None => None,
        };
        let by_email = match (&linked, identity.email.as_deref().map(Email::parse)) {
            (None, Some(Ok(email))) => match self.d.users.find_by_email(&email).await? {
                Some(user) => {
                    let other_link = self.d.sso_links.has_link(provider, user.id).await?;
                    Some((user, other_link))
                }
                None => None,
            },
            _ => None,
        };
        let user = match match_sso_account(&identity, linked, by_email) {
            SsoMatch::Linked(user) => user,
            SsoMatch::LinkNow(user) => {
                self.d.sso_links.link(provider, &identity.subject, user.id, self.d.clock.now()).await?;
                user
            }
            SsoMatch::Refused(reason) => {
                self.audit(failed(reason).detail("email", identity.email.as_deref())).await?;
                return Err(DomainError::Forbidden("sso_account_not_found"));
            }
        };
        let entry = |outcome| {
            AuditEntry::new("auth.sso", outcome, meta)
                .actor(user.id, user.company.as_ref().map(|c| c.id))
                .target("user", user.id)
                .detail("provider", provider.as_str())
        };
        if let Some(refusal) = sign_in_refusal(&user) {
            self.audit(entry(Outcome::Denied).detail("reason", refusal_code(&refusal))).await?;
            return Err(refusal);
        }
        self.d.users.record_successful_login(user.id, self.d.clock.now()).await?;
        if user.requires_second_factor() {
            self.audit(entry(Outcome::Success).detail("second_factor", "required")).await?;
            return self.start_second_factor(&user, meta).await;
        }
        let tokens = self.start_session(&user).await?;
        self.audit(entry(Outcome::Success).detail("session", tokens.session)).await?;
        Ok(LoginOutcome::Tokens(tokens))
    }

    // ---- bootstrap -----------------------------------------------------------

    /// Create the first super admin when the platform has none.
    pub async fn bootstrap_super_admin(&self, email: &str, full_name: &str, password: &str) -> DomainResult<bool> {
        let email = Email::parse(email)?;
        self.d.password_policy.check("BOOTSTRAP_SUPERADMIN_PASSWORD", password, &[email.as_str()])?;
        let hash = self.d.hasher.hash(password).await?;
        let id = UserId::new();
        let created = self
            .d
            .users
            .ensure_super_admin(NewUser {
                id,
                email,
                full_name: full_name.to_string(),
                password_hash: Some(hash),
                status: UserStatus::Active,
                company_id: None,
                roles: vec![SystemRole::SuperAdmin.name().to_string()],
            })
            .await?;
        if created {
            self.audit(AuditEntry::new("auth.bootstrap_super_admin", Outcome::Success, &RequestMeta::default()).target("user", id)).await?;
        }
        Ok(created)
    }
}

impl AuthService {
    /// An active account with a password and one role, made by an operator
    /// tool (the demo seed) rather than by an admin: no activation mail. An
    /// account with this email already there is left as it is and its id returned.
    pub async fn provision_user(&self, email: &str, full_name: &str, role: &str, company: Option<CompanyId>, password: &str) -> DomainResult<UserId> {
        let email = Email::parse(email)?;
        if let Some(existing) = self.d.users.find_by_email(&email).await? {
            return Ok(existing.id);
        }
        self.d.password_policy.check("password", password, &[email.as_str()])?;
        let hash = self.d.hasher.hash(password).await?;
        let id = UserId::new();
        self.d
            .users
            .create(NewUser {
                id,
                email,
                full_name: full_name.to_string(),
                password_hash: Some(hash),
                status: UserStatus::Active,
                company_id: company,
                roles: vec![role.to_string()],
            })
            .await?;
        self.audit(AuditEntry::new("auth.provision_user", Outcome::Success, &RequestMeta::default()).company(company).target("user", id).detail("role", role))
            .await?;
        Ok(id)
    }

    /// The caller a tool acts as: the user, signed in on a session of its own.
    pub async fn principal_for(&self, id: UserId) -> DomainResult<Principal> {
        let user = self.d.users.find_by_id(id).await?.ok_or(DomainError::NotFound)?;
        Ok(principal_of(&user, SessionFamilyId::new()))
    }
}

/// Build the caller from a loaded user and the session the token belongs to.
pub fn principal_of(user: &User, session: SessionFamilyId) -> Principal {
    Principal {
        user_id: user.id,
        session,
        company_id: user.company.as_ref().map(|c| c.id),
        company_type: user.company.as_ref().map(|c| c.kind),
        roles: user.roles.clone(),
        permissions: user.permissions.clone(),
    }
}

/// Why a user whose credentials were right still may not sign in.
fn sign_in_refusal(user: &User) -> Option<DomainError> {
    match user.status {
        UserStatus::PendingVerification => Some(DomainError::Forbidden("email_not_verified")),
        UserStatus::PendingActivation => Some(DomainError::Forbidden("account_not_activated")),
        UserStatus::Deactivated => Some(DomainError::Forbidden("account_disabled")),
        UserStatus::Active if user.login_hold_reason.is_some() => Some(DomainError::Forbidden("login_on_hold")),
        UserStatus::Active if user.company_suspended() => Some(DomainError::Forbidden("company_suspended")),
        UserStatus::Active => None,
    }
}

fn refusal_code(e: &DomainError) -> &'static str {
    match e {
        DomainError::Forbidden(code) => code,
        _ => "refused",
    }
}
