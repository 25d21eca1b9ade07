//! Activation: an admin-created user sets their first password with the
//! emailed single-use link.

use super::AdminService;
use crate::audit::{AuditEntry, Outcome, RequestMeta};
use crate::error::{DomainError, DomainResult};

impl AdminService {
    /// Public. The password is checked before the token is touched, so a
    /// refused password leaves the link usable. A bad, used or expired token
    /// answers `invalid_or_expired_token`, like the reset completion.
    pub async fn activate(&self, token: &str, password: &str, meta: &RequestMeta) -> DomainResult<()> {
        self.d.password_policy.check("password", password, &[])?;
        let hash = self.d.hasher.hash(password).await?;
        let now = self.d.clock.now();
        let Some(user_id) = self.d.users.activate(&self.d.secrets.digest(token), &hash, now).await? else {
            self.audit(AuditEntry::new("auth.activate", Outcome::Failure, meta).detail("reason", "invalid_or_expired_token")).await?;
            return Err(DomainError::BadRequest("invalid_or_expired_token"));
        };
        let company = self.d.users.find_by_id(user_id).await?.and_then(|u| u.company.map(|c| c.id));
        self.audit(AuditEntry::new("auth.activate", Outcome::Success, meta).actor(user_id, company).target("user", user_id)).await
    }
}
