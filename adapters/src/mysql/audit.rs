use super::infra;
use hireops_domain::audit::AuditEntry;
use hireops_domain::ports::{AuditLog, PortResult};
use sqlx::MySqlPool;
use uuid::Uuid;

pub struct MySqlAuditLog {
    pool: MySqlPool,
}

impl MySqlAuditLog {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl AuditLog for MySqlAuditLog {
    async fn record(&self, e: AuditEntry) -> PortResult<()> {
        sqlx::query(
            "INSERT INTO audit_log (id, occurred_at, action, outcome, actor_id, company_id, target_type, target_id, ip, user_agent, request_id, details)
             VALUES (?, UTC_TIMESTAMP(6), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(Uuid::now_v7())
        .bind(e.action)
        .bind(e.outcome.as_str())
        .bind(e.actor_id.map(|a| a.0))
        .bind(e.company_id.map(|c| c.0))
        .bind(e.target_type)
        .bind(e.target_id)
        .bind(e.meta.ip)
        .bind(e.meta.user_agent.map(|ua| ua.chars().take(500).collect::<String>()))
        .bind(e.meta.request_id)
        .bind(sqlx::types::Json(e.details))
        .execute(&self.pool)
        .await
        .map_err(infra)?;
        Ok(())
    }
}
