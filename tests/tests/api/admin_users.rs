use crate::admin_support::*;
use hireops_tests::{unique_email, TestApp, STRONG_PASSWORD};
use reqwest::Method;
use serde_json::{json, Value};

async fn user_id(app: &TestApp, email: &str) -> String {
    let (id,): (uuid::Uuid,) = sqlx::query_as("SELECT id FROM users WHERE email = ?").bind(email).fetch_one(&app.pool).await.unwrap();
    id.to_string()
}

async fn login(app: &TestApp, email: &str) -> reqwest::Response {
    app.post_json("/api/auth/login", json!({"email": email, "password": STRONG_PASSWORD})).await
}

async fn refresh(app: &TestApp, tokens: &Value) -> reqwest::Response {
    app.post_json("/api/auth/refresh", json!({"refresh_token": tokens["refresh_token"]})).await
}

#[tokio::test]
async fn creation_is_scoped_checked_and_writes_nothing_when_refused() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let rival = tenant(&app, "Rival", "agency").await;
    let users = "SELECT COUNT(*) FROM users";
    let before = count(&app, users).await;
    let create = |body: Value| {
        let token = acme.admin_token.clone();
        let app = &app;
        async move { send(app, Method::POST, "/api/admin/users", &token, Some(body)).await }
    };

    let (status, p) = create(json!({"email": "nope", "full_name": "", "role": ""})).await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&p),
        [("email".to_string(), "invalid_email".to_string()), ("full_name".to_string(), "invalid_length".to_string()), ("role".to_string(), "required".to_string())]
    );
    let email = unique_email("u");
    let (status, p) = create(json!({"email": email, "full_name": "U", "role": "wizard"})).await;
    assert_eq!((status, fields(&p)), (422, vec![("role".to_string(), "unknown_role".to_string())]));
    for wrong in ["hiring_manager", "super_admin", "candidate"] {
        let (status, p) = create(json!({"email": email, "full_name": "U", "role": wrong})).await;
        assert_eq!((status, fields(&p)), (422, vec![("role".to_string(), "unknown_role".to_string())]), "{wrong}");
    }
    let (status, p) = create(json!({"email": email, "full_name": "U", "role": "recruiter", "company_id": rival.company})).await;
    assert_eq!((status, fields(&p)), (422, vec![("company_id".to_string(), "other_company".to_string())]));
    // Another company's custom role is unknown here.
    send(&app, Method::POST, "/api/admin/roles", &rival.admin_token, Some(json!({"name": "Scout", "permissions": ["jobs:read"]}))).await;
    let (status, p) = create(json!({"email": email, "full_name": "U", "role": "Scout"})).await;
    assert_eq!((status, fields(&p)), (422, vec![("role".to_string(), "unknown_role".to_string())]));
    let (status, p) = create(json!({"email": rival.admin_email, "full_name": "Dup", "role": "recruiter"})).await;
    assert_eq!((status, p["code"].as_str()), (409, Some("email_taken")));

    // The super admin must name an existing company.
    let root = root_token(&app).await;
    let (status, p) = send(&app, Method::POST, "/api/admin/users", &root, Some(json!({"email": email, "full_name": "U", "role": "recruiter"}))).await;
    assert_eq!((status, fields(&p)), (422, vec![("company_id".to_string(), "required".to_string())]));
    let body = json!({"email": email, "full_name": "U", "role": "recruiter", "company_id": uuid::Uuid::now_v7()});
    let (status, p) = send(&app, Method::POST, "/api/admin/users", &root, Some(body)).await;
    assert_eq!((status, fields(&p)), (422, vec![("company_id".to_string(), "unknown_company".to_string())]));
    assert_eq!(count(&app, users).await, before, "nothing was written");
    assert!(app.audit_rows("users.create").await.is_empty());

    // A narrower admin can't hand out a role holding more than they have.
    send(&app, Method::POST, "/api/admin/roles", &acme.admin_token, Some(json!({"name": "Onboarder", "permissions": ["users:create", "users:read", "jobs:read"]})))
        .await;
    let onboarder = unique_email("onb");
    app.create_user(&onboarder, "Onboarder", Some(acme.company)).await;
    let onboarder_token = token(&app.sign_in_admin(&onboarder).await);
    let (status, p) = send(&app, Method::POST, "/api/admin/users", &onboarder_token, Some(json!({"email": email, "full_name": "U", "role": "recruiter"}))).await;
    assert_eq!((status, fields(&p)), (422, vec![("role".to_string(), "role_not_grantable".to_string())]));
    let (status, _) = send(&app, Method::POST, "/api/admin/users", &onboarder_token, Some(json!({"email": email, "full_name": "U", "role": "Onboarder"}))).await;
    assert_eq!(status, 201);

    // The super admin creates a company admin.
    let boss = unique_email("boss");
    let body = json!({"email": boss, "full_name": "Boss", "role": "agency_admin", "company_id": rival.company});
    let (status, made) = send(&app, Method::POST, "/api/admin/users", &root, Some(body)).await;
    assert_eq!((status, made["company"]["id"].as_str()), (201, Some(rival.company.to_string().as_str())));

    // Without the permission, or a token.
    let recruiter = unique_email("rec");
    app.create_user(&recruiter, "recruiter", Some(acme.company)).await;
    let recruiter_token = token(&app.sign_in(&recruiter).await);
    let body = json!({"email": unique_email("x"), "full_name": "X", "role": "recruiter"});
    assert_eq!(call(&app, Method::POST, "/api/admin/users", Some(&recruiter_token), Some(body.clone())).await.status(), 403);
    assert_eq!(call(&app, Method::GET, "/api/admin/users", Some(&recruiter_token), None).await.status(), 403);
    assert_eq!(call(&app, Method::POST, "/api/admin/users", None, Some(body)).await.status(), 401);
}

