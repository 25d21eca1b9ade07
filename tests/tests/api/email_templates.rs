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

async fn admin_of(app: &TestApp, company: hireops_domain::ids::CompanyId) -> (String, String) {
    let email = unique_email("admin");
    app.create_user(&email, "agency_admin", Some(company)).await;
    let token = app.sign_in_admin(&email).await["access_token"].as_str().unwrap().to_string();
    (email, token)
}

async fn template(app: &TestApp, token: &str, name: &str) -> Value {
    let list: Value = call(app, Method::GET, "/api/admin/settings/email-templates", Some(token), None).await.json().await.unwrap();
    list.as_array().unwrap().iter().find(|t| t["name"] == name).cloned().unwrap_or_else(|| panic!("no {name} in {list}"))
}

const TWO_FACTOR: &str = "/api/admin/settings/email-templates/two_factor_code";

#[tokio::test]
async fn every_outbound_email_is_listed_with_its_variables() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let (_, token) = admin_of(&app, acme).await;
    let r = call(&app, Method::GET, "/api/admin/settings/email-templates", Some(&token), None).await;
    assert_eq!(r.status(), 200);
    let list: Value = r.json().await.unwrap();
    let names: Vec<&str> = list.as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    for name in ["two_factor_code", "verify_email", "activate_account", "password_reset_requested", "password_reset_link", "password_changed", "account_locked", "notification"] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    let tf = template(&app, &token, "two_factor_code").await;
    assert_eq!(tf["customized"], false);
    assert_eq!(tf["updated_at"], Value::Null);
    assert_eq!(tf["variables"], json!(["product_name", "recipient_name", "tenant_name", "email_footer", "brand_color", "code", "expires_in_minutes"]));
    assert!(tf["subject"].as_str().unwrap().contains("{{ product_name }}"));
    assert!(tf["html"].as_str().unwrap().contains("{% extends \"layout.html\" %}"));

    let recruiter = unique_email("rec");
    app.create_user(&recruiter, "recruiter", Some(acme)).await;
    let rec_token = app.sign_in(&recruiter).await["access_token"].as_str().unwrap().to_string();
    assert_eq!(call(&app, Method::GET, "/api/admin/settings/email-templates", Some(&rec_token), None).await.status(), 403);
    assert_eq!(call(&app, Method::GET, "/api/admin/settings/email-templates", None, None).await.status(), 401);
}

#[tokio::test]
async fn a_template_that_does_not_render_is_refused_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let (_, token) = admin_of(&app, acme).await;
    let good_text = "Code: {{ code }}";
    let good_html = "<p>{{ code }}</p>";

    let r = call(&app, Method::PUT, TWO_FACTOR, Some(&token), Some(json!({"subject": "Hi {{ codez }}", "text": good_text, "html": good_html}))).await;
    assert_eq!(r.status(), 422);
    let problem: Value = r.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "subject", "{problem}");
    assert!(problem["errors"][0]["message"].as_str().unwrap().contains("undefined"), "{problem}");

    let r = call(&app, Method::PUT, TWO_FACTOR, Some(&token), Some(json!({"subject": "ok", "text": good_text, "html": "<p>{% if %}</p>"}))).await;
    assert_eq!(r.status(), 422);
    let problem: Value = r.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "html", "{problem}");

    let huge = "x".repeat(100_001);
    let r = call(&app, Method::PUT, TWO_FACTOR, Some(&token), Some(json!({"subject": "ok", "text": huge, "html": good_html}))).await;
    assert_eq!(r.status(), 422);
    assert_eq!(r.json::<Value>().await.unwrap()["errors"][0]["field"], "text");

    let r = call(&app, Method::PUT, "/api/admin/settings/email-templates/no_such_mail", Some(&token), Some(json!({"subject": "a", "text": "b", "html": "c"}))).await;
    assert_eq!(r.status(), 404);

    assert_eq!(template(&app, &token, "two_factor_code").await["customized"], false);
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM email_templates").fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 0);
    assert!(app.audit_rows("settings.email_template.update").await.is_empty());
}

