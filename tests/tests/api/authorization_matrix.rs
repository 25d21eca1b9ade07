//! The authorization matrix, generated from the route table: every route ×
//! every system role × (own company, other company), plus no token. The
//! expected status follows the rules in docs/roles-and-permissions.md:
//! no token → 401; a role without the route's permission → 403; another
//! company's resource → 404; otherwise the route runs (never 401/403/404/5xx).
//!
//! A new route with a path parameter must say here which resource fills it.

use crate::recruiting_support::{insert_application, insert_candidate, insert_job};
use hireops_domain::identity::{CompanyType, SystemRole, ALL_SYSTEM_ROLES};
use hireops_domain::ids::CompanyId;
use hireops_functions::routes::{self, Access, Route};
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use uuid::Uuid;

/// What fills a route's path parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Resource {
    /// A user of the caller's company.
    User,
    /// A custom role of the caller's company.
    CustomRole,
    /// A company (super admin routes).
    Company,
    /// A CSV import of the caller's company.
    UserImport,
    /// A notification of the caller.
    Notification,
    /// An email template name (not company data).
    TemplateName,
    /// A job of the caller's company (open, published, default stages).
    Job,
    /// A candidate profile of the caller's company.
    Candidate,
    /// An application to a job of the caller's company, of its own candidate.
    Application,
    /// A clean stored file of the caller's company.
    File,
    /// A skill, experience or education entry of the caller's own personal profile.
    CandidateSkill,
    CandidateExperience,
    CandidateEducation,
    /// A published job the caller saved.
    SavedJob,
    /// A messaging conversation the caller takes part in.
    Conversation,
    /// A clean attachment the caller uploaded into a conversation they take part in.
    Attachment,
}

fn resource_of(route: &Route) -> Option<Resource> {
    let p = route.path.as_str();
    if !p.contains('{') {
        return None;
    }
    let r = if p.starts_with("/api/admin/users/bulk/{") {
        Resource::UserImport
    } else if p.starts_with("/api/admin/users/{") {
        Resource::User
    } else if p.starts_with("/api/admin/roles/{") {
        Resource::CustomRole
    } else if p.starts_with("/api/admin/companies/{") {
        Resource::Company
    } else if p.starts_with("/api/notifications/{") {
        Resource::Notification
    } else if p.starts_with("/api/admin/settings/email-templates/{") {
        Resource::TemplateName
    } else if p.starts_with("/api/jobs/{") {
        Resource::Job
    } else if p.starts_with("/api/candidates/{") {
        Resource::Candidate
    } else if p.starts_with("/api/applications/{") {
        Resource::Application
    } else if p.starts_with("/api/files/{") {
        Resource::File
    } else if p.starts_with("/api/candidate/skills/{") {
        Resource::CandidateSkill
    } else if p.starts_with("/api/candidate/experience/{") {
        Resource::CandidateExperience
    } else if p.starts_with("/api/candidate/education/{") {
        Resource::CandidateEducation
    } else if p.starts_with("/api/candidate/saved-jobs/{") {
        Resource::SavedJob
    } else if p.starts_with("/api/messaging/conversations/{") {
        Resource::Conversation
    } else if p.starts_with("/api/messaging/attachments/{") {
        Resource::Attachment
    } else {
        panic!("the authorization matrix needs a fixture for {} {} ({})", route.method, p, route.name)
    };
    Some(r)
}

struct Member {
    role: SystemRole,
    user_id: Uuid,
    company: Option<CompanyId>,
    /// Another company of the same kind, for the cross-company checks.
    other_company: Option<CompanyId>,
    token: String,
}

/// A user straight into the database (no password needed for fixtures).
async fn fixture_user(app: &TestApp, company: CompanyId, role: &str) -> Uuid {
    let id = Uuid::now_v7();
    sqlx::query("INSERT INTO users (id, email, full_name, status, company_id, created_at, updated_at) VALUES (?, ?, 'Fixture', 'active', ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
        .bind(id)
        .bind(unique_email("fixture"))
        .bind(company.0)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO user_roles (user_id, role_id) SELECT ?, id FROM roles WHERE name = ? AND company_id IS NULL")
        .bind(id)
        .bind(role)
        .execute(&app.pool)
        .await
        .unwrap();
    id
}

/// A member role of the company's own kind, so company admins can manage it.
fn member_role(company_is_employer: bool) -> &'static str {
    if company_is_employer { "interviewer" } else { "recruiter" }
}

