//! Rows and counts behind the dashboard variants.

use super::super::infra;
use super::super::visibility::push_application_visible;
use super::push_open;
use chrono::{DateTime, Utc};
use hireops_domain::identity::CompanyFilter;
use hireops_domain::ids::{ApplicationId, CompanyId, JobId, UserId};
use hireops_domain::insights::{EmployerDashboard, FunnelEvent, KeyCount, MyApplication, Person, PipelineRow, PlatformDashboard, RecentApplication};
use hireops_domain::pipelines::StageKind;
use hireops_domain::ports::PortResult;
use hireops_domain::DomainError;
use sqlx::{MySqlPool, QueryBuilder, Row};

fn kind(s: &str) -> PortResult<StageKind> {
    StageKind::parse(s).ok_or_else(|| DomainError::infra(format!("unknown stage kind {s}")))
}

/// Counts for every known key (zeros included), then any unexpected key found.
fn keyed(known: &[&str], found: Vec<(String, i64)>) -> Vec<KeyCount> {
    let mut out: Vec<KeyCount> = known.iter().map(|k| KeyCount { key: k.to_string(), count: 0 }).collect();
    for (key, n) in found {
        match out.iter_mut().find(|k| k.key == key) {
            Some(k) => k.count += n as u64,
            None => out.push(KeyCount { key, count: n as u64 }),
        }
    }
    out
}

async fn scalar(pool: &MySqlPool, qb: &mut QueryBuilder<'_, sqlx::MySql>) -> PortResult<u64> {
    let n: i64 = qb.build_query_scalar().fetch_one(pool).await.map_err(infra)?;
    Ok(n as u64)
}

pub(super) async fn platform_summary(pool: &MySqlPool, since: DateTime<Utc>) -> PortResult<PlatformDashboard> {
    let by_type: Vec<(String, i64)> = sqlx::query_as("SELECT company_type, COUNT(*) FROM companies GROUP BY company_type").fetch_all(pool).await.map_err(infra)?;
    let by_status: Vec<(String, i64)> = sqlx::query_as("SELECT status, COUNT(*) FROM companies GROUP BY status").fetch_all(pool).await.map_err(infra)?;
    let users: Vec<(String, i64)> = sqlx::query_as("SELECT status, COUNT(*) FROM users GROUP BY status").fetch_all(pool).await.map_err(infra)?;
    let mut open = QueryBuilder::new("SELECT COUNT(*) FROM jobs j WHERE j.deleted_at IS NULL");
    push_open(&mut open, "j");
    let open_jobs = scalar(pool, &mut open).await?;
    let (total, recent): (i64, i64) = sqlx::query_as("SELECT COUNT(*), CAST(COALESCE(SUM(submitted_at >= ?), 0) AS SIGNED) FROM applications")
        .bind(since)
        .fetch_one(pool)
        .await
        .map_err(infra)?;
    Ok(PlatformDashboard {
        companies_by_type: keyed(&["agency", "employer"], by_type),
        companies_by_status: keyed(&["active", "suspended"], by_status),
        users_by_status: keyed(&["active", "pending_activation", "pending_verification", "deactivated"], users),
        open_jobs,
        applications_total: total as u64,
        applications_last_7_days: recent as u64,
    })
}

pub(super) async fn candidate_applications(pool: &MySqlPool, user: UserId) -> PortResult<Vec<MyApplication>> {
    let rows = sqlx::query(
        "SELECT a.id, a.job_id, j.title, co.name AS company_name, s.name AS stage, s.kind, a.submitted_at, a.updated_at
         FROM applications a
         JOIN candidates c ON c.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN companies co ON co.id = j.company_id
         JOIN job_stages s ON s.id = a.stage_id
         WHERE c.user_id = ? AND j.deleted_at IS NULL
         ORDER BY a.submitted_at DESC, a.id DESC LIMIT 100",
    )
    .bind(user.0)
    .fetch_all(pool)
    .await
    .map_err(infra)?;
    rows.iter()
        .map(|r| {
            let k: String = r.try_get("kind").map_err(infra)?;
            Ok(MyApplication {
                id: ApplicationId(r.try_get("id").map_err(infra)?),
                job_id: JobId(r.try_get("job_id").map_err(infra)?),
                job_title: r.try_get("title").map_err(infra)?,
                company_name: r.try_get("company_name").map_err(infra)?,
                stage: r.try_get("stage").map_err(infra)?,
                stage_kind: kind(&k)?,
                submitted_at: r.try_get("submitted_at").map_err(infra)?,
                updated_at: r.try_get("updated_at").map_err(infra)?,
            })
        })
        .collect()
}

