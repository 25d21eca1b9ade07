use hireops_tests::{unique_email, TestApp, STRONG_PASSWORD};
use serde_json::{json, Value};

#[tokio::test]
async fn candidates_sign_up_verify_and_sign_in() {
    let app = TestApp::spawn().await;
    let email = unique_email("new");
    let r = app.post_json("/api/auth/register", json!({"email": email, "password": STRONG_PASSWORD, "full_name": "Grace Hopper"})).await;
    assert_eq!(r.status(), 202);

    let early = app.post_json("/api/auth/login", json!({"email": email, "password": STRONG_PASSWORD})).await;
    assert_eq!(early.status(), 403);
    assert_eq!(early.json::<Value>().await.unwrap()["code"], "email_not_verified");

    let token = app.mail.wait_for_token(&email, "Confirm your email").await;
    assert_eq!(app.post_json("/api/auth/verify-email", json!({"token": token})).await.status(), 204);
    assert_eq!(app.post_json("/api/auth/verify-email", json!({"token": token})).await.status(), 400, "single use");

    let tokens = app.sign_in(&email).await;
    let me: Value = app.get_with_token("/api/me", tokens["access_token"].as_str().unwrap()).await.json().await.unwrap();
    assert_eq!(me["roles"], json!(["candidate"]));
    assert_eq!(me["full_name"], "Grace Hopper");
}

#[tokio::test]
async fn a_taken_address_answers_the_same_and_its_owner_is_told() {
    let app = TestApp::spawn().await;
    let email = unique_email("taken");
    app.create_user(&email, "candidate", None).await;
    let r = app.post_json("/api/auth/register", json!({"email": email, "password": "another-strong-passphrase-77", "full_name": "Impostor"})).await;
    assert_eq!(r.status(), 202);
    let mails = app.mail.wait_for(&email, 1).await;
    assert!(mails[0].subject.contains("already have"));
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = ?").bind(&email).fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn weak_input_is_refused_field_by_field_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let r = app.post_json("/api/auth/register", json!({"email": "bad", "password": "password1234", "full_name": ""})).await;
    assert_eq!(r.status(), 422);
    let body: Value = r.json().await.unwrap();
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["email", "full_name", "password"]);
    let short = app.post_json("/api/auth/register", json!({"email": unique_email("s"), "password": "short", "full_name": "S"})).await;
    assert_eq!(short.json::<Value>().await.unwrap()["errors"][0]["code"], "password_too_short");
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email <> ?").bind(&app.super_admin_email).fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn a_bad_verification_token_is_400() {
    let app = TestApp::spawn().await;
    let r = app.post_json("/api/auth/verify-email", json!({"token": "nope"})).await;
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "invalid_or_expired_token");
}
