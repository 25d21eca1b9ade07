//! Spread the demo over the past weeks. Everything above happened within a
//! second; dashboards, ageing and time-in-stage only mean something when jobs
//! opened and candidates moved on different days. This rewrites timestamps of
//! the demo rows only (never a real tenant's), keeping every application's
//! history in its original order.

use super::people::Cast;
use super::talent::Talent;
use anyhow::Result;
use chrono::{Duration, Utc};
use sqlx::MySqlPool;
use uuid::Uuid;

pub async fn spread(pool: &MySqlPool, cast: &Cast, talent: &Talent) -> Result<()> {
    let now = Utc::now();
    let companies: Vec<Uuid> = cast.agencies.iter().chain(&cast.employers).map(|c| c.id.0).collect();
    let mut tx = pool.begin().await?;
    for (c, company) in companies.iter().enumerate() {
        let jobs: Vec<(Uuid,)> = sqlx::query_as("SELECT id FROM jobs WHERE company_id = ? AND opened_at IS NOT NULL ORDER BY created_at, id").bind(company).fetch_all(&mut *tx).await?;
        for (j, (job,)) in jobs.iter().enumerate() {
            let opened = now - Duration::days(6 + ((c * 17 + j * 23) % 80) as i64);
            sqlx::query("UPDATE jobs SET opened_at = ?, published_at = IF(published_at IS NULL, NULL, ?), created_at = ? WHERE id = ?")
                .bind(opened)
                .bind(opened)
                .bind(opened)
                .bind(job)
                .execute(&mut *tx)
                .await?;
        }
    }
    for (a, app) in talent.applications.iter().enumerate() {
        let rows: Vec<(Uuid,)> =
            sqlx::query_as("SELECT id FROM application_history WHERE application_id = ? ORDER BY changed_at, id").bind(app.0).fetch_all(&mut *tx).await?;
        // Submitted some time after its job opened; each later move spaced evenly until now.
        let (opened,): (chrono::DateTime<Utc>,) =
            sqlx::query_as("SELECT j.opened_at FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.id = ?").bind(app.0).fetch_one(&mut *tx).await?;
        let fraction = ((a * 37) % 70 + 10) as i64;
        let submitted = opened + Duration::minutes((now - opened).num_minutes() * fraction / 100);
        let span = (now - submitted).num_minutes().max(rows.len() as i64);
        let step = span / (rows.len() as i64 + 1);
        let mut last = submitted;
        for (k, (row,)) in rows.iter().enumerate() {
            let at = submitted + Duration::minutes(step * k as i64);
            sqlx::query("UPDATE application_history SET changed_at = ? WHERE id = ?").bind(at).bind(row).execute(&mut *tx).await?;
            last = at;
        }
        sqlx::query("UPDATE applications SET submitted_at = ?, stage_entered_at = ? WHERE id = ?").bind(submitted).bind(last).bind(app.0).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}