pub(super) async fn saved_jobs(pool: &MySqlPool, user: UserId) -> PortResult<u64> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM saved_jobs sj JOIN jobs j ON j.id = sj.job_id WHERE sj.user_id = ? AND j.deleted_at IS NULL")
        .bind(user.0)
        .fetch_one(pool)
        .await
        .map_err(infra)?;
    Ok(n as u64)
}

pub(super) async fn employer_summary(pool: &MySqlPool, company: CompanyId, week_start: DateTime<Utc>, month_start: DateTime<Utc>) -> PortResult<EmployerDashboard> {
    let mut open = QueryBuilder::new("SELECT COUNT(*) FROM jobs j WHERE j.deleted_at IS NULL AND j.company_id = ");
    open.push_bind(company.0);
    push_open(&mut open, "j");
    let open_jobs = scalar(pool, &mut open).await?;

    let mut stages = QueryBuilder::new(
        "SELECT s.name, CAST(MIN(s.position) AS SIGNED) AS position, COUNT(a.id) AS n
         FROM jobs j JOIN job_stages s ON s.job_id = j.id LEFT JOIN applications a ON a.stage_id = s.id
         WHERE j.deleted_at IS NULL AND j.company_id = ",
    );
    stages.push_bind(company.0);
    push_open(&mut stages, "j");
    stages.push(" GROUP BY s.name ORDER BY position, s.name");
    let applicants_by_stage = stages
        .build()
        .fetch_all(pool)
        .await
        .map_err(infra)?
        .iter()
        .map(|r| Ok(KeyCount { key: r.try_get("name")?, count: r.try_get::<i64, _>("n")? as u64 }))
        .collect::<Result<Vec<_>, sqlx::Error>>()
        .map_err(infra)?;

    let new_applications_this_week: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.job_company_id = ? AND j.deleted_at IS NULL AND a.submitted_at >= ?",
    )
    .bind(company.0)
    .bind(week_start)
    .fetch_one(pool)
    .await
    .map_err(infra)?;
    let hires_this_month: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT h.application_id) FROM application_history h
         JOIN applications a ON a.id = h.application_id
         JOIN jobs j ON j.id = a.job_id
         JOIN job_stages s ON s.id = h.to_stage_id
         WHERE a.job_company_id = ? AND j.deleted_at IS NULL AND s.kind = 'hired' AND h.changed_at >= ?",
    )
    .bind(company.0)
    .bind(month_start)
    .fetch_one(pool)
    .await
    .map_err(infra)?;
    let recent = sqlx::query(
        "SELECT a.id, c.full_name, a.job_id, j.title, s.name AS stage, a.submitted_at
         FROM applications a
         JOIN candidates c ON c.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN job_stages s ON s.id = a.stage_id
         WHERE a.job_company_id = ? AND j.deleted_at IS NULL
         ORDER BY a.submitted_at DESC, a.id DESC LIMIT 10",
    )
    .bind(company.0)
    .fetch_all(pool)
    .await
    .map_err(infra)?
    .iter()
    .map(|r| {
        Ok(RecentApplication {
            id: ApplicationId(r.try_get("id")?),
            candidate_name: r.try_get("full_name")?,
            job_id: JobId(r.try_get("job_id")?),
            job_title: r.try_get("title")?,
            stage: r.try_get("stage")?,
            submitted_at: r.try_get("submitted_at")?,
        })
    })
    .collect::<Result<Vec<_>, sqlx::Error>>()
    .map_err(infra)?;
    Ok(EmployerDashboard {
        open_jobs,
        applicants_by_stage,
        new_applications_this_week: new_applications_this_week as u64,
        hires_this_month: hires_this_month as u64,
        recent_applications: recent,
    })
}

