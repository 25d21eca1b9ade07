use super::infra;
use hireops_domain::ids::CompanyId;
use hireops_domain::pipelines::{StageDraft, StageKind};
use hireops_domain::ports::{PipelineTemplateStore, PortResult};
use hireops_domain::DomainError;
use sqlx::{MySqlPool, Row};

pub struct MySqlPipelineTemplates {
    pool: MySqlPool,
}

impl MySqlPipelineTemplates {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl PipelineTemplateStore for MySqlPipelineTemplates {
    async fn template(&self, company: CompanyId) -> PortResult<Option<Vec<StageDraft>>> {
        let rows = sqlx::query("SELECT name, kind FROM pipeline_template_stages WHERE company_id = ? ORDER BY position")
            .bind(company.0)
            .fetch_all(&self.pool)
            .await
            .map_err(infra)?;
        if rows.is_empty() {
            return Ok(None);
        }
        let stages = rows
            .iter()
            .map(|r| {
                let kind: String = r.try_get("kind").map_err(infra)?;
                Ok(StageDraft {
                    name: r.try_get("name").map_err(infra)?,
                    kind: StageKind::parse(&kind).ok_or_else(|| DomainError::infra(format!("unknown stage kind {kind}")))?,
                })
            })
            .collect::<PortResult<Vec<_>>>()?;
        Ok(Some(stages))
    }

    async fn save(&self, company: CompanyId, stages: &[StageDraft]) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        sqlx::query("DELETE FROM pipeline_template_stages WHERE company_id = ?").bind(company.0).execute(&mut *tx).await.map_err(infra)?;
        for (i, s) in stages.iter().enumerate() {
            sqlx::query("INSERT INTO pipeline_template_stages (company_id, position, name, kind) VALUES (?, ?, ?, ?)")
                .bind(company.0)
                .bind(i as u32)
                .bind(&s.name)
                .bind(s.kind.as_str())
                .execute(&mut *tx)
                .await
                .map_err(infra)?;
        }
        tx.commit().await.map_err(infra)
    }
}
