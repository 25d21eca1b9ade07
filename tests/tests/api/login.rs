use hireops_tests::{unique_email, TestApp, STRONG_PASSWORD};
use serde_json::{json, Value};

#[tokio::test]
async fn a_candidate_signs_in_without_a_second_factor_and_sees_themselves() {
    let app = TestApp::spawn().await;
    let email = unique_email("cand");
    app.create_user(&email, "candidate", None).await;

    let r = app.post_json("/api/auth/login", json!({"email": email.to_uppercase(), "password": STRONG_PASSWORD})).await;
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["require_2fa"], false);
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert!(body["refresh_token"].as_str().unwrap().len() >= 43);

    let me: Value = app.get_with_token("/api/me", body["access_token"].as_str().unwrap()).await.json().await.unwrap();
    assert_eq!(me["email"], email);
    assert_eq!(me["roles"], json!(["candidate"]));
    assert_eq!(me["company"], Value::Null);
    assert!(me["permissions"].as_array().unwrap().contains(&json!("candidate:self")));
    assert_eq!(app.audit_rows("auth.login").await.last().unwrap().0, "success");
}

#[tokio::test]
async fn company_users_see_their_company_in_me() {
    let app = TestApp::spawn().await;
    let company = app.create_company("Northwind Talent", "agency").await;
    let email = unique_email("rec");
    app.create_user(&email, "recruiter", Some(company)).await;
    let tokens = app.sign_in(&email).await;
    let me: Value = app.get_with_token("/api/me", tokens["access_token"].as_str().unwrap()).await.json().await.unwrap();
    assert_eq!(me["company"], json!({"id": company.0.to_string(), "name": "Northwind Talent", "type": "agency"}));
    assert_eq!(me["roles"], json!(["recruiter"]));
}

#[tokio::test]
async fn unknown_email_and_wrong_password_answer_alike() {
    let app = TestApp::spawn().await;
    let email = unique_email("cand");
    app.create_user(&email, "candidate", None).await;

    let unknown = app.post_json("/api/auth/login", json!({"email": unique_email("nobody"), "password": STRONG_PASSWORD})).await;
    let wrong = app.post_json("/api/auth/login", json!({"email": email, "password": "not-the-password-at-all"})).await;
    assert_eq!(unknown.status(), 401);
    assert_eq!(wrong.status(), 401);
    assert_eq!(unknown.headers()["content-type"], "application/problem+json");
    let (a, b): (Value, Value) = (unknown.json().await.unwrap(), wrong.json().await.unwrap());
    assert_eq!(a, b);
    assert_eq!(a["code"], "invalid_credentials");
    let failures = app.audit_rows("auth.login").await;
    assert_eq!(failures.len(), 2);
    assert!(failures.iter().all(|(o, _)| o == "failure"));
}

#[tokio::test]
async fn bad_input_is_a_clear_problem() {
    let app = TestApp::spawn().await;
    let malformed = app.http.post(app.url("/api/auth/login")).header("content-type", "application/json").body("{\"email\":").send().await.unwrap();
    assert_eq!(malformed.status(), 400);
    assert_eq!(malformed.json::<Value>().await.unwrap()["code"], "malformed_json");

    let missing = app.post_json("/api/auth/login", json!({"email": "a@example.com"})).await;
    assert_eq!(missing.status(), 422);
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "password");

    let bad_email = app.post_json("/api/auth/login", json!({"email": "not an email", "password": "x"})).await;
    assert_eq!(bad_email.status(), 422);
    assert_eq!(bad_email.json::<Value>().await.unwrap()["errors"][0]["field"], "email");

    let no_json = app.http.post(app.url("/api/auth/login")).body("email=a").send().await.unwrap();
    assert_eq!(no_json.status(), 415);

    let nowhere = app.http.get(app.url("/api/nope")).send().await.unwrap();
    assert_eq!(nowhere.status(), 404);
    assert_eq!(nowhere.headers()["content-type"], "application/problem+json");
}

