//! The demo dataset (`./scripts/seed-demo`) loads through the real use cases,
//! tells a coherent story, and a second run changes nothing.

use crate::admin_support::count;
use hireops_functions::demo::{seed, DEMO_PASSWORD};
use hireops_tests::TestApp;
use serde_json::{json, Value};

#[tokio::test]
async fn the_demo_loads_once_and_every_role_sees_it() {
    let app = TestApp::spawn().await;
    seed(&app.state).await.expect("seed the demo");

    assert_eq!(count(&app, "SELECT COUNT(*) FROM companies").await, 4);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM jobs").await, 11);
    let applications = count(&app, "SELECT COUNT(*) FROM applications").await;
    assert!(applications >= 25, "{applications} applications");
    for state in ["active", "hired", "rejected"] {
        let n = count(&app, &format!("SELECT COUNT(*) FROM applications WHERE state = '{state}'")).await;
        assert!(n > 0, "no {state} application in the demo");
    }
    // Every application's history starts with its submission, runs forward in
    // time, and ends where the application is now.
    assert_eq!(count(&app, "SELECT COUNT(*) FROM application_history WHERE from_stage_id IS NULL").await, applications);
    let broken = count(
        &app,
        "SELECT COUNT(*) FROM applications a
         WHERE a.stage_id <> (SELECT h.to_stage_id FROM application_history h WHERE h.application_id = a.id ORDER BY h.changed_at DESC, h.id DESC LIMIT 1)
            OR a.submitted_at > a.stage_entered_at",
    )
    .await;
    assert_eq!(broken, 0, "applications whose history does not end in their stage");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications a JOIN jobs j ON j.id = a.job_id WHERE a.submitted_at < j.opened_at").await, 0);
    // Shared jobs carry submissions of both agencies; rejections have reasons.
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(DISTINCT a.candidate_company_id) FROM applications a
             JOIN job_agencies s ON s.job_id = a.job_id JOIN companies c ON c.id = a.candidate_company_id WHERE c.company_type = 'agency'",
        )
        .await,
        2
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications WHERE state = 'rejected' AND rejection_reason IS NULL").await, 0);

    // Employers' boards use every column too: someone hired and someone rejected.
    for state in ["hired", "rejected"] {
        let n = count(
            &app,
            &format!("SELECT COUNT(*) FROM applications a JOIN companies c ON c.id = a.job_company_id WHERE c.company_type = 'employer' AND a.state = '{state}'"),
        )
        .await;
        assert!(n > 0, "no {state} application on an employer's job");
    }

    seed(&app.state).await.expect("seed again");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM applications").await, applications, "a second run adds nothing");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM companies").await, 4);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM conversations").await, 2, "a second run adds no conversation");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM messages").await, 5);

    // A demo manager signs in with the documented password and sees a working dashboard.
    let manager = sign_in(&app, "manager@northwind.demo").await;
    let dashboard = get(&app, "/api/dashboard", &manager).await;
    assert_eq!(dashboard["kind"], "manager", "{dashboard}");
    let jobs = get(&app, "/api/jobs?kind=requirement", &manager).await;
    assert_eq!(jobs["total"], 4, "{jobs}");
    let candidate = sign_in(&app, "maya.candidate@example.com").await;
    let mine = get(&app, "/api/candidate/applications", &candidate).await;
    assert_eq!(mine.as_array().map(Vec::len), Some(2), "Maya applied to two jobs on the public board: {mine}");
    // The hiring manager has an unread thread with the agency's recruiter.
    let hiring = sign_in(&app, "hiring@acme.demo").await;
    let unread = get(&app, "/api/messaging/conversations?scope=unread", &hiring).await;
    assert_eq!(unread["items"][0]["subject"], "Shortlist for the open roles", "{unread}");
    assert_eq!(unread["items"][0]["unread_count"], 2);
}

async fn sign_in(app: &TestApp, email: &str) -> String {
    let r = app.post_json("/api/auth/login", json!({"email": email, "password": DEMO_PASSWORD})).await;
    assert_eq!(r.status(), 200, "{email}");
    let body: Value = r.json().await.unwrap();
    body["access_token"].as_str().expect("a non-admin gets tokens at once").to_string()
}

async fn get(app: &TestApp, path: &str, token: &str) -> Value {
    let r = app.get_with_token(path, token).await;
    assert_eq!(r.status(), 200, "{path}");
    r.json().await.unwrap()
}
