use super::infra;
use super::settings::owner_key;
use chrono::{DateTime, Utc};
use hireops_domain::ids::{CompanyId, UserId};
use hireops_domain::ports::{EmailTemplateRepository, PortResult, StoredTemplate};
use hireops_domain::settings::TemplateSource;
use sqlx::MySqlPool;

pub struct MySqlEmailTemplates {
    pool: MySqlPool,
}

impl MySqlEmailTemplates {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

type Row = (String, String, String, String, DateTime<Utc>);

fn stored((name, subject, text, html, updated_at): Row) -> StoredTemplate {
    StoredTemplate { name, source: TemplateSource { subject, text, html }, updated_at }
}

#[async_trait::async_trait]
impl EmailTemplateRepository for MySqlEmailTemplates {
    async fn list(&self, owner: Option<CompanyId>) -> PortResult<Vec<StoredTemplate>> {
        let rows: Vec<Row> =
            sqlx::query_as("SELECT name, subject, body_text, body_html, updated_at FROM email_templates WHERE owner_key = ? ORDER BY name")
                .bind(owner_key(owner))
                .fetch_all(&self.pool)
                .await
                .map_err(infra)?;
        Ok(rows.into_iter().map(stored).collect())
    }

    async fn find(&self, owner: Option<CompanyId>, name: &str) -> PortResult<Option<StoredTemplate>> {
        let row: Option<Row> =
            sqlx::query_as("SELECT name, subject, body_text, body_html, updated_at FROM email_templates WHERE owner_key = ? AND name = ?")
                .bind(owner_key(owner))
                .bind(name)
                .fetch_optional(&self.pool)
                .await
                .map_err(infra)?;
        Ok(row.map(stored))
    }

    async fn save(&self, owner: Option<CompanyId>, name: &str, source: &TemplateSource, by: UserId, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query(
            "INSERT INTO email_templates (owner_key, name, subject, body_text, body_html, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON DUPLICATE KEY UPDATE subject = VALUES(subject), body_text = VALUES(body_text), body_html = VALUES(body_html),
                                     updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)",
        )
        .bind(owner_key(owner))
        .bind(name)
        .bind(&source.subject)
        .bind(&source.text)
        .bind(&source.html)
        .bind(by.0)
        .bind(at)
        .execute(&self.pool)
        .await
        .map_err(infra)?;
        Ok(())
    }

    async fn delete(&self, owner: Option<CompanyId>, name: &str) -> PortResult<bool> {
        let done = sqlx::query("DELETE FROM email_templates WHERE owner_key = ? AND name = ?")
            .bind(owner_key(owner))
            .bind(name)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(done.rows_affected() > 0)
    }
}
