use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

async fn call(app: &TestApp, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> reqwest::Response {
    let mut r = app.http.request(method, app.url(path));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    r.send().await.expect("request")
}

async fn admin_of(app: &TestApp, company: hireops_domain::ids::CompanyId) -> String {
    let email = unique_email("admin");
    app.create_user(&email, "agency_admin", Some(company)).await;
    app.sign_in_admin(&email).await["access_token"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn company_admins_read_defaults_and_change_their_settings_with_an_audited_diff() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let token = admin_of(&app, acme).await;

    let r = call(&app, Method::GET, "/api/admin/settings", Some(&token), None).await;
    assert_eq!(r.status(), 200);
    let got: Value = r.json().await.unwrap();
    assert_eq!(got["company_id"], json!(acme.0));
    assert_eq!(got["customized"], false);
    assert_eq!(got["timezone"], "UTC");
    assert_eq!(got["candidate_data_retention_days"], 730);

    let r = call(&app, Method::PUT, "/api/admin/settings", Some(&token), Some(json!({"timezone": "Europe/Berlin", "brand_color": "#AA0033", "display_name": "Acme"}))).await;
    assert_eq!(r.status(), 200);
    let saved: Value = r.json().await.unwrap();
    assert_eq!(saved["customized"], true);
    assert_eq!(saved["brand_color"], "#aa0033");
    let again: Value = call(&app, Method::GET, "/api/admin/settings", Some(&token), None).await.json().await.unwrap();
    assert_eq!(again["timezone"], "Europe/Berlin");
    assert_eq!(again["locale"], "en-US", "untouched fields keep their value");

    let rows = app.audit_rows("settings.update").await;
    assert_eq!(rows.len(), 1);
    let changes = &rows[0].1["changes"];
    assert_eq!(changes["timezone"], json!({"before": "UTC", "after": "Europe/Berlin"}));
    assert_eq!(changes["display_name"], json!({"before": null, "after": "Acme"}));
    assert!(changes.get("locale").is_none(), "{changes}");
}

#[tokio::test]
async fn every_bad_field_is_a_422_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let token = admin_of(&app, acme).await;
    let bad = json!({
        "timezone": "Mars/Olympus", "locale": "xx", "brand_color": "red", "candidate_data_retention_days": 3,
        "email_sender_name": "Eve <eve@example.com>", "week_start": "friday", "display_name": "fine"
    });
    let r = call(&app, Method::PUT, "/api/admin/settings", Some(&token), Some(bad)).await;
    assert_eq!(r.status(), 422);
    let problem: Value = r.json().await.unwrap();
    let mut fields: Vec<&str> = problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    fields.sort();
    assert_eq!(fields, ["brand_color", "candidate_data_retention_days", "email_sender_name", "locale", "timezone", "week_start"]);

    let r = call(&app, Method::PUT, "/api/admin/settings", Some(&token), Some(json!({"time_zone": "UTC"}))).await;
    assert_eq!(r.status(), 422, "a misspelt field is not silently ignored");
    let r = call(&app, Method::PUT, "/api/admin/settings", Some(&token), Some(json!({"default_notification_email": "yes"}))).await;
    assert_eq!(r.status(), 422);

    let got: Value = call(&app, Method::GET, "/api/admin/settings", Some(&token), None).await.json().await.unwrap();
    assert_eq!(got["customized"], false);
    assert_eq!(got["display_name"], Value::Null, "the valid field of a refused update was not saved either");
    assert!(app.audit_rows("settings.update").await.is_empty());
}

#[tokio::test]
async fn companies_are_isolated_and_the_platform_defaults_are_inherited() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let other = app.create_company("Other Agency", "agency").await;
    let acme_token = admin_of(&app, acme).await;
    let other_token = admin_of(&app, other).await;
    let recruiter = unique_email("rec");
    app.create_user(&recruiter, "recruiter", Some(acme)).await;
    let recruiter_token = app.sign_in(&recruiter).await["access_token"].as_str().unwrap().to_string();

    assert_eq!(call(&app, Method::PUT, "/api/admin/settings", Some(&acme_token), Some(json!({"locale": "de-DE"}))).await.status(), 200);
    let theirs: Value = call(&app, Method::GET, "/api/admin/settings", Some(&other_token), None).await.json().await.unwrap();
    assert_eq!(theirs["locale"], "en-US");
    assert_eq!(theirs["company_id"], json!(other.0));

    // Naming another company answers 404 to a company admin, for reads and writes.
    let path = format!("/api/admin/settings?company_id={}", acme.0);
    assert_eq!(call(&app, Method::GET, &path, Some(&other_token), None).await.status(), 404);
    assert_eq!(call(&app, Method::PUT, &path, Some(&other_token), Some(json!({"locale": "fr-FR"}))).await.status(), 404);
    assert_eq!(call(&app, Method::GET, "/api/admin/settings", Some(&recruiter_token), None).await.status(), 403);
    assert_eq!(call(&app, Method::PUT, "/api/admin/settings", Some(&recruiter_token), Some(json!({"locale": "fr-FR"}))).await.status(), 403);
    assert_eq!(call(&app, Method::GET, "/api/admin/settings", None, None).await.status(), 401);

    // The super admin edits the platform defaults, which companies without their own inherit.
    let root = app.sign_in_admin(&app.super_admin_email).await["access_token"].as_str().unwrap().to_string();
    let platform: Value = call(&app, Method::GET, "/api/admin/settings", Some(&root), None).await.json().await.unwrap();
    assert_eq!(platform["company_id"], Value::Null);
    assert_eq!(call(&app, Method::PUT, "/api/admin/settings", Some(&root), Some(json!({"timezone": "America/New_York"}))).await.status(), 200);
    let theirs: Value = call(&app, Method::GET, "/api/admin/settings", Some(&other_token), None).await.json().await.unwrap();
    assert_eq!(theirs["timezone"], "America/New_York");
    assert_eq!(theirs["customized"], false);
    let acme_view: Value = call(&app, Method::GET, &path, Some(&root), None).await.json().await.unwrap();
    assert_eq!(acme_view["locale"], "de-DE");
    assert_eq!(acme_view["timezone"], "UTC", "acme saved its own settings before the platform changed");
    let unknown = format!("/api/admin/settings?company_id={}", uuid::Uuid::now_v7());
    assert_eq!(call(&app, Method::GET, &unknown, Some(&root), None).await.status(), 404);
}

