use chrono::{DateTime, Duration, Utc};

/// Lifetimes and limits of everything authentication issues.
#[derive(Clone, Debug)]
pub struct AuthPolicy {
    pub access_token_ttl: Duration,
    /// A refresh token unused for this long dies.
    pub refresh_token_ttl: Duration,
    /// No family of refresh tokens outlives this, however often it rotates.
    pub session_absolute_ttl: Duration,
    pub two_factor_ttl: Duration,
    pub two_factor_max_attempts: u32,
    pub lockout_threshold: u32,
    pub lockout_duration: Duration,
    pub email_verification_ttl: Duration,
    pub reset_link_ttl: Duration,
    pub activation_ttl: Duration,
    pub sso_state_ttl: Duration,
}

impl Default for AuthPolicy {
    fn default() -> Self {
        Self {
            access_token_ttl: Duration::minutes(15),
            refresh_token_ttl: Duration::days(14),
            session_absolute_ttl: Duration::days(30),
            two_factor_ttl: Duration::minutes(10),
            two_factor_max_attempts: 5,
            lockout_threshold: 5,
            lockout_duration: Duration::minutes(15),
            email_verification_ttl: Duration::hours(48),
            reset_link_ttl: Duration::minutes(60),
            activation_ttl: Duration::hours(72),
            sso_state_ttl: Duration::minutes(10),
        }
    }
}

/// What a failed password attempt does to the account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailedLoginDecision {
    /// Count it; the account stays open.
    Count,
    /// This failure reached the threshold: lock until the given time.
    Lock { until: DateTime<Utc> },
}

impl AuthPolicy {
    /// `consecutive_failures` includes the failure being judged.
    pub fn on_failed_login(&self, consecutive_failures: u32, now: DateTime<Utc>) -> FailedLoginDecision {
        if consecutive_failures >= self.lockout_threshold {
            FailedLoginDecision::Lock { until: now + self.lockout_duration }
        } else {
            FailedLoginDecision::Count
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fifth_consecutive_failure_locks_for_fifteen_minutes() {
        let p = AuthPolicy::default();
        let now = Utc::now();
        for n in 1..5 {
            assert_eq!(p.on_failed_login(n, now), FailedLoginDecision::Count);
        }
        assert_eq!(p.on_failed_login(5, now), FailedLoginDecision::Lock { until: now + Duration::minutes(15) });
    }

    #[test]
    fn tokens_are_short_lived() {
        let p = AuthPolicy::default();
        assert!(p.access_token_ttl <= Duration::minutes(15));
        assert!(p.refresh_token_ttl < p.session_absolute_ttl);
        assert_eq!(p.two_factor_ttl, Duration::minutes(10));
        assert_eq!(p.two_factor_max_attempts, 5);
    }
}
