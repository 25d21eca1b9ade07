use super::infra;
use chrono::{DateTime, Utc};
use hireops_domain::auth::SsoProvider;
use hireops_domain::ids::UserId;
use hireops_domain::ports::{PortResult, SsoLinkRepository};
use sqlx::MySqlPool;
use uuid::Uuid;

pub struct MySqlSsoLinks {
    pool: MySqlPool,
}

impl MySqlSsoLinks {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl SsoLinkRepository for MySqlSsoLinks {
    async fn user_for_subject(&self, provider: SsoProvider, subject: &str) -> PortResult<Option<UserId>> {
        let row: Option<(Uuid,)> = sqlx::query_as("SELECT user_id FROM sso_links WHERE provider = ? AND subject = ?")
            .bind(provider.as_str())
            .bind(subject)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?;
        Ok(row.map(|(id,)| UserId(id)))
    }

    async fn has_link(&self, provider: SsoProvider, user: UserId) -> PortResult<bool> {
        let row: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM sso_links WHERE provider = ? AND user_id = ?")
            .bind(provider.as_str())
            .bind(user.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?;
        Ok(row.is_some())
    }

    async fn link(&self, provider: SsoProvider, subject: &str, user: UserId, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("INSERT INTO sso_links (provider, subject, user_id, linked_at) VALUES (?, ?, ?, ?)")
            .bind(provider.as_str())
            .bind(subject)
            .bind(user.0)
            .bind(at)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }
}
