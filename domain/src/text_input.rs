//! How free text from a request is tidied, once for every use case.

/// Trimmed; None when absent or blank.
pub fn trimmed(raw: Option<&str>) -> Option<String> {
    raw.map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// A list filter's text: trimmed, None when blank, at most 200 characters
/// (a longer filter can only match less, so it is cut rather than refused).
pub fn filter_text(raw: Option<&str>) -> Option<String> {
    raw.map(str::trim).filter(|s| !s.is_empty()).map(|s| s.chars().take(200).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_are_absent_and_filters_are_capped() {
        assert_eq!(trimmed(Some("  Acme ")).as_deref(), Some("Acme"));
        assert_eq!(trimmed(Some("   ")), None);
        assert_eq!(trimmed(None), None);
        assert_eq!(filter_text(Some(&"x".repeat(250))).map(|s| s.len()), Some(200));
        assert_eq!(filter_text(Some(" \t ")), None);
    }
}
