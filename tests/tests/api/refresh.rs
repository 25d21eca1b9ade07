use hireops_tests::{unique_email, TestApp, STRONG_PASSWORD};
use serde_json::{json, Value};

async fn candidate(app: &TestApp) -> (String, Value) {
    let email = unique_email("cand");
    app.create_user(&email, "candidate", None).await;
    let tokens = app.sign_in(&email).await;
    (email, tokens)
}

async fn refresh(app: &TestApp, token: &Value) -> reqwest::Response {
    app.post_json("/api/auth/refresh", json!({"refresh_token": token})).await
}

#[tokio::test]
async fn refresh_rotates_and_reuse_kills_the_whole_family() {
    let app = TestApp::spawn().await;
    let (_, first) = candidate(&app).await;

    let second: Value = refresh(&app, &first["refresh_token"]).await.json().await.unwrap();
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    assert_eq!(app.get_with_token("/api/me", second["access_token"].as_str().unwrap()).await.status(), 200);

    // The old token comes back: reuse. The newest token of the family dies too.
    let reused = refresh(&app, &first["refresh_token"]).await;
    assert_eq!(reused.status(), 401);
    assert_eq!(reused.json::<Value>().await.unwrap()["code"], "refresh_token_reused");
    assert_eq!(refresh(&app, &second["refresh_token"]).await.status(), 401);
    assert_eq!(app.get_with_token("/api/me", second["access_token"].as_str().unwrap()).await.status(), 401);
    // Both presentations after the first reuse are audited: the stale token and the revoked family's newest.
    assert_eq!(app.audit_rows("auth.refresh_reuse").await.len(), 2);
}

#[tokio::test]
async fn other_sessions_survive_a_reuse_in_one_family() {
    let app = TestApp::spawn().await;
    let (email, phone) = candidate(&app).await;
    let laptop = app.sign_in(&email).await;
    refresh(&app, &phone["refresh_token"]).await;
    refresh(&app, &phone["refresh_token"]).await;
    assert_eq!(refresh(&app, &laptop["refresh_token"]).await.status(), 200);
}

#[tokio::test]
async fn logout_ends_the_session_at_once() {
    let app = TestApp::spawn().await;
    let (_, tokens) = candidate(&app).await;
    let access = tokens["access_token"].as_str().unwrap();
    let out = app.http.post(app.url("/api/auth/logout")).bearer_auth(access).send().await.unwrap();
    assert_eq!(out.status(), 204);
    assert_eq!(app.get_with_token("/api/me", access).await.status(), 401);
    assert_eq!(refresh(&app, &tokens["refresh_token"]).await.status(), 401);
    assert_eq!(app.audit_rows("auth.logout").await.len(), 1);
}

#[tokio::test]
async fn web_clients_keep_the_refresh_token_in_an_http_only_cookie() {
    let app = TestApp::spawn().await;
    let email = unique_email("cand");
    app.create_user(&email, "candidate", None).await;
    let r = app.http.post(app.url("/api/auth/login")).header("x-client", "web").json(&json!({"email": email, "password": STRONG_PASSWORD})).send().await.unwrap();
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("hireops_refresh="));
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/api/auth"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    let body: Value = r.json().await.unwrap();
    assert!(body.get("refresh_token").is_none());
    let pair = cookie.split(';').next().unwrap().to_string();
    let rotated = app.http.post(app.url("/api/auth/refresh")).header("x-client", "web").header("cookie", &pair).send().await.unwrap();
    assert_eq!(rotated.status(), 200);
    assert!(rotated.headers()["set-cookie"].to_str().unwrap() != cookie);
    let missing = app.http.post(app.url("/api/auth/refresh")).send().await.unwrap();
    assert_eq!(missing.status(), 401);
}

#[tokio::test]
async fn a_held_account_cannot_refresh() {
    let app = TestApp::spawn().await;
    let (email, tokens) = candidate(&app).await;
    sqlx::query("UPDATE users SET login_hold_reason = 'review' WHERE email = ?").bind(&email).execute(&app.pool).await.unwrap();
    assert_eq!(refresh(&app, &tokens["refresh_token"]).await.status(), 401);
    assert_eq!(app.get_with_token("/api/me", tokens["access_token"].as_str().unwrap()).await.status(), 401);
}
