//! Recruiting fixtures written straight into the database, for tests whose
//! subject is something else (the authorization matrix, read-side queries):
//! a job with its stages, a candidate, an application with its first history row.

use hireops_domain::identity::CompanyType;
use hireops_domain::ids::CompanyId;
use hireops_domain::pipelines::default_template;
use hireops_tests::TestApp;
use uuid::Uuid;

/// A job and its stage ids in pipeline order.
pub struct JobFixture {
    pub id: Uuid,
    pub company: CompanyId,
    pub stages: Vec<Uuid>,
}

/// An open, published job of `company` with the default stages of its type.
pub async fn insert_job(app: &TestApp, company: CompanyId, company_type: CompanyType, created_by: Uuid, title: &str) -> JobFixture {
    let id = Uuid::now_v7();
    let reference = format!("FX-{}", &id.simple().to_string()[20..]);
    sqlx::query(
        "INSERT INTO jobs (id, company_id, kind, reference, title, description, tags, status, priority, opened_at, published_at,
                           created_by, created_at, updated_at, search_text)
         VALUES (?, ?, 'opening', ?, ?, 'A fixture job.', '[]', 'open', 'medium', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), ?,
                 UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), ?)",
    )
    .bind(id)
    .bind(company.0)
    .bind(&reference)
    .bind(title)
    .bind(created_by)
    .bind(format!("{reference} {title}"))
    .execute(&app.pool)
    .await
    .expect("insert job");
    let mut stages = Vec::new();
    for (i, s) in default_template(company_type).iter().enumerate() {
        let stage = Uuid::now_v7();
        sqlx::query("INSERT INTO job_stages (id, job_id, position, name, kind) VALUES (?, ?, ?, ?, ?)")
            .bind(stage)
            .bind(id)
            .bind(i as u32)
            .bind(&s.name)
            .bind(s.kind.as_str())
            .execute(&app.pool)
            .await
            .expect("insert stage");
        stages.push(stage);
    }
    JobFixture { id, company, stages }
}

/// A live candidate profile owned by `company`.
pub async fn insert_candidate(app: &TestApp, company: CompanyId, full_name: &str, email: &str) -> Uuid {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO candidates (id, company_id, full_name, email, email_normalized, links, tags, search_text, source, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, '{}', '[]', ?, 'sourced', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
    )
    .bind(id)
    .bind(company.0)
    .bind(full_name)
    .bind(email)
    .bind(email.trim().to_lowercase())
    .bind(format!("{full_name} {email}"))
    .execute(&app.pool)
    .await
    .expect("insert candidate");
    id
}

/// An application of `candidate` (owned by `candidate_company`) to `job`,
/// sitting in the job's first stage, with its submission history row.
pub async fn insert_application(app: &TestApp, job: &JobFixture, candidate: Uuid, candidate_company: Option<CompanyId>, recruiter: Option<Uuid>) -> Uuid {
    let id = Uuid::now_v7();
    let stage = job.stages[0];
    sqlx::query(
        "INSERT INTO applications (id, job_id, job_company_id, candidate_id, candidate_company_id, stage_id, state, stage_entered_at,
                                   rank_in_stage, source, recruiter_id, submitted_at, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, 'active', UTC_TIMESTAMP(6), 1, 'sourced', ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 1)",
    )
    .bind(id)
    .bind(job.id)
    .bind(job.company.0)
    .bind(candidate)
    .bind(candidate_company.map(|c| c.0))
    .bind(stage)
    .bind(recruiter)
    .execute(&app.pool)
    .await
    .expect("insert application");
    sqlx::query(
        "INSERT INTO application_history (id, application_id, from_stage_id, from_stage_name, to_stage_id, to_stage_name, changed_by, changed_at, remarks)
         SELECT ?, ?, NULL, NULL, s.id, s.name, ?, UTC_TIMESTAMP(6), 'Submitted' FROM job_stages s WHERE s.id = ?",
    )
    .bind(Uuid::now_v7())
    .bind(id)
    .bind(recruiter)
    .bind(stage)
    .execute(&app.pool)
    .await
    .expect("insert history");
    id
}

// --- Helpers for the read-side tests (search, dashboards, analytics). ---

/// Move `application` into the job stage `stage` at `at`: a history row from
/// its current stage, and its current stage, state and entry time updated.
pub async fn move_application(app: &TestApp, application: Uuid, stage: Uuid, at: chrono::DateTime<chrono::Utc>) {
    sqlx::query(
        "INSERT INTO application_history (id, application_id, from_stage_id, from_stage_name, to_stage_id, to_stage_name, changed_by, changed_at)
         SELECT ?, a.id, a.stage_id, cur.name, s.id, s.name, NULL, ?
         FROM applications a JOIN job_stages cur ON cur.id = a.stage_id JOIN job_stages s ON s.id = ?
         WHERE a.id = ?",
    )
    .bind(Uuid::now_v7())
    .bind(at)
    .bind(stage)
    .bind(application)
    .execute(&app.pool)
    .await
    .expect("insert history");
    sqlx::query("UPDATE applications a JOIN job_stages s ON s.id = ? SET a.stage_id = s.id, a.state = s.kind, a.stage_entered_at = ?, a.version = a.version + 1 WHERE a.id = ?")
        .bind(stage)
        .bind(at)
        .bind(application)
        .execute(&app.pool)
        .await
        .expect("move application");
}

/// Backdate an application's submission (and its submission history row) to `at`.
pub async fn set_submitted_at(app: &TestApp, application: Uuid, at: chrono::DateTime<chrono::Utc>) {
    sqlx::query("UPDATE applications SET submitted_at = ?, stage_entered_at = ? WHERE id = ?")
        .bind(at)
        .bind(at)
        .bind(application)
        .execute(&app.pool)
        .await
        .expect("backdate application");
    sqlx::query("UPDATE application_history SET changed_at = ? WHERE application_id = ? AND from_stage_id IS NULL")
        .bind(at)
        .bind(application)
        .execute(&app.pool)
        .await
        .expect("backdate submission row");
}

/// Set when a job opened (ageing counts from it).
pub async fn set_job_opened_at(app: &TestApp, job: Uuid, at: chrono::DateTime<chrono::Utc>) {
    sqlx::query("UPDATE jobs SET opened_at = ? WHERE id = ?").bind(at).bind(job).execute(&app.pool).await.expect("set opened_at");
}

/// Put `user` on the job's team with `team_role` (recruiter | hiring_manager | interviewer).
pub async fn add_to_team(app: &TestApp, job: Uuid, user: Uuid, team_role: &str) {
    sqlx::query("INSERT INTO job_team (job_id, user_id, team_role, assigned_by, assigned_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6))")
        .bind(job)
        .bind(user)
        .bind(team_role)
        .bind(user)
        .execute(&app.pool)
        .await
        .expect("add to team");
}
