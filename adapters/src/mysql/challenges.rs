use super::infra;
use hireops_domain::auth::Challenge;
use hireops_domain::ids::{ChallengeId, UserId};
use hireops_domain::ports::{ChallengeRepository, PortResult};
use sqlx::{MySqlPool, Row};

pub struct MySqlChallenges {
    pool: MySqlPool,
}

impl MySqlChallenges {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl ChallengeRepository for MySqlChallenges {
    async fn create(&self, c: &Challenge) -> PortResult<()> {
        sqlx::query("INSERT INTO two_factor_challenges (id, user_id, code_digest, expires_at, attempts, created_at) VALUES (?, ?, ?, ?, 0, UTC_TIMESTAMP(6))")
            .bind(c.id.0)
            .bind(c.user_id.0)
            .bind(&c.code_digest)
            .bind(c.expires_at)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn find(&self, id: ChallengeId) -> PortResult<Option<Challenge>> {
        let row = sqlx::query("SELECT id, user_id, code_digest, expires_at, attempts, consumed_at IS NOT NULL AS consumed FROM two_factor_challenges WHERE id = ?")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?;
        Ok(row.map(|r| Challenge {
            id: ChallengeId(r.get("id")),
            user_id: UserId(r.get("user_id")),
            code_digest: r.get("code_digest"),
            expires_at: r.get("expires_at"),
            attempts: r.get::<u32, _>("attempts"),
            consumed: r.get::<i64, _>("consumed") != 0,
        }))
    }

    async fn count_attempt(&self, id: ChallengeId, max_attempts: u32) -> PortResult<bool> {
        let done = sqlx::query("UPDATE two_factor_challenges SET attempts = attempts + 1 WHERE id = ? AND attempts < ? AND consumed_at IS NULL")
            .bind(id.0)
            .bind(max_attempts)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(done.rows_affected() == 1)
    }

    async fn consume(&self, id: ChallengeId) -> PortResult<bool> {
        let done = sqlx::query("UPDATE two_factor_challenges SET consumed_at = UTC_TIMESTAMP(6) WHERE id = ? AND consumed_at IS NULL")
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(done.rows_affected() == 1)
    }
}
