use crate::ids::{ChallengeId, UserId};
use chrono::{DateTime, Utc};

/// A pending email code. Only a digest of the code is ever stored.
#[derive(Clone, Debug)]
pub struct Challenge {
    pub id: ChallengeId,
    pub user_id: UserId,
    pub code_digest: String,
    pub expires_at: DateTime<Utc>,
    pub attempts: u32,
    pub consumed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChallengeCheck {
    Usable,
    Expired,
    Exhausted,
    Consumed,
}

impl Challenge {
    /// May another code be tried against this challenge?
    pub fn check(&self, now: DateTime<Utc>, max_attempts: u32) -> ChallengeCheck {
        if self.consumed {
            ChallengeCheck::Consumed
        } else if now >= self.expires_at {
            ChallengeCheck::Expired
        } else if self.attempts >= max_attempts {
            ChallengeCheck::Exhausted
        } else {
            ChallengeCheck::Usable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn challenge(attempts: u32, consumed: bool, expires_in: Duration) -> Challenge {
        Challenge {
            id: ChallengeId::new(),
            user_id: UserId::new(),
            code_digest: String::new(),
            expires_at: Utc::now() + expires_in,
            attempts,
            consumed,
        }
    }

    #[test]
    fn fresh_challenge_is_usable() {
        assert_eq!(challenge(0, false, Duration::minutes(10)).check(Utc::now(), 5), ChallengeCheck::Usable);
        assert_eq!(challenge(4, false, Duration::minutes(10)).check(Utc::now(), 5), ChallengeCheck::Usable);
    }

    #[test]
    fn five_tries_exhaust_it() {
        assert_eq!(challenge(5, false, Duration::minutes(10)).check(Utc::now(), 5), ChallengeCheck::Exhausted);
    }

    #[test]
    fn it_expires_and_is_single_use() {
        assert_eq!(challenge(0, false, Duration::seconds(-1)).check(Utc::now(), 5), ChallengeCheck::Expired);
        assert_eq!(challenge(0, true, Duration::minutes(10)).check(Utc::now(), 5), ChallengeCheck::Consumed);
    }
}
