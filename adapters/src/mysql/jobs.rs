//! Jobs, their stages, team and sharing, and the public board's reads.
//! Every internal list and load goes through the visibility helpers.

use super::visibility::{push_application_visible, push_job_visible};
use super::text_search::push_text_match;
use super::{infra, is_duplicate_key, like, refresh_job_search_text};
use chrono::{DateTime, Utc};
use hireops_domain::identity::{CompanyFilter, CompanyType};
use hireops_domain::ids::{CompanyId, JobId, StageId, UserId};
use hireops_domain::jobs::{
    CompanyRef, Job, JobDetail, JobFields, JobQuery, JobSort, JobStage, JobSummary, Lifecycle, OwnerFilter, PublicJob, PublicJobQuery,
    TeamMember, TeamMemberInput, UserRef,
};
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::pipelines::StageDraft;
use hireops_domain::ports::{JobRepository, PortResult};
use hireops_domain::DomainError;
use sqlx::mysql::MySqlRow;
use sqlx::types::Json;
use sqlx::{MySql, MySqlConnection, MySqlPool, QueryBuilder, Row};
use uuid::Uuid;

pub struct MySqlJobs {
    pool: MySqlPool,
}

impl MySqlJobs {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

const SELECT_JOB: &str = "SELECT j.id, j.company_id, j.kind, j.reference, j.title, j.description, j.department, j.location, j.work_mode,
        j.employment_type, j.tags, j.client_name, j.client_spoc, j.end_customer, j.account, j.positions,
        CAST(j.budget_min AS DOUBLE) AS budget_min, CAST(j.budget_max AS DOUBLE) AS budget_max, j.budget_currency, j.budget_period,
        CAST(j.experience_min AS DOUBLE) AS experience_min, CAST(j.experience_max AS DOUBLE) AS experience_max, j.priority,
        j.manager_id, j.notes, j.status, j.close_reason, j.opened_at, j.closed_at, j.published_at, j.created_by, j.created_at,
        j.updated_at, c.name AS company_name, c.company_type, m.full_name AS manager_name
    FROM jobs j JOIN companies c ON c.id = j.company_id LEFT JOIN users m ON m.id = j.manager_id";

fn manager(row: &MySqlRow) -> PortResult<Option<UserRef>> {
    let id: Option<Uuid> = row.try_get("manager_id").map_err(infra)?;
    let name: Option<String> = row.try_get("manager_name").map_err(infra)?;
    Ok(id.map(|id| UserRef { id: UserId(id), full_name: name.unwrap_or_default() }))
}

fn job(row: &MySqlRow) -> PortResult<Job> {
    let tags: Json<Vec<String>> = row.try_get("tags").map_err(infra)?;
    let manager_id: Option<Uuid> = row.try_get("manager_id").map_err(infra)?;
    Ok(Job {
        id: JobId(row.try_get("id").map_err(infra)?),
        company_id: CompanyId(row.try_get("company_id").map_err(infra)?),
        reference: row.try_get("reference").map_err(infra)?,
        fields: JobFields {
            kind: row.try_get("kind").map_err(infra)?,
            title: row.try_get("title").map_err(infra)?,
            description: row.try_get("description").map_err(infra)?,
            department: row.try_get("department").map_err(infra)?,
            location: row.try_get("location").map_err(infra)?,
            work_mode: row.try_get("work_mode").map_err(infra)?,
            employment_type: row.try_get("employment_type").map_err(infra)?,
            tags: tags.0,
            client_name: row.try_get("client_name").map_err(infra)?,
            client_spoc: row.try_get("client_spoc").map_err(infra)?,
            end_customer: row.try_get("end_customer").map_err(infra)?,
            account: row.try_get("account").map_err(infra)?,
            positions: i64::from(row.try_get::<u32, _>("positions").map_err(infra)?),
            budget_min: row.try_get("budget_min").map_err(infra)?,
            budget_max: row.try_get("budget_max").map_err(infra)?,
            budget_currency: row.try_get("budget_currency").map_err(infra)?,
            budget_period: row.try_get("budget_period").map_err(infra)?,
            experience_min: row.try_get("experience_min").map_err(infra)?,
            experience_max: row.try_get("experience_max").map_err(infra)?,
            priority: row.try_get("priority").map_err(infra)?,
            manager_id: manager_id.map(UserId),
            notes: row.try_get("notes").map_err(infra)?,
        },
        lifecycle: Lifecycle {
            status: row.try_get("status").map_err(infra)?,
            close_reason: row.try_get("close_reason").map_err(infra)?,
            opened_at: row.try_get("opened_at").map_err(infra)?,
            closed_at: row.try_get("closed_at").map_err(infra)?,
            published_at: row.try_get("published_at").map_err(infra)?,
        },
        created_by: UserId(row.try_get("created_by").map_err(infra)?),
        created_at: row.try_get("created_at").map_err(infra)?,
        updated_at: row.try_get("updated_at").map_err(infra)?,
    })
}

fn company_ref(row: &MySqlRow, id: &str, name: &str) -> PortResult<CompanyRef> {
    Ok(CompanyRef { id: CompanyId(row.try_get(id).map_err(infra)?), name: row.try_get(name).map_err(infra)? })
}

fn reference_conflict(e: sqlx::Error) -> DomainError {
    if is_duplicate_key(&e) { DomainError::Conflict("reference_taken") } else { infra(e) }
}

/// Bind every editable column in the order of `EDITABLE`.
const EDITABLE: &str = "reference = ?, title = ?, description = ?, department = ?, location = ?, work_mode = ?, employment_type = ?,
    tags = ?, client_name = ?, client_spoc = ?, end_customer = ?, account = ?, positions = ?, budget_min = ?, budget_max = ?,
    budget_currency = ?, budget_period = ?, experience_min = ?, experience_max = ?, priority = ?, manager_id = ?, notes = ?,
    status = ?, close_reason = ?, opened_at = ?, closed_at = ?, published_at = ?, updated_at = ?";

fn bind_editable<'q>(
    q: sqlx::query::Query<'q, MySql, sqlx::mysql::MySqlArguments>,
    j: &'q Job,
    at: DateTime<Utc>,
) -> sqlx::query::Query<'q, MySql, sqlx::mysql::MySqlArguments> {
    let f = &j.fields;
    let l = &j.lifecycle;
    q.bind(&j.reference)
        .bind(&f.title)
        .bind(&f.description)
        .bind(&f.department)
        .bind(&f.location)
        .bind(&f.work_mode)
        .bind(&f.employment_type)
        .bind(Json(&f.tags))
        .bind(&f.client_name)
        .bind(&f.client_spoc)
        .bind(&f.end_customer)
        .bind(&f.account)
        .bind(f.positions)
        .bind(f.budget_min)
        .bind(f.budget_max)
        .bind(&f.budget_currency)
        .bind(&f.budget_period)
        .bind(f.experience_min)
        .bind(f.experience_max)
        .bind(&f.priority)
        .bind(f.manager_id.map(|m| m.0))
        .bind(&f.notes)
        .bind(&l.status)
        .bind(&l.close_reason)
        .bind(l.opened_at)
        .bind(l.closed_at)
        .bind(l.published_at)
        .bind(at)
}

