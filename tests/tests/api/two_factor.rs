use hireops_tests::{TestApp, STRONG_PASSWORD};
use serde_json::{json, Value};

async fn start(app: &TestApp) -> (Value, usize) {
    let seen = app.mail.codes(&app.super_admin_email).await.len();
    let r = app.post_json("/api/auth/login", json!({"email": app.super_admin_email, "password": STRONG_PASSWORD})).await;
    assert_eq!(r.status(), 200);
    (r.json().await.unwrap(), seen)
}

#[tokio::test]
async fn admins_get_a_challenge_and_no_tokens_until_the_code() {
    let app = TestApp::spawn().await;
    let (first, seen) = start(&app).await;
    assert_eq!(first["require_2fa"], true);
    assert!(first.get("access_token").is_none() && first.get("refresh_token").is_none());
    let code = app.mail.wait_for_code(&app.super_admin_email, seen).await;

    let ok = app.post_json("/api/auth/2fa/verify", json!({"challenge_id": first["challenge_id"], "code": code})).await;
    assert_eq!(ok.status(), 200);
    let tokens: Value = ok.json().await.unwrap();
    let me: Value = app.get_with_token("/api/me", tokens["access_token"].as_str().unwrap()).await.json().await.unwrap();
    assert_eq!(me["roles"], json!(["super_admin"]));

    // Single use.
    let again = app.post_json("/api/auth/2fa/verify", json!({"challenge_id": first["challenge_id"], "code": code})).await;
    assert_eq!(again.status(), 401);

    // Only a digest of the code is stored.
    let (digest,): (String,) = sqlx::query_as("SELECT code_digest FROM two_factor_challenges LIMIT 1").fetch_one(&app.pool).await.unwrap();
    assert_ne!(digest, code);
    assert_eq!(digest.len(), 64);
}

#[tokio::test]
async fn five_wrong_codes_burn_the_challenge() {
    let app = TestApp::spawn().await;
    let (first, seen) = start(&app).await;
    let code = app.mail.wait_for_code(&app.super_admin_email, seen).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..5 {
        let r = app.post_json("/api/auth/2fa/verify", json!({"challenge_id": first["challenge_id"], "code": wrong})).await;
        assert_eq!(r.status(), 401);
        assert_eq!(r.json::<Value>().await.unwrap()["code"], "invalid_code");
    }
    let right_too_late = app.post_json("/api/auth/2fa/verify", json!({"challenge_id": first["challenge_id"], "code": code})).await;
    assert_eq!(right_too_late.status(), 401);
    assert_eq!(right_too_late.json::<Value>().await.unwrap()["code"], "challenge_expired");
    let outcomes: Vec<String> = app.audit_rows("auth.2fa_verify").await.into_iter().map(|(o, _)| o).collect();
    assert_eq!(outcomes, vec!["failure"; 6]);
}

#[tokio::test]
async fn an_expired_code_is_refused_and_malformed_codes_are_422() {
    let app = TestApp::spawn().await;
    let (first, seen) = start(&app).await;
    let code = app.mail.wait_for_code(&app.super_admin_email, seen).await;
    let malformed = app.post_json("/api/auth/2fa/verify", json!({"challenge_id": first["challenge_id"], "code": "12ab"})).await;
    assert_eq!(malformed.status(), 422);
    sqlx::query("UPDATE two_factor_challenges SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND").execute(&app.pool).await.unwrap();
    let late = app.post_json("/api/auth/2fa/verify", json!({"challenge_id": first["challenge_id"], "code": code})).await;
    assert_eq!(late.status(), 401);
    let unknown = app.post_json("/api/auth/2fa/verify", json!({"challenge_id": uuid::Uuid::now_v7(), "code": "123456"})).await;
    assert_eq!(unknown.status(), 401);
}
