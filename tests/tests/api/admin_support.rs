//! Helpers shared by the identity admin tests.

use hireops_domain::ids::CompanyId;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::Value;

/// Send `body` (or nothing) with the bearer token (or none).
pub async fn call(app: &TestApp, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> reqwest::Response {
    let mut request = app.http.request(method, app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.expect("request")
}

/// Status and JSON body (Null when the body is empty).
pub async fn send(app: &TestApp, method: Method, path: &str, token: &str, body: Option<Value>) -> (u16, Value) {
    let r = call(app, method, path, Some(token), body).await;
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    (status, if text.is_empty() { Value::Null } else { serde_json::from_str(&text).expect("json body") })
}

pub fn token(tokens: &Value) -> String {
    tokens["access_token"].as_str().expect("access token").to_string()
}

pub async fn root_token(app: &TestApp) -> String {
    token(&app.sign_in_admin(&app.super_admin_email).await)
}

/// A company with a signed-in admin of the matching system role.
pub struct Tenant {
    pub company: CompanyId,
    pub admin_email: String,
    pub admin_token: String,
}

pub async fn tenant(app: &TestApp, name: &str, kind: &str) -> Tenant {
    let company = app.create_company(name, kind).await;
    let admin_email = unique_email("admin");
    app.create_user(&admin_email, &format!("{kind}_admin"), Some(company)).await;
    let admin_token = token(&app.sign_in_admin(&admin_email).await);
    Tenant { company, admin_email, admin_token }
}

/// The single audit row of `action` about this entity, as (outcome, details).
pub async fn audit_of(app: &TestApp, action: &str, target_id: &str) -> Vec<(String, Value)> {
    let rows: Vec<(String, sqlx::types::Json<Value>)> =
        sqlx::query_as("SELECT outcome, details FROM audit_log WHERE action = ? AND target_id = ? ORDER BY occurred_at, id")
            .bind(action)
            .bind(target_id)
            .fetch_all(&app.pool)
            .await
            .expect("audit");
    rows.into_iter().map(|(o, d)| (o, d.0)).collect()
}

pub async fn count(app: &TestApp, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&app.pool).await.expect("count");
    n
}

/// Field names of a 422 problem's errors.
pub fn fields(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .map(|errs| errs.iter().map(|e| (e["field"].as_str().unwrap_or("").to_string(), e["code"].as_str().unwrap_or("").to_string())).collect())
        .unwrap_or_default()
}