/// The next free `PREFIX-0001` of the company's counter (locked for the transaction).
async fn next_reference(conn: &mut MySqlConnection, company: CompanyId, prefix: &str) -> Result<String, sqlx::Error> {
    sqlx::query("INSERT INTO job_reference_counters (company_id, next_value) VALUES (?, 1) ON DUPLICATE KEY UPDATE next_value = next_value")
        .bind(company.0)
        .execute(&mut *conn)
        .await?;
    let (mut n,): (u32,) = sqlx::query_as("SELECT next_value FROM job_reference_counters WHERE company_id = ? FOR UPDATE")
        .bind(company.0)
        .fetch_one(&mut *conn)
        .await?;
    let reference = loop {
        let candidate = format!("{prefix}-{n:04}");
        let (taken,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM jobs WHERE company_id = ? AND reference = ?")
            .bind(company.0)
            .bind(&candidate)
            .fetch_one(&mut *conn)
            .await?;
        n += 1;
        if taken == 0 {
            break candidate;
        }
    };
    sqlx::query("UPDATE job_reference_counters SET next_value = ? WHERE company_id = ?").bind(n).bind(company.0).execute(&mut *conn).await?;
    Ok(reference)
}

/// `COALESCE(TIMESTAMPDIFF(DAY, opened, closed or now), 0)`.
fn push_ageing(qb: &mut QueryBuilder<'_, MySql>, now: DateTime<Utc>) {
    qb.push("COALESCE(TIMESTAMPDIFF(DAY, j.opened_at, COALESCE(j.closed_at, ").push_bind(now).push(")), 0)");
}

/// Appends the list's conditions; false when nothing can match.
fn push_filters(qb: &mut QueryBuilder<'_, MySql>, q: &JobQuery, companies: CompanyFilter, now: DateTime<Utc>) -> bool {
    qb.push(" WHERE j.deleted_at IS NULL");
    if !push_job_visible(qb, "j", companies) {
        return false;
    }
    if let (Some(owner), CompanyFilter::Only(me)) = (q.owner, companies) {
        qb.push(if owner == OwnerFilter::Mine { " AND j.company_id = " } else { " AND j.company_id <> " }).push_bind(me.0);
    }
    if let Some(s) = &q.status {
        qb.push(" AND j.status = ").push_bind(s.clone());
    }
    if let Some(k) = &q.kind {
        qb.push(" AND j.kind = ").push_bind(k.clone());
    }
    if let Some(c) = &q.client {
        qb.push(" AND j.client_name LIKE ").push_bind(like::contains(c));
    }
    if let Some(r) = q.recruiter {
        qb.push(" AND EXISTS (SELECT 1 FROM job_team t_f WHERE t_f.job_id = j.id AND t_f.user_id = ").push_bind(r.0).push(")");
    }
    if let Some(m) = q.manager {
        qb.push(" AND j.manager_id = ").push_bind(m.0);
    }
    if let Some(p) = &q.priority {
        qb.push(" AND j.priority = ").push_bind(p.clone());
    }
    if let Some(min) = q.ageing_min {
        qb.push(" AND ");
        push_ageing(qb, now);
        qb.push(" >= ").push_bind(min);
    }
    if let Some(max) = q.ageing_max {
        qb.push(" AND ");
        push_ageing(qb, now);
        qb.push(" <= ").push_bind(max);
    }
    if let Some(t) = &q.text {
        push_text_match(qb, "j", t);
    }
    match q.published {
        Some(true) => {
            qb.push(" AND j.published_at IS NOT NULL");
        }
        Some(false) => {
            qb.push(" AND j.published_at IS NULL");
        }
        None => {}
    }
    true
}

fn summary(row: &MySqlRow) -> PortResult<JobSummary> {
    Ok(JobSummary {
        id: JobId(row.try_get("id").map_err(infra)?),
        reference: row.try_get("reference").map_err(infra)?,
        kind: row.try_get("kind").map_err(infra)?,
        title: row.try_get("title").map_err(infra)?,
        status: row.try_get("status").map_err(infra)?,
        priority: row.try_get("priority").map_err(infra)?,
        client_name: row.try_get("client_name").map_err(infra)?,
        location: row.try_get("location").map_err(infra)?,
        employment_type: row.try_get("employment_type").map_err(infra)?,
        positions: row.try_get("positions").map_err(infra)?,
        opened_at: row.try_get("opened_at").map_err(infra)?,
        closed_at: row.try_get("closed_at").map_err(infra)?,
        published_at: row.try_get("published_at").map_err(infra)?,
        manager: manager(row)?,
        team_size: row.try_get::<i64, _>("team_size").map_err(infra)? as u32,
        application_count: row.try_get::<i64, _>("application_count").map_err(infra)? as u32,
        company: company_ref(row, "company_id", "company_name")?,
        created_at: row.try_get("created_at").map_err(infra)?,
        updated_at: row.try_get("updated_at").map_err(infra)?,
    })
}

const SELECT_PUBLIC: &str = "SELECT j.id, j.reference, j.title, j.description, j.department, j.location, j.work_mode, j.employment_type,
        j.tags, CAST(j.experience_min AS DOUBLE) AS experience_min, CAST(j.experience_max AS DOUBLE) AS experience_max, j.positions,
        j.published_at, c.id AS company_id, c.name AS company_name
    FROM jobs j JOIN companies c ON c.id = j.company_id";

/// Only what is on the board: published, open, live, of an active company.
const PUBLIC_WHERE: &str =
    " WHERE j.deleted_at IS NULL AND j.status = 'open' AND j.published_at IS NOT NULL AND c.status = 'active'";

fn public_job(row: &MySqlRow) -> PortResult<PublicJob> {
    let tags: Json<Vec<String>> = row.try_get("tags").map_err(infra)?;
    Ok(PublicJob {
        id: JobId(row.try_get("id").map_err(infra)?),
        reference: row.try_get("reference").map_err(infra)?,
        title: row.try_get("title").map_err(infra)?,
        description: row.try_get("description").map_err(infra)?,
        department: row.try_get("department").map_err(infra)?,
        location: row.try_get("location").map_err(infra)?,
        work_mode: row.try_get("work_mode").map_err(infra)?,
        employment_type: row.try_get("employment_type").map_err(infra)?,
        tags: tags.0,
        experience_min: row.try_get("experience_min").map_err(infra)?,
        experience_max: row.try_get("experience_max").map_err(infra)?,
        positions: row.try_get("positions").map_err(infra)?,
        company: company_ref(row, "company_id", "company_name")?,
        published_at: row.try_get("published_at").map_err(infra)?,
    })
}

fn push_public_filters(qb: &mut QueryBuilder<'_, MySql>, q: &PublicJobQuery) {
    qb.push(PUBLIC_WHERE);
    if let Some(t) = &q.text {
        push_text_match(qb, "j", t);
    }
    for w in q.public_words() {
        qb.push(" AND CONCAT_WS(' ', j.reference, j.title, j.department, j.location, j.employment_type, CAST(j.tags AS CHAR), j.description) LIKE ")
            .push_bind(like::contains(w));
    }
    if let Some(l) = &q.location {
        qb.push(" AND j.location LIKE ").push_bind(like::contains(l));
    }
    if let Some(e) = &q.employment_type {
        qb.push(" AND j.employment_type = ").push_bind(e.clone());
    }
    if let Some(w) = &q.work_mode {
        qb.push(" AND j.work_mode = ").push_bind(w.clone());
    }
    if let Some(tag) = &q.tag {
        qb.push(" AND JSON_CONTAINS(j.tags, JSON_QUOTE(").push_bind(tag.clone()).push("))");
    }
    if let Some(c) = q.company {
        qb.push(" AND j.company_id = ").push_bind(c.0);
    }
}

fn push_in<'a>(qb: &mut QueryBuilder<'a, MySql>, ids: impl IntoIterator<Item = Uuid>) {
    qb.push(" IN (");
    let mut sep = qb.separated(", ");
    for id in ids {
        sep.push_bind(id);
    }
    sep.push_unseparated(")");
}