#[tokio::test]
async fn other_companies_users_are_not_found() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let rival = tenant(&app, "Rival", "agency").await;
    let theirs = unique_email("theirs");
    app.create_user(&theirs, "recruiter", Some(rival.company)).await;
    let path = format!("/api/admin/users/{}", user_id(&app, &theirs).await);
    let t = &acme.admin_token;
    for (method, suffix, body) in [
        (Method::GET, "", None),
        (Method::PATCH, "", Some(json!({"full_name": "Hijacked"}))),
        (Method::DELETE, "", None),
        (Method::POST, "/hold-login", Some(json!({"reason": "x"}))),
        (Method::DELETE, "/hold-login", None),
        (Method::POST, "/unlock", None),
        (Method::POST, "/reactivate", None),
        (Method::POST, "/resend-activation", None),
    ] {
        let (status, _) = send(&app, method.clone(), &format!("{path}{suffix}"), t, body).await;
        assert_eq!(status, 404, "{method} {suffix}");
    }
    assert_eq!(send(&app, Method::GET, "/api/admin/users/not-a-uuid", t, None).await.0, 400);
    let (name, status): (String, String) = sqlx::query_as("SELECT full_name, status FROM users WHERE email = ?").bind(&theirs).fetch_one(&app.pool).await.unwrap();
    assert_eq!((name.as_str(), status.as_str()), ("Test User", "active"));
    login(&app, &theirs).await.error_for_status().unwrap();
}

#[tokio::test]
async fn the_user_list_filters_and_pages_within_the_company() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let rival = tenant(&app, "Rival", "agency").await;
    for (name, role) in [("Ann Archer", "recruiter"), ("Ben Baker", "recruiter"), ("Cy Cole", "sales")] {
        let email = unique_email(&name.to_lowercase().replace(' ', "."));
        let (status, _) = send(&app, Method::POST, "/api/admin/users", &acme.admin_token, Some(json!({"email": email, "full_name": name, "role": role}))).await;
        assert_eq!(status, 201);
    }
    app.create_user(&unique_email("rival.rec"), "recruiter", Some(rival.company)).await;

    let list = |query: &str| {
        let path = format!("/api/admin/users{query}");
        let token = acme.admin_token.clone();
        let app = &app;
        async move {
            let (status, body) = send(app, Method::GET, &path, &token, None).await;
            assert_eq!(status, 200, "{path}: {body}");
            body
        }
    };
    let all = list("").await;
    assert_eq!(all["total"], 4, "three created plus the admin, nobody from the rival");
    assert_eq!(all["items"][0]["full_name"], "Cy Cole", "newest first");
    let recruiters = list("?role=recruiter&per_page=1").await;
    assert_eq!((recruiters["total"].as_u64(), recruiters["items"].as_array().unwrap().len()), (Some(2), 1));
    assert_eq!(recruiters["items"][0]["full_name"], "Ben Baker");
    assert_eq!(list("?role=recruiter&per_page=1&page=2").await["items"][0]["full_name"], "Ann Archer");
    assert_eq!(list("?q=ARCHER").await["total"], 1);
    assert_eq!(list("?q=cy.cole").await["total"], 1, "matches the email too");
    assert_eq!(list("?status=pending_activation").await["total"], 3);
    assert_eq!(list("?status=active").await["total"], 1);
    assert_eq!(list(&format!("?company_id={}", rival.company)).await["total"], 0, "a company admin can't look elsewhere");
    assert_eq!(send(&app, Method::GET, "/api/admin/users?status=sleeping", &acme.admin_token, None).await.0, 422);

    let root = root_token(&app).await;
    let (_, rivals) = send(&app, Method::GET, &format!("/api/admin/users?company_id={}", rival.company), &root, None).await;
    assert_eq!(rivals["total"], 2);
}

