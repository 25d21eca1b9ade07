//! Rows behind the pipeline and requirement reports.

use super::super::infra;
use super::super::visibility::{push_application_visible, push_job_visible};
use super::{push_ids, push_open};
use chrono::{DateTime, Utc};
use hireops_domain::identity::CompanyFilter;
use hireops_domain::ids::{ApplicationId, JobId, UserId};
use hireops_domain::insights::{ApplicationRow, HistoryRow, Person, RequirementFilter, RequirementRow, StageRow};
use hireops_domain::pipelines::StageKind;
use hireops_domain::ports::{PipelineRows, PortResult};
use hireops_domain::DomainError;
use sqlx::{MySqlPool, QueryBuilder, Row};
use uuid::Uuid;

fn kind(s: &str) -> PortResult<StageKind> {
    StageKind::parse(s).ok_or_else(|| DomainError::infra(format!("unknown stage kind {s}")))
}

/// Whom a job is for: its client, or — for an employer's job shared with the
/// caller's agency — the employer. The caller's own openings have no client.
fn client_of(companies: CompanyFilter) -> String {
    let owner = "(SELECT oc.name FROM companies oc WHERE oc.id = j.company_id)";
    match companies {
        CompanyFilter::Only(me) => format!("COALESCE(j.client_name, IF(j.company_id = 0x{}, NULL, {owner}))", me.0.simple()),
        _ => format!("COALESCE(j.client_name, {owner})"),
    }
}

pub(super) async fn open_requirements(pool: &MySqlPool, companies: CompanyFilter, f: &RequirementFilter) -> PortResult<Vec<RequirementRow>> {
    let client = client_of(companies);
    let mut qb = QueryBuilder::new(format!(
        "SELECT j.id, j.reference, j.title, {client} AS client_name, j.priority, j.status, COALESCE(j.opened_at, j.created_at) AS opened, j.manager_id
         FROM jobs j WHERE j.deleted_at IS NULL"
    ));
    push_open(&mut qb, "j");
    if !push_job_visible(&mut qb, "j", companies) {
        return Ok(vec![]);
    }
    if let Some(status) = &f.status {
        qb.push(" AND j.status = ").push_bind(status.clone());
    }
    if let Some(name) = &f.client {
        qb.push(format!(" AND {client} = ")).push_bind(name.clone());
    }
    if let Some(priority) = &f.priority {
        qb.push(" AND j.priority = ").push_bind(priority.clone());
    }
    if let Some(r) = f.recruiter {
        qb.push(" AND EXISTS (SELECT 1 FROM job_team t WHERE t.job_id = j.id AND t.team_role = 'recruiter' AND t.user_id = ").push_bind(r.0).push(")");
    }
    qb.push(" ORDER BY opened, j.id");
    let rows = qb.build().fetch_all(pool).await.map_err(infra)?;
    let mut jobs = rows
        .iter()
        .map(|r| {
            Ok(RequirementRow {
                id: JobId(r.try_get("id")?),
                reference: r.try_get("reference")?,
                title: r.try_get("title")?,
                client: r.try_get("client_name")?,
                priority: r.try_get("priority")?,
                status: r.try_get("status")?,
                opened_at: r.try_get("opened")?,
                manager_id: r.try_get::<Option<Uuid>, _>("manager_id")?.map(UserId),
                recruiters: Vec::new(),
                team: Vec::new(),
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()
        .map_err(infra)?;
    if jobs.is_empty() {
        return Ok(jobs);
    }
    let ids: Vec<Uuid> = jobs.iter().map(|j| j.id.0).collect();
    let mut team = QueryBuilder::new("SELECT t.job_id, t.user_id, t.team_role, u.full_name FROM job_team t JOIN users u ON u.id = t.user_id WHERE t.job_id");
    push_ids(&mut team, &ids);
    team.push(" ORDER BY u.full_name, t.user_id");
    let members: Vec<(Uuid, Uuid, String, String)> = team.build_query_as().fetch_all(pool).await.map_err(infra)?;
    for (job, user, role, name) in members {
        if let Some(j) = jobs.iter_mut().find(|j| j.id.0 == job) {
            j.team.push(UserId(user));
            if role == "recruiter" {
                j.recruiters.push(Person { id: UserId(user), name });
            }
        }
    }
    Ok(jobs)
}

pub(super) async fn pipeline_rows(pool: &MySqlPool, job: Option<JobId>, companies: CompanyFilter) -> PortResult<Option<PipelineRows>> {
    let mut jobs_q = QueryBuilder::new("SELECT j.id FROM jobs j WHERE j.deleted_at IS NULL");
    match job {
        Some(id) => {
            jobs_q.push(" AND j.id = ").push_bind(id.0);
        }
        None => push_open(&mut jobs_q, "j"),
    }
    let visible = push_job_visible(&mut jobs_q, "j", companies);
    let ids: Vec<Uuid> = if visible { jobs_q.build_query_scalar().fetch_all(pool).await.map_err(infra)? } else { vec![] };
    if ids.is_empty() {
        return Ok(if job.is_some() { None } else { Some(PipelineRows { stages: vec![], applications: vec![], history: vec![] }) });
    }

    let mut stages_q = QueryBuilder::new("SELECT s.name, s.kind, CAST(s.position AS SIGNED) FROM job_stages s WHERE s.job_id");
    push_ids(&mut stages_q, &ids);
    let stage_rows: Vec<(String, String, i64)> = stages_q.build_query_as().fetch_all(pool).await.map_err(infra)?;
    let stages = stage_rows
        .into_iter()
        .map(|(name, k, position)| Ok(StageRow { name, kind: kind(&k)?, position: position as u32 }))
        .collect::<PortResult<Vec<_>>>()?;

    let mut apps_q = QueryBuilder::new("SELECT a.id, s.name, a.state FROM applications a JOIN job_stages s ON s.id = a.stage_id WHERE a.job_id");
    push_ids(&mut apps_q, &ids);
    push_application_visible(&mut apps_q, "a", companies);
    let app_rows: Vec<(Uuid, String, String)> = apps_q.build_query_as().fetch_all(pool).await.map_err(infra)?;
    let applications = app_rows
        .into_iter()
        .map(|(id, stage, state)| Ok(ApplicationRow { id: ApplicationId(id), stage, state: kind(&state)? }))
        .collect::<PortResult<Vec<_>>>()?;

    let mut history_q = QueryBuilder::new(
        "SELECT h.application_id, h.to_stage_name, h.changed_at FROM application_history h JOIN applications a ON a.id = h.application_id WHERE a.job_id",
    );
    push_ids(&mut history_q, &ids);
    push_application_visible(&mut history_q, "a", companies);
    history_q.push(" ORDER BY h.application_id, h.changed_at, h.id");
    let history_rows: Vec<(Uuid, String, DateTime<Utc>)> = history_q.build_query_as().fetch_all(pool).await.map_err(infra)?;
    let history = history_rows.into_iter().map(|(id, stage, at)| HistoryRow { application: ApplicationId(id), stage, at }).collect();
    Ok(Some(PipelineRows { stages, applications, history }))
}
