//! Input rules: message bodies, participant lists, page sizes.

use crate::error::{DomainError, DomainResult, FieldError};
use crate::ids::UserId;

pub const MESSAGE_BODY_MAX: usize = 5000;
pub const PARTICIPANTS_MAX: usize = 20;
pub const PAGE_LIMIT_DEFAULT: u32 = 50;
pub const PAGE_LIMIT_MAX: u32 = 100;

/// A message body as stored: plain text (clients render it as text, never as
/// HTML). NUL is refused; other control characters except `\n` and `\t` are
/// removed; then trimmed; 1..=5000 characters.
pub fn sanitize_body(raw: &str) -> Result<String, FieldError> {
    if raw.contains('\0') {
        return Err(FieldError::new("body", "invalid_character", "must not contain NUL characters"));
    }
    let cleaned: String = raw.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
    let body = cleaned.trim();
    let len = body.chars().count();
    if len == 0 || len > MESSAGE_BODY_MAX {
        return Err(FieldError::new("body", "invalid_length", "must be between 1 and 5000 characters"));
    }
    Ok(body.to_string())
}

/// The other participants of a new conversation: 1..=20 distinct users, not the
/// caller (the caller is added anyway and silently dropped from the list).
pub fn validate_participant_ids(caller: UserId, ids: &[UserId]) -> DomainResult<Vec<UserId>> {
    let mut others: Vec<UserId> = Vec::new();
    for id in ids {
        if *id != caller && !others.contains(id) {
            others.push(*id);
        }
    }
    if others.is_empty() || others.len() > PARTICIPANTS_MAX {
        return Err(DomainError::field("participant_ids", "invalid_count", "name between 1 and 20 other users"));
    }
    Ok(others)
}

/// A message page size: default 50, at most 100; 0 is a field error.
pub fn clamp_limit(limit: Option<u32>) -> DomainResult<u32> {
    match limit {
        None => Ok(PAGE_LIMIT_DEFAULT),
        Some(0) => Err(DomainError::field("limit", "out_of_range", "must be between 1 and 100")),
        Some(n) => Ok(n.min(PAGE_LIMIT_MAX)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_trimmed_and_cleaned_of_control_characters() {
        assert_eq!(sanitize_body("  hello\u{7}\r\n\tworld \u{1b}[31m ").unwrap(), "hello\n\tworld [31m");
        assert_eq!(sanitize_body("<b>x</b>").unwrap(), "<b>x</b>", "stored as plain text, not escaped");
    }

    #[test]
    fn bodies_have_bounds_and_no_nul() {
        assert_eq!(sanitize_body("   \n\t ").unwrap_err().code, "invalid_length");
        assert_eq!(sanitize_body("\u{1}\u{2}").unwrap_err().code, "invalid_length");
        assert_eq!(sanitize_body("a\0b").unwrap_err().code, "invalid_character");
        assert!(sanitize_body(&"é".repeat(MESSAGE_BODY_MAX)).is_ok());
        assert_eq!(sanitize_body(&"a".repeat(MESSAGE_BODY_MAX + 1)).unwrap_err().field, "body");
    }

    #[test]
    fn participants_are_deduplicated_and_counted() {
        let me = UserId::new();
        let a = UserId::new();
        assert_eq!(validate_participant_ids(me, &[a, a, me]).unwrap(), vec![a]);
        assert!(validate_participant_ids(me, &[]).is_err());
        assert!(validate_participant_ids(me, &[me]).is_err());
        let many: Vec<UserId> = (0..PARTICIPANTS_MAX).map(|_| UserId::new()).collect();
        assert_eq!(validate_participant_ids(me, &many).unwrap().len(), PARTICIPANTS_MAX);
        let too_many: Vec<UserId> = (0..=PARTICIPANTS_MAX).map(|_| UserId::new()).collect();
        assert!(matches!(validate_participant_ids(me, &too_many), Err(DomainError::Validation(f)) if f[0].field == "participant_ids"));
    }

    #[test]
    fn page_limits_default_and_cap() {
        assert_eq!(clamp_limit(None).unwrap(), 50);
        assert_eq!(clamp_limit(Some(7)).unwrap(), 7);
        assert_eq!(clamp_limit(Some(1000)).unwrap(), 100);
        assert!(clamp_limit(Some(0)).is_err());
    }
}
