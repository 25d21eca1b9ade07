//! The text the FULLTEXT indexes search. Derived in SQL from the rows it
//! summarises, so every writer (profile edits, skills, merges, resume scans)
//! refreshes it the same way: call these after the change, in its transaction.

use hireops_domain::ids::{CandidateId, JobId};
use sqlx::MySqlConnection;

/// Recompute `candidates.resume_text` (the latest clean resume's extracted
/// text) and `search_text` (profile, skills, experience, education, tags,
/// resume) of one candidate.
pub async fn refresh_candidate_search_text(conn: &mut MySqlConnection, candidate: CandidateId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE candidates c SET
            c.resume_text = (
                SELECT f.extracted_text FROM candidate_documents d JOIN stored_files f ON f.id = d.file_id
                WHERE d.candidate_id = c.id AND d.kind = 'resume' AND f.virus_status = 'clean' AND f.extracted_text IS NOT NULL
                ORDER BY d.added_at DESC, f.id DESC LIMIT 1),
            c.search_text = CONCAT_WS(' ',
                c.full_name, c.email, c.phone, c.headline, c.current_title, c.current_company, c.location, c.summary,
                REPLACE(REPLACE(REPLACE(CAST(c.tags AS CHAR), '[', ''), ']', ''), '\"', ''),
                (SELECT GROUP_CONCAT(s.name SEPARATOR ' ') FROM candidate_skills s WHERE s.candidate_id = c.id),
                (SELECT GROUP_CONCAT(CONCAT_WS(' ', e.job_title, e.company_name) SEPARATOR ' ') FROM candidate_experience e WHERE e.candidate_id = c.id),
                (SELECT GROUP_CONCAT(CONCAT_WS(' ', ed.degree, ed.field_of_study, ed.institution) SEPARATOR ' ') FROM candidate_education ed WHERE ed.candidate_id = c.id),
                (SELECT f.extracted_text FROM candidate_documents d JOIN stored_files f ON f.id = d.file_id
                 WHERE d.candidate_id = c.id AND d.kind = 'resume' AND f.virus_status = 'clean' AND f.extracted_text IS NOT NULL
                 ORDER BY d.added_at DESC, f.id DESC LIMIT 1))
         WHERE c.id = ?",
    )
    .bind(candidate.0)
    .execute(conn)
    .await?;
    Ok(())
}

/// Recompute `jobs.search_text` of one job.
pub async fn refresh_job_search_text(conn: &mut MySqlConnection, job: JobId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE jobs j SET j.search_text = CONCAT_WS(' ',
            j.reference, j.title, j.department, j.location, j.client_name, j.end_customer, j.account, j.employment_type,
            REPLACE(REPLACE(REPLACE(CAST(j.tags AS CHAR), '[', ''), ']', ''), '\"', ''), j.description)
         WHERE j.id = ?",
    )
    .bind(job.0)
    .execute(conn)
    .await?;
    Ok(())
}
