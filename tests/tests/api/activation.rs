use crate::admin_support::*;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

const PASSWORD: &str = "amber-quarry-lighthouse-58";

#[tokio::test]
async fn a_created_user_activates_with_the_emailed_link_and_signs_in() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme Staffing", "agency").await;
    let email = unique_email("new");

    let body = json!({"email": email.to_uppercase(), "full_name": " Nia Patel ", "role": "recruiter"});
    let (status, user) = send(&app, Method::POST, "/api/admin/users", &acme.admin_token, Some(body)).await;
    assert_eq!(status, 201, "{user}");
    assert_eq!((user["email"].as_str(), user["full_name"].as_str(), user["status"].as_str()), (Some(email.as_str()), Some("Nia Patel"), Some("pending_activation")));
    assert_eq!(user["roles"], json!(["recruiter"]));
    assert_eq!(user["company"], json!({"id": acme.company, "name": "Acme Staffing", "type": "agency"}));
    assert!(user["last_login_at"].is_null() && user["login_hold_reason"].is_null());
    let id = user["id"].as_str().unwrap().to_string();

    let created = audit_of(&app, "users.create", &id).await;
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].1["changes"]["email"], json!({"before": null, "after": email}));
    assert_eq!(created[0].1["changes"]["roles"], json!({"before": null, "after": ["recruiter"]}));
    let (audit_company,): (Option<uuid::Uuid>,) =
        sqlx::query_as("SELECT company_id FROM audit_log WHERE action = 'users.create'").fetch_one(&app.pool).await.unwrap();
    assert_eq!(audit_company, Some(acme.company.0), "company admins see it in their audit log");

    // No password yet: sign-in is refused whatever is typed.
    let early = app.post_json("/api/auth/login", json!({"email": email, "password": PASSWORD})).await;
    assert_eq!(early.status(), 401);

    let token = app.mail.wait_for_token(&email, "Activate").await;
    let mail = app.mail.messages_to(&email).await;
    assert!(mail.iter().any(|m| m.text.contains("http://frontend.test/activate?token=")), "the link points at the web app");

    // A weak password is refused and the link survives.
    let weak = app.post_json("/api/auth/activate", json!({"token": token, "password": "password1234"})).await;
    assert_eq!(weak.status(), 422);
    assert_eq!(fields(&weak.json::<Value>().await.unwrap()), [("password".to_string(), "password_too_common".to_string())]);
    let done = app.post_json("/api/auth/activate", json!({"token": token, "password": PASSWORD})).await;
    assert_eq!(done.status(), 204);
    let again = app.post_json("/api/auth/activate", json!({"token": token, "password": PASSWORD})).await;
    assert_eq!(again.status(), 400);
    assert_eq!(again.json::<Value>().await.unwrap()["code"], "invalid_or_expired_token");

    let login = app.post_json("/api/auth/login", json!({"email": email, "password": PASSWORD})).await;
    assert_eq!(login.status(), 200);
    let (status, after) = send(&app, Method::GET, &format!("/api/admin/users/{id}"), &acme.admin_token, None).await;
    assert_eq!((status, after["status"].as_str()), (200, Some("active")));
    assert!(after["last_login_at"].is_string());
    assert!(app.audit_rows("auth.activate").await.iter().any(|(o, _)| o == "success"));
    assert!(app.audit_rows("auth.activate").await.iter().any(|(o, _)| o == "failure"));
}

#[tokio::test]
async fn expired_unknown_and_deactivated_links_do_not_activate() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let email = unique_email("late");
    let (_, user) = send(&app, Method::POST, "/api/admin/users", &acme.admin_token, Some(json!({"email": email, "full_name": "Late", "role": "sales"}))).await;
    let token = app.mail.wait_for_token(&email, "Activate").await;

    let unknown = app.post_json("/api/auth/activate", json!({"token": "not-a-token", "password": PASSWORD})).await;
    assert_eq!(unknown.status(), 400);

    // A fresh link can be sent while the user is pending; the old one expires.
    let path = format!("/api/admin/users/{}", user["id"].as_str().unwrap());
    assert_eq!(send(&app, Method::POST, &format!("{path}/resend-activation"), &acme.admin_token, None).await.0, 204);
    let mails = app.mail.wait_for(&email, 2).await;
    assert_eq!(mails.iter().filter(|m| m.subject.contains("Activate")).count(), 2);
    sqlx::query("UPDATE one_time_tokens SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND").execute(&app.pool).await.unwrap();
    let expired = app.post_json("/api/auth/activate", json!({"token": token, "password": PASSWORD})).await;
    assert_eq!(expired.status(), 400);
    assert_eq!(expired.json::<Value>().await.unwrap()["code"], "invalid_or_expired_token");

    // A deactivated user's link does nothing either.
    assert_eq!(send(&app, Method::POST, &format!("{path}/resend-activation"), &acme.admin_token, None).await.0, 204);
    let fresh = app.mail.wait_for_token(&email, "Activate").await;
    assert_ne!(fresh, token);
    assert_eq!(send(&app, Method::DELETE, &path, &acme.admin_token, None).await.0, 204);
    let refused = app.post_json("/api/auth/activate", json!({"token": fresh, "password": PASSWORD})).await;
    assert_eq!(refused.status(), 400);
    let (status,): (String,) = sqlx::query_as("SELECT status FROM users WHERE email = ?").bind(&email).fetch_one(&app.pool).await.unwrap();
    assert_eq!(status, "deactivated");
    let (status, conflict) = send(&app, Method::POST, &format!("{path}/resend-activation"), &acme.admin_token, None).await;
    assert_eq!((status, conflict["code"].as_str()), (409, Some("not_pending_activation")));
    assert_eq!(audit_of(&app, "users.resend_activation", user["id"].as_str().unwrap()).await.len(), 2);
}