#[tokio::test]
async fn a_role_change_is_checked_and_audited_with_a_diff() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let email = unique_email("rec");
    app.create_user(&email, "recruiter", Some(acme.company)).await;
    let id = user_id(&app, &email).await;
    let path = format!("/api/admin/users/{id}");

    let (status, user) = send(&app, Method::PATCH, &path, &acme.admin_token, Some(json!({"role": "manager", "full_name": "Rae Rivers"}))).await;
    assert_eq!(status, 200, "{user}");
    assert_eq!((user["roles"].clone(), user["full_name"].as_str()), (json!(["manager"]), Some("Rae Rivers")));
    let rows = audit_of(&app, "users.update", &id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["changes"]["roles"], json!({"before": ["recruiter"], "after": ["manager"]}));
    assert_eq!(rows[0].1["changes"]["full_name"], json!({"before": "Test User", "after": "Rae Rivers"}));
    let me: Value = app.get_with_token("/api/me", &token(&app.sign_in(&email).await)).await.json().await.unwrap();
    assert_eq!(me["roles"], json!(["manager"]));

    let (status, p) = send(&app, Method::PATCH, &path, &acme.admin_token, Some(json!({"role": "interviewer"}))).await;
    assert_eq!((status, fields(&p)), (422, vec![("role".to_string(), "unknown_role".to_string())]));
    let (status, _) = send(&app, Method::PATCH, &path, &acme.admin_token, Some(json!({"full_name": " "}))).await;
    assert_eq!(status, 422);
    let own = format!("/api/admin/users/{}", user_id(&app, &acme.admin_email).await);
    let (status, p) = send(&app, Method::PATCH, &own, &acme.admin_token, Some(json!({"role": "recruiter"}))).await;
    assert_eq!((status, p["code"].as_str()), (409, Some("cannot_change_own_role")));
    assert_eq!(audit_of(&app, "users.update", &id).await.len(), 1, "refusals change nothing");
    let (_, still) = send(&app, Method::GET, &path, &acme.admin_token, None).await;
    assert_eq!(still["roles"], json!(["manager"]));

    // Someone holding only users:update can't touch a full admin.
    send(&app, Method::POST, "/api/admin/roles", &acme.admin_token, Some(json!({"name": "Helpdesk", "permissions": ["users:read", "users:update"]}))).await;
    let helpdesk = unique_email("help");
    app.create_user(&helpdesk, "Helpdesk", Some(acme.company)).await;
    let helpdesk_token = token(&app.sign_in_admin(&helpdesk).await);
    let (status, p) = send(&app, Method::PATCH, &own, &helpdesk_token, Some(json!({"full_name": "Demoted"}))).await;
    assert_eq!((status, p["code"].as_str()), (403, Some("user_not_manageable")));
}

