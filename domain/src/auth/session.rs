use crate::ids::{RefreshTokenId, SessionFamilyId, UserId};
use chrono::{DateTime, Utc};

/// What an access token proves once its signature, issuer, audience, type and
/// expiry have been checked by the codec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessClaims {
    pub user_id: UserId,
    pub session: SessionFamilyId,
    pub expires_at: DateTime<Utc>,
}

/// A freshly issued pair.
#[derive(Clone, Debug)]
pub struct IssuedTokens {
    pub access_token: String,
    pub refresh_token: String,
    pub expires_in: i64,
    pub user_id: UserId,
    pub session: SessionFamilyId,
}

/// A stored refresh token, looked up by the digest of what the client presented.
#[derive(Clone, Debug)]
pub struct RefreshTokenState {
    pub id: RefreshTokenId,
    pub family: SessionFamilyId,
    pub user_id: UserId,
    pub expires_at: DateTime<Utc>,
    pub family_expires_at: DateTime<Utc>,
    /// Already exchanged for a newer token.
    pub rotated: bool,
    pub family_revoked: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefreshVerdict {
    Rotate,
    /// A token that was already rotated, or one of a revoked family, came back:
    /// someone holds a copy. The whole family must die.
    Reuse,
    Expired,
}

impl RefreshTokenState {
    pub fn judge(&self, now: DateTime<Utc>) -> RefreshVerdict {
        if self.rotated || self.family_revoked {
            RefreshVerdict::Reuse
        } else if now >= self.expires_at || now >= self.family_expires_at {
            RefreshVerdict::Expired
        } else {
            RefreshVerdict::Rotate
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn state(rotated: bool, revoked: bool, ttl: Duration, family_ttl: Duration) -> RefreshTokenState {
        let now = Utc::now();
        RefreshTokenState {
            id: RefreshTokenId::new(),
            family: SessionFamilyId::new(),
            user_id: UserId::new(),
            expires_at: now + ttl,
            family_expires_at: now + family_ttl,
            rotated,
            family_revoked: revoked,
        }
    }

    #[test]
    fn a_live_token_rotates() {
        assert_eq!(state(false, false, Duration::days(1), Duration::days(2)).judge(Utc::now()), RefreshVerdict::Rotate);
    }

    #[test]
    fn a_rotated_or_revoked_token_is_reuse() {
        assert_eq!(state(true, false, Duration::days(1), Duration::days(2)).judge(Utc::now()), RefreshVerdict::Reuse);
        assert_eq!(state(false, true, Duration::days(1), Duration::days(2)).judge(Utc::now()), RefreshVerdict::Reuse);
    }

    #[test]
    fn idle_and_absolute_expiry_both_end_it() {
        assert_eq!(state(false, false, Duration::seconds(-1), Duration::days(2)).judge(Utc::now()), RefreshVerdict::Expired);
        assert_eq!(state(false, false, Duration::days(1), Duration::seconds(-1)).judge(Utc::now()), RefreshVerdict::Expired);
    }
}
