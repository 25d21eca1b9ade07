//! Dedupe keys. Two profiles of one company with the same normalized email
//! or phone are the same person (spec 002: duplicate prevention).

/// Trimmed and lower-cased; None when blank or not shaped like an address.
pub fn normalize_email(raw: &str) -> Option<String> {
    let email = raw.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let valid = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && email.len() <= 320
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    valid.then_some(email)
}

/// Digits only, keeping a leading `+` (`+91 98765-43210` → `+919876543210`,
/// `(020) 7946 0958` → `02079460958`). None unless 7 to 15 digits (E.164).
pub fn normalize_phone(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.chars().any(|c| !(c.is_ascii_digit() || " +-().".contains(c))) {
        return None;
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    if !(7..=15).contains(&digits.len()) {
        return None;
    }
    Some(if raw.starts_with('+') { format!("+{digits}") } else { digits })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_compare_case_and_space_insensitively() {
        assert_eq!(normalize_email("  Priya.S@Example.COM ").as_deref(), Some("priya.s@example.com"));
        assert_eq!(normalize_email(""), None);
        assert_eq!(normalize_email("no-at-sign"), None);
        assert_eq!(normalize_email("a@b"), None);
        assert_eq!(normalize_email("a b@c.com"), None);
    }

    #[test]
    fn phones_keep_digits_and_a_leading_plus() {
        assert_eq!(normalize_phone("+91 98765-43210").as_deref(), Some("+919876543210"));
        assert_eq!(normalize_phone("(020) 7946 0958").as_deref(), Some("02079460958"));
        assert_eq!(normalize_phone("12345"), None);
        assert_eq!(normalize_phone("call me"), None);
        assert_eq!(normalize_phone("+1 555 0100 ext 3"), None);
    }
}
