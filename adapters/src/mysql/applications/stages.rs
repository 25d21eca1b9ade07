//! Jobs as the recruiting rules read them, and editing a job's stages.

use super::super::{infra, is_foreign_key_violation};
use super::kind_of;
use chrono::{DateTime, Utc};
use hireops_domain::applications::JobInfo;
use hireops_domain::ids::{CompanyId, JobId, StageId, UserId};
use hireops_domain::pipelines::{JobStage, StagePlan};
use hireops_domain::ports::{JobStageStore, PortResult};
use hireops_domain::DomainError;
use sqlx::{MySqlPool, Row};
use uuid::Uuid;

pub struct MySqlJobStages {
    pool: MySqlPool,
}

impl MySqlJobStages {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl JobStageStore for MySqlJobStages {
    async fn job(&self, id: JobId) -> PortResult<Option<JobInfo>> {
        let Some(r) = sqlx::query("SELECT id, company_id, title, reference, status, published_at, deleted_at, manager_id FROM jobs WHERE id = ?")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?
        else {
            return Ok(None);
        };
        let shared: Vec<Uuid> = sqlx::query_scalar("SELECT agency_id FROM job_agencies WHERE job_id = ?").bind(id.0).fetch_all(&self.pool).await.map_err(infra)?;
        Ok(Some(JobInfo {
            id: JobId(r.try_get("id").map_err(infra)?),
            company_id: CompanyId(r.try_get("company_id").map_err(infra)?),
            title: r.try_get("title").map_err(infra)?,
            reference: r.try_get("reference").map_err(infra)?,
            status: r.try_get("status").map_err(infra)?,
            published: r.try_get::<Option<DateTime<Utc>>, _>("published_at").map_err(infra)?.is_some(),
            deleted: r.try_get::<Option<DateTime<Utc>>, _>("deleted_at").map_err(infra)?.is_some(),
            shared_with: shared.into_iter().map(CompanyId).collect(),
            manager_id: r.try_get::<Option<Uuid>, _>("manager_id").map_err(infra)?.map(UserId),
        }))
    }

    async fn stages(&self, job: JobId) -> PortResult<Vec<JobStage>> {
        let rows = sqlx::query(
            "SELECT s.id, s.position, s.name, s.kind, (SELECT COUNT(*) FROM applications a WHERE a.stage_id = s.id) AS n
             FROM job_stages s WHERE s.job_id = ? ORDER BY s.position, s.id",
        )
        .bind(job.0)
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        rows.iter()
            .map(|r| {
                Ok(JobStage {
                    id: StageId(r.try_get("id").map_err(infra)?),
                    position: r.try_get("position").map_err(infra)?,
                    name: r.try_get("name").map_err(infra)?,
                    kind: kind_of(&r.try_get::<String, _>("kind").map_err(infra)?)?,
                    count: r.try_get::<i64, _>("n").map_err(infra)? as u64,
                })
            })
            .collect()
    }

    async fn replace_stages(&self, job: JobId, plan: &StagePlan, at: DateTime<Utc>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        for id in &plan.removed {
            sqlx::query("DELETE FROM job_stages WHERE id = ? AND job_id = ?").bind(id.0).bind(job.0).execute(&mut *tx).await.map_err(|e| {
                if is_foreign_key_violation(&e) { DomainError::Conflict("stage_in_use") } else { infra(e) }
            })?;
        }
        // Free the names first so renames may swap them.
        for s in plan.stages.iter().filter(|s| s.existing) {
            sqlx::query("UPDATE job_stages SET name = CONCAT('~', HEX(id)) WHERE id = ? AND job_id = ?").bind(s.id.0).bind(job.0).execute(&mut *tx).await.map_err(infra)?;
        }
        for (position, s) in plan.stages.iter().enumerate() {
            if s.existing {
                sqlx::query("UPDATE job_stages SET position = ?, name = ?, kind = ? WHERE id = ? AND job_id = ?")
                    .bind(position as u32)
                    .bind(&s.name)
                    .bind(s.kind.as_str())
                    .bind(s.id.0)
                    .bind(job.0)
                    .execute(&mut *tx)
                    .await
                    .map_err(infra)?;
                if s.kind_changed {
                    sqlx::query("UPDATE applications SET state = ?, updated_at = ? WHERE stage_id = ?")
                        .bind(s.kind.as_str())
                        .bind(at)
                        .bind(s.id.0)
                        .execute(&mut *tx)
                        .await
                        .map_err(infra)?;
                }
            } else {
                sqlx::query("INSERT INTO job_stages (id, job_id, position, name, kind) VALUES (?, ?, ?, ?, ?)")
                    .bind(s.id.0)
                    .bind(job.0)
                    .bind(position as u32)
                    .bind(&s.name)
                    .bind(s.kind.as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(infra)?;
            }
        }
        tx.commit().await.map_err(infra)
    }
}
