//! Applications, their append-only status history, feedback and kanban order.

mod public;
mod stages;

pub use stages::MySqlJobStages;

use super::visibility::push_application_visible;
use super::{infra, is_duplicate_key, like};
use chrono::{DateTime, Utc};
use hireops_domain::applications::{
    end_of_column, ApplicationQuery, ApplicationSort, ApplicationView, Audience, Board, CandidateRef, Card, Column, Feedback, HistoryEntry, JobInfo, NewApplication,
    OwnApplication, Person, PublicApplication, ResumeRef, StageMove, StageRef,
};
use hireops_domain::identity::CompanyFilter;
use hireops_domain::ids::{ApplicationId, CandidateId, CompanyId, FeedbackId, FileId, HistoryEntryId, JobId, StageId, UserId};
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::pipelines::{JobStage, StageKind};
use hireops_domain::ports::{ApplicationStore, PortResult};
use hireops_domain::DomainError;
use sqlx::mysql::MySqlRow;
use sqlx::{MySql, MySqlConnection, MySqlPool, QueryBuilder, Row};
use uuid::Uuid;

pub struct MySqlApplications {
    pool: MySqlPool,
}

impl MySqlApplications {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

pub(crate) fn kind_of(s: &str) -> PortResult<StageKind> {
    StageKind::parse(s).ok_or_else(|| DomainError::infra(format!("unknown stage kind {s}")))
}

fn person(id: Option<Uuid>, name: Option<String>) -> Option<Person> {
    id.map(|id| Person { id: UserId(id), full_name: name.unwrap_or_default() })
}

/// The rank after the last card of a column.
async fn end_rank(conn: &mut MySqlConnection, job: Uuid, stage: Uuid) -> PortResult<f64> {
    let last: Option<f64> = sqlx::query_scalar("SELECT MAX(rank_in_stage) FROM applications WHERE job_id = ? AND stage_id = ?")
        .bind(job)
        .bind(stage)
        .fetch_one(&mut *conn)
        .await
        .map_err(infra)?;
    Ok(end_of_column(last))
}

#[allow(clippy::too_many_arguments)]
async fn insert_history(
    conn: &mut MySqlConnection,
    application: Uuid,
    from: Option<&StageRef>,
    to: &StageRef,
    by: Option<UserId>,
    at: DateTime<Utc>,
    remarks: Option<&str>,
    rejection_reason: Option<&str>,
) -> PortResult<()> {
    sqlx::query(
        "INSERT INTO application_history (id, application_id, from_stage_id, from_stage_name, to_stage_id, to_stage_name, changed_by, changed_at,
                                          remarks, rejection_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(HistoryEntryId::new().0)
    .bind(application)
    .bind(from.map(|f| f.id.0))
    .bind(from.map(|f| f.name.clone()))
    .bind(to.id.0)
    .bind(&to.name)
    .bind(by.map(|b| b.0))
    .bind(at)
    .bind(remarks)
    .bind(rejection_reason)
    .execute(&mut *conn)
    .await
    .map_err(infra)?;
    Ok(())
}

const SELECT: &str = "SELECT a.id, a.job_id, j.title AS job_title, j.reference AS job_reference, j.client_name AS job_client_name,
        a.job_company_id, co.name AS job_company_name, j.manager_id AS job_manager_id, a.candidate_id, a.candidate_company_id,
        c.full_name AS candidate_name, c.email AS candidate_email, a.stage_id, s.name AS stage_name, s.kind AS stage_kind, a.source,
        a.recruiter_id, r.full_name AS recruiter_name, a.submitted_at, a.stage_entered_at, a.verified_by_manager_at, a.version,
        a.rank_in_stage, a.rejection_reason, a.cover_letter, a.resume_file_id, f.file_name AS resume_file_name, f.virus_status AS resume_status
    FROM applications a
    JOIN jobs j ON j.id = a.job_id
    JOIN companies co ON co.id = a.job_company_id
    JOIN candidates c ON c.id = a.candidate_id
    JOIN job_stages s ON s.id = a.stage_id
    LEFT JOIN users r ON r.id = a.recruiter_id
    LEFT JOIN stored_files f ON f.id = a.resume_file_id";

fn view(r: &MySqlRow) -> PortResult<ApplicationView> {
    let resume_id: Option<Uuid> = r.try_get("resume_file_id").map_err(infra)?;
    Ok(ApplicationView {
        id: ApplicationId(r.try_get("id").map_err(infra)?),
        job_id: JobId(r.try_get("job_id").map_err(infra)?),
        job_title: r.try_get("job_title").map_err(infra)?,
        job_reference: r.try_get("job_reference").map_err(infra)?,
        job_client_name: r.try_get("job_client_name").map_err(infra)?,
        job_company_id: CompanyId(r.try_get("job_company_id").map_err(infra)?),
        job_company_name: r.try_get("job_company_name").map_err(infra)?,
        job_manager_id: r.try_get::<Option<Uuid>, _>("job_manager_id").map_err(infra)?.map(UserId),
        candidate_id: CandidateId(r.try_get("candidate_id").map_err(infra)?),
        candidate_company_id: r.try_get::<Option<Uuid>, _>("candidate_company_id").map_err(infra)?.map(CompanyId),
        candidate_name: r.try_get("candidate_name").map_err(infra)?,
        candidate_email: r.try_get("candidate_email").map_err(infra)?,
        stage: StageRef {
            id: StageId(r.try_get("stage_id").map_err(infra)?),
            name: r.try_get("stage_name").map_err(infra)?,
            kind: kind_of(&r.try_get::<String, _>("stage_kind").map_err(infra)?)?,
        },
        source: r.try_get("source").map_err(infra)?,
        recruiter: person(r.try_get("recruiter_id").map_err(infra)?, r.try_get("recruiter_name").map_err(infra)?),
        submitted_at: r.try_get("submitted_at").map_err(infra)?,
        stage_entered_at: r.try_get("stage_entered_at").map_err(infra)?,
        verified_at: r.try_get("verified_by_manager_at").map_err(infra)?,
        version: r.try_get("version").map_err(infra)?,
        rank: r.try_get("rank_in_stage").map_err(infra)?,
        rejection_reason: r.try_get("rejection_reason").map_err(infra)?,
        cover_letter: r.try_get("cover_letter").map_err(infra)?,
        resume: match resume_id {
            Some(id) => Some(ResumeRef {
                file_id: FileId(id),
                file_name: r.try_get::<Option<String>, _>("resume_file_name").map_err(infra)?.unwrap_or_default(),
                virus_status: r.try_get::<Option<String>, _>("resume_status").map_err(infra)?.unwrap_or_default(),
            }),
            None => None,
        },
    })
}

/// ` WHERE …` of the list; false when the caller can see nothing.
fn push_where(qb: &mut QueryBuilder<'_, MySql>, q: &ApplicationQuery, companies: CompanyFilter) -> bool {
    qb.push(" WHERE j.deleted_at IS NULL");
    if !push_application_visible(qb, "a", companies) {
        return false;
    }
    if let Some(id) = q.job_id {
        qb.push(" AND a.job_id = ").push_bind(id.0);
    }
    if let Some(id) = q.candidate_id {
        qb.push(" AND a.candidate_id = ").push_bind(id.0);
    }
    if let Some(id) = q.stage_id {
        qb.push(" AND a.stage_id = ").push_bind(id.0);
    }
    if let Some(state) = q.state {
        qb.push(" AND a.state = ").push_bind(state.as_str());
    }
    if let Some(id) = q.recruiter_id {
        qb.push(" AND a.recruiter_id = ").push_bind(id.0);
    }
    if let Some(id) = q.manager_id {
        qb.push(" AND j.manager_id = ").push_bind(id.0);
    }
    if let Some(client) = &q.client {
        qb.push(" AND j.client_name LIKE ").push_bind(like::contains(client));
    }
    if let Some(from) = q.submitted_from {
        qb.push(" AND a.submitted_at >= ").push_bind(from.and_hms_opt(0, 0, 0).expect("midnight").and_utc());
    }
    if let Some(to) = q.submitted_to {
        let next = to.succ_opt().unwrap_or(to).and_hms_opt(0, 0, 0).expect("midnight").and_utc();
        qb.push(" AND a.submitted_at < ").push_bind(next);
    }
    if let Some(text) = &q.candidate_text {
        let pattern = like::contains(text);
        qb.push(" AND (c.full_name LIKE ").push_bind(pattern.clone()).push(" OR c.email LIKE ").push_bind(pattern).push(")");
    }
    match q.verified {
        Some(true) => {
            qb.push(" AND a.verified_by_manager_at IS NOT NULL");
        }
        Some(false) => {
            qb.push(" AND a.verified_by_manager_at IS NULL");
        }
        None => {}
    }
    true
}

#[async_trait::async_trait]
impl ApplicationStore for MySqlApplications {
    async fn candidate(&self, id: CandidateId) -> PortResult<Option<CandidateRef>> {
        let row = sqlx::query("SELECT id, company_id, user_id, (merged_into_id IS NULL AND deleted_at IS NULL) AS live FROM candidates WHERE id = ?")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?;
        row.map(|r| {
            Ok(CandidateRef {
                id: CandidateId(r.try_get("id").map_err(infra)?),
                company_id: r.try_get::<Option<Uuid>, _>("company_id").map_err(infra)?.map(CompanyId),
                user_id: r.try_get::<Option<Uuid>, _>("user_id").map_err(infra)?.map(UserId),
                live: r.try_get::<i64, _>("live").map_err(infra)? == 1,
            })
        })
        .transpose()
    }

    async fn create(&self, n: &NewApplication) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let rank = end_rank(&mut tx, n.job_id.0, n.stage.id.0).await?;
        let inserted = sqlx::query(
            "INSERT INTO applications (id, job_id, job_company_id, candidate_id, candidate_company_id, stage_id, state, stage_entered_at,
                                       rank_in_stage, source, recruiter_id, submitted_at, updated_at, version)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        )
        .bind(n.id.0)
        .bind(n.job_id.0)
        .bind(n.job_company_id.0)
        .bind(n.candidate_id.0)
        .bind(n.candidate_company_id.map(|c| c.0))
        .bind(n.stage.id.0)
        .bind(n.stage.kind.as_str())
        .bind(n.at)
        .bind(rank)
        .bind(&n.source)
        .bind(n.recruiter_id.map(|r| r.0))
        .bind(n.at)
        .bind(n.at)
        .execute(&mut *tx)
        .await;
        if let Err(e) = inserted {
            if is_duplicate_key(&e) {
                tx.rollback().await.map_err(infra)?;
                let existing: Uuid = sqlx::query_scalar("SELECT id FROM applications WHERE job_id = ? AND candidate_id = ?")
                    .bind(n.job_id.0)
                    .bind(n.candidate_id.0)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(infra)?;
                return Err(DomainError::Duplicate { code: "already_applied", existing_id: existing });
            }
            return Err(infra(e));
        }
        insert_history(&mut tx, n.id.0, None, &n.stage, n.recruiter_id, n.at, n.remarks.as_deref(), None).await?;
        tx.commit().await.map_err(infra)
    }

