//! The service credential machine callers present (an external virus
//! scanner reporting verdicts). Compared by SHA-256 digest so the comparison
//! takes the same time whatever the presented value.

use sha2::{Digest, Sha256};

/// Does `presented` equal the configured credential?
pub fn matches(expected: &str, presented: &str) -> bool {
    let (a, b) = (Sha256::digest(expected.as_bytes()), Sha256::digest(presented.as_bytes()));
    a.iter().zip(b.iter()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A configured credential must be long enough not to be guessed.
pub const MIN_LENGTH: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_credential_matches() {
        let token = "s".repeat(40);
        assert!(matches(&token, &token));
        assert!(!matches(&token, &"s".repeat(39)));
        assert!(!matches(&token, ""));
    }
}
