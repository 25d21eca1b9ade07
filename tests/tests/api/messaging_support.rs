//! People and bridges for the messaging tests.

use crate::admin_support::token;
use hireops_domain::ids::CompanyId;
use hireops_tests::{unique_email, TestApp};
use uuid::Uuid;

pub const CONVERSATIONS: &str = "/api/messaging/conversations";

pub struct Person {
    pub id: Uuid,
    pub token: String,
}

/// A signed-in user with this system role.
pub async fn person(app: &TestApp, tag: &str, role: &str, company: Option<CompanyId>) -> Person {
    let email = unique_email(tag);
    let id = app.create_user(&email, role, company).await;
    Person { id: id.0, token: token(&app.sign_in(&email).await) }
}

/// The personal profile of a candidate user.
pub async fn personal_profile(app: &TestApp, user: Uuid) -> Uuid {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO candidates (id, company_id, user_id, full_name, links, tags, search_text, created_at, updated_at)
         VALUES (?, NULL, ?, 'Self', '{}', '[]', '', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
    )
    .bind(id)
    .bind(user)
    .execute(&app.pool)
    .await
    .unwrap();
    id
}

/// The employer shares a job with the agency (the bridge recruiter ↔ employer).
pub async fn share_job(app: &TestApp, job: Uuid, agency: CompanyId, by: Uuid) {
    sqlx::query("INSERT INTO job_agencies (job_id, agency_id, shared_by, shared_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
        .bind(job)
        .bind(agency.0)
        .bind(by)
        .execute(&app.pool)
        .await
        .unwrap();
}