#[async_trait::async_trait]
impl JobRepository for MySqlJobs {
    async fn create(&self, j: &Job, stages: &[StageDraft], generate_reference: Option<&'static str>) -> PortResult<String> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let reference = match generate_reference {
            Some(prefix) => next_reference(&mut tx, j.company_id, prefix).await.map_err(infra)?,
            None => j.reference.clone(),
        };
        let stored = Job { reference: reference.clone(), ..j.clone() };
        let insert = format!(
            "INSERT INTO jobs SET id = ?, company_id = ?, kind = ?, created_by = ?, created_at = ?, search_text = '', {EDITABLE}"
        );
        let q = sqlx::query(&insert).bind(j.id.0).bind(j.company_id.0).bind(&j.fields.kind).bind(j.created_by.0).bind(j.created_at);
        bind_editable(q, &stored, j.updated_at).execute(&mut *tx).await.map_err(reference_conflict)?;
        for (i, s) in stages.iter().enumerate() {
            sqlx::query("INSERT INTO job_stages (id, job_id, position, name, kind) VALUES (?, ?, ?, ?, ?)")
                .bind(StageId::new().0)
                .bind(j.id.0)
                .bind(i as u32)
                .bind(&s.name)
                .bind(s.kind.as_str())
                .execute(&mut *tx)
                .await
                .map_err(infra)?;
        }
        refresh_job_search_text(&mut tx, j.id).await.map_err(infra)?;
        tx.commit().await.map_err(infra)?;
        Ok(reference)
    }

    async fn find(&self, id: JobId) -> PortResult<Option<JobDetail>> {
        let Some(row) = sqlx::query(&format!("{SELECT_JOB} WHERE j.id = ? AND j.deleted_at IS NULL"))
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?
        else {
            return Ok(None);
        };
        let kind: String = row.try_get("company_type").map_err(infra)?;
        let stages = sqlx::query("SELECT id, name, kind, position FROM job_stages WHERE job_id = ? ORDER BY position, id")
            .bind(id.0)
            .fetch_all(&self.pool)
            .await
            .map_err(infra)?
            .iter()
            .map(|r| {
                Ok(JobStage {
                    id: StageId(r.try_get("id").map_err(infra)?),
                    name: r.try_get("name").map_err(infra)?,
                    kind: r.try_get("kind").map_err(infra)?,
                    position: r.try_get("position").map_err(infra)?,
                })
            })
            .collect::<PortResult<Vec<_>>>()?;
        let team = sqlx::query(
            "SELECT t.user_id, u.full_name, t.team_role, u.company_id FROM job_team t JOIN users u ON u.id = t.user_id
             WHERE t.job_id = ? ORDER BY t.assigned_at, u.full_name, t.user_id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?
        .iter()
        .map(|r| {
            Ok(TeamMember {
                user_id: UserId(r.try_get("user_id").map_err(infra)?),
                full_name: r.try_get("full_name").map_err(infra)?,
                role: r.try_get("team_role").map_err(infra)?,
                company_id: r.try_get::<Option<Uuid>, _>("company_id").map_err(infra)?.map(CompanyId),
            })
        })
        .collect::<PortResult<Vec<_>>>()?;
        Ok(Some(JobDetail {
            job: job(&row)?,
            company: company_ref(&row, "company_id", "company_name")?,
            company_type: CompanyType::parse(&kind).ok_or_else(|| DomainError::infra(format!("unknown company type {kind}")))?,
            manager: manager(&row)?,
            stages,
            team,
            shared_with: shared_with(&self.pool, id).await?,
        }))
    }

    async fn list(&self, q: &JobQuery, companies: CompanyFilter, now: DateTime<Utc>, page: PageRequest) -> PortResult<Page<JobSummary>> {
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM jobs j");
        if !push_filters(&mut count, q, companies, now) {
            return Ok(Page::new(vec![], 0, page));
        }
        let total: i64 = count.build_query_scalar().fetch_one(&self.pool).await.map_err(infra)?;
        let mut qb = QueryBuilder::new(
            "SELECT j.id, j.reference, j.kind, j.title, j.status, j.priority, j.client_name, j.location, j.employment_type, j.positions,
                j.opened_at, j.closed_at, j.published_at, j.created_at, j.updated_at, j.company_id, c.name AS company_name,
                j.manager_id, m.full_name AS manager_name,
                (SELECT COUNT(*) FROM job_team t JOIN users u_t ON u_t.id = t.user_id WHERE t.job_id = j.id",
        );
        // Like the detail's team: an agency counts the owner's side and its own.
        if let CompanyFilter::Only(me) = companies {
            qb.push(" AND (j.company_id = ").push_bind(me.0).push(" OR u_t.company_id = j.company_id OR u_t.company_id = ").push_bind(me.0).push(")");
        }
        qb.push(") AS team_size, (SELECT COUNT(*) FROM applications a WHERE a.job_id = j.id AND a.state = 'active'");
        push_application_visible(&mut qb, "a", companies);
        qb.push(") AS application_count FROM jobs j JOIN companies c ON c.id = j.company_id LEFT JOIN users m ON m.id = j.manager_id");
        push_filters(&mut qb, q, companies, now);
        qb.push(" ORDER BY ");
        match q.sort {
            JobSort::Newest => qb.push("j.created_at DESC, j.id DESC"),
            JobSort::Oldest => qb.push("j.created_at ASC, j.id ASC"),
            JobSort::Ageing => {
                push_ageing(&mut qb, now);
                qb.push(" DESC, j.created_at DESC, j.id DESC")
            }
            JobSort::Priority => qb.push("FIELD(j.priority, 'critical', 'high', 'medium', 'low'), j.created_at DESC, j.id DESC"),
            JobSort::Title => qb.push("j.title ASC, j.id ASC"),
            JobSort::Updated => qb.push("j.updated_at DESC, j.id DESC"),
        };
        qb.push(" LIMIT ").push_bind(page.limit()).push(" OFFSET ").push_bind(page.offset());
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        let items = rows.iter().map(summary).collect::<PortResult<Vec<_>>>()?;
        Ok(Page::new(items, total as u64, page))
    }

    async fn save(&self, j: &Job, at: DateTime<Utc>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let update = format!("UPDATE jobs SET {EDITABLE} WHERE id = ? AND deleted_at IS NULL");
        bind_editable(sqlx::query(&update), j, at).bind(j.id.0).execute(&mut *tx).await.map_err(reference_conflict)?;
        refresh_job_search_text(&mut tx, j.id).await.map_err(infra)?;
        tx.commit().await.map_err(infra)
    }

    async fn delete(&self, id: JobId, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("UPDATE jobs SET deleted_at = ?, published_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NULL")
            .bind(at)
            .bind(at)
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn application_count(&self, id: JobId) -> PortResult<u64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM applications WHERE job_id = ?").bind(id.0).fetch_one(&self.pool).await.map_err(infra)?;
        Ok(n as u64)
    }

    async fn active_members(&self, company: CompanyId, users: &[UserId]) -> PortResult<Vec<UserId>> {
        if users.is_empty() {
            return Ok(vec![]);
        }
        let mut qb = QueryBuilder::new("SELECT id FROM users WHERE status = 'active' AND company_id = ");
        qb.push_bind(company.0).push(" AND id");
        push_in(&mut qb, users.iter().map(|u| u.0));
        let ids: Vec<Uuid> = qb.build_query_scalar().fetch_all(&self.pool).await.map_err(infra)?;
        Ok(ids.into_iter().map(UserId).collect())
    }

    async fn active_agencies(&self, companies: &[CompanyId]) -> PortResult<Vec<CompanyId>> {
        if companies.is_empty() {
            return Ok(vec![]);
        }
        let mut qb = QueryBuilder::new("SELECT id FROM companies WHERE status = 'active' AND company_type = 'agency' AND id");
        push_in(&mut qb, companies.iter().map(|c| c.0));
        let ids: Vec<Uuid> = qb.build_query_scalar().fetch_all(&self.pool).await.map_err(infra)?;
        Ok(ids.into_iter().map(CompanyId).collect())
    }

    async fn replace_team(&self, job: JobId, side: CompanyId, members: &[TeamMemberInput], by: UserId, at: DateTime<Utc>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        sqlx::query("DELETE t FROM job_team t JOIN users u ON u.id = t.user_id WHERE t.job_id = ? AND u.company_id = ?")
            .bind(job.0)
            .bind(side.0)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        for m in members {
            sqlx::query("INSERT INTO job_team (job_id, user_id, team_role, assigned_by, assigned_at) VALUES (?, ?, ?, ?, ?)")
                .bind(job.0)
                .bind(m.user_id.0)
                .bind(&m.role)
                .bind(by.0)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(infra)?;
        }
        sqlx::query("UPDATE jobs SET updated_at = ? WHERE id = ?").bind(at).bind(job.0).execute(&mut *tx).await.map_err(infra)?;
        tx.commit().await.map_err(infra)
    }

    async fn replace_agencies(&self, job: JobId, agencies: &[CompanyId], by: UserId, at: DateTime<Utc>) -> PortResult<Vec<CompanyRef>> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let current: Vec<Uuid> =
            sqlx::query_scalar("SELECT agency_id FROM job_agencies WHERE job_id = ? FOR UPDATE").bind(job.0).fetch_all(&mut *tx).await.map_err(infra)?;
        for removed in current.iter().filter(|c| !agencies.iter().any(|a| a.0 == **c)) {
            sqlx::query("DELETE t FROM job_team t JOIN users u ON u.id = t.user_id WHERE t.job_id = ? AND u.company_id = ?")
                .bind(job.0)
                .bind(removed)
                .execute(&mut *tx)
                .await
                .map_err(infra)?;
            sqlx::query("DELETE FROM job_agencies WHERE job_id = ? AND agency_id = ?").bind(job.0).bind(removed).execute(&mut *tx).await.map_err(infra)?;
        }
        for added in agencies.iter().filter(|a| !current.contains(&a.0)) {
            sqlx::query("INSERT INTO job_agencies (job_id, agency_id, shared_by, shared_at) VALUES (?, ?, ?, ?)")
                .bind(job.0)
                .bind(added.0)
                .bind(by.0)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(infra)?;
        }
        sqlx::query("UPDATE jobs SET updated_at = ? WHERE id = ?").bind(at).bind(job.0).execute(&mut *tx).await.map_err(infra)?;
        tx.commit().await.map_err(infra)?;
        shared_with(&self.pool, job).await
    }

    async fn public_list(&self, q: &PublicJobQuery, page: PageRequest) -> PortResult<Page<PublicJob>> {
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM jobs j JOIN companies c ON c.id = j.company_id");
        push_public_filters(&mut count, q);
        let total: i64 = count.build_query_scalar().fetch_one(&self.pool).await.map_err(infra)?;
        let mut qb = QueryBuilder::new(SELECT_PUBLIC);
        push_public_filters(&mut qb, q);
        qb.push(" ORDER BY j.published_at DESC, j.id DESC LIMIT ").push_bind(page.limit()).push(" OFFSET ").push_bind(page.offset());
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        let items = rows.iter().map(public_job).collect::<PortResult<Vec<_>>>()?;
        Ok(Page::new(items, total as u64, page))
    }

    async fn public_find(&self, id: JobId) -> PortResult<Option<PublicJob>> {
        let row = sqlx::query(&format!("{SELECT_PUBLIC}{PUBLIC_WHERE} AND j.id = ?")).bind(id.0).fetch_optional(&self.pool).await.map_err(infra)?;
        row.as_ref().map(public_job).transpose()
    }
}

async fn shared_with(pool: &MySqlPool, job: JobId) -> PortResult<Vec<CompanyRef>> {
    sqlx::query("SELECT c.id, c.name FROM job_agencies a JOIN companies c ON c.id = a.agency_id WHERE a.job_id = ? ORDER BY c.name, c.id")
        .bind(job.0)
        .fetch_all(pool)
        .await
        .map_err(infra)?
        .iter()
        .map(|r| company_ref(r, "id", "name"))
        .collect()
}
