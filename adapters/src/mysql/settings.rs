use super::infra;
use chrono::{DateTime, Utc};
use hireops_domain::ids::{CompanyId, UserId};
use hireops_domain::ports::{PortResult, SettingsRepository};
use hireops_domain::settings::TenantSettings;
use sqlx::types::Json;
use sqlx::MySqlPool;
use uuid::Uuid;

/// The row key of a settings owner: the company id, or the nil UUID for the platform.
pub(crate) fn owner_key(owner: Option<CompanyId>) -> Uuid {
    owner.map_or(Uuid::nil(), |c| c.0)
}

pub struct MySqlSettings {
    pool: MySqlPool,
}

impl MySqlSettings {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl SettingsRepository for MySqlSettings {
    async fn find(&self, owner: Option<CompanyId>) -> PortResult<Option<TenantSettings>> {
        let row: Option<(Json<TenantSettings>,)> = sqlx::query_as("SELECT settings FROM tenant_settings WHERE owner_key = ?")
            .bind(owner_key(owner))
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?;
        Ok(row.map(|(s,)| s.0))
    }

    async fn save(&self, owner: Option<CompanyId>, settings: &TenantSettings, by: UserId, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query(
            "INSERT INTO tenant_settings (owner_key, settings, updated_by, updated_at) VALUES (?, ?, ?, ?)
             ON DUPLICATE KEY UPDATE settings = VALUES(settings), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)",
        )
        .bind(owner_key(owner))
        .bind(Json(settings))
        .bind(by.0)
        .bind(at)
        .execute(&self.pool)
        .await
        .map_err(infra)?;
        Ok(())
    }

    async fn company_exists(&self, id: CompanyId) -> PortResult<bool> {
        let row: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM companies WHERE id = ?").bind(id.0).fetch_optional(&self.pool).await.map_err(infra)?;
        Ok(row.is_some())
    }
}
