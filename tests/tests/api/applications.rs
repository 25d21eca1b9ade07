//! Applications: submission rules, lists and visibility across companies,
//! the move state machine and its history, concurrent moves, kanban order,
//! feedback, verification and the notifications a move produces.

use crate::admin_support::{call, count, fields, send};
use crate::recruiting_support::{insert_application, insert_candidate, insert_job, JobFixture};
use hireops_domain::identity::CompanyType;
use hireops_domain::ids::CompanyId;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// A signed-in user of `role` in `company`: (user id, email, token).
pub async fn member(app: &TestApp, role: &str, company: Option<CompanyId>) -> (Uuid, String, String) {
    let email = unique_email(role);
    let id = app.create_user(&email, role, company).await;
    let tokens = if role.ends_with("_admin") { app.sign_in_admin(&email).await } else { app.sign_in(&email).await };
    (id.0, email, tokens["access_token"].as_str().expect("token").to_string())
}

pub async fn history_rows(app: &TestApp, application: &str) -> i64 {
    count(app, &format!("SELECT COUNT(*) FROM application_history WHERE application_id = UNHEX(REPLACE('{application}', '-', ''))")).await
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_else(|| panic!("no id in {v}")).to_string()
}

/// Wait until the events consumer handled `events` events and the queues are drained.
pub async fn settle(app: &TestApp, events: i64) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let done = count(app, "SELECT COUNT(*) FROM processed_messages WHERE consumer = 'events'").await;
        let mut pending = 0;
        for queue in [&app.mail_queue, &*app.state.events_queue] {
            let attrs = queue
                .client()
                .get_queue_attributes()
                .queue_url(queue.url())
                .attribute_names(aws_sdk_sqs::types::QueueAttributeName::ApproximateNumberOfMessages)
                .attribute_names(aws_sdk_sqs::types::QueueAttributeName::ApproximateNumberOfMessagesNotVisible)
                .send()
                .await
                .unwrap();
            pending += attrs.attributes().map(|a| a.values().filter_map(|v| v.parse::<i64>().ok()).sum::<i64>()).unwrap_or(0);
        }
        if done >= events && pending == 0 {
            return;
        }
        assert!(Instant::now() < deadline, "events handled {done}/{events}, pending {pending}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

struct Agency {
    company: CompanyId,
    recruiter: (Uuid, String, String),
    job: JobFixture,
    candidate: Uuid,
}

async fn agency(app: &TestApp, name: &str) -> Agency {
    let company = app.create_company(name, "agency").await;
    let recruiter = member(app, "recruiter", Some(company)).await;
    let job = insert_job(app, company, CompanyType::Agency, recruiter.0, "Rust Engineer").await;
    let candidate = insert_candidate(app, company, "Priya Sharma", &unique_email("priya")).await;
    Agency { company, recruiter, job, candidate }
}

#[tokio::test]
async fn submitting_applies_every_rule_and_writes_the_first_history_row() {
    let app = TestApp::spawn().await;
    let a = agency(&app, "Acme Staffing").await;
    let other = agency(&app, "Other Staffing").await;
    let token = &a.recruiter.2;

    // Unknown candidate and job are both named; nothing is written.
    let (s, p) = send(&app, Method::POST, "/api/applications", token, Some(json!({"candidate_id": other.candidate, "job_id": other.job.id, "source": "magic"}))).await;
    assert_eq!(s, 422, "{p}");
    assert_eq!(
        fields(&p),
        [("candidate_id".into(), "unknown_candidate".into()), ("job_id".into(), "unknown_job".into()), ("source".into(), "invalid_source".into())]
    );
    let (s, p) = send(&app, Method::POST, "/api/applications", token, Some(json!({"remarks": "x".repeat(2001)}))).await;
    assert_eq!(s, 422);
    assert!(fields(&p).contains(&("remarks".into(), "too_long".into())));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 0);

    let (s, created) = send(&app, Method::POST, "/api/applications", token, Some(json!({"candidate_id": a.candidate, "job_id": a.job.id, "remarks": "Strong match"}))).await;
    assert_eq!(s, 201, "{created}");
    assert_eq!(created["stage"]["id"], a.job.stages[0].to_string());
    assert_eq!(created["stage"]["name"], "Submitted");
    assert_eq!((created["state"].as_str(), created["source"].as_str(), created["version"].as_u64()), (Some("active"), Some("sourced"), Some(1)));
    assert_eq!(created["recruiter"]["id"], a.recruiter.0.to_string());
    assert_eq!(created["job"]["company"]["name"], "Acme Staffing");
    assert_eq!(created["verified_by_manager"], false);
    let app_id = id(&created);
    let (s, history) = send(&app, Method::GET, &format!("/api/applications/{app_id}/history"), token, None).await;
    assert_eq!(s, 200);
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(history[0]["from_stage"], Value::Null);
    assert_eq!(history[0]["to_stage"]["name"], "Submitted");
    assert_eq!(history[0]["remarks"], "Strong match");
    assert_eq!(history[0]["changed_by"]["id"], a.recruiter.0.to_string());

    // Twice: 409 naming the existing application.
    let (s, p) = send(&app, Method::POST, "/api/applications", token, Some(json!({"candidate_id": a.candidate, "job_id": a.job.id}))).await;
    assert_eq!((s, p["code"].as_str(), p["existing_id"].as_str()), (409, Some("already_applied"), Some(app_id.as_str())));

    // Closed and not-open jobs.
    let second = insert_candidate(&app, a.company, "Second", &unique_email("second")).await;
    sqlx::query("UPDATE jobs SET status = 'closed' WHERE id = ?").bind(a.job.id).execute(&app.pool).await.unwrap();
    let (s, p) = send(&app, Method::POST, "/api/applications", token, Some(json!({"candidate_id": second, "job_id": a.job.id}))).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("job_closed")));
    sqlx::query("UPDATE jobs SET status = 'on_hold' WHERE id = ?").bind(a.job.id).execute(&app.pool).await.unwrap();
    let (s, p) = send(&app, Method::POST, "/api/applications", token, Some(json!({"candidate_id": second, "job_id": a.job.id}))).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("job_not_open")));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, 1);

    // Permissions and tokens.
    let sales = member(&app, "sales", Some(a.company)).await;
    let (s, _) = send(&app, Method::POST, "/api/applications", &sales.2, Some(json!({"candidate_id": second, "job_id": a.job.id}))).await;
    assert_eq!(s, 403);
    assert_eq!(call(&app, Method::POST, "/api/applications", None, Some(json!({}))).await.status(), 401);
    assert_eq!(call(&app, Method::GET, "/api/applications", None, None).await.status(), 401);

    // Read: the list with filters, one application, another company's is a 404.
    let (s, list) = send(&app, Method::GET, &format!("/api/applications?job_id={}&state=active&verified=false", a.job.id), &sales.2, None).await;
    assert_eq!((s, list["total"].as_u64()), (200, Some(1)));
    assert_eq!(list["items"][0]["candidate"]["full_name"], "Priya Sharma");
    let (_, none) = send(&app, Method::GET, "/api/applications?state=hired", &sales.2, None).await;
    assert_eq!(none["total"], 0);
    let (s, p) = send(&app, Method::GET, "/api/applications?state=won&submitted_from=yesterday", &sales.2, None).await;
    assert_eq!(s, 422);
    assert_eq!(fields(&p).into_iter().map(|(f, _)| f).collect::<Vec<_>>(), ["state", "submitted_from"]);
    let today = chrono::Utc::now().date_naive();
    let (_, dated) = send(&app, Method::GET, &format!("/api/applications?submitted_from={today}&submitted_to={today}"), &sales.2, None).await;
    assert_eq!(dated["total"], 1);
    let (_, past) = send(&app, Method::GET, "/api/applications?submitted_to=2020-01-01", &sales.2, None).await;
    assert_eq!(past["total"], 0);
    sqlx::query("UPDATE jobs SET client_name = 'Initech Corp', manager_id = ? WHERE id = ?").bind(sales.0).bind(a.job.id).execute(&app.pool).await.unwrap();
    for (query, expected) in [
        (format!("recruiter_id={}", a.recruiter.0), 1),
        (format!("recruiter_id={}", Uuid::now_v7()), 0),
        (format!("manager_id={}", sales.0), 1),
        (format!("candidate_id={}&stage_id={}", a.candidate, a.job.stages[0]), 1),
        (format!("stage_id={}", a.job.stages[1]), 0),
        ("client=initech".to_string(), 1),
        ("client=globex".to_string(), 0),
    ] {
        let (_, page) = send(&app, Method::GET, &format!("/api/applications?{query}"), &sales.2, None).await;
        assert_eq!(page["total"], expected, "{query}");
    }
    let (s, one) = send(&app, Method::GET, &format!("/api/applications/{app_id}"), &sales.2, None).await;
    assert_eq!((s, one["resume"].clone(), one["rejection_reason"].clone()), (200, Value::Null, Value::Null));
    let (s, _) = send(&app, Method::GET, &format!("/api/applications/{app_id}"), &other.recruiter.2, None).await;
    assert_eq!(s, 404);
    let (_, theirs) = send(&app, Method::GET, "/api/applications", &other.recruiter.2, None).await;
    assert_eq!(theirs["total"], 0);
}

