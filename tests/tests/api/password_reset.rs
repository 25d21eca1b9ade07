use hireops_tests::{unique_email, TestApp, STRONG_PASSWORD};
use serde_json::{json, Value};

const NEW_PASSWORD: &str = "copper-lantern-meadow-93";

async fn pending(app: &TestApp, token: &str) -> reqwest::Response {
    app.get_with_token("/api/admin/password-reset-requests", token).await
}

async fn approve(app: &TestApp, token: &str, id: &Value) -> reqwest::Response {
    app.http.post(app.url("/api/auth/password-reset/approve")).bearer_auth(token).json(&json!({"request_id": id})).send().await.unwrap()
}

#[tokio::test]
async fn the_company_admin_approves_and_the_user_resets() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let other = app.create_company("Other Agency", "agency").await;
    let admin = unique_email("admin");
    let stranger = unique_email("stranger");
    let recruiter = unique_email("rec");
    app.create_user(&admin, "agency_admin", Some(acme)).await;
    app.create_user(&stranger, "agency_admin", Some(other)).await;
    app.create_user(&recruiter, "recruiter", Some(acme)).await;
    let old_session = app.sign_in(&recruiter).await;

    let r = app.post_json("/api/auth/password-reset/request", json!({"email": recruiter})).await;
    assert_eq!(r.status(), 202);

    // The approver hears of it in the app and by email, through the events queue.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let kind = loop {
        let row: Option<(String,)> = sqlx::query_as("SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = ?")
            .bind(&admin)
            .fetch_optional(&app.pool)
            .await
            .unwrap();
        if let Some((kind,)) = row {
            break kind;
        }
        assert!(std::time::Instant::now() < deadline, "no notification reached the approver");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert_eq!(kind, "password_reset.requested");
    assert!(app.mail.wait_for(&admin, 1).await.iter().any(|m| m.subject.starts_with("Password reset request")));

    let admin_tokens = app.sign_in_admin(&admin).await;
    let admin_token = admin_tokens["access_token"].as_str().unwrap();
    let list: Value = pending(&app, admin_token).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["email"], recruiter);
    let request_id = list["items"][0]["id"].clone();

    // Another company's admin sees nothing and gets 404, not 403.
    let stranger_token = app.sign_in_admin(&stranger).await["access_token"].as_str().unwrap().to_string();
    let theirs: Value = pending(&app, &stranger_token).await.json().await.unwrap();
    assert_eq!(theirs["items"], json!([]));
    assert_eq!(approve(&app, &stranger_token, &request_id).await.status(), 404);
    // A role without the permission gets 403.
    let recruiter_token = old_session["access_token"].as_str().unwrap();
    assert_eq!(approve(&app, recruiter_token, &request_id).await.status(), 403);
    assert_eq!(pending(&app, recruiter_token).await.status(), 403);

    assert_eq!(approve(&app, admin_token, &request_id).await.status(), 204);
    assert_eq!(approve(&app, admin_token, &request_id).await.status(), 409, "not pending any more");

    let token = app.mail.wait_for_token(&recruiter, "Reset your").await;
    let weak = app.post_json("/api/auth/password-reset/complete", json!({"token": token, "new_password": "password1234"})).await;
    assert_eq!(weak.status(), 422, "the token survives a refused password");
    let done = app.post_json("/api/auth/password-reset/complete", json!({"token": token, "new_password": NEW_PASSWORD})).await;
    assert_eq!(done.status(), 204);
    let reuse = app.post_json("/api/auth/password-reset/complete", json!({"token": token, "new_password": NEW_PASSWORD})).await;
    assert_eq!(reuse.status(), 400);

    // Every old session ended; the new password works, the old one does not.
    assert_eq!(app.get_with_token("/api/me", recruiter_token).await.status(), 401);
    assert_eq!(app.post_json("/api/auth/refresh", json!({"refresh_token": old_session["refresh_token"]})).await.status(), 401);
    assert_eq!(app.post_json("/api/auth/login", json!({"email": recruiter, "password": STRONG_PASSWORD})).await.status(), 401);
    assert_eq!(app.post_json("/api/auth/login", json!({"email": recruiter, "password": NEW_PASSWORD})).await.status(), 200);
    for action in ["auth.password_reset_request", "auth.password_reset_approve", "auth.password_reset_complete"] {
        assert!(app.audit_rows(action).await.iter().any(|(o, _)| o == "success"), "{action}");
    }
}

#[tokio::test]
async fn unknown_addresses_get_the_same_answer_and_nothing_is_recorded() {
    let app = TestApp::spawn().await;
    let r = app.post_json("/api/auth/password-reset/request", json!({"email": unique_email("ghost")})).await;
    assert_eq!(r.status(), 202);
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM password_reset_requests").fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn candidates_are_approved_by_the_super_admin_and_links_expire() {
    let app = TestApp::spawn().await;
    let candidate = unique_email("cand");
    app.create_user(&candidate, "candidate", None).await;
    app.post_json("/api/auth/password-reset/request", json!({"email": candidate})).await;
    app.post_json("/api/auth/password-reset/request", json!({"email": candidate})).await;

    let root = app.sign_in_admin(&app.super_admin_email).await;
    let token = root["access_token"].as_str().unwrap();
    let list: Value = pending(&app, token).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "a repeat request adds nothing");
    assert_eq!(approve(&app, token, &list["items"][0]["id"]).await.status(), 204);

    let link = app.mail.wait_for_token(&candidate, "Reset your").await;
    sqlx::query("UPDATE one_time_tokens SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND").execute(&app.pool).await.unwrap();
    let expired = app.post_json("/api/auth/password-reset/complete", json!({"token": link, "new_password": NEW_PASSWORD})).await;
    assert_eq!(expired.status(), 400);
    assert_eq!(expired.json::<Value>().await.unwrap()["code"], "invalid_or_expired_token");
}

#[tokio::test]
async fn nobody_approves_their_own_request() {
    let app = TestApp::spawn().await;
    app.post_json("/api/auth/password-reset/request", json!({"email": app.super_admin_email})).await;
    let root = app.sign_in_admin(&app.super_admin_email).await;
    let token = root["access_token"].as_str().unwrap();
    let list: Value = pending(&app, token).await.json().await.unwrap();
    let r = approve(&app, token, &list["items"][0]["id"]).await;
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "cannot_approve_own_request");
}
