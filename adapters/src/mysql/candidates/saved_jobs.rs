//! Jobs candidate users bookmarked from the public board.

use crate::mysql::{infra, is_duplicate_key};
use chrono::{DateTime, Utc};
use hireops_domain::candidates::SavedJob;
use hireops_domain::ids::{JobId, UserId};
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::ports::{PortResult, SavedJobRepository};
use sqlx::mysql::MySqlRow;
use sqlx::{MySqlPool, Row};

pub struct MySqlSavedJobs {
    pool: MySqlPool,
}

impl MySqlSavedJobs {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

const SELECT: &str = "SELECT sj.job_id, j.title, co.name AS company_name, j.location, sj.saved_at,
        (j.published_at IS NOT NULL AND j.status = 'open' AND j.deleted_at IS NULL) AS published
    FROM saved_jobs sj JOIN jobs j ON j.id = sj.job_id JOIN companies co ON co.id = j.company_id";

fn saved(row: &MySqlRow) -> Result<SavedJob, sqlx::Error> {
    Ok(SavedJob {
        job_id: JobId(row.try_get("job_id")?),
        title: row.try_get("title")?,
        company_name: row.try_get("company_name")?,
        location: row.try_get("location")?,
        published: row.try_get::<i64, _>("published")? != 0,
        saved_at: row.try_get("saved_at")?,
    })
}

#[async_trait::async_trait]
impl SavedJobRepository for MySqlSavedJobs {
    async fn save(&self, user: UserId, job: JobId, at: DateTime<Utc>) -> PortResult<Option<bool>> {
        let on_board: Option<i32> = sqlx::query_scalar(
            "SELECT 1 FROM jobs WHERE id = ? AND published_at IS NOT NULL AND status = 'open' AND deleted_at IS NULL",
        )
        .bind(job.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(infra)?;
        if on_board.is_none() {
            return Ok(None);
        }
        match sqlx::query("INSERT INTO saved_jobs (user_id, job_id, saved_at) VALUES (?, ?, ?)").bind(user.0).bind(job.0).bind(at).execute(&self.pool).await {
            Ok(_) => Ok(Some(true)),
            Err(e) if is_duplicate_key(&e) => Ok(Some(false)),
            Err(e) => Err(infra(e)),
        }
    }

    async fn find(&self, user: UserId, job: JobId) -> PortResult<Option<SavedJob>> {
        let row = sqlx::query(&format!("{SELECT} WHERE sj.user_id = ? AND sj.job_id = ?"))
            .bind(user.0)
            .bind(job.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?;
        row.as_ref().map(saved).transpose().map_err(infra)
    }

    async fn list(&self, user: UserId, page: PageRequest) -> PortResult<Page<SavedJob>> {
        let (total,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM saved_jobs WHERE user_id = ?").bind(user.0).fetch_one(&self.pool).await.map_err(infra)?;
        let rows = sqlx::query(&format!("{SELECT} WHERE sj.user_id = ? ORDER BY sj.saved_at DESC, sj.job_id DESC LIMIT ? OFFSET ?"))
            .bind(user.0)
            .bind(page.limit())
            .bind(page.offset())
            .fetch_all(&self.pool)
            .await
            .map_err(infra)?;
        let items = rows.iter().map(saved).collect::<Result<Vec<_>, _>>().map_err(infra)?;
        Ok(Page::new(items, total as u64, page))
    }

    async fn remove(&self, user: UserId, job: JobId) -> PortResult<bool> {
        let done = sqlx::query("DELETE FROM saved_jobs WHERE user_id = ? AND job_id = ?").bind(user.0).bind(job.0).execute(&self.pool).await.map_err(infra)?;
        Ok(done.rows_affected() > 0)
    }
}