#[tokio::test]
async fn the_list_searches_candidates_by_name_or_email_and_sorts_four_ways() {
    let app = TestApp::spawn().await;
    let a = agency(&app, "Acme Staffing").await;
    let other = agency(&app, "Other Staffing").await;
    let token = &a.recruiter.2;
    let zed = insert_candidate(&app, a.company, "Zed Adams", "zed.adams@example.com").await;
    let mut ids = Vec::new();
    for candidate in [a.candidate, zed] {
        let (s, created) = send(&app, Method::POST, "/api/applications", token, Some(json!({"candidate_id": candidate, "job_id": a.job.id}))).await;
        assert_eq!(s, 201, "{created}");
        ids.push(id(&created));
    }
    let (priya, zed_app) = (ids[0].clone(), ids[1].clone());
    // Priya applied first but moved into her stage last.
    for (app_id, submitted, entered) in [(&priya, "2026-01-01 09:00:00", "2026-03-01 09:00:00"), (&zed_app, "2026-02-01 09:00:00", "2026-02-02 09:00:00")] {
        sqlx::query("UPDATE applications SET submitted_at = ?, stage_entered_at = ? WHERE id = UNHEX(REPLACE(?, '-', ''))")
            .bind(submitted)
            .bind(entered)
            .bind(app_id)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    let order = |page: &Value| page["items"].as_array().unwrap().iter().map(id).collect::<Vec<_>>();
    for (sort, expected) in [
        ("", vec![&zed_app, &priya]),
        ("&sort=newest", vec![&zed_app, &priya]),
        ("&sort=oldest", vec![&priya, &zed_app]),
        ("&sort=in_stage", vec![&zed_app, &priya]),
        ("&sort=candidate", vec![&priya, &zed_app]),
    ] {
        let (s, page) = send(&app, Method::GET, &format!("/api/applications?job_id={}{sort}", a.job.id), token, None).await;
        assert_eq!(s, 200, "{page}");
        assert_eq!(order(&page), expected.into_iter().cloned().collect::<Vec<_>>(), "sort {sort:?}");
    }
    // `q` matches the name or the email, case-insensitively, and counts only the matches.
    for (q, expected) in [("ADAMS", vec![&zed_app]), ("zed.adams@", vec![&zed_app]), ("priya", vec![&priya]), ("nobody", vec![])] {
        let (_, page) = send(&app, Method::GET, &format!("/api/applications?q={q}"), token, None).await;
        assert_eq!(order(&page), expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "q {q}");
        assert_eq!(page["total"], expected.len(), "q {q}");
    }
    // Another company's Priya never shows through the search.
    let (s, theirs) = send(&app, Method::POST, "/api/applications", &other.recruiter.2, Some(json!({"candidate_id": other.candidate, "job_id": other.job.id}))).await;
    assert_eq!(s, 201, "{theirs}");
    let (_, mine) = send(&app, Method::GET, "/api/applications?q=priya", token, None).await;
    assert_eq!(order(&mine), std::slice::from_ref(&priya));
    // An unknown sort and a range that ends before it starts are named.
    let (s, p) = send(&app, Method::GET, "/api/applications?sort=random&submitted_from=2026-02-02&submitted_to=2026-02-01", token, None).await;
    assert_eq!(s, 422, "{p}");
    assert_eq!(fields(&p), [("submitted_to".into(), "before_start".into()), ("sort".into(), "invalid_sort".into())]);
}

#[tokio::test]
async fn agencies_on_a_shared_job_see_only_their_own_applications() {
    let app = TestApp::spawn().await;
    let employer = app.create_company("Globex", "employer").await;
    let hm = member(&app, "hiring_manager", Some(employer)).await;
    let job = insert_job(&app, employer, CompanyType::Employer, hm.0, "Platform Lead").await;
    let a = agency(&app, "Agency A").await;
    let b = agency(&app, "Agency B").await;
    let c = agency(&app, "Agency C").await;
    for ag in [&a, &b] {
        sqlx::query("INSERT INTO job_agencies (job_id, agency_id, shared_by, shared_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
            .bind(job.id)
            .bind(ag.company.0)
            .bind(hm.0)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    let mut ids = Vec::new();
    for ag in [&a, &b] {
        let (s, created) = send(&app, Method::POST, "/api/applications", &ag.recruiter.2, Some(json!({"candidate_id": ag.candidate, "job_id": job.id, "source": "agency"}))).await;
        assert_eq!(s, 201, "{created}");
        ids.push(id(&created));
    }
    // An agency the job is not shared with cannot submit to it.
    let (s, p) = send(&app, Method::POST, "/api/applications", &c.recruiter.2, Some(json!({"candidate_id": c.candidate, "job_id": job.id}))).await;
    assert_eq!((s, fields(&p)), (422, vec![("job_id".into(), "unknown_job".into())]));

    let listed = |token: String| {
        let app = &app;
        let job = job.id;
        async move {
            let (_, page) = send(app, Method::GET, &format!("/api/applications?job_id={job}"), &token, None).await;
            let mut got: Vec<String> = page["items"].as_array().unwrap().iter().map(id).collect();
            got.sort();
            got
        }
    };
    assert_eq!(listed(a.recruiter.2.clone()).await, [ids[0].clone()]);
    assert_eq!(listed(b.recruiter.2.clone()).await, [ids[1].clone()]);
    let mut both = ids.clone();
    both.sort();
    assert_eq!(listed(hm.2.clone()).await, both);
    let (s, _) = send(&app, Method::GET, &format!("/api/applications/{}", ids[1]), &a.recruiter.2, None).await;
    assert_eq!(s, 404, "a competitor's submission is invisible");
    let (s, _) = send(&app, Method::GET, &format!("/api/applications/{}/history", ids[1]), &a.recruiter.2, None).await;
    assert_eq!(s, 404);

    // The board: counts and cards follow the same rule.
    let (s, board) = send(&app, Method::GET, &format!("/api/jobs/{}/pipeline", job.id), &a.recruiter.2, None).await;
    assert_eq!(s, 200, "{board}");
    assert_eq!(board["stages"][0]["count"], 1);
    assert_eq!(board["stages"][0]["applications"][0]["id"], ids[0]);
    let (_, board) = send(&app, Method::GET, &format!("/api/jobs/{}/pipeline", job.id), &hm.2, None).await;
    assert_eq!(board["stages"][0]["count"], 2);
    assert_eq!(board["stages"].as_array().unwrap().len(), 6);
    assert_eq!(board["job"]["status"], "open");
    let (s, _) = send(&app, Method::GET, &format!("/api/jobs/{}/pipeline", job.id), &c.recruiter.2, None).await;
    assert_eq!(s, 404);
}

#[tokio::test]
async fn moves_follow_the_state_machine_and_append_history() {
    let app = TestApp::spawn().await;
    let employer = app.create_company("Globex", "employer").await;
    let hm = member(&app, "hiring_manager", Some(employer)).await;
    let job = insert_job(&app, employer, CompanyType::Employer, hm.0, "Designer").await;
    let other_job = insert_job(&app, employer, CompanyType::Employer, hm.0, "Other").await;
    let candidate = insert_candidate(&app, employer, "Dana", &unique_email("dana")).await;
    let app_id = insert_application(&app, &job, candidate, Some(employer), Some(hm.0)).await.to_string();
    let path = format!("/api/applications/{app_id}/move");
    let (screening, rejected) = (job.stages[1], job.stages[5]);

    let (s, p) = send(&app, Method::POST, &path, &hm.2, Some(json!({"to_stage_id": other_job.stages[1]}))).await;
    assert_eq!((s, fields(&p)), (422, vec![("to_stage_id".into(), "unknown_stage".into())]));
    let (s, p) = send(&app, Method::POST, &path, &hm.2, Some(json!({"to_stage_id": job.stages[0]}))).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("already_in_stage")));
    let (s, p) = send(&app, Method::POST, &path, &hm.2, Some(json!({"to_stage_id": screening, "remarks": "x".repeat(2001)}))).await;
    assert_eq!((s, fields(&p)), (422, vec![("remarks".into(), "too_long".into())]));
    let (s, p) = send(&app, Method::POST, &path, &hm.2, Some(json!({"to_stage_id": screening, "version": 7}))).await;
    assert_eq!((s, p["code"].as_str()), (409, Some("application_changed")));
    assert_eq!(history_rows(&app, &app_id).await, 1, "refused moves write nothing");

    let (s, moved) = send(&app, Method::POST, &path, &hm.2, Some(json!({"to_stage_id": screening, "version": 1, "remarks": "Phone screen booked"}))).await;
    assert_eq!(s, 200, "{moved}");
    assert_eq!((moved["stage"]["name"].as_str(), moved["version"].as_u64(), moved["days_in_stage"].as_i64()), (Some("Screening"), Some(2), Some(0)));

    let (s, p) = send(&app, Method::POST, &path, &hm.2, Some(json!({"to_stage_id": rejected}))).await;
    assert_eq!((s, fields(&p)), (422, vec![("rejection_reason".into(), "required".into())]));
    let (s, moved) = send(&app, Method::POST, &path, &hm.2, Some(json!({"to_stage_id": rejected, "rejection_reason": "Salary mismatch"}))).await;
    assert_eq!(s, 200);
    assert_eq!((moved["state"].as_str(), moved["rejection_reason"].as_str()), (Some("rejected"), Some("Salary mismatch")));

    // Leaving a terminal stage takes applications:reopen (a hiring manager lacks it).
    let (s, p) = send(&app, Method::POST, &path, &hm.2, Some(json!({"to_stage_id": screening}))).await;
    assert_eq!((s, p["code"].as_str()), (403, Some("reopen_permission_required")));
    let admin = member(&app, "employer_admin", Some(employer)).await;
    let (s, moved) = send(&app, Method::POST, &path, &admin.2, Some(json!({"to_stage_id": screening, "version": 3}))).await;
    assert_eq!(s, 200, "{moved}");
    assert_eq!((moved["state"].as_str(), moved["rejection_reason"].clone()), (Some("active"), Value::Null));

    let interviewer = member(&app, "interviewer", Some(employer)).await;
    let (s, _) = send(&app, Method::POST, &path, &interviewer.2, Some(json!({"to_stage_id": job.stages[2]}))).await;
    assert_eq!(s, 403, "interviewers do not move applications");
    assert_eq!(call(&app, Method::POST, &path, None, Some(json!({}))).await.status(), 401);

    // The history: oldest first, stage names and people as they were.
    let (_, history) = send(&app, Method::GET, &format!("/api/applications/{app_id}/history"), &interviewer.2, None).await;
    let steps: Vec<(Value, Value)> = history.as_array().unwrap().iter().map(|h| (h["from_stage"]["name"].clone(), h["to_stage"]["name"].clone())).collect();
    assert_eq!(
        steps,
        [
            (Value::Null, json!("Applied")),
            (json!("Applied"), json!("Screening")),
            (json!("Screening"), json!("Rejected")),
            (json!("Rejected"), json!("Screening")),
        ]
    );
    assert_eq!(history[1]["remarks"], "Phone screen booked");
    assert_eq!(history[2]["rejection_reason"], "Salary mismatch");
    assert_eq!(history[3]["changed_by"]["id"], admin.0.to_string());

    // Another company's application is a 404, even with a valid body.
    let stranger = member(&app, "employer_admin", Some(app.create_company("Initech", "employer").await)).await;
    let (s, _) = send(&app, Method::POST, &path, &stranger.2, Some(json!({"to_stage_id": job.stages[2]}))).await;
    assert_eq!(s, 404);
}

#[tokio::test]
async fn two_moves_with_the_same_version_one_wins() {
    let app = TestApp::spawn().await;
    let a = agency(&app, "Race Staffing").await;
    let app_id = insert_application(&app, &a.job, a.candidate, Some(a.company), Some(a.recruiter.0)).await.to_string();
    let path = format!("/api/applications/{app_id}/move");
    let token = a.recruiter.2.clone();
    let (one, two) = tokio::join!(
        send(&app, Method::POST, &path, &token, Some(json!({"to_stage_id": a.job.stages[1], "version": 1}))),
        send(&app, Method::POST, &path, &token, Some(json!({"to_stage_id": a.job.stages[2], "version": 1}))),
    );
    let mut statuses = [one.0, two.0];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{one:?} {two:?}");
    let loser = if one.0 == 409 { &one.1 } else { &two.1 };
    assert_eq!(loser["code"], "application_changed");
    assert_eq!(history_rows(&app, &app_id).await, 2, "the submission and exactly one move");
    let (_, now) = send(&app, Method::GET, &format!("/api/applications/{app_id}"), &token, None).await;
    assert_eq!(now["version"], 2);
}

/// Candidate names of the first column's cards, in board order.
async fn first_column(app: &TestApp, job: Uuid, token: &str) -> Vec<String> {
    let (_, board) = send(app, Method::GET, &format!("/api/jobs/{job}/pipeline"), token, None).await;
    board["stages"][0]["applications"].as_array().unwrap().iter().map(|c| c["candidate"]["full_name"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn kanban_cards_reorder_within_their_column() {
    let app = TestApp::spawn().await;
    let a = agency(&app, "Board Staffing").await;
    let mut ids = Vec::new();
    for name in ["One", "Two", "Three"] {
        let c = insert_candidate(&app, a.company, name, &unique_email(name)).await;
        let (s, created) = send(&app, Method::POST, "/api/applications", &a.recruiter.2, Some(json!({"candidate_id": c, "job_id": a.job.id}))).await;
        assert_eq!(s, 201);
        ids.push(id(&created));
    }
    assert_eq!(first_column(&app, a.job.id, &a.recruiter.2).await, ["One", "Two", "Three"]);
    let reorder = format!("/api/jobs/{}/pipeline/reorder", a.job.id);
    let (s, _) = send(&app, Method::POST, &reorder, &a.recruiter.2, Some(json!({"application_id": ids[2], "before_id": ids[0]}))).await;
    assert_eq!(s, 204);
    assert_eq!(first_column(&app, a.job.id, &a.recruiter.2).await, ["Three", "One", "Two"]);
    let (s, _) = send(&app, Method::POST, &reorder, &a.recruiter.2, Some(json!({"application_id": ids[2], "after_id": ids[0]}))).await;
    assert_eq!(s, 204);
    assert_eq!(first_column(&app, a.job.id, &a.recruiter.2).await, ["One", "Three", "Two"]);

    // An anchor in another stage, both anchors, or another job's application: 422.
    let (s, _) = send(&app, Method::POST, &format!("/api/applications/{}/move", ids[1]), &a.recruiter.2, Some(json!({"to_stage_id": a.job.stages[1]}))).await;
    assert_eq!(s, 200);
    let (s, p) = send(&app, Method::POST, &reorder, &a.recruiter.2, Some(json!({"application_id": ids[0], "before_id": ids[1]}))).await;
    assert_eq!((s, fields(&p)), (422, vec![("before_id".into(), "not_in_stage".into())]));
    let (s, p) = send(&app, Method::POST, &reorder, &a.recruiter.2, Some(json!({"application_id": ids[0], "before_id": ids[2], "after_id": ids[2]}))).await;
    assert_eq!((s, fields(&p)), (422, vec![("before_id".into(), "exactly_one".into())]));
    let other_job = insert_job(&app, a.company, CompanyType::Agency, a.recruiter.0, "Other").await;
    let (s, p) = send(&app, Method::POST, &format!("/api/jobs/{}/pipeline/reorder", other_job.id), &a.recruiter.2, Some(json!({"application_id": ids[0], "before_id": ids[2]}))).await;
    assert_eq!((s, fields(&p)), (422, vec![("application_id".into(), "unknown_application".into())]));
    let (_, board) = send(&app, Method::GET, &format!("/api/jobs/{}/pipeline", a.job.id), &a.recruiter.2, None).await;
    assert_eq!((board["stages"][0]["count"].as_u64(), board["stages"][1]["count"].as_u64()), (Some(2), Some(1)));

    let stranger = agency(&app, "Stranger Staffing").await;
    let (s, _) = send(&app, Method::POST, &reorder, &stranger.recruiter.2, Some(json!({"application_id": ids[0], "before_id": ids[2]}))).await;
    assert_eq!(s, 404);
    let sales = member(&app, "sales", Some(a.company)).await;
    let (s, _) = send(&app, Method::POST, &reorder, &sales.2, Some(json!({"application_id": ids[0], "before_id": ids[2]}))).await;
    assert_eq!(s, 403);
}

#[tokio::test]
async fn feedback_and_verification() {
    let app = TestApp::spawn().await;
    let a = agency(&app, "Feedback Staffing").await;
    let app_id = insert_application(&app, &a.job, a.candidate, Some(a.company), Some(a.recruiter.0)).await.to_string();
    let fpath = format!("/api/applications/{app_id}/feedback");

    let (s, p) = send(&app, Method::POST, &fpath, &a.recruiter.2, Some(json!({"feedback_type": "chat", "rating": 9}))).await;
    assert_eq!((s, fields(&p)), (422, vec![("feedback_type".into(), "invalid_type".into()), ("rating".into(), "out_of_range".into())]));
    for (kind, rating) in [("screening", 3), ("interview", 4)] {
        let (s, f) = send(&app, Method::POST, &fpath, &a.recruiter.2, Some(json!({"feedback_type": kind, "rating": rating, "comments": "Solid"}))).await;
        assert_eq!(s, 201, "{f}");
        assert_eq!(f["author"]["id"], a.recruiter.0.to_string());
    }
    let (s, list) = send(&app, Method::GET, &fpath, &a.recruiter.2, None).await;
    assert_eq!((s, list["count"].as_u64(), list["average_rating"].as_f64()), (200, Some(2), Some(3.5)));
    assert_eq!(list["items"][0]["feedback_type"], "interview", "newest first");
    let stranger = agency(&app, "Stranger").await;
    let (s, _) = send(&app, Method::GET, &fpath, &stranger.recruiter.2, None).await;
    assert_eq!(s, 404);
    let (s, _) = send(&app, Method::POST, &fpath, &stranger.recruiter.2, Some(json!({"feedback_type": "general", "rating": 1}))).await;
    assert_eq!(s, 404);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM application_feedback").await, 2);

    // Verified by a manager (jobs:write); recruiters cannot.
    let vpath = format!("/api/applications/{app_id}/verify");
    let (s, _) = send(&app, Method::POST, &vpath, &a.recruiter.2, Some(json!({"verified": true}))).await;
    assert_eq!(s, 403);
    let manager = member(&app, "manager", Some(a.company)).await;
    let (s, v) = send(&app, Method::POST, &vpath, &manager.2, Some(json!({"verified": true}))).await;
    assert_eq!((s, v["verified_by_manager"].as_bool()), (200, Some(true)));
    let (_, verified) = send(&app, Method::GET, "/api/applications?verified=true", &manager.2, None).await;
    assert_eq!(verified["total"], 1);
    let (s, v) = send(&app, Method::POST, &vpath, &manager.2, Some(json!({"verified": false}))).await;
    assert_eq!((s, v["verified_by_manager"].as_bool()), (200, Some(false)));
    assert_eq!(crate::admin_support::audit_of(&app, "applications.verify", &app_id).await.len(), 2);
    let stranger_manager = member(&app, "manager", Some(stranger.company)).await;
    let (s, _) = send(&app, Method::POST, &vpath, &stranger_manager.2, Some(json!({"verified": true}))).await;
    assert_eq!(s, 404);
}

#[tokio::test]
async fn a_move_notifies_the_manager_and_emails_only_when_asked() {
    let app = TestApp::spawn().await;
    let a = agency(&app, "Notify Staffing").await;
    let manager = member(&app, "manager", Some(a.company)).await;
    sqlx::query("UPDATE jobs SET manager_id = ? WHERE id = ?").bind(manager.0).bind(a.job.id).execute(&app.pool).await.unwrap();
    let (s, created) = send(&app, Method::POST, "/api/applications", &a.recruiter.2, Some(json!({"candidate_id": a.candidate, "job_id": a.job.id}))).await;
    assert_eq!(s, 201);
    let app_id = id(&created);
    let path = format!("/api/applications/{app_id}/move");
    let (s, _) = send(&app, Method::POST, &path, &a.recruiter.2, Some(json!({"to_stage_id": a.job.stages[1]}))).await;
    assert_eq!(s, 200);
    settle(&app, 2).await;
    let kinds = |user: Uuid| {
        let pool = app.pool.clone();
        async move {
            let rows: Vec<(String,)> = sqlx::query_as("SELECT kind FROM notifications WHERE user_id = ? ORDER BY created_at, id").bind(user).fetch_all(&pool).await.unwrap();
            rows.into_iter().map(|r| r.0).collect::<Vec<_>>()
        }
    };
    assert_eq!(kinds(manager.0).await, ["application.created", "application.stage_changed"]);
    assert!(kinds(a.recruiter.0).await.is_empty(), "the actor is not told about their own actions");
    assert!(app.mail.messages_to(&manager.1).await.is_empty(), "no email by default");

    let (s, _) = send(&app, Method::PUT, "/api/me/notification-preferences", &manager.2, Some(json!({"items": [{"kind": "application.stage_changed", "email": true}]}))).await;
    assert_eq!(s, 200);
    let (s, _) = send(&app, Method::POST, &path, &a.recruiter.2, Some(json!({"to_stage_id": a.job.stages[2]}))).await;
    assert_eq!(s, 200);
    settle(&app, 3).await;
    let mails = app.mail.wait_for(&manager.1, 1).await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].text.contains("L1 Cleared"), "{}", mails[0].text);
    let (_, feed) = send(&app, Method::GET, "/api/notifications", &manager.2, None).await;
    assert_eq!(feed["total"], 3);
}