#[tokio::test]
async fn deactivation_ends_every_session_and_keeps_history() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let email = unique_email("leaver");
    app.create_user(&email, "recruiter", Some(acme.company)).await;
    let laptop = app.sign_in(&email).await;
    let phone = app.sign_in(&email).await;
    let id = user_id(&app, &email).await;
    let path = format!("/api/admin/users/{id}");

    assert_eq!(send(&app, Method::DELETE, &path, &acme.admin_token, None).await.0, 204);
    assert_eq!(app.get_with_token("/api/me", &token(&laptop)).await.status(), 401);
    assert_eq!(refresh(&app, &laptop).await.status(), 401);
    assert_eq!(refresh(&app, &phone).await.status(), 401);
    let r = login(&app, &email).await;
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "account_disabled");
    let (_, user) = send(&app, Method::GET, &path, &acme.admin_token, None).await;
    assert_eq!(user["status"], "deactivated", "the account stays, switched off");
    assert_eq!(send(&app, Method::DELETE, &path, &acme.admin_token, None).await.0, 204, "repeating is harmless");
    let rows = audit_of(&app, "users.deactivate", &id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["changes"]["status"], json!({"before": "active", "after": "deactivated"}));

    let own = format!("/api/admin/users/{}", user_id(&app, &acme.admin_email).await);
    let (status, p) = send(&app, Method::DELETE, &own, &acme.admin_token, None).await;
    assert_eq!((status, p["code"].as_str()), (409, Some("cannot_deactivate_self")));

    assert_eq!(send(&app, Method::POST, &format!("{path}/reactivate"), &acme.admin_token, None).await.0, 204);
    login(&app, &email).await.error_for_status().unwrap();
    assert_eq!(audit_of(&app, "users.reactivate", &id).await.len(), 1);
}

#[tokio::test]
async fn a_login_hold_blocks_sign_in_and_refresh_until_released() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let email = unique_email("held");
    app.create_user(&email, "recruiter", Some(acme.company)).await;
    let session = app.sign_in(&email).await;
    let id = user_id(&app, &email).await;
    let hold = format!("/api/admin/users/{id}/hold-login");

    let (status, p) = send(&app, Method::POST, &hold, &acme.admin_token, Some(json!({"reason": "  "}))).await;
    assert_eq!((status, fields(&p)), (422, vec![("reason".to_string(), "invalid_length".to_string())]));
    assert_eq!(refresh(&app, &session).await.status(), 200, "a refused hold changes nothing");
    let session = app.sign_in(&email).await;

    assert_eq!(send(&app, Method::POST, &hold, &acme.admin_token, Some(json!({"reason": "Laptop stolen"}))).await.0, 204);
    assert_eq!(app.get_with_token("/api/me", &token(&session)).await.status(), 401);
    assert_eq!(refresh(&app, &session).await.status(), 401);
    let r = login(&app, &email).await;
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "login_on_hold");
    let (_, user) = send(&app, Method::GET, &format!("/api/admin/users/{id}"), &acme.admin_token, None).await;
    assert_eq!(user["login_hold_reason"], "Laptop stolen");
    let own = format!("/api/admin/users/{}/hold-login", user_id(&app, &acme.admin_email).await);
    let (status, p) = send(&app, Method::POST, &own, &acme.admin_token, Some(json!({"reason": "oops"}))).await;
    assert_eq!((status, p["code"].as_str()), (409, Some("cannot_hold_self")));

    assert_eq!(send(&app, Method::DELETE, &hold, &acme.admin_token, None).await.0, 204);
    let again = app.sign_in(&email).await;
    assert_eq!(refresh(&app, &again).await.status(), 200);
    let held = audit_of(&app, "users.hold_login", &id).await;
    assert_eq!(held[0].1["changes"]["login_hold_reason"], json!({"before": null, "after": "Laptop stolen"}));
    assert_eq!(audit_of(&app, "users.release_login", &id).await.len(), 1);
}

#[tokio::test]
async fn an_admin_unlocks_a_locked_out_user() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let email = unique_email("locked");
    app.create_user(&email, "recruiter", Some(acme.company)).await;
    let id = user_id(&app, &email).await;
    for _ in 0..5 {
        let r = app.post_json("/api/auth/login", json!({"email": email, "password": "wrong-password-entirely"})).await;
        assert_eq!(r.status(), 401);
    }
    let r = login(&app, &email).await;
    assert_eq!(r.status(), 429, "the right password waits out the lock");
    let (_, user) = send(&app, Method::GET, &format!("/api/admin/users/{id}"), &acme.admin_token, None).await;
    assert!(user["locked_until"].is_string());

    let recruiter = unique_email("rec");
    app.create_user(&recruiter, "recruiter", Some(acme.company)).await;
    let recruiter_token = token(&app.sign_in(&recruiter).await);
    assert_eq!(send(&app, Method::POST, &format!("/api/admin/users/{id}/unlock"), &recruiter_token, None).await.0, 403);

    assert_eq!(send(&app, Method::POST, &format!("/api/admin/users/{id}/unlock"), &acme.admin_token, None).await.0, 204);
    login(&app, &email).await.error_for_status().unwrap();
    let rows = audit_of(&app, "users.unlock", &id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["failed_login_count"], 5);
    let _ = STRONG_PASSWORD;
}
