//! Applying from the public job board.

use crate::admin_support::{count, fields, send};
use crate::applications::member;
use crate::recruiting_support::{insert_candidate, insert_job, JobFixture};
use hireops_domain::identity::CompanyType;
use hireops_domain::ids::CompanyId;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

async fn employer_job(app: &TestApp) -> (CompanyId, Uuid, JobFixture) {
    let company = app.create_company("Globex", "employer").await;
    let hm = member(app, "hiring_manager", Some(company)).await;
    let job = insert_job(app, company, CompanyType::Employer, hm.0, "Data Engineer").await;
    (company, hm.0, job)
}

async fn apply(app: &TestApp, job: Uuid, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut r = app.http.post(app.url(&format!("/api/public/jobs/{job}/apply"))).json(&body);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let r = r.send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn resume_file(app: &TestApp, company: CompanyId, status: &str) -> Uuid {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO stored_files (id, company_id, purpose, object_key, file_name, declared_type, max_size, virus_status, created_at, updated_at)
         VALUES (?, ?, 'resume', ?, 'cv.pdf', 'application/pdf', 1000000, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
    )
    .bind(id)
    .bind(company.0)
    .bind(format!("resumes/{id}"))
    .bind(status)
    .execute(&app.pool)
    .await
    .unwrap();
    id
}

#[tokio::test]
async fn an_applicant_becomes_a_candidate_with_an_application_in_the_first_stage() {
    let app = TestApp::spawn().await;
    let (company, hm, job) = employer_job(&app).await;
    let file = resume_file(&app, company, "pending").await;
    let body = json!({"full_name": "Ravi Kumar", "email": "Ravi@Example.com", "phone": "+91 98765 43210", "cover_letter": "Hello",
                      "linkedin_url": "https://linkedin.com/in/ravi", "resume_file_id": file, "website": ""});
    let (s, r) = apply(&app, job.id, None, body.clone()).await;
    assert_eq!(s, 201, "{r}");
    let app_id = r["application_id"].as_str().unwrap().to_string();
    let (source, email_n, phone_n): (String, String, String) =
        sqlx::query_as("SELECT source, email_normalized, phone_normalized FROM candidates WHERE company_id = ?").bind(company.0).fetch_one(&app.pool).await.unwrap();
    assert_eq!((source.as_str(), email_n.as_str(), phone_n.as_str()), ("career_site", "ravi@example.com", "+919876543210"));

    let hm_token = {
        let email: (String,) = sqlx::query_as("SELECT email FROM users WHERE id = ?").bind(hm).fetch_one(&app.pool).await.unwrap();
        app.sign_in(&email.0).await["access_token"].as_str().unwrap().to_string()
    };
    let (_, one) = send(&app, Method::GET, &format!("/api/applications/{app_id}"), &hm_token, None).await;
    assert_eq!((one["stage"]["name"].as_str(), one["source"].as_str(), one["recruiter"].clone()), (Some("Applied"), Some("career_site"), Value::Null));
    assert_eq!((one["cover_letter"].as_str(), one["resume"]["file_id"].as_str()), (Some("Hello"), Some(file.to_string().as_str())));
    assert_eq!(one["resume"]["virus_status"], "pending");
    let (_, history) = send(&app, Method::GET, &format!("/api/applications/{app_id}/history"), &hm_token, None).await;
    assert_eq!((history[0]["remarks"].as_str(), history[0]["changed_by"].clone()), (Some("Applied via the job board"), Value::Null));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM candidate_documents WHERE kind = 'resume'").await, 1);

    // Again: 409 without the id; the same file elsewhere: 422.
    let (s, p) = send_public(&app, job.id, body.clone()).await;
    assert_eq!((s, p["code"].as_str(), p["existing_id"].clone()), (409, Some("already_applied"), Value::Null));
    let second_job = insert_job(&app, company, CompanyType::Employer, hm, "Second").await;
    let (s, p) = apply(&app, second_job.id, None, json!({"full_name": "Ravi", "email": "ravi@example.com", "resume_file_id": file})).await;
    assert_eq!((s, fields(&p)), (422, vec![("resume_file_id".into(), "unusable_file".into())]));
    let other = app.create_company("Initech", "employer").await;
    let foreign = resume_file(&app, other, "clean").await;
    let infected = resume_file(&app, company, "infected").await;
    for bad in [foreign, infected, Uuid::now_v7()] {
        let (s, p) = apply(&app, second_job.id, None, json!({"full_name": "Ravi", "email": "ravi@example.com", "resume_file_id": bad})).await;
        assert_eq!((s, fields(&p)), (422, vec![("resume_file_id".into(), "unusable_file".into())]));
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);

    // The same person (by phone) on the second job reuses the profile.
    let (s, _) = apply(&app, second_job.id, None, json!({"full_name": "R. K.", "email": "other@example.com", "phone": "+919876543210"})).await;
    assert_eq!(s, 201);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM candidates").await, 1);
    let (name,): (String,) = sqlx::query_as("SELECT full_name FROM candidates").fetch_one(&app.pool).await.unwrap();
    assert_eq!(name, "Ravi Kumar", "an existing profile is not overwritten");
}

async fn send_public(app: &TestApp, job: Uuid, body: Value) -> (u16, Value) {
    apply(app, job, None, body).await
}

#[tokio::test]
async fn closed_unpublished_and_unknown_jobs_bots_and_bad_input() {
    let app = TestApp::spawn().await;
    let (company, _, job) = employer_job(&app).await;
    let ok = json!({"full_name": "Ana", "email": "ana@example.com"});
    let (s, p) = apply(&app, job.id, None, json!({"full_name": " ", "email": "nope", "phone": "call me", "cover_letter": "x".repeat(10_001)})).await;
    assert_eq!(s, 422);
    assert_eq!(fields(&p).into_iter().map(|(f, _)| f).collect::<Vec<_>>(), ["full_name", "email", "phone", "cover_letter"]);

    // The honeypot: a success to the bot, nothing stored.
    let (s, r) = apply(&app, job.id, None, json!({"full_name": "Bot", "email": "bot@example.com", "website": "http://spam.example"})).await;
    assert_eq!(s, 201);
    assert!(r["application_id"].as_str().is_some());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await + count(&app, "SELECT COUNT(*) FROM candidates").await, 0);

    for (sql, label) in [("UPDATE jobs SET published_at = NULL WHERE id = ?", "unpublished"), ("UPDATE jobs SET published_at = UTC_TIMESTAMP(6), status = 'closed' WHERE id = ?", "closed")] {
        sqlx::query(sql).bind(job.id).execute(&app.pool).await.unwrap();
        let (s, _) = apply(&app, job.id, None, ok.clone()).await;
        assert_eq!(s, 404, "{label}");
    }
    let (s, _) = apply(&app, Uuid::now_v7(), None, ok.clone()).await;
    assert_eq!(s, 404);
    let (s, _) = apply(&app, job.id, Some("not-a-token"), ok.clone()).await;
    assert_eq!(s, 401);
    let _ = insert_candidate(&app, company, "Kept", &unique_email("kept")).await;
}

