//! The public job board: only published, open jobs, without internal fields.

use crate::admin_support::*;
use hireops_tests::TestApp;
use reqwest::Method;
use serde_json::{json, Value};

async fn public(app: &TestApp, path: &str) -> (u16, Value) {
    let r = call(app, Method::GET, path, None, None).await;
    let status = r.status().as_u16();
    (status, r.json().await.expect("json"))
}

async fn create(app: &TestApp, token: &str, body: Value) -> String {
    let (status, job) = send(app, Method::POST, "/api/jobs", token, Some(body)).await;
    assert_eq!(status, 201, "{job}");
    job["id"].as_str().unwrap().to_string()
}

async fn publish(app: &TestApp, token: &str, id: &str) {
    let (status, body) = send(app, Method::POST, &format!("/api/jobs/{id}/publish"), token, None).await;
    assert_eq!(status, 200, "{body}");
}

fn titles(list: &Value) -> Vec<String> {
    list["items"].as_array().unwrap().iter().map(|j| j["title"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn the_board_shows_published_open_jobs_and_nothing_internal() {
    let app = TestApp::spawn().await;
    let agency = tenant(&app, "Board Agency", "agency").await;
    let employer = tenant(&app, "Board Employer", "employer").await;

    let requirement = create(
        &app,
        &agency.admin_token,
        json!({
            "kind": "requirement", "title": "Platform engineer", "description": "Kubernetes clusters.", "client_name": "Secret Client",
            "client_spoc": "Spoc", "end_customer": "End", "account": "Acct", "budget_min": 10, "budget_max": 20, "budget_currency": "EUR",
            "notes": "internal", "location": "Berlin", "work_mode": "remote", "employment_type": "contract", "tags": ["k8s", "go"],
            "experience_min": 3, "experience_max": 6, "positions": 2
        }),
    )
    .await;
    publish(&app, &agency.admin_token, &requirement).await;
    let opening = create(&app, &employer.admin_token, json!({"title": "Product designer", "location": "Munich", "employment_type": "full_time", "work_mode": "onsite"})).await;
    publish(&app, &employer.admin_token, &opening).await;
    let draft = create(&app, &employer.admin_token, json!({"title": "Draft role"})).await;
    let closed = create(&app, &employer.admin_token, json!({"title": "Closed role"})).await;
    publish(&app, &employer.admin_token, &closed).await;
    send(&app, Method::POST, &format!("/api/jobs/{closed}/close"), &employer.admin_token, Some(json!({"reason": "cancelled"}))).await;
    let unpublished = create(&app, &employer.admin_token, json!({"title": "Pulled role", "status": "open"})).await;
    publish(&app, &employer.admin_token, &unpublished).await;
    send(&app, Method::POST, &format!("/api/jobs/{unpublished}/unpublish"), &employer.admin_token, None).await;
    let held = create(&app, &employer.admin_token, json!({"title": "Held role"})).await;
    publish(&app, &employer.admin_token, &held).await;
    send(&app, Method::PATCH, &format!("/api/jobs/{held}"), &employer.admin_token, Some(json!({"status": "on_hold"}))).await;

    let (status, board) = public(&app, "/api/public/jobs").await;
    assert_eq!(status, 200);
    assert_eq!(titles(&board), ["Product designer", "Platform engineer"], "newest published first");
    assert_eq!(board["total"], 2);

    let (status, job) = public(&app, &format!("/api/public/jobs/{requirement}")).await;
    assert_eq!(status, 200);
    assert_eq!(job["company"], json!({"id": agency.company.to_string(), "name": "Board Agency"}), "the agency, never the client");
    assert_eq!((job["tags"].clone(), job["experience_min"].as_f64(), job["positions"].as_u64()), (json!(["k8s", "go"]), Some(3.0), Some(2)));
    assert_eq!(job["description"], "Kubernetes clusters.");
    let keys: Vec<&String> = job.as_object().unwrap().keys().collect();
    for internal in ["client_name", "client_spoc", "end_customer", "account", "budget_min", "budget_max", "budget_currency", "notes", "manager", "team", "status", "priority"] {
        assert!(!keys.iter().any(|k| k.as_str() == internal), "{internal} leaked: {job}");
    }
    assert!(!job.to_string().contains("Secret Client"));
    for id in [&draft, &closed, &unpublished, &held] {
        assert_eq!(public(&app, &format!("/api/public/jobs/{id}")).await.0, 404, "{id}");
    }
    assert_eq!(public(&app, &format!("/api/public/jobs/{}", uuid::Uuid::now_v7())).await.0, 404);
    assert_eq!(public(&app, "/api/public/jobs/not-an-id").await.0, 400);

    assert_eq!(titles(&public(&app, "/api/public/jobs?location=berl").await.1), ["Platform engineer"]);
    assert_eq!(titles(&public(&app, "/api/public/jobs?employment_type=full_time").await.1), ["Product designer"]);
    assert_eq!(titles(&public(&app, "/api/public/jobs?work_mode=remote").await.1), ["Platform engineer"]);
    assert_eq!(titles(&public(&app, "/api/public/jobs?tag=k8s").await.1), ["Platform engineer"]);
    assert_eq!(titles(&public(&app, "/api/public/jobs?q=kubern").await.1), ["Platform engineer"]);
    assert_eq!(titles(&public(&app, &format!("/api/public/jobs?company={}", employer.company)).await.1), ["Product designer"]);
    assert_eq!(public(&app, "/api/public/jobs?q=secret").await.1["total"], 0, "internal fields such as the client are not searched on the board");
    let page = public(&app, "/api/public/jobs?per_page=1&page=2").await.1;
    assert_eq!((titles(&page), page["total"].as_u64()), (vec!["Platform engineer".to_string()], Some(2)));
    let (status, problem) = public(&app, "/api/public/jobs?employment_type=gig&company=x").await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem), [("employment_type".to_string(), "invalid_choice".to_string()), ("company".to_string(), "invalid_id".to_string())]);

    // A suspended company's jobs leave the board.
    sqlx::query("UPDATE companies SET status = 'suspended' WHERE id = ?").bind(agency.company.0).execute(&app.pool).await.unwrap();
    assert_eq!(titles(&public(&app, "/api/public/jobs").await.1), ["Product designer"]);
    assert_eq!(public(&app, &format!("/api/public/jobs/{requirement}")).await.0, 404);
}
