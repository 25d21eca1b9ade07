//! The merge transaction: the duplicate is retired first (freeing its dedupe
//! keys), then everything it owned moves to the survivor.

use super::write_fields;
use crate::mysql::search_text::refresh_candidate_search_text;
use chrono::{DateTime, Utc};
use hireops_domain::candidates::{MergeCounts, MergePlan};
use sqlx::types::Json;
use sqlx::MySqlPool;
use uuid::Uuid;

/// None when either profile stopped being live meanwhile.
pub(super) async fn run(pool: &MySqlPool, plan: &MergePlan, at: DateTime<Utc>) -> Result<Option<MergeCounts>, sqlx::Error> {
    let (s, d) = (plan.survivor.0, plan.duplicate.0);
    let mut tx = pool.begin().await?;
    let live: Vec<Uuid> =
        sqlx::query_scalar("SELECT id FROM candidates WHERE id IN (?, ?) AND merged_into_id IS NULL AND deleted_at IS NULL FOR UPDATE")
            .bind(s)
            .bind(d)
            .fetch_all(&mut *tx)
            .await?;
    if live.len() != 2 {
        return Ok(None);
    }
    sqlx::query("UPDATE candidates SET merged_into_id = ?, updated_at = ? WHERE id = ?").bind(s).bind(at).bind(d).execute(&mut *tx).await?;
    write_fields(&mut tx, plan.survivor, &plan.fields, at).await?;
    sqlx::query("UPDATE candidates SET links = ?, tags = ? WHERE id = ?")
        .bind(Json(&plan.links))
        .bind(Json(&plan.tags))
        .bind(s)
        .execute(&mut *tx)
        .await?;

    let mut counts = MergeCounts::default();
    // Both applied to the same job: the survivor's application keeps the
    // duplicate's history and feedback; the duplicate's goes.
    let pairs: Vec<(Uuid, Uuid)> = sqlx::query_as(
        "SELECT da.id, sa.id FROM applications da JOIN applications sa ON sa.job_id = da.job_id AND sa.candidate_id = ?
         WHERE da.candidate_id = ? FOR UPDATE",
    )
    .bind(s)
    .bind(d)
    .fetch_all(&mut *tx)
    .await?;
    for (dup_app, surv_app) in &pairs {
        for table in ["application_history", "application_feedback"] {
            sqlx::query(&format!("UPDATE {table} SET application_id = ? WHERE application_id = ?"))
                .bind(surv_app)
                .bind(dup_app)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM applications WHERE id = ?").bind(dup_app).execute(&mut *tx).await?;
    }
    counts.applications_combined = pairs.len() as u64;
    counts.applications_moved = sqlx::query(
        "UPDATE applications SET candidate_id = ?, candidate_company_id = (SELECT company_id FROM candidates WHERE id = ?), updated_at = ?
         WHERE candidate_id = ?",
    )
    .bind(s)
    .bind(s)
    .bind(at)
    .bind(d)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    for (table, slot) in [
        ("candidate_notes", &mut counts.notes_moved),
        ("candidate_experience", &mut counts.experience_moved),
        ("candidate_education", &mut counts.education_moved),
    ] {
        *slot = sqlx::query(&format!("UPDATE {table} SET candidate_id = ? WHERE candidate_id = ?"))
            .bind(s)
            .bind(d)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    // A file on both profiles stays once, on the survivor.
    counts.documents_moved =
        sqlx::query("UPDATE IGNORE candidate_documents SET candidate_id = ? WHERE candidate_id = ?").bind(s).bind(d).execute(&mut *tx).await?.rows_affected();
    sqlx::query("DELETE FROM candidate_documents WHERE candidate_id = ?").bind(d).execute(&mut *tx).await?;
    for (id, years) in &plan.skill_years {
        sqlx::query("UPDATE candidate_skills SET years_experience = ?, updated_at = ? WHERE id = ? AND candidate_id = ?")
            .bind(years)
            .bind(at)
            .bind(id.0)
            .bind(s)
            .execute(&mut *tx)
            .await?;
    }
    for id in &plan.skills_moved {
        counts.skills_moved += sqlx::query("UPDATE candidate_skills SET candidate_id = ?, updated_at = ? WHERE id = ? AND candidate_id = ?")
            .bind(s)
            .bind(at)
            .bind(id.0)
            .bind(d)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    for id in &plan.skills_dropped {
        sqlx::query("DELETE FROM candidate_skills WHERE id = ? AND candidate_id = ?").bind(id.0).bind(d).execute(&mut *tx).await?;
    }
    refresh_candidate_search_text(&mut tx, plan.survivor).await?;
    refresh_candidate_search_text(&mut tx, plan.duplicate).await?;
    tx.commit().await?;
    Ok(Some(counts))
}