    async fn find(&self, id: ApplicationId) -> PortResult<Option<ApplicationView>> {
        let row = sqlx::query(&format!("{SELECT} WHERE a.id = ? AND j.deleted_at IS NULL")).bind(id.0).fetch_optional(&self.pool).await.map_err(infra)?;
        row.as_ref().map(view).transpose()
    }

    async fn list(&self, q: &ApplicationQuery, companies: CompanyFilter, page: PageRequest) -> PortResult<Page<ApplicationView>> {
        let mut count = QueryBuilder::<MySql>::new("SELECT COUNT(*) FROM applications a JOIN jobs j ON j.id = a.job_id JOIN candidates c ON c.id = a.candidate_id");
        if !push_where(&mut count, q, companies) {
            return Ok(Page::new(vec![], 0, page));
        }
        let total: i64 = count.build_query_scalar().fetch_one(&self.pool).await.map_err(infra)?;
        let mut qb = QueryBuilder::<MySql>::new(SELECT);
        push_where(&mut qb, q, companies);
        qb.push(match q.sort {
            ApplicationSort::Newest => " ORDER BY a.submitted_at DESC, a.id DESC",
            ApplicationSort::Oldest => " ORDER BY a.submitted_at ASC, a.id ASC",
            ApplicationSort::InStageLongest => " ORDER BY a.stage_entered_at ASC, a.id ASC",
            ApplicationSort::Candidate => " ORDER BY c.full_name ASC, a.id ASC",
        });
        qb.push(" LIMIT ").push_bind(page.limit()).push(" OFFSET ").push_bind(page.offset());
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        Ok(Page::new(rows.iter().map(view).collect::<PortResult<_>>()?, total as u64, page))
    }

