use crate::error::{DomainError, FieldError};

/// Password rules: long enough, and not guessable (common passwords, keyboard
/// walks, the user's own name or email all score low with zxcvbn).
#[derive(Clone, Debug)]
pub struct PasswordPolicy {
    pub min_length: usize,
    pub max_length: usize,
    /// zxcvbn score (0..=4) a password must reach; 3 = "safely unguessable".
    pub min_score: u8,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self { min_length: 12, max_length: 256, min_score: 3 }
    }
}

impl PasswordPolicy {
    /// `field` names the input in the error; `user_inputs` are words the
    /// password must not lean on (email, name).
    pub fn check(&self, field: &str, password: &str, user_inputs: &[&str]) -> Result<(), DomainError> {
        let len = password.chars().count();
        if len < self.min_length {
            return Err(DomainError::Validation(vec![FieldError::new(
                field,
                "password_too_short",
                format!("must be at least {} characters", self.min_length),
            )]));
        }
        if len > self.max_length {
            return Err(DomainError::Validation(vec![FieldError::new(
                field,
                "password_too_long",
                format!("must be at most {} characters", self.max_length),
            )]));
        }
        // zxcvbn matches whole inputs, so give it the parts too ("Ada Lovelace" → "ada", "lovelace").
        let mut words: Vec<String> = Vec::new();
        for input in user_inputs {
            let lower = input.to_lowercase();
            words.extend(lower.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 3).map(str::to_string));
            words.push(lower.split_whitespace().collect::<String>());
            words.push(lower);
        }
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let entropy = zxcvbn::zxcvbn(password, &words);
        if (entropy.score() as u8) < self.min_score {
            let hint = entropy
                .feedback()
                .and_then(|f| f.warning().map(|w| w.to_string()))
                .unwrap_or_else(|| "choose a less common password".to_string());
            return Err(DomainError::Validation(vec![FieldError::new(
                field,
                "password_too_common",
                format!("is too easy to guess: {hint}"),
            )]));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(r: Result<(), DomainError>) -> String {
        match r {
            Err(DomainError::Validation(errs)) => errs[0].code.clone(),
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn rejects_short_passwords() {
        assert_eq!(code(PasswordPolicy::default().check("password", "Xk9#mQ2", &[])), "password_too_short");
    }

    #[test]
    fn rejects_common_passwords_even_when_long() {
        for common in ["password1234", "123456789012", "qwertyuiopas", "iloveyou1234"] {
            assert_eq!(code(PasswordPolicy::default().check("password", common, &[])), "password_too_common", "{common}");
        }
    }

    #[test]
    fn rejects_passwords_built_on_the_users_own_details() {
        let r = PasswordPolicy::default().check("password", "adalovelace1", &["ada@example.com", "Ada Lovelace"]);
        assert_eq!(code(r), "password_too_common");
    }

    #[test]
    fn accepts_a_strong_passphrase() {
        assert!(PasswordPolicy::default().check("password", "violet-harbor-telescope-42", &[]).is_ok());
    }
}
