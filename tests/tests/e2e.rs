//! End to end against a running `local` bin, as a client would use it.
//! `scripts/test` starts the bin and runs these with `--ignored`.

use hireops_tests::mail_catcher::MailCatcher;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is set by scripts/test"))
}

async fn wait_healthy(http: &reqwest::Client, base: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Ok(r) = http.get(format!("{base}/api/health")).send().await {
            if r.status() == 200 {
                return r.json().await.unwrap();
            }
        }
        assert!(Instant::now() < deadline, "the local bin never became healthy");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

async fn post(http: &reqwest::Client, url: String, body: Value) -> Value {
    http.post(url).json(&body).send().await.expect("request").json().await.expect("json")
}

#[tokio::test]
#[ignore = "needs the running local bin; scripts/test runs it"]
async fn the_local_bin_serves_health_docs_and_an_admin_sign_in() {
    let base = var("E2E_BASE_URL");
    let http = reqwest::Client::new();
    let health = wait_healthy(&http, &base).await;
    assert_eq!(health["status"], "ok", "{health}");

    let docs = http.get(format!("{base}/api/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), 200);
    let openapi: Value = http.get(format!("{base}/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(openapi["info"]["title"], "HireOps API");

    // The bootstrapped super admin signs in with the emailed code, read from the mail catcher.
    let email = var("E2E_SUPERADMIN_EMAIL");
    let mail = MailCatcher::new(var("E2E_MAIL_CATCHER_URL"));
    let seen = mail.codes(&email).await.len();
    let first = post(&http, format!("{base}/api/auth/login"), json!({"email": email, "password": var("E2E_SUPERADMIN_PASSWORD")})).await;
    assert_eq!(first["require_2fa"], true, "{first}");
    let code = mail.wait_for_code(&email, seen).await;
    let tokens = post(&http, format!("{base}/api/auth/2fa/verify"), json!({"challenge_id": first["challenge_id"], "code": code})).await;
    let me: Value = http.get(format!("{base}/api/me")).bearer_auth(tokens["access_token"].as_str().unwrap()).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["roles"], json!(["super_admin"]));

    // Leave nothing behind: the run's database goes.
    use sqlx::migrate::MigrateDatabase;
    sqlx::MySql::drop_database(&var("E2E_DATABASE_URL")).await.expect("drop the e2e database");
}