#[tokio::test]
async fn a_saved_template_is_used_for_the_companys_next_sign_in_code_only() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let other = app.create_company("Other Agency", "agency").await;
    let (_, token) = admin_of(&app, acme).await;
    let custom = json!({
        "subject": "Acme sign-in code for {{ recipient_name }}",
        "text": "{% extends \"layout.txt\" %}{% block content %}Acme says your code is {{ code }}.{% endblock %}",
        "html": "<p>Acme code <b>{{ code }}</b> for {{ recipient_name }}</p>",
    });
    let r = call(&app, Method::PUT, TWO_FACTOR, Some(&token), Some(custom)).await;
    assert_eq!(r.status(), 200);
    let saved: Value = r.json().await.unwrap();
    assert_eq!(saved["customized"], true);
    assert!(saved["updated_at"].is_string());

    // The next code mail to anyone of Acme uses it...
    let (colleague, _) = admin_of(&app, acme).await;
    let mails = app.mail.messages_to(&colleague).await;
    let last = mails.last().expect("a code mail");
    assert_eq!(last.subject, "Acme sign-in code for Test User");
    assert!(last.text.contains("Acme says your code is") && last.text.starts_with("Hi Test User,"), "{}", last.text);
    assert!(last.html.contains("Acme code <b>"), "{}", last.html);

    // ...and another company's still gets the default.
    let (outsider, _) = admin_of(&app, other).await;
    let mails = app.mail.messages_to(&outsider).await;
    assert_eq!(mails.last().unwrap().subject, "Your HireOps sign-in code");

    let rows = app.audit_rows("settings.email_template.update").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["template"], "two_factor_code");
    assert_eq!(rows[0].1["changes"]["subject"]["after"], "Acme sign-in code for {{ recipient_name }}");
    assert_eq!(rows[0].1["changes"]["subject"]["before"], "Your {{ product_name }} sign-in code\n");
}

#[tokio::test]
async fn previews_render_drafts_and_deleting_restores_the_default() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let (_, token) = admin_of(&app, acme).await;
    let preview = format!("{TWO_FACTOR}/preview");

    let r = call(&app, Method::POST, &preview, Some(&token), Some(json!({"subject": "Draft {{ code }}", "html": "<p>{{ recipient_name }} & {{ code }}</p>"}))).await;
    assert_eq!(r.status(), 200);
    let out: Value = r.json().await.unwrap();
    assert_eq!(out["subject"], "Draft 493027");
    assert_eq!(out["html"], "<p>Ada Lovelace & 493027</p>");
    assert!(out["text"].as_str().unwrap().contains("Use this code"), "the current text fills in: {out}");

    let r = call(&app, Method::POST, &preview, Some(&token), Some(json!({"text": "{{ missing }}"}))).await;
    assert_eq!(r.status(), 422);
    assert_eq!(r.json::<Value>().await.unwrap()["errors"][0]["field"], "text");
    let r = call(&app, Method::POST, "/api/admin/settings/email-templates/nope/preview", Some(&token), Some(json!({}))).await;
    assert_eq!(r.status(), 404);

    let body = json!({"subject": "Custom {{ code }}", "text": "T {{ code }}", "html": "H {{ code }}"});
    assert_eq!(call(&app, Method::PUT, TWO_FACTOR, Some(&token), Some(body)).await.status(), 200);
    let current: Value = call(&app, Method::POST, &preview, Some(&token), Some(json!({}))).await.json().await.unwrap();
    assert_eq!(current["subject"], "Custom 493027");

    assert_eq!(call(&app, Method::DELETE, TWO_FACTOR, Some(&token), None).await.status(), 204);
    let tf = template(&app, &token, "two_factor_code").await;
    assert_eq!(tf["customized"], false);
    assert_eq!(tf["subject"], "Your {{ product_name }} sign-in code\n");
    let current: Value = call(&app, Method::POST, &preview, Some(&token), Some(json!({}))).await.json().await.unwrap();
    assert_eq!(current["subject"], "Your HireOps sign-in code");
    let rows = app.audit_rows("settings.email_template.reset").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["changes"]["subject"]["before"], "Custom {{ code }}");
    // Nothing left to remove: still 204, nothing audited.
    assert_eq!(call(&app, Method::DELETE, TWO_FACTOR, Some(&token), None).await.status(), 204);
    assert_eq!(app.audit_rows("settings.email_template.reset").await.len(), 1);
    assert_eq!(call(&app, Method::DELETE, "/api/admin/settings/email-templates/nope", Some(&token), None).await.status(), 404);
}
