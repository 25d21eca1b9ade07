//! A public application in one transaction: find or create the profile in
//! the job's company, attach the resume, insert the application and its first
//! history row, refresh the profile's search text.

use super::super::{infra, is_duplicate_key, refresh_candidate_search_text};
use super::end_rank;
use hireops_domain::applications::PublicApplication;
use hireops_domain::ids::CandidateId;
use hireops_domain::ports::PortResult;
use hireops_domain::DomainError;
use sqlx::{MySqlConnection, MySqlPool, Row};
use uuid::Uuid;

/// Run a statement whose unique-key clash only means "leave it as it is".
async fn tolerate_duplicate(r: Result<sqlx::mysql::MySqlQueryResult, sqlx::Error>) -> PortResult<()> {
    match r {
        Ok(_) => Ok(()),
        Err(e) if is_duplicate_key(&e) => Ok(()),
        Err(e) => Err(infra(e)),
    }
}

async fn find_or_create(conn: &mut MySqlConnection, a: &PublicApplication) -> PortResult<Uuid> {
    let found = sqlx::query(
        "SELECT id FROM candidates WHERE company_id = ? AND (email_key = ? OR (? IS NOT NULL AND phone_key = ?))
         ORDER BY (email_key <=> ?) DESC, created_at LIMIT 1 FOR UPDATE",
    )
    .bind(a.job_company_id.0)
    .bind(&a.email_normalized)
    .bind(&a.phone_normalized)
    .bind(&a.phone_normalized)
    .bind(&a.email_normalized)
    .fetch_optional(&mut *conn)
    .await
    .map_err(infra)?;
    let linkable = match a.user_id {
        Some(u) => sqlx::query("SELECT 1 FROM candidates WHERE company_id = ? AND user_id = ?")
            .bind(a.job_company_id.0)
            .bind(u.0)
            .fetch_optional(&mut *conn)
            .await
            .map_err(infra)?
            .is_none(),
        None => false,
    };
    if let Some(row) = found {
        let id: Uuid = row.try_get("id").map_err(infra)?;
        // Fill what the profile lacks; never overwrite what it has.
        let r = sqlx::query("UPDATE candidates SET email = ?, email_normalized = ?, updated_at = ? WHERE id = ? AND email_normalized IS NULL")
            .bind(&a.email)
            .bind(&a.email_normalized)
            .bind(a.at)
            .bind(id)
            .execute(&mut *conn)
            .await;
        tolerate_duplicate(r).await?;
        if let (Some(phone), Some(normalized)) = (&a.phone, &a.phone_normalized) {
            let r = sqlx::query("UPDATE candidates SET phone = ?, phone_normalized = ?, updated_at = ? WHERE id = ? AND phone_normalized IS NULL")
                .bind(phone)
                .bind(normalized)
                .bind(a.at)
                .bind(id)
                .execute(&mut *conn)
                .await;
            tolerate_duplicate(r).await?;
        }
        if let Some(url) = &a.linkedin_url {
            sqlx::query("UPDATE candidates SET links = JSON_SET(links, '$.linkedin', ?) WHERE id = ? AND JSON_EXTRACT(links, '$.linkedin') IS NULL")
                .bind(url)
                .bind(id)
                .execute(&mut *conn)
                .await
                .map_err(infra)?;
        }
        if let (Some(user), true) = (a.user_id, linkable) {
            let r = sqlx::query("UPDATE candidates SET user_id = ?, updated_at = ? WHERE id = ? AND user_id IS NULL").bind(user.0).bind(a.at).bind(id).execute(&mut *conn).await;
            tolerate_duplicate(r).await?;
        }
        return Ok(id);
    }
    let id = CandidateId::new().0;
    let links = match &a.linkedin_url {
        Some(url) => serde_json::json!({ "linkedin": url }),
        None => serde_json::json!({}),
    };
    sqlx::query(
        "INSERT INTO candidates (id, company_id, user_id, full_name, email, email_normalized, phone, phone_normalized, source, links, tags,
                                 search_text, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'career_site', ?, '[]', '', ?, ?)",
    )
    .bind(id)
    .bind(a.job_company_id.0)
    .bind(a.user_id.filter(|_| linkable).map(|u| u.0))
    .bind(&a.full_name)
    .bind(&a.email)
    .bind(&a.email_normalized)
    .bind(&a.phone)
    .bind(&a.phone_normalized)
    .bind(sqlx::types::Json(links))
    .bind(a.at)
    .bind(a.at)
    .execute(&mut *conn)
    .await
    .map_err(|e| if is_duplicate_key(&e) { DomainError::Conflict("application_changed") } else { infra(e) })?;
    Ok(id)
}