    async fn move_stage(&self, mv: &StageMove) -> PortResult<bool> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let rank = end_rank(&mut tx, mv.job_id.0, mv.to.id.0).await?;
        let updated = sqlx::query(
            "UPDATE applications SET stage_id = ?, state = ?, stage_entered_at = ?, rank_in_stage = ?, rejection_reason = ?,
                    version = version + 1, updated_at = ?
             WHERE id = ? AND version = ?",
        )
        .bind(mv.to.id.0)
        .bind(mv.to.kind.as_str())
        .bind(mv.at)
        .bind(rank)
        .bind(&mv.rejection_reason)
        .bind(mv.at)
        .bind(mv.application_id.0)
        .bind(mv.expected_version)
        .execute(&mut *tx)
        .await
        .map_err(infra)?;
        if updated.rows_affected() == 0 {
            tx.rollback().await.map_err(infra)?;
            return Ok(false);
        }
        insert_history(&mut tx, mv.application_id.0, Some(&mv.from), &mv.to, Some(mv.by), mv.at, mv.remarks.as_deref(), mv.rejection_reason.as_deref()).await?;
        tx.commit().await.map_err(infra)?;
        Ok(true)
    }

    async fn history(&self, id: ApplicationId) -> PortResult<Vec<HistoryEntry>> {
        let rows = sqlx::query(
            "SELECT h.id, h.from_stage_id, h.from_stage_name, h.to_stage_id, h.to_stage_name, h.changed_by, u.full_name, h.changed_at, h.remarks,
                    h.rejection_reason
             FROM application_history h LEFT JOIN users u ON u.id = h.changed_by
             WHERE h.application_id = ? ORDER BY h.changed_at, h.id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        rows.iter()
            .map(|r| {
                let from: Option<Uuid> = r.try_get("from_stage_id").map_err(infra)?;
                Ok(HistoryEntry {
                    id: HistoryEntryId(r.try_get("id").map_err(infra)?),
                    from_stage: match from {
                        Some(f) => Some((StageId(f), r.try_get::<Option<String>, _>("from_stage_name").map_err(infra)?.unwrap_or_default())),
                        None => None,
                    },
                    to_stage: (StageId(r.try_get("to_stage_id").map_err(infra)?), r.try_get("to_stage_name").map_err(infra)?),
                    changed_by: person(r.try_get("changed_by").map_err(infra)?, r.try_get("full_name").map_err(infra)?),
                    changed_at: r.try_get("changed_at").map_err(infra)?,
                    remarks: r.try_get("remarks").map_err(infra)?,
                    rejection_reason: r.try_get("rejection_reason").map_err(infra)?,
                })
            })
            .collect()
    }

    async fn set_verified(&self, id: ApplicationId, by: Option<UserId>, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("UPDATE applications SET verified_by_manager_at = ?, verified_by = ?, updated_at = ? WHERE id = ?")
            .bind(by.map(|_| at))
            .bind(by.map(|b| b.0))
            .bind(at)
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn board(&self, job: &JobInfo, companies: CompanyFilter, cap: u32) -> PortResult<Board> {
        let stage_rows = sqlx::query("SELECT id, position, name, kind FROM job_stages WHERE job_id = ? ORDER BY position, id")
            .bind(job.id.0)
            .fetch_all(&self.pool)
            .await
            .map_err(infra)?;
        let mut columns = stage_rows
            .iter()
            .map(|r| {
                Ok(Column {
                    stage: JobStage {
                        id: StageId(r.try_get("id").map_err(infra)?),
                        position: r.try_get("position").map_err(infra)?,
                        name: r.try_get("name").map_err(infra)?,
                        kind: kind_of(&r.try_get::<String, _>("kind").map_err(infra)?)?,
                        count: 0,
                    },
                    cards: vec![],
                })
            })
            .collect::<PortResult<Vec<_>>>()?;
        let mut counts = QueryBuilder::<MySql>::new("SELECT a.stage_id, COUNT(*) AS n FROM applications a WHERE a.job_id = ");
        counts.push_bind(job.id.0);
        if !push_application_visible(&mut counts, "a", companies) {
            return Ok(Board { job: job.clone(), columns });
        }
        counts.push(" GROUP BY a.stage_id");
        for r in counts.build().fetch_all(&self.pool).await.map_err(infra)? {
            let stage: Uuid = r.try_get("stage_id").map_err(infra)?;
            if let Some(c) = columns.iter_mut().find(|c| c.stage.id.0 == stage) {
                c.stage.count = r.try_get::<i64, _>("n").map_err(infra)? as u64;
            }
        }
        let mut cards = QueryBuilder::<MySql>::new(
            "SELECT * FROM (SELECT a.id, a.stage_id, a.candidate_id, c.full_name AS candidate_name, a.recruiter_id, u.full_name AS recruiter_name,
                    a.stage_entered_at, a.version, a.rank_in_stage,
                    ROW_NUMBER() OVER (PARTITION BY a.stage_id ORDER BY a.rank_in_stage, a.id) AS place
             FROM applications a JOIN candidates c ON c.id = a.candidate_id LEFT JOIN users u ON u.id = a.recruiter_id
             WHERE a.job_id = ",
        );
        cards.push_bind(job.id.0);
        push_application_visible(&mut cards, "a", companies);
        cards.push(") board WHERE place <= ").push_bind(cap).push(" ORDER BY rank_in_stage, id");
        for r in cards.build().fetch_all(&self.pool).await.map_err(infra)? {
            let stage: Uuid = r.try_get("stage_id").map_err(infra)?;
            let card = Card {
                id: ApplicationId(r.try_get("id").map_err(infra)?),
                candidate_id: CandidateId(r.try_get("candidate_id").map_err(infra)?),
                candidate_name: r.try_get("candidate_name").map_err(infra)?,
                recruiter: person(r.try_get("recruiter_id").map_err(infra)?, r.try_get("recruiter_name").map_err(infra)?),
                stage_entered_at: r.try_get("stage_entered_at").map_err(infra)?,
                version: r.try_get("version").map_err(infra)?,
                rank: r.try_get("rank_in_stage").map_err(infra)?,
            };
            if let Some(c) = columns.iter_mut().find(|c| c.stage.id.0 == stage) {
                c.cards.push(card);
            }
        }
        Ok(Board { job: job.clone(), columns })
    }

    async fn column(&self, job: JobId, stage: StageId) -> PortResult<Vec<(ApplicationId, f64)>> {
        let rows: Vec<(Uuid, f64)> = sqlx::query_as("SELECT id, rank_in_stage FROM applications WHERE job_id = ? AND stage_id = ? ORDER BY rank_in_stage, id")
            .bind(job.0)
            .bind(stage.0)
            .fetch_all(&self.pool)
            .await
            .map_err(infra)?;
        Ok(rows.into_iter().map(|(id, r)| (ApplicationId(id), r)).collect())
    }

    async fn set_rank(&self, id: ApplicationId, rank: f64) -> PortResult<()> {
        sqlx::query("UPDATE applications SET rank_in_stage = ? WHERE id = ?").bind(rank).bind(id.0).execute(&self.pool).await.map_err(infra)?;
        Ok(())
    }

    async fn renumber(&self, order: &[ApplicationId]) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        for (i, id) in order.iter().enumerate() {
            sqlx::query("UPDATE applications SET rank_in_stage = ? WHERE id = ?").bind((i + 1) as f64).bind(id.0).execute(&mut *tx).await.map_err(infra)?;
        }
        tx.commit().await.map_err(infra)
    }

    #[allow(clippy::too_many_arguments)]
    async fn add_feedback(&self, id: FeedbackId, application: ApplicationId, author: UserId, kind: &str, rating: u8, comments: Option<&str>, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("INSERT INTO application_feedback (id, application_id, author_id, feedback_type, rating, comments, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(id.0)
            .bind(application.0)
            .bind(author.0)
            .bind(kind)
            .bind(rating)
            .bind(comments)
            .bind(at)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn feedback(&self, application: ApplicationId) -> PortResult<Vec<Feedback>> {
        let rows = sqlx::query(
            "SELECT f.id, f.author_id, u.full_name, f.feedback_type, f.rating, f.comments, f.created_at
             FROM application_feedback f JOIN users u ON u.id = f.author_id
             WHERE f.application_id = ? ORDER BY f.created_at DESC, f.id DESC",
        )
        .bind(application.0)
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        rows.iter()
            .map(|r| {
                Ok(Feedback {
                    id: FeedbackId(r.try_get("id").map_err(infra)?),
                    author: Person { id: UserId(r.try_get("author_id").map_err(infra)?), full_name: r.try_get("full_name").map_err(infra)? },
                    feedback_type: r.try_get("feedback_type").map_err(infra)?,
                    rating: r.try_get("rating").map_err(infra)?,
                    comments: r.try_get("comments").map_err(infra)?,
                    created_at: r.try_get("created_at").map_err(infra)?,
                })
            })
            .collect()
    }

    async fn of_candidate_user(&self, user: UserId) -> PortResult<Vec<OwnApplication>> {
        let rows = sqlx::query(
            "SELECT a.id, a.job_id, j.title, co.name AS company_name, s.name AS stage_name, s.kind AS stage_kind, a.submitted_at, a.stage_entered_at
             FROM applications a
             JOIN candidates c ON c.id = a.candidate_id
             JOIN jobs j ON j.id = a.job_id
             JOIN companies co ON co.id = a.job_company_id
             JOIN job_stages s ON s.id = a.stage_id
             WHERE c.user_id = ? AND j.deleted_at IS NULL
             ORDER BY a.submitted_at DESC, a.id DESC LIMIT 500",
        )
        .bind(user.0)
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        rows.iter()
            .map(|r| {
                Ok(OwnApplication {
                    id: ApplicationId(r.try_get("id").map_err(infra)?),
                    job_id: JobId(r.try_get("job_id").map_err(infra)?),
                    job_title: r.try_get("title").map_err(infra)?,
                    company_name: r.try_get("company_name").map_err(infra)?,
                    stage_name: r.try_get("stage_name").map_err(infra)?,
                    stage_kind: kind_of(&r.try_get::<String, _>("stage_kind").map_err(infra)?)?,
                    submitted_at: r.try_get("submitted_at").map_err(infra)?,
                    stage_entered_at: r.try_get("stage_entered_at").map_err(infra)?,
                })
            })
            .collect()
    }

    async fn apply_public(&self, application: &PublicApplication) -> PortResult<CandidateId> {
        public::apply(&self.pool, application).await
    }

    async fn audience(&self, id: ApplicationId) -> PortResult<Option<Audience>> {
        let Some(r) = sqlx::query(
            "SELECT a.job_id, j.title, c.full_name, c.user_id, a.recruiter_id, j.manager_id, a.job_company_id, a.candidate_company_id
             FROM applications a JOIN jobs j ON j.id = a.job_id JOIN candidates c ON c.id = a.candidate_id WHERE a.id = ?",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(infra)?
        else {
            return Ok(None);
        };
        let job: Uuid = r.try_get("job_id").map_err(infra)?;
        let recruiter: Option<Uuid> = r.try_get("recruiter_id").map_err(infra)?;
        let manager: Option<Uuid> = r.try_get("manager_id").map_err(infra)?;
        let job_company: Uuid = r.try_get("job_company_id").map_err(infra)?;
        let candidate_company: Option<Uuid> = r.try_get("candidate_company_id").map_err(infra)?;
        // Only people of the application's two sides see it.
        let staff: Vec<Uuid> = sqlx::query_scalar(
            "SELECT u.id FROM users u
             WHERE u.status = 'active' AND (u.company_id = ? OR u.company_id <=> ?)
               AND (u.id <=> ? OR u.id <=> ? OR u.id IN (SELECT t.user_id FROM job_team t WHERE t.job_id = ?))
             ORDER BY u.id",
        )
        .bind(job_company)
        .bind(candidate_company)
        .bind(manager)
        .bind(recruiter)
        .bind(job)
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        Ok(Some(Audience {
            job_title: r.try_get("title").map_err(infra)?,
            candidate_name: r.try_get("full_name").map_err(infra)?,
            staff: staff.into_iter().map(UserId).collect(),
            candidate_user: r.try_get::<Option<Uuid>, _>("user_id").map_err(infra)?.map(UserId),
        }))
    }
}
