use crate::admin_support::*;
use hireops_tests::{unique_email, TestApp, STRONG_PASSWORD};
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn the_super_admin_creates_lists_and_edits_companies() {
    let app = TestApp::spawn().await;
    let root = root_token(&app).await;

    let (status, acme) = send(&app, Method::POST, "/api/admin/companies", &root, Some(json!({"name": "  Acme Staffing ", "type": "agency"}))).await;
    assert_eq!(status, 201, "{acme}");
    assert_eq!((acme["name"].as_str(), acme["type"].as_str(), acme["status"].as_str()), (Some("Acme Staffing"), Some("agency"), Some("active")));
    assert_eq!(acme["user_count"], 0);
    assert!(acme["created_at"].is_string() && acme["updated_at"].is_string());
    let acme_id = acme["id"].as_str().unwrap().to_string();
    for (name, kind) in [("Globex", "employer"), ("Initech", "employer")] {
        let (status, _) = send(&app, Method::POST, "/api/admin/companies", &root, Some(json!({"name": name, "type": kind}))).await;
        assert_eq!(status, 201);
    }

    // Names are unique regardless of case; bad input writes nothing.
    let (status, dup) = send(&app, Method::POST, "/api/admin/companies", &root, Some(json!({"name": "ACME staffing", "type": "employer"}))).await;
    assert_eq!((status, dup["code"].as_str()), (409, Some("company_name_taken")));
    let (status, bad) = send(&app, Method::POST, "/api/admin/companies", &root, Some(json!({"name": "  ", "type": "school"}))).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&bad), [("name".to_string(), "invalid_length".to_string()), ("type".to_string(), "invalid_type".to_string())]);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM companies").await, 3);

    // Filters and paging.
    let (_, employers) = send(&app, Method::GET, "/api/admin/companies?type=employer&per_page=1", &root, None).await;
    assert_eq!((employers["total"].as_u64(), employers["items"].as_array().unwrap().len(), employers["per_page"].as_u64()), (Some(2), 1, Some(1)));
    assert_eq!(employers["items"][0]["name"], "Initech", "newest first");
    let (_, page2) = send(&app, Method::GET, "/api/admin/companies?type=employer&per_page=1&page=2", &root, None).await;
    assert_eq!(page2["items"][0]["name"], "Globex");
    let (_, found) = send(&app, Method::GET, "/api/admin/companies?q=acme", &root, None).await;
    assert_eq!(found["total"], 1);
    assert_eq!(found["items"][0]["id"], acme_id.as_str());
    let (status, _) = send(&app, Method::GET, "/api/admin/companies?status=gone", &root, None).await;
    assert_eq!(status, 422);

    // Rename: audited with a before/after diff.
    let path = format!("/api/admin/companies/{acme_id}");
    let (status, renamed) = send(&app, Method::PATCH, &path, &root, Some(json!({"name": "Acme Recruiting"}))).await;
    assert_eq!((status, renamed["name"].as_str()), (200, Some("Acme Recruiting")));
    let (status, got) = send(&app, Method::GET, &path, &root, None).await;
    assert_eq!((status, got["name"].as_str()), (200, Some("Acme Recruiting")));
    let (status, taken) = send(&app, Method::PATCH, &path, &root, Some(json!({"name": "globex"}))).await;
    assert_eq!((status, taken["code"].as_str()), (409, Some("company_name_taken")));
    let rows = audit_of(&app, "companies.update", &acme_id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["changes"], json!({"name": {"before": "Acme Staffing", "after": "Acme Recruiting"}}));
    assert_eq!(audit_of(&app, "companies.create", &acme_id).await.len(), 1);

    let unknown = format!("/api/admin/companies/{}", uuid::Uuid::now_v7());
    assert_eq!(send(&app, Method::GET, &unknown, &root, None).await.0, 404);
    assert_eq!(send(&app, Method::PATCH, &unknown, &root, Some(json!({"status": "suspended"}))).await.0, 404);
}

#[tokio::test]
async fn only_the_super_admin_manages_companies() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let company_path = format!("/api/admin/companies/{}", acme.company);
    for (method, path, body) in [
        (Method::POST, "/api/admin/companies", Some(json!({"name": "Mine", "type": "agency"}))),
        (Method::GET, "/api/admin/companies", None),
        (Method::GET, company_path.as_str(), None),
        (Method::PATCH, company_path.as_str(), Some(json!({"status": "suspended"}))),
    ] {
        let r = call(&app, method.clone(), path, Some(&acme.admin_token), body.clone()).await;
        assert_eq!(r.status(), 403, "{method} {path}");
        assert_eq!(call(&app, method.clone(), path, None, body).await.status(), 401, "{method} {path} without a token");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM companies WHERE status = 'suspended'").await, 0);
}

#[tokio::test]
async fn suspending_a_company_shuts_its_users_out_until_reactivated() {
    let app = TestApp::spawn().await;
    let root = root_token(&app).await;
    let acme = app.create_company("Acme", "agency").await;
    let other = app.create_company("Other", "agency").await;
    let recruiter = unique_email("rec");
    let outsider = unique_email("out");
    app.create_user(&recruiter, "recruiter", Some(acme)).await;
    app.create_user(&outsider, "recruiter", Some(other)).await;
    let session = app.sign_in(&recruiter).await;
    let path = format!("/api/admin/companies/{acme}");

    let (status, suspended) = send(&app, Method::PATCH, &path, &root, Some(json!({"status": "suspended"}))).await;
    assert_eq!((status, suspended["status"].as_str(), suspended["user_count"].as_u64()), (200, Some("suspended"), Some(1)));

    assert_eq!(app.get_with_token("/api/me", &token(&session)).await.status(), 401, "the access token dies at once");
    assert_eq!(app.post_json("/api/auth/refresh", json!({"refresh_token": session["refresh_token"]})).await.status(), 401);
    let login = app.post_json("/api/auth/login", json!({"email": recruiter, "password": STRONG_PASSWORD})).await;
    assert_eq!(login.status(), 403);
    assert_eq!(login.json::<Value>().await.unwrap()["code"], "company_suspended");
    app.sign_in(&outsider).await;
    let (revoked,): (Option<String>,) = sqlx::query_as(
        "SELECT f.revoke_reason FROM session_families f JOIN users u ON u.id = f.user_id WHERE u.email = ? ORDER BY f.created_at LIMIT 1",
    )
    .bind(&recruiter)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(revoked.as_deref(), Some("company_suspended"));
    let rows = audit_of(&app, "companies.update", &acme.to_string()).await;
    assert_eq!(rows[0].1["changes"], json!({"status": {"before": "active", "after": "suspended"}}));
    assert_eq!(rows[0].1["sessions_ended"], 1);

    let (status, _) = send(&app, Method::PATCH, &path, &root, Some(json!({"status": "active"}))).await;
    assert_eq!(status, 200);
    app.sign_in(&recruiter).await;
}
