use super::PortResult;
use crate::auth::{AccessClaims, SsoPending, SsoProvider, VerifiedIdentity};
use crate::ids::{SessionFamilyId, UserId};
use chrono::{DateTime, Utc};
use std::time::Duration;

/// Slow, salted password hashing (argon2id in production).
#[async_trait::async_trait]
pub trait PasswordHasher: Send + Sync {
    async fn hash(&self, password: &str) -> PortResult<String>;
    async fn verify(&self, password: &str, hash: &str) -> PortResult<bool>;
    /// Spend the same time as a real verification, so unknown emails can't be
    /// told apart from wrong passwords by timing.
    async fn verify_dummy(&self, password: &str);
}

/// Signs and checks access tokens.
pub trait AccessTokenCodec: Send + Sync {
    fn issue(&self, user: UserId, session: SessionFamilyId, expires_at: DateTime<Utc>, issued_at: DateTime<Utc>) -> PortResult<String>;
    /// `None` for anything not a valid, unexpired access token of ours.
    fn verify(&self, token: &str, now: DateTime<Utc>) -> Option<AccessClaims>;
}

/// Randomness and keyed digests for one-time secrets.
pub trait Secrets: Send + Sync {
    /// An unguessable URL-safe token (≥ 256 bits).
    fn random_token(&self) -> String;
    /// A uniformly random 6-digit code.
    fn random_code(&self) -> String;
    /// A keyed digest (HMAC) of a secret, for storage and lookup.
    fn digest(&self, secret: &str) -> String;
    /// Constant-time comparison of a secret against a stored digest.
    fn matches(&self, secret: &str, digest: &str) -> bool;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateDecision {
    Allowed,
    Limited { retry_after: Duration },
}

/// Counts hits per key within a window, shared by every process.
#[async_trait::async_trait]
pub trait RateLimiter: Send + Sync {
    async fn hit(&self, key: &str, limit: u32, window: Duration) -> PortResult<RateDecision>;
}

/// Short-lived storage of SSO state between redirect and callback; `take` is single-use.
#[async_trait::async_trait]
pub trait SsoStateStore: Send + Sync {
    async fn put(&self, state: &str, pending: &SsoPending, ttl: Duration) -> PortResult<()>;
    async fn take(&self, state: &str) -> PortResult<Option<SsoPending>>;
}

/// An OpenID Connect provider (Google, Microsoft).
#[async_trait::async_trait]
pub trait OidcClient: Send + Sync {
    fn provider(&self) -> SsoProvider;
    /// The provider URL to send the browser to, carrying state, nonce and a
    /// fresh PKCE S256 challenge; returns it with the PKCE verifier to keep.
    async fn authorization_url(&self, state: &str, nonce: &str) -> PortResult<(String, String)>;
    /// Exchange the code (with the PKCE verifier) and verify the ID token
    /// against the provider's keys: signature, issuer, audience, nonce, expiry.
    /// `Err(Unauthenticated)` when anything does not verify.
    async fn exchange(&self, code: &str, pkce_verifier: &str, nonce: &str) -> PortResult<VerifiedIdentity>;
}
