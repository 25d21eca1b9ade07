use hireops_tests::{unique_email, TestApp};
use serde_json::Value;

async fn get(app: &TestApp, path: &str, token: &str) -> (u16, Value) {
    let r = app.get_with_token(path, token).await;
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

fn actions(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn company_admins_see_their_company_and_super_admins_everything() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme", "agency").await;
    let globex = app.create_company("Globex", "employer").await;
    let acme_admin = unique_email("acme-admin");
    let globex_admin = unique_email("globex-admin");
    app.create_user(&acme_admin, "agency_admin", Some(acme)).await;
    app.create_user(&globex_admin, "employer_admin", Some(globex)).await;
    let acme_token = app.sign_in_admin(&acme_admin).await["access_token"].as_str().unwrap().to_string();
    let globex_token = app.sign_in_admin(&globex_admin).await["access_token"].as_str().unwrap().to_string();
    let root_token = app.sign_in_admin(&app.super_admin_email).await["access_token"].as_str().unwrap().to_string();

    let (status, page) = get(&app, "/api/admin/audit-logs?action=auth.login", &acme_token).await;
    assert_eq!(status, 200, "{page}");
    let items = page["items"].as_array().unwrap();
    assert!(!items.is_empty());
    for e in items {
        assert_eq!(e["company_id"], acme.to_string(), "{e}");
        assert_eq!(e["actor"]["email"], acme_admin.as_str());
        assert!(e["ip"].is_string() && e["request_id"].is_string(), "{e}");
    }
    assert_eq!(page["total"].as_u64().unwrap() as usize, items.len());

    // Naming another company shows nothing of it.
    let (status, page) = get(&app, &format!("/api/admin/audit-logs?company_id={globex}"), &acme_token).await;
    assert_eq!(status, 200);
    assert_eq!(page["total"], 0, "{page}");

    // The super admin sees both companies' sign-ins and can narrow to one.
    let (_, page) = get(&app, "/api/admin/audit-logs?action=auth.&per_page=100", &root_token).await;
    let companies: std::collections::HashSet<String> =
        page["items"].as_array().unwrap().iter().filter_map(|e| e["company_id"].as_str().map(str::to_string)).collect();
    assert!(companies.contains(&acme.to_string()) && companies.contains(&globex.to_string()), "{companies:?}");
    let (_, page) = get(&app, &format!("/api/admin/audit-logs?company_id={globex}"), &root_token).await;
    assert!(page["items"].as_array().unwrap().iter().all(|e| e["company_id"] == globex.to_string()));
    assert!(page["total"].as_u64().unwrap() > 0);

    let _ = globex_token;
}

#[tokio::test]
async fn filters_paging_and_bad_filters() {
    let app = TestApp::spawn().await;
    let root = app.sign_in_admin(&app.super_admin_email).await;
    let token = root["access_token"].as_str().unwrap();
    let me: Value = app.get_with_token("/api/me", token).await.json().await.unwrap();

    // A failed sign-in and a successful one, by the same actor.
    app.post_json("/api/auth/login", serde_json::json!({"email": app.super_admin_email, "password": "wrong-password-123456"})).await;

    let (status, page) = get(&app, &format!("/api/admin/audit-logs?actor_id={}&outcome=failure", me["id"].as_str().unwrap()), token).await;
    assert_eq!(status, 200);
    assert_eq!(actions(&page), ["auth.login"]);
    assert_eq!(page["items"][0]["details"]["reason"], "wrong_password");

    let (_, all) = get(&app, "/api/admin/audit-logs?per_page=2", token).await;
    assert_eq!(all["per_page"], 2);
    assert!(all["total"].as_u64().unwrap() >= 3, "{all}");
    let (_, second) = get(&app, "/api/admin/audit-logs?per_page=2&page=2", token).await;
    assert_ne!(all["items"][0]["id"], second["items"][0]["id"]);
    // Newest first.
    let t0 = all["items"][0]["occurred_at"].as_str().unwrap().to_string();
    let t1 = all["items"][1]["occurred_at"].as_str().unwrap().to_string();
    assert!(t0 >= t1);

    let future = "2999-01-01T00:00:00Z";
    let (_, none) = get(&app, &format!("/api/admin/audit-logs?from={future}"), token).await;
    assert_eq!(none["total"], 0);

    let (status, problem) = get(&app, "/api/admin/audit-logs?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", token).await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "from");
    let (status, problem) = get(&app, "/api/admin/audit-logs?actor_id=not-a-uuid", token).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "actor_id");
    let (status, _) = get(&app, "/api/admin/audit-logs?from=yesterday", token).await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn only_holders_of_audit_read_get_in() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme", "agency").await;
    let recruiter = unique_email("rec");
    app.create_user(&recruiter, "recruiter", Some(acme)).await;
    let token = app.sign_in(&recruiter).await["access_token"].as_str().unwrap().to_string();
    for path in ["/api/admin/audit-logs", "/api/admin/audit-logs/export"] {
        let r = app.get_with_token(path, &token).await;
        assert_eq!(r.status(), 403, "{path}");
        let r = app.http.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 401, "{path}");
    }
}

