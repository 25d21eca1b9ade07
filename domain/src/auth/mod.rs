//! Authentication rules and use cases: sign-in, second factor, sessions,
//! self sign-up, admin-approved password reset and SSO for existing accounts.

mod password;
mod policy;
mod reset;
mod service;
mod session;
mod sso;
mod two_factor;

pub use password::PasswordPolicy;
pub use policy::{AuthPolicy, FailedLoginDecision};
pub use reset::{approver_scope, ApproverScope, ResetRequest, ResetRequestStatus};
pub use service::{principal_of, AuthDeps, AuthService, LoginOutcome, SsoStart};
pub use session::{AccessClaims, IssuedTokens, RefreshTokenState};
pub use sso::{match_sso_account, SsoMatch, SsoPending, SsoProvider, VerifiedIdentity};
pub use two_factor::{Challenge, ChallengeCheck};