/// The resume must be an unattached `resume` upload of the job's company,
/// pending or clean.
async fn check_resume(conn: &mut MySqlConnection, a: &PublicApplication) -> PortResult<()> {
    let Some(file) = a.resume_file_id else { return Ok(()) };
    let row = sqlx::query(
        "SELECT f.purpose, f.company_id, f.virus_status,
                (EXISTS (SELECT 1 FROM applications x WHERE x.resume_file_id = f.id)
                 OR EXISTS (SELECT 1 FROM candidate_documents d WHERE d.file_id = f.id)) AS attached
         FROM stored_files f WHERE f.id = ? FOR UPDATE",
    )
    .bind(file.0)
    .fetch_optional(&mut *conn)
    .await
    .map_err(infra)?;
    let usable = match row {
        Some(r) => {
            let purpose: String = r.try_get("purpose").map_err(infra)?;
            let company: Option<Uuid> = r.try_get("company_id").map_err(infra)?;
            let status: String = r.try_get("virus_status").map_err(infra)?;
            let attached: i64 = r.try_get::<i64, _>("attached").map_err(infra)?;
            purpose == "resume" && company == Some(a.job_company_id.0) && (status == "pending" || status == "clean") && attached == 0
        }
        None => false,
    };
    if usable { Ok(()) } else { Err(DomainError::field("resume_file_id", "unusable_file", "not an unused resume uploaded for this job")) }
}

pub(super) async fn apply(pool: &MySqlPool, a: &PublicApplication) -> PortResult<CandidateId> {
    let mut tx = pool.begin().await.map_err(infra)?;
    let candidate = find_or_create(&mut tx, a).await?;
    let applied = sqlx::query("SELECT 1 FROM applications WHERE job_id = ? AND candidate_id = ?")
        .bind(a.job_id.0)
        .bind(candidate)
        .fetch_optional(&mut *tx)
        .await
        .map_err(infra)?;
    if applied.is_some() {
        return Err(DomainError::Conflict("already_applied"));
    }
    check_resume(&mut tx, a).await?;
    let rank = end_rank(&mut tx, a.job_id.0, a.first_stage.id.0).await?;
    sqlx::query(
        "INSERT INTO applications (id, job_id, job_company_id, candidate_id, candidate_company_id, stage_id, state, stage_entered_at,
                                   rank_in_stage, source, recruiter_id, cover_letter, resume_file_id, submitted_at, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'career_site', NULL, ?, ?, ?, ?, 1)",
    )
    .bind(a.id.0)
    .bind(a.job_id.0)
    .bind(a.job_company_id.0)
    .bind(candidate)
    .bind(a.job_company_id.0)
    .bind(a.first_stage.id.0)
    .bind(a.first_stage.kind.as_str())
    .bind(a.at)
    .bind(rank)
    .bind(&a.cover_letter)
    .bind(a.resume_file_id.map(|f| f.0))
    .bind(a.at)
    .bind(a.at)
    .execute(&mut *tx)
    .await
    .map_err(|e| if is_duplicate_key(&e) { DomainError::Conflict("already_applied") } else { infra(e) })?;
    super::insert_history(&mut tx, a.id.0, None, &a.first_stage, None, a.at, Some("Applied via the job board"), None).await?;
    if let Some(file) = a.resume_file_id {
        sqlx::query("INSERT INTO candidate_documents (candidate_id, file_id, kind, added_at) VALUES (?, ?, 'resume', ?)")
            .bind(candidate)
            .bind(file.0)
            .bind(a.at)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
    }
    refresh_candidate_search_text(&mut tx, CandidateId(candidate)).await.map_err(infra)?;
    tx.commit().await.map_err(infra)?;
    Ok(CandidateId(candidate))
}