#[tokio::test]
async fn outbound_email_carries_the_tenants_branding() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme", "agency").await;
    let admin = unique_email("admin");
    app.create_user(&admin, "agency_admin", Some(acme)).await;
    let token = app.sign_in_admin(&admin).await["access_token"].as_str().unwrap().to_string();
    let branding = json!({"display_name": "Acme Talent", "email_sender_name": "Acme Talent Team", "email_footer": "Acme Staffing Ltd · 1 Main St", "brand_color": "#aa0033"});
    assert_eq!(call(&app, Method::PUT, "/api/admin/settings", Some(&token), Some(branding)).await.status(), 200);

    // The next mail to this company's admin is branded; the old one was not.
    let before = app.mail.messages_to(&admin).await;
    assert!(before.iter().all(|m| !m.text.contains("Acme Staffing Ltd")));
    app.sign_in_admin(&admin).await;
    let after = app.mail.wait_for(&admin, before.len() + 1).await;
    let latest = after.iter().find(|m| m.text.contains("Acme Staffing Ltd · 1 Main St")).expect("a branded mail");
    assert_eq!(latest.from_name, "Acme Talent Team");
    assert!(latest.html.contains("#aa0033") && latest.html.contains("Acme Talent · HireOps"), "{}", latest.html);

    // Another company's users keep the platform look.
    let other = app.create_company("Other", "agency").await;
    let stranger = unique_email("stranger");
    app.create_user(&stranger, "agency_admin", Some(other)).await;
    app.sign_in_admin(&stranger).await;
    let theirs = app.mail.wait_for(&stranger, 1).await;
    assert!(theirs.iter().all(|m| m.from_name != "Acme Talent Team" && !m.text.contains("Acme Staffing")));
}
