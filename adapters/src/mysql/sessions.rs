use super::infra;
use chrono::{DateTime, Utc};
use hireops_domain::auth::RefreshTokenState;
use hireops_domain::ids::{RefreshTokenId, SessionFamilyId, UserId};
use hireops_domain::ports::{PortResult, SessionRepository};
use sqlx::{MySqlPool, Row};
use uuid::Uuid;

pub struct MySqlSessions {
    pool: MySqlPool,
}

impl MySqlSessions {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl SessionRepository for MySqlSessions {
    async fn start_family(
        &self,
        user: UserId,
        family: SessionFamilyId,
        first_token_digest: &str,
        token_expires_at: DateTime<Utc>,
        family_expires_at: DateTime<Utc>,
    ) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        sqlx::query("INSERT INTO session_families (id, user_id, created_at, expires_at) VALUES (?, ?, UTC_TIMESTAMP(6), ?)")
            .bind(family.0)
            .bind(user.0)
            .bind(family_expires_at)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        sqlx::query("INSERT INTO refresh_tokens (id, family_id, token_digest, created_at, expires_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6), ?)")
            .bind(Uuid::now_v7())
            .bind(family.0)
            .bind(first_token_digest)
            .bind(token_expires_at)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        tx.commit().await.map_err(infra)
    }

    async fn find_token(&self, digest: &str) -> PortResult<Option<RefreshTokenState>> {
        let row = sqlx::query(
            "SELECT t.id, t.family_id, f.user_id, t.expires_at, f.expires_at AS family_expires_at,
                    t.rotated_at IS NOT NULL AS rotated, f.revoked_at IS NOT NULL AS revoked
             FROM refresh_tokens t JOIN session_families f ON f.id = t.family_id WHERE t.token_digest = ?",
        )
        .bind(digest)
        .fetch_optional(&self.pool)
        .await
        .map_err(infra)?;
        Ok(row.map(|r| RefreshTokenState {
            id: RefreshTokenId(r.get("id")),
            family: SessionFamilyId(r.get("family_id")),
            user_id: UserId(r.get("user_id")),
            expires_at: r.get("expires_at"),
            family_expires_at: r.get("family_expires_at"),
            rotated: r.get::<i64, _>("rotated") != 0,
            family_revoked: r.get::<i64, _>("revoked") != 0,
        }))
    }

    async fn rotate(&self, old: &RefreshTokenState, new_digest: &str, new_expires_at: DateTime<Utc>, now: DateTime<Utc>) -> PortResult<bool> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        // Compare-and-set: only the first presentation of a token may rotate it.
        let claimed = sqlx::query(
            "UPDATE refresh_tokens t JOIN session_families f ON f.id = t.family_id
             SET t.rotated_at = ? WHERE t.id = ? AND t.rotated_at IS NULL AND f.revoked_at IS NULL",
        )
        .bind(now)
        .bind(old.id.0)
        .execute(&mut *tx)
        .await
        .map_err(infra)?;
        if claimed.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query("INSERT INTO refresh_tokens (id, family_id, token_digest, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
            .bind(Uuid::now_v7())
            .bind(old.family.0)
            .bind(new_digest)
            .bind(now)
            .bind(new_expires_at)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        tx.commit().await.map_err(infra)?;
        Ok(true)
    }

    async fn revoke_family(&self, family: SessionFamilyId, reason: &str, now: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("UPDATE session_families SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL")
            .bind(now)
            .bind(reason)
            .bind(family.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn revoke_all_for_user(&self, user: UserId, reason: &str, now: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("UPDATE session_families SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND revoked_at IS NULL")
            .bind(now)
            .bind(reason)
            .bind(user.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn is_family_live(&self, family: SessionFamilyId, now: DateTime<Utc>) -> PortResult<bool> {
        let row: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM session_families WHERE id = ? AND revoked_at IS NULL AND expires_at > ?")
            .bind(family.0)
            .bind(now)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?;
        Ok(row.is_some())
    }
}
