use hireops_functions::config::OidcSettings;
use hireops_tests::fake_oidc::FakeOidc;
use hireops_tests::{unique_email, TestApp};
use serde_json::Value;

async fn app_with(fake: &FakeOidc) -> TestApp {
    let (issuer, client_id, client_secret) = (fake.issuer.clone(), fake.client_id.clone(), fake.client_secret.clone());
    let redirect_base = fake.redirect_uri.trim_end_matches("/api/auth/sso/google/callback").to_string();
    TestApp::spawn_with(move |c| {
        c.public_api_url = redirect_base;
        c.google_oidc = Some(OidcSettings { issuer_url: issuer, client_id, client_secret });
    })
    .await
}

/// Start, let the fake provider authorize, and come back with its code and state.
async fn callback(app: &TestApp, keep_cookie: bool) -> reqwest::Response {
    let start = app.http.get(app.url("/api/auth/sso/google/start")).send().await.unwrap();
    assert_eq!(start.status(), 303);
    let cookie = start.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let to_provider = start.headers()["location"].to_str().unwrap().to_string();
    assert!(to_provider.contains("code_challenge_method=S256") && to_provider.contains("nonce="));
    let back = app.http.get(&to_provider).send().await.unwrap();
    let location = url::Url::parse(back.headers()["location"].to_str().unwrap()).unwrap();
    let query = location.query().unwrap().to_string();
    let mut request = app.http.get(app.url(&format!("/api/auth/sso/google/callback?{query}"))).header("accept", "application/json");
    if keep_cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn an_existing_account_signs_in_and_is_linked() {
    let fake = FakeOidc::start().await;
    let app = app_with(&fake).await;
    let email = unique_email("sso");
    app.create_user(&email, "candidate", None).await;
    fake.set_next_identity("google-sub-1", &email, true);
    let r = callback(&app, true).await;
    assert_eq!(r.status(), 200);
    let tokens: Value = r.json().await.unwrap();
    let me: Value = app.get_with_token("/api/me", tokens["access_token"].as_str().unwrap()).await.json().await.unwrap();
    assert_eq!(me["email"], email);

    // Later sign-ins match by subject, even if the provider's email changed.
    fake.set_next_identity("google-sub-1", &unique_email("renamed"), true);
    assert_eq!(callback(&app, true).await.status(), 200);
}

#[tokio::test]
async fn unknown_or_unverified_identities_are_refused_and_nothing_is_created() {
    let fake = FakeOidc::start().await;
    let app = app_with(&fake).await;
    let stranger = unique_email("stranger");
    fake.set_next_identity("google-sub-2", &stranger, true);
    let r = callback(&app, true).await;
    assert_eq!(r.status(), 403);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "sso_account_not_found");
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = ?").bind(&stranger).fetch_one(&app.pool).await.unwrap();
    assert_eq!(count, 0);

    let unverified = unique_email("unverified");
    app.create_user(&unverified, "candidate", None).await;
    fake.set_next_identity("google-sub-3", &unverified, false);
    assert_eq!(callback(&app, true).await.status(), 403);
    assert!(app.audit_rows("auth.sso").await.iter().all(|(o, _)| o == "failure"));
}

#[tokio::test]
async fn a_callback_without_the_browser_state_is_refused() {
    let fake = FakeOidc::start().await;
    let app = app_with(&fake).await;
    let email = unique_email("sso");
    app.create_user(&email, "candidate", None).await;
    fake.set_next_identity("google-sub-4", &email, true);
    let r = callback(&app, false).await;
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "sso_state_mismatch");
}

#[tokio::test]
async fn unconfigured_providers_are_404() {
    let app = TestApp::spawn().await;
    assert_eq!(app.http.get(app.url("/api/auth/sso/google/start")).send().await.unwrap().status(), 404);
    assert_eq!(app.http.get(app.url("/api/auth/sso/nope/start")).send().await.unwrap().status(), 404);
}