#[tokio::test]
async fn five_failures_lock_the_account_and_the_lock_runs_out() {
    let app = TestApp::spawn().await;
    let email = unique_email("cand");
    let user = app.create_user(&email, "candidate", None).await;
    for _ in 0..5 {
        let r = app.post_json("/api/auth/login", json!({"email": email, "password": "wrong-password-guess"})).await;
        assert_eq!(r.status(), 401);
    }
    let locked = app.post_json("/api/auth/login", json!({"email": email, "password": STRONG_PASSWORD})).await;
    assert_eq!(locked.status(), 429);
    let retry: u64 = locked.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(retry > 14 * 60 && retry <= 15 * 60, "retry after {retry}");
    assert_eq!(locked.json::<Value>().await.unwrap()["code"], "account_locked");

    let mails = app.mail.wait_for(&email, 1).await;
    assert!(mails.iter().any(|m| m.subject.contains("temporarily locked")));
    assert_eq!(app.audit_rows("auth.account_locked").await.len(), 1);

    // Locks expire by themselves.
    sqlx::query("UPDATE users SET locked_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?").bind(user.0).execute(&app.pool).await.unwrap();
    let after = app.post_json("/api/auth/login", json!({"email": email, "password": STRONG_PASSWORD})).await;
    assert_eq!(after.status(), 200);
    let (count,): (u32,) = sqlx::query_as("SELECT failed_login_count FROM users WHERE id = ?").bind(user.0).fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn deactivated_and_held_accounts_cannot_sign_in() {
    let app = TestApp::spawn().await;
    let off = unique_email("off");
    let held = unique_email("held");
    let off_id = app.create_user(&off, "candidate", None).await;
    let held_id = app.create_user(&held, "candidate", None).await;
    sqlx::query("UPDATE users SET status = 'deactivated' WHERE id = ?").bind(off_id.0).execute(&app.pool).await.unwrap();
    sqlx::query("UPDATE users SET login_hold_reason = 'investigation' WHERE id = ?").bind(held_id.0).execute(&app.pool).await.unwrap();
    let r = app.post_json("/api/auth/login", json!({"email": off, "password": STRONG_PASSWORD})).await;
    assert_eq!((r.status().as_u16(), r.json::<Value>().await.unwrap()["code"].clone()), (403, json!("account_disabled")));
    let r = app.post_json("/api/auth/login", json!({"email": held, "password": STRONG_PASSWORD})).await;
    assert_eq!((r.status().as_u16(), r.json::<Value>().await.unwrap()["code"].clone()), (403, json!("login_on_hold")));
}

#[tokio::test]
async fn auth_endpoints_are_limited_per_ip() {
    let app = TestApp::spawn_with(|c| c.auth_rate_limit_per_minute = 3).await;
    for _ in 0..3 {
        let r = app.post_json_from("203.0.113.7", "/api/auth/login", json!({"email": "x@example.com", "password": "y"})).await;
        assert_eq!(r.status(), 401);
    }
    let limited = app.post_json_from("203.0.113.7", "/api/auth/login", json!({"email": "x@example.com", "password": "y"})).await;
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(limited.json::<Value>().await.unwrap()["code"], "rate_limited");
    // Another address has its own budget.
    let other = app.post_json_from("203.0.113.8", "/api/auth/login", json!({"email": "x@example.com", "password": "y"})).await;
    assert_eq!(other.status(), 401);
}

#[tokio::test]
async fn protected_routes_need_a_valid_token() {
    let app = TestApp::spawn().await;
    let none = app.http.get(app.url("/api/me")).send().await.unwrap();
    assert_eq!(none.status(), 401);
    assert_eq!(none.json::<Value>().await.unwrap()["code"], "authentication_required");
    let forged = app.get_with_token("/api/me", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").await;
    assert_eq!(forged.status(), 401);
}

#[tokio::test]
async fn the_audit_log_refuses_updates_and_deletes() {
    let app = TestApp::spawn().await;
    app.post_json("/api/auth/login", json!({"email": unique_email("x"), "password": "whatever"})).await;
    assert!(!app.audit_rows("auth.login").await.is_empty());
    let update = sqlx::query("UPDATE audit_log SET outcome = 'success'").execute(&app.pool).await;
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = sqlx::query("DELETE FROM audit_log").execute(&app.pool).await;
    assert!(delete.unwrap_err().to_string().contains("append-only"));
    assert!(!app.audit_rows("auth.login").await.is_empty());
}