#[tokio::test]
async fn export_streams_csv_and_is_itself_audited() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme", "agency").await;
    let admin = unique_email("admin");
    app.create_user(&admin, "agency_admin", Some(acme)).await;
    // A user agent that a spreadsheet would run as a formula.
    let first: Value = app
        .http
        .post(app.url("/api/auth/login"))
        .header("user-agent", "=HYPERLINK(\"http://evil\")")
        .json(&serde_json::json!({"email": admin, "password": "wrong-password-123456"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(first["code"], "invalid_credentials");
    let token = app.sign_in_admin(&admin).await["access_token"].as_str().unwrap().to_string();

    let r = app.get_with_token("/api/admin/audit-logs/export?action=auth.login", &token).await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(r.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"audit-log-"));
    let body = r.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header[..3], ["occurred_at", "action", "outcome"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2, "{body}"); // the failed and the successful sign-in
    assert!(rows.iter().all(|r| &r[1] == "auth.login"));
    let ua = header.iter().position(|h| h == "user_agent").unwrap();
    assert!(rows.iter().any(|r| r[ua].starts_with("'=HYPERLINK")), "{body}");

    let exports = app.audit_rows("audit.export").await;
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0].1["action"], "auth.login");
}

#[tokio::test]
async fn export_pages_through_more_rows_than_one_chunk() {
    let app = TestApp::spawn().await;
    // 2,500 rows straight into the table: more than two export chunks.
    let mut tx = app.pool.begin().await.unwrap();
    for chunk in 0..5 {
        let mut qb = sqlx::QueryBuilder::<sqlx::MySql>::new(
            "INSERT INTO audit_log (id, occurred_at, action, outcome, details) ",
        );
        qb.push_values(0..500, |mut b, i| {
            b.push_bind(uuid::Uuid::now_v7())
                .push("UTC_TIMESTAMP(6) - INTERVAL ")
                .push_bind_unseparated(chunk * 500 + i)
                .push_unseparated(" SECOND")
                .push_bind("test.bulk")
                .push_bind("success")
                .push_bind(sqlx::types::Json(serde_json::json!({"n": chunk * 500 + i})));
        });
        qb.build().execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
    let token = app.sign_in_admin(&app.super_admin_email).await["access_token"].as_str().unwrap().to_string();
    let body = app.get_with_token("/api/admin/audit-logs/export?action=test.bulk", &token).await.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let ns: Vec<i64> = reader
        .records()
        .map(|r| serde_json::from_str::<Value>(&r.unwrap()[13]).unwrap()["n"].as_i64().unwrap())
        .collect();
    assert_eq!(ns.len(), 2500);
    // Newest first, each row exactly once.
    assert_eq!(ns, (0..2500).collect::<Vec<i64>>());
}