async fn fixture(app: &TestApp, kind: Resource, company: (CompanyId, bool), owner_user: Uuid) -> String {
    let (company, is_employer) = company;
    match kind {
        Resource::User => fixture_user(app, company, member_role(is_employer)).await.to_string(),
        Resource::CustomRole => {
            let id = Uuid::now_v7();
            sqlx::query("INSERT INTO roles (id, company_id, name, description, is_system, created_at) VALUES (?, ?, ?, '', 0, UTC_TIMESTAMP(6))")
                .bind(id)
                .bind(company.0)
                .bind(format!("fixture {}", &Uuid::new_v4().simple().to_string()[..12]))
                .execute(&app.pool)
                .await
                .unwrap();
            sqlx::query("INSERT INTO role_permissions (role_id, permission) VALUES (?, 'jobs:read')").bind(id).execute(&app.pool).await.unwrap();
            id.to_string()
        }
        Resource::Company => company.to_string(),
        Resource::UserImport => {
            let id = Uuid::now_v7();
            let creator = fixture_user(app, company, member_role(is_employer)).await;
            sqlx::query(
                "INSERT INTO user_imports (id, company_id, created_by, file_name, file_sha256, status, total, created_at)
                 VALUES (?, ?, ?, 'f.csv', REPEAT('0', 64), 'completed', 0, UTC_TIMESTAMP(6))",
            )
            .bind(id)
            .bind(company.0)
            .bind(creator)
            .execute(&app.pool)
            .await
            .unwrap();
            id.to_string()
        }
        Resource::Notification => {
            let id = Uuid::now_v7();
            sqlx::query("INSERT INTO notifications (id, user_id, kind, title, body, created_at) VALUES (?, ?, 'test.fixture', 'T', 'B', UTC_TIMESTAMP(6))")
                .bind(id)
                .bind(owner_user)
                .execute(&app.pool)
                .await
                .unwrap();
            id.to_string()
        }
        Resource::TemplateName => "two_factor_code".to_string(),
        Resource::Job => insert_job(app, company, company_type(is_employer), owner_user, "Matrix job").await.id.to_string(),
        Resource::Candidate => insert_candidate(app, company, "Matrix Candidate", &unique_email("matrix-candidate")).await.to_string(),
        Resource::Application => {
            let job = insert_job(app, company, company_type(is_employer), owner_user, "Matrix job").await;
            let candidate = insert_candidate(app, company, "Matrix Applicant", &unique_email("matrix-applicant")).await;
            insert_application(app, &job, candidate, Some(company), None).await.to_string()
        }
        Resource::File => {
            let id = Uuid::now_v7();
            sqlx::query(
                "INSERT INTO stored_files (id, company_id, purpose, object_key, file_name, declared_type, max_size, size, sniffed_type,
                                           virus_status, scanned_at, created_at, updated_at)
                 VALUES (?, ?, 'resume', ?, 'cv.txt', 'text/plain', 100, 3, 'text/plain', 'clean', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
            )
            .bind(id)
            .bind(company.0)
            .bind(format!("uploads/{company}/{id}/cv.txt"))
            .execute(&app.pool)
            .await
            .unwrap();
            id.to_string()
        }
        Resource::CandidateSkill | Resource::CandidateExperience | Resource::CandidateEducation => {
            let profile = personal_profile(app, owner_user).await;
            let id = Uuid::now_v7();
            let sql = match kind {
                Resource::CandidateSkill => {
                    "INSERT INTO candidate_skills (id, candidate_id, name, created_at, updated_at) VALUES (?, ?, 'Matrix', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"
                }
                Resource::CandidateExperience => {
                    "INSERT INTO candidate_experience (id, candidate_id, company_name, job_title, start_date, created_at, updated_at)
                     VALUES (?, ?, 'Matrix Co', 'Matrix', '2020-01-01', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"
                }
                _ => {
                    "INSERT INTO candidate_education (id, candidate_id, institution, degree, created_at, updated_at)
                     VALUES (?, ?, 'Matrix U', 'BSc', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"
                }
            };
            sqlx::query(sql).bind(id).bind(profile).execute(&app.pool).await.unwrap();
            id.to_string()
        }
        Resource::SavedJob => {
            let job = insert_job(app, company, company_type(is_employer), owner_user, "Matrix saved job").await;
            sqlx::query("INSERT INTO saved_jobs (user_id, job_id, saved_at) VALUES (?, ?, UTC_TIMESTAMP(6))")
                .bind(owner_user)
                .bind(job.id)
                .execute(&app.pool)
                .await
                .unwrap();
            job.id.to_string()
        }
        Resource::Attachment => {
            let conversation = Box::pin(fixture(app, Resource::Conversation, (company, is_employer), owner_user)).await;
            let id = Uuid::now_v7();
            sqlx::query(
                "INSERT INTO stored_files (id, company_id, uploaded_by, purpose, object_key, file_name, declared_type, max_size, size, sniffed_type,
                                           virus_status, scanned_at, created_at, updated_at)
                 VALUES (?, ?, ?, 'message_attachment', ?, 'a.txt', 'text/plain', 100, 3, 'text/plain', 'clean', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
            )
            .bind(id)
            .bind(company.0)
            .bind(owner_user)
            .bind(format!("uploads/{company}/{id}/a.txt"))
            .execute(&app.pool)
            .await
            .unwrap();
            sqlx::query("INSERT INTO message_attachments (file_id, conversation_id, uploaded_by, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                .bind(id)
                .bind(Uuid::parse_str(&conversation).unwrap())
                .bind(owner_user)
                .execute(&app.pool)
                .await
                .unwrap();
            id.to_string()
        }
        Resource::Conversation => {
            let id = Uuid::now_v7();
            sqlx::query("INSERT INTO conversations (id, subject, created_by, created_at) VALUES (?, 'Matrix', ?, UTC_TIMESTAMP(6))")
                .bind(id)
                .bind(owner_user)
                .execute(&app.pool)
                .await
                .unwrap();
            sqlx::query("INSERT INTO conversation_participants (conversation_id, user_id, joined_at) VALUES (?, ?, UTC_TIMESTAMP(6))")
                .bind(id)
                .bind(owner_user)
                .execute(&app.pool)
                .await
                .unwrap();
            id.to_string()
        }
    }
}

/// The personal candidate profile of `user`, created if missing.
async fn personal_profile(app: &TestApp, user: Uuid) -> Uuid {
    sqlx::query(
        "INSERT IGNORE INTO candidates (id, company_id, user_id, full_name, links, tags, search_text, created_at, updated_at)
         VALUES (?, NULL, ?, 'Matrix Self', '{}', '[]', '', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
    )
    .bind(Uuid::now_v7())
    .bind(user)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query_scalar("SELECT id FROM candidates WHERE personal_key = ?").bind(user).fetch_one(&app.pool).await.unwrap()
}

/// A candidate user (no company), for "another user's item" checks.
async fn fixture_candidate_user(app: &TestApp) -> Uuid {
    let id = Uuid::now_v7();
    sqlx::query("INSERT INTO users (id, email, full_name, status, company_id, created_at, updated_at) VALUES (?, ?, 'Fixture', 'active', NULL, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
        .bind(id)
        .bind(unique_email("fixture-candidate"))
        .execute(&app.pool)
        .await
        .unwrap();
    id
}

fn company_type(is_employer: bool) -> CompanyType {
    if is_employer { CompanyType::Employer } else { CompanyType::Agency }
}

/// The route's path with its one parameter filled.
fn fill(path: &str, value: &str) -> String {
    let start = path.find('{').expect("a parameter");
    let end = path[start..].find('}').expect("closing brace") + start;
    assert!(!path[end + 1..].contains('{'), "one path parameter per route: {path}");
    format!("{}{}{}", &path[..start], value, &path[end + 1..])
}

/// A well-formed body for routes that need one, so the checks reach the
/// permission and scope rules rather than stopping at body validation.
fn body_for(route: &Route) -> serde_json::Value {
    match route.name {
        "admin_roles_update" => serde_json::json!({"permissions": ["jobs:read"]}),
        "admin_users_hold_login" => serde_json::json!({"reason": "authorization matrix"}),
        "jobs_team" => serde_json::json!({"members": []}),
        "jobs_agencies" => serde_json::json!({"agency_ids": []}),
        "jobs_close" => serde_json::json!({"reason": "filled"}),
        // Applications and pipelines: bodies that parse, so scope is checked before the 422s.
        "applications_move" => serde_json::json!({"to_stage_id": Uuid::nil()}),
        "applications_verify" => serde_json::json!({"verified": true}),
        "applications_feedback_create" => serde_json::json!({"feedback_type": "general", "rating": 3}),
        "job_pipeline_reorder" => serde_json::json!({"application_id": Uuid::nil(), "before_id": Uuid::nil()}),
        "job_stages_update" => serde_json::json!({"stages": []}),
        "pipeline_template_update" => serde_json::json!({"stages": []}),
        "candidates_documents_create" => serde_json::json!({"file_name": "cv.pdf", "content_type": "application/pdf", "size": 1000, "kind": "resume"}),
        "candidates_merge" => serde_json::json!({"duplicate_id": Uuid::nil()}),
        "candidates_notes_create" => serde_json::json!({"body": "authorization matrix"}),
        "candidate_skills_update" => serde_json::json!({"name": "Matrix"}),
        "candidate_experience_update" => serde_json::json!({"company_name": "Matrix Co", "job_title": "Matrix", "start_date": "2020-01-01"}),
        "candidate_education_update" => serde_json::json!({"institution": "Matrix U", "degree": "BSc"}),
        "messaging_messages_send" => serde_json::json!({"body": "authorization matrix"}),
        "messaging_read" => serde_json::json!({"message_id": Uuid::nil()}),
        "messaging_participants_add" => serde_json::json!({"user_ids": []}),
        "messaging_conversations_create" => serde_json::json!({"participant_ids": []}),
        "messaging_attachments_presign" => serde_json::json!({"file_name": "a.pdf", "content_type": "application/pdf", "size": 10}),
        "messaging_attachments_scan_complete" => serde_json::json!({"status": "clean", "size": 3, "mime": "text/plain"}),
        _ => serde_json::json!({}),
    }
}

async fn call(app: &TestApp, route: &Route, path: &str, token: Option<&str>) -> u16 {
    let method = Method::from_bytes(route.method.as_str().as_bytes()).unwrap();
    let mut req = app.http.request(method.clone(), app.url(path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if [Method::POST, Method::PUT, Method::PATCH].contains(&method) {
        req = req.json(&body_for(route));
    }
    req.send().await.unwrap().status().as_u16()
}

fn allowed(route: &Route, role: SystemRole) -> bool {
    let company_type_fits = match ONE_COMPANY_TYPE.iter().find(|(name, _)| *name == route.name) {
        Some((_, only)) => role.company_type().map(|t| t.as_str()) == Some(*only),
        None => true,
    };
    company_type_fits
        && match route.access {
            Access::Public | Access::Authenticated => true,
            Access::Requires(p) => role.permissions().contains(&p),
            Access::Service => false,
        }
}

/// Routes the domain opens to one company type only, whatever the permission
/// (403 for the others): employers choose the agencies they share jobs with.
const ONE_COMPANY_TYPE: &[(&str, &str)] = &[("agencies_list", "employer")];

#[tokio::test]
async fn every_route_for_every_role_and_company() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Matrix Agency", "agency").await;
    let other_agency = app.create_company("Other Agency", "agency").await;
    let employer = app.create_company("Matrix Employer", "employer").await;
    let other_employer = app.create_company("Other Employer", "employer").await;

    let employers = [employer, other_employer];
    let typed = |c: CompanyId| (c, employers.contains(&c));
    let mut members = Vec::new();
    for &role in ALL_SYSTEM_ROLES {
        let (company, other_company) = match role.company_type().map(|t| t.as_str()) {
            Some("agency") => (Some(agency), Some(other_agency)),
            Some("employer") => (Some(employer), Some(other_employer)),
            _ => (None, None),
        };
        let email = if role == SystemRole::SuperAdmin { app.super_admin_email.clone() } else { unique_email(role.name()) };
        if role != SystemRole::SuperAdmin {
            app.create_user(&email, role.name(), company).await;
        }
        let tokens = if role.permissions().iter().any(|p| p.is_administrative()) { app.sign_in_admin(&email).await } else { app.sign_in(&email).await };
        let token = tokens["access_token"].as_str().unwrap().to_string();
        let me: serde_json::Value = app.get_with_token("/api/me", &token).await.json().await.unwrap();
        members.push(Member { role, user_id: me["id"].as_str().unwrap().parse().unwrap(), company, other_company, token });
    }

    // Sign-out ends the caller's session, so it runs last.
    let mut table = routes::all();
    table.sort_by_key(|r| r.name == "auth_logout");
    let mut failures = Vec::new();
    let mut checked = 0;
    for route in &table {
        // Public routes are open to everyone; their own tests cover them.
        if route.access == Access::Public {
            continue;
        }
        let kind = resource_of(route);
        {
            let path = kind.map_or(route.path.clone(), |_| fill(&route.path, &Uuid::now_v7().to_string()));
            let status = call(&app, route, &path, None).await;
            checked += 1;
            if status != 401 {
                failures.push(format!("{} {} without a token: {status}, expected 401", route.method, route.path));
            }
        }
        for m in &members {
            // Service routes take the service credential, never a user token.
            if route.access == Access::Service {
                let path = kind.map_or(route.path.clone(), |_| fill(&route.path, &Uuid::now_v7().to_string()));
                let status = call(&app, route, &path, Some(&m.token)).await;
                checked += 1;
                if status != 401 {
                    failures.push(format!("{} {} as {}: {status}, expected 401 (service credential only)", route.method, route.path, m.role.name()));
                }
                continue;
            }
            let home = m.company.unwrap_or(agency);
            let own = match kind {
                Some(k) => fill(&route.path, &fixture(&app, k, typed(home), m.user_id).await),
                None => route.path.clone(),
            };
            let status = call(&app, route, &own, Some(&m.token)).await;
            checked += 1;
            // Candidate users belong to no company: company files do not exist for them.
            if kind == Some(Resource::File) && m.company.is_none() && m.role != SystemRole::SuperAdmin {
                if status != 404 {
                    failures.push(format!("{} {} as {}: {status}, expected 404", route.method, route.path, m.role.name()));
                }
                continue;
            }
            if !allowed(route, m.role) {
                if status != 403 {
                    failures.push(format!("{} {} as {}: {status}, expected 403", route.method, route.path, m.role.name()));
                }
                continue;
            }
            if [401, 403, 404, 405].contains(&status) || status >= 500 {
                failures.push(format!("{} {} as {} (own company): {status}, expected the route to run", route.method, route.path, m.role.name()));
            }
            // Another company's (or another user's) resource is a 404.
            let other = match (kind, m.other_company) {
                (Some(k @ (Resource::CandidateSkill | Resource::CandidateExperience | Resource::CandidateEducation)), _) => {
                    let stranger = fixture_candidate_user(&app).await;
                    Some(fixture(&app, k, typed(other_agency), stranger).await)
                }
                (Some(k @ (Resource::Conversation | Resource::Attachment)), _) => {
                    let stranger = fixture_user(&app, other_agency, "recruiter").await;
                    Some(fixture(&app, k, typed(other_agency), stranger).await)
                }
                (Some(Resource::Notification), _) => {
                    let stranger = fixture_user(&app, other_agency, "recruiter").await;
                    Some(fixture(&app, Resource::Notification, typed(other_agency), stranger).await)
                }
                (
                    Some(k @ (Resource::User | Resource::CustomRole | Resource::UserImport | Resource::Job | Resource::Candidate | Resource::Application | Resource::File)),
                    Some(other),
                ) => {
                    Some(fixture(&app, k, typed(other), m.user_id).await)
                }
                _ => None,
            };
            if let Some(id) = other {
                let status = call(&app, route, &fill(&route.path, &id), Some(&m.token)).await;
                checked += 1;
                if status != 404 {
                    failures.push(format!("{} {} as {} (other company): {status}, expected 404", route.method, route.path, m.role.name()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {checked} checks failed:\n{}", failures.len(), failures.join("\n"));
    let protected = table.iter().filter(|r| r.access != Access::Public).count();
    assert!(checked > protected * (ALL_SYSTEM_ROLES.len() + 1), "only {checked} checks ran");
}