#[tokio::test]
async fn a_signed_in_candidate_is_linked_and_sees_their_applications() {
    let app = TestApp::spawn().await;
    let (company, hm, job) = employer_job(&app).await;
    let (user, email, token) = member(&app, "candidate", None).await;
    let existing = insert_candidate(&app, company, "Cal Existing", &email).await;
    let (s, r) = apply(&app, job.id, Some(&token), json!({"full_name": "Cal", "email": email})).await;
    assert_eq!(s, 201, "{r}");
    let (linked,): (Option<Uuid>,) = sqlx::query_as("SELECT user_id FROM candidates WHERE id = ?").bind(existing).fetch_one(&app.pool).await.unwrap();
    assert_eq!(linked, Some(user));
    let (s, mine) = send(&app, Method::GET, "/api/candidate/applications", &token, None).await;
    assert_eq!(s, 200, "{mine}");
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!((mine[0]["job_title"].as_str(), mine[0]["company_name"].as_str(), mine[0]["stage_name"].as_str(), mine[0]["stage_kind"].as_str()), (Some("Data Engineer"), Some("Globex"), Some("Applied"), Some("active")));
    // Staff cannot use the candidate route.
    let staff = member(&app, "recruiter", Some(app.create_company("A", "agency").await)).await;
    let (s, _) = send(&app, Method::GET, "/api/candidate/applications", &staff.2, None).await;
    assert_eq!(s, 403);
    let _ = hm;
}

#[tokio::test]
async fn public_applications_are_throttled_per_address() {
    let app = TestApp::spawn_with(|c| {
        c.public_apply_rate_limit_per_hour = 2;
        c.trust_proxy_headers = true;
    })
    .await;
    let (_, _, job) = employer_job(&app).await;
    let path = format!("/api/public/jobs/{}/apply", job.id);
    let mut statuses = Vec::new();
    for i in 0..3 {
        let r = app.post_json_from("203.0.113.9", &path, json!({"full_name": "T", "email": format!("t{i}@example.com")})).await;
        statuses.push(r.status().as_u16());
    }
    assert_eq!(statuses, [201, 201, 429]);
    let r = app.post_json_from("203.0.113.10", &path, json!({"full_name": "T", "email": "t9@example.com"})).await;
    assert_eq!(r.status(), 201, "another address has its own budget");
}