pub(super) async fn funnel_events(
    pool: &MySqlPool,
    companies: CompanyFilter,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    client: Option<&str>,
    recruiter: Option<UserId>,
) -> PortResult<Vec<FunnelEvent>> {
    let mut qb = QueryBuilder::new(
        "SELECT h.application_id, a.recruiter_id, h.to_stage_name, COALESCE(s.kind, 'active') AS kind,
                CAST(h.from_stage_id IS NULL AS SIGNED) AS submission
         FROM application_history h
         JOIN applications a ON a.id = h.application_id
         JOIN jobs j ON j.id = a.job_id
         LEFT JOIN job_stages s ON s.id = h.to_stage_id
         WHERE j.deleted_at IS NULL AND h.changed_at >= ",
    );
    qb.push_bind(from).push(" AND h.changed_at < ").push_bind(to);
    if !push_application_visible(&mut qb, "a", companies) {
        return Ok(vec![]);
    }
    if let Some(client) = client {
        qb.push(" AND j.client_name = ").push_bind(client.to_string());
    }
    if let Some(r) = recruiter {
        qb.push(" AND a.recruiter_id = ").push_bind(r.0);
    }
    let rows = qb.build().fetch_all(pool).await.map_err(infra)?;
    rows.iter()
        .map(|r| {
            let k: String = r.try_get("kind").map_err(infra)?;
            Ok(FunnelEvent {
                application: ApplicationId(r.try_get("application_id").map_err(infra)?),
                recruiter: r.try_get::<Option<uuid::Uuid>, _>("recruiter_id").map_err(infra)?.map(UserId),
                stage: r.try_get("to_stage_name").map_err(infra)?,
                kind: kind(&k)?,
                submission: r.try_get::<i64, _>("submission").map_err(infra)? == 1,
            })
        })
        .collect()
}

pub(super) async fn company_recruiters(pool: &MySqlPool, company: CompanyId) -> PortResult<Vec<Person>> {
    let rows: Vec<(uuid::Uuid, String)> = sqlx::query_as(
        "SELECT DISTINCT u.id, u.full_name FROM users u
         JOIN user_roles ur ON ur.user_id = u.id
         JOIN roles r ON r.id = ur.role_id
         WHERE u.company_id = ? AND u.status = 'active' AND r.name = 'recruiter' AND r.company_id IS NULL
         ORDER BY u.full_name, u.id",
    )
    .bind(company.0)
    .fetch_all(pool)
    .await
    .map_err(infra)?;
    Ok(rows.into_iter().map(|(id, name)| Person { id: UserId(id), name }).collect())
}

pub(super) async fn recruiter_pipeline(pool: &MySqlPool, recruiter: UserId, companies: CompanyFilter, client: Option<&str>) -> PortResult<Vec<PipelineRow>> {
    let mut qb = QueryBuilder::new(
        "SELECT s.name, CAST(s.position AS SIGNED) AS position, a.state, a.submitted_at
         FROM applications a JOIN job_stages s ON s.id = a.stage_id JOIN jobs j ON j.id = a.job_id
         WHERE j.deleted_at IS NULL AND a.recruiter_id = ",
    );
    qb.push_bind(recruiter.0);
    if !push_application_visible(&mut qb, "a", companies) {
        return Ok(vec![]);
    }
    if let Some(client) = client {
        qb.push(" AND j.client_name = ").push_bind(client.to_string());
    }
    let rows = qb.build().fetch_all(pool).await.map_err(infra)?;
    rows.iter()
        .map(|r| {
            let state: String = r.try_get("state").map_err(infra)?;
            Ok(PipelineRow {
                stage: r.try_get("name").map_err(infra)?,
                position: r.try_get::<i64, _>("position").map_err(infra)? as u32,
                state: kind(&state)?,
                submitted_at: r.try_get("submitted_at").map_err(infra)?,
            })
        })
        .collect()
}
