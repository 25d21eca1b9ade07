use super::infra;
use chrono::{DateTime, Utc};
use hireops_domain::ids::UserId;
use hireops_domain::ports::{OneTimePurpose, OneTimeTokenRepository, PortResult};
use sqlx::{MySqlConnection, MySqlPool};
use uuid::Uuid;

pub struct MySqlOneTimeTokens {
    pool: MySqlPool,
}

impl MySqlOneTimeTokens {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

/// Consume a live token inside the caller's transaction.
pub(crate) async fn consume_in(
    conn: &mut MySqlConnection,
    purpose: OneTimePurpose,
    digest: &str,
    now: DateTime<Utc>,
) -> Result<Option<(UserId, Option<String>)>, sqlx::Error> {
    let row: Option<(Uuid, Uuid, Option<String>)> = sqlx::query_as(
        "SELECT id, user_id, reference FROM one_time_tokens
         WHERE purpose = ? AND token_digest = ? AND consumed_at IS NULL AND expires_at > ? FOR UPDATE",
    )
    .bind(purpose.as_str())
    .bind(digest)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((id, user, reference)) = row else { return Ok(None) };
    sqlx::query("UPDATE one_time_tokens SET consumed_at = ? WHERE id = ?").bind(now).bind(id).execute(&mut *conn).await?;
    Ok(Some((UserId(user), reference)))
}

#[async_trait::async_trait]
impl OneTimeTokenRepository for MySqlOneTimeTokens {
    async fn create(&self, purpose: OneTimePurpose, user: UserId, digest: &str, expires_at: DateTime<Utc>, reference: Option<String>) -> PortResult<()> {
        sqlx::query(
            "INSERT INTO one_time_tokens (id, purpose, user_id, token_digest, reference, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
        )
        .bind(Uuid::now_v7())
        .bind(purpose.as_str())
        .bind(user.0)
        .bind(digest)
        .bind(reference)
        .bind(expires_at)
        .execute(&self.pool)
        .await
        .map_err(infra)?;
        Ok(())
    }

    async fn consume(&self, purpose: OneTimePurpose, digest: &str, now: DateTime<Utc>) -> PortResult<Option<(UserId, Option<String>)>> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let found = consume_in(&mut tx, purpose, digest, now).await.map_err(infra)?;
        tx.commit().await.map_err(infra)?;
        Ok(found)
    }
}
