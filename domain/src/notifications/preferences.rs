//! Which notification kinds also email a user.

use super::catalogue::{kind_info, KINDS};
use crate::error::{DomainError, DomainResult, FieldError};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Preference {
    pub kind: &'static str,
    pub description: &'static str,
    pub email: bool,
}

/// Every kind with the user's choice, or the default: the kind's default,
/// unless the tenant turned default notification email off.
pub fn effective_preferences(stored: &[(String, bool)], tenant_default_email: bool) -> Vec<Preference> {
    KINDS
        .iter()
        .map(|k| Preference {
            kind: k.kind,
            description: k.description,
            email: stored.iter().find(|(kind, _)| kind == k.kind).map(|(_, e)| *e).unwrap_or(k.email_by_default && tenant_default_email),
        })
        .collect()
}

/// An update names known kinds, each at most once.
pub fn validate_preferences(items: Vec<(String, bool)>) -> DomainResult<Vec<(&'static str, bool)>> {
    let mut errors = Vec::new();
    let mut out: Vec<(&'static str, bool)> = Vec::new();
    for (i, (kind, email)) in items.into_iter().enumerate() {
        match kind_info(kind.trim()) {
            None => errors.push(FieldError::new(format!("items[{i}].kind"), "unknown_kind", format!("unknown notification kind {kind:?}"))),
            Some(k) if out.iter().any(|(seen, _)| *seen == k.kind) => {
                errors.push(FieldError::new(format!("items[{i}].kind"), "duplicate", "each kind may appear once"))
            }
            Some(k) => out.push((k.kind, email)),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(DomainError::Validation(errors)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_until_the_user_chooses() {
        let prefs = effective_preferences(&[], true);
        let email = |p: &[Preference], k: &str| p.iter().find(|p| p.kind == k).unwrap().email;
        assert!(email(&prefs, "password_reset.requested"));
        assert!(!email(&prefs, "account.created"));
        let prefs = effective_preferences(&[("password_reset.requested".into(), false), ("account.created".into(), true)], true);
        assert!(!email(&prefs, "password_reset.requested"));
        assert!(email(&prefs, "account.created"));
        // A tenant that turned default email off: nothing emails unless chosen.
        let prefs = effective_preferences(&[("account.created".into(), true)], false);
        assert!(!email(&prefs, "password_reset.requested"));
        assert!(email(&prefs, "account.created"));
    }

    #[test]
    fn unknown_and_repeated_kinds_are_refused() {
        assert_eq!(validate_preferences(vec![("account.created".into(), true)]).unwrap(), vec![("account.created", true)]);
        match validate_preferences(vec![("account.created".into(), true), ("nope".into(), true), ("account.created".into(), false)]) {
            Err(DomainError::Validation(e)) => {
                assert_eq!(e.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect::<Vec<_>>(), [("items[1].kind", "unknown_kind"), ("items[2].kind", "duplicate")])
            }
            other => panic!("{other:?}"),
        }
    }
}
