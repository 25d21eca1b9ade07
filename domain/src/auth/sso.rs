use crate::identity::{Email, User, UserStatus};
use serde::{Deserialize, Serialize};

/// The identity providers users may sign in with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SsoProvider {
    Google,
    /// Microsoft accounts (Outlook, Microsoft 365) through the Microsoft identity platform.
    Outlook,
}

impl SsoProvider {
    pub fn as_str(&self) -> &'static str {
        match self {
            SsoProvider::Google => "google",
            SsoProvider::Outlook => "outlook",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "google" => Some(SsoProvider::Google),
            "outlook" => Some(SsoProvider::Outlook),
            _ => None,
        }
    }
}

/// What the provider vouched for, after the ID token's signature, issuer,
/// audience, nonce and expiry were verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedIdentity {
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
}

/// Kept between the redirect to the provider and its callback.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SsoPending {
    pub provider: SsoProvider,
    pub nonce: String,
    pub pkce_verifier: String,
}

#[derive(Debug)]
pub enum SsoMatch {
    /// The provider subject is already linked to this user.
    Linked(User),
    /// First SSO sign-in: link this subject to the user found by verified email.
    LinkNow(User),
    /// No account may be signed in; the reason is logged and audited, not shown.
    Refused(&'static str),
}

/// Decide which existing account, if any, an SSO identity signs in.
/// No account is ever created here.
///
/// - `linked`: the user already linked to (provider, subject), if any.
/// - `by_email`: the user whose email equals the verified email, if any, and
///   whether that user already has a *different* subject linked for this provider.
pub fn match_sso_account(identity: &VerifiedIdentity, linked: Option<User>, by_email: Option<(User, bool)>) -> SsoMatch {
    let usable = |u: &User| u.status == UserStatus::Active;
    if let Some(user) = linked {
        return if usable(&user) { SsoMatch::Linked(user) } else { SsoMatch::Refused("account_inactive") };
    }
    if !identity.email_verified {
        return SsoMatch::Refused("email_not_verified_by_provider");
    }
    let Some(email) = identity.email.as_deref().and_then(|e| Email::parse(e).ok()) else {
        return SsoMatch::Refused("no_email_from_provider");
    };
    match by_email {
        Some((user, _)) if user.email != email => SsoMatch::Refused("unknown_account"),
        Some((_, true)) => SsoMatch::Refused("linked_to_another_subject"),
        Some((user, false)) if usable(&user) => SsoMatch::LinkNow(user),
        Some(_) => SsoMatch::Refused("account_inactive"),
        None => SsoMatch::Refused("unknown_account"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UserId;

    fn user(email: &str, status: UserStatus) -> User {
        User {
            id: UserId::new(),
            email: Email::parse(email).unwrap(),
            full_name: "U".into(),
            status,
            company: None,
            roles: vec![],
            permissions: Default::default(),
            password_hash: None,
            failed_login_count: 0,
            locked_until: None,
            login_hold_reason: None,
        }
    }

    fn identity(email: &str, verified: bool) -> VerifiedIdentity {
        VerifiedIdentity { subject: "sub-1".into(), email: Some(email.into()), email_verified: verified }
    }

    #[test]
    fn an_already_linked_subject_signs_in() {
        let u = user("a@example.com", UserStatus::Active);
        assert!(matches!(match_sso_account(&identity("other@example.com", false), Some(u), None), SsoMatch::Linked(_)));
    }

    #[test]
    fn first_sign_in_links_by_verified_email() {
        let u = user("a@example.com", UserStatus::Active);
        assert!(matches!(match_sso_account(&identity("A@Example.com", true), None, Some((u, false))), SsoMatch::LinkNow(_)));
    }

    #[test]
    fn unverified_or_unknown_emails_are_refused_and_nothing_is_created() {
        let u = user("a@example.com", UserStatus::Active);
        assert!(matches!(match_sso_account(&identity("a@example.com", false), None, Some((u, false))), SsoMatch::Refused("email_not_verified_by_provider")));
        assert!(matches!(match_sso_account(&identity("new@example.com", true), None, None), SsoMatch::Refused("unknown_account")));
    }

    #[test]
    fn inactive_accounts_and_foreign_links_are_refused() {
        let off = user("a@example.com", UserStatus::Deactivated);
        assert!(matches!(match_sso_account(&identity("a@example.com", true), None, Some((off.clone(), false))), SsoMatch::Refused("account_inactive")));
        assert!(matches!(match_sso_account(&identity("a@example.com", true), Some(off), None), SsoMatch::Refused("account_inactive")));
        let u = user("a@example.com", UserStatus::Active);
        assert!(matches!(match_sso_account(&identity("a@example.com", true), None, Some((u, true))), SsoMatch::Refused("linked_to_another_subject")));
    }
}
