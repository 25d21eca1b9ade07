//! Test support: a real HireOps app per test (fresh database, own queue and
//! Redis prefix) served in-process on a random port, plus clients for the mail
//! catcher and a fake OIDC provider.

pub mod fake_apigw;
pub mod fake_oidc;
pub mod mail_catcher;

use hireops_adapters::queue::{create_with_dlq, SqsQueue};
use hireops_adapters::{aws, mysql};
use hireops_domain::identity::Email;
use hireops_domain::ids::{CompanyId, UserId};
use hireops_domain::ports::{NewUser, PasswordHasher, UserRepository};
use hireops_functions::config::{Config, MailTransportKind, RealtimePushKind};
use hireops_functions::runtime;
pub use hireops_functions::tasks::Consumer;
use hireops_functions::state::AppState;
use mail_catcher::MailCatcher;
use sqlx::MySqlPool;
use std::env;
use uuid::Uuid;

pub const STRONG_PASSWORD: &str = "violet-harbor-telescope-42";

fn env_or(name: &str, default: &str) -> String {
    env::var(name).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| default.to_string())
}

/// A unique address so tests never see each other's mail.
pub fn unique_email(tag: &str) -> String {
    format!("{tag}-{}@example.com", Uuid::new_v4().simple())
}

pub struct TestApp {
    pub base_url: String,
    pub http: reqwest::Client,
    pub state: AppState,
    pub pool: MySqlPool,
    pub mail: MailCatcher,
    pub mail_queue: SqsQueue,
    pub import_queue: SqsQueue,
    pub events_queue: SqsQueue,
    /// Uploaded files to virus-scan.
    pub scan_queue: SqsQueue,
    pub super_admin_email: String,
    pub jwt_public_key: String,
    /// Dropped with the app: the test's queues (and DLQs), and its database
    /// unless the test failed (kept for a look).
    database: String,
    queue_urls: Vec<String>,
}

/// A configuration pointing at the local stack, with everything per-test isolated.
pub async fn test_config(database: &str, mail_queue: &str) -> Config {
    let base = env_or("TEST_DATABASE_URL", "mysql://hireops:hireops@127.0.0.1:3306");
    Config {
        app_env: "test".into(),
        bind_addr: "127.0.0.1:0".into(),
        public_api_url: "http://127.0.0.1:0".into(),
        frontend_url: "http://frontend.test".into(),
        database_url: format!("{base}/{database}"),
        database_max_connections: 10,
        redis_url: env_or("REDIS_URL", "redis://127.0.0.1:6379"),
        redis_key_prefix: format!("test:{}:", Uuid::new_v4().simple()),
        realtime_push: RealtimePushKind::Redis,
        websocket_management_url: None,
        aws_endpoint_url: Some(env_or("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")),
        aws_region: "us-east-1".into(),
        s3_bucket: env_or("S3_BUCKET", "hireops-uploads"),
        queue_mail: mail_queue.into(),
        queue_events: "hireops-events".into(),
        queue_import: "hireops-import".into(),
        queue_scan: "hireops-scan".into(),
        resume_max_bytes: 10 * 1024 * 1024,
        message_attachment_max_bytes: 25 * 1024 * 1024,
        scan_service_token: Some(format!("scanner-{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())),
        public_upload_rate_limit_per_hour: 1000,
        clamd_addr: env_or("CLAMD_ADDR", "127.0.0.1:3310"),
        mail_transport: MailTransportKind::Smtp,
        mail_from: "no-reply@hireops.local".into(),
        smtp_host: env_or("SMTP_HOST", "127.0.0.1"),
        smtp_port: env_or("SMTP_PORT", "1025").parse().expect("SMTP_PORT"),
        smtp_username: None,
        smtp_password: None,
        smtp_tls: "none".into(),
        mail_catcher_url: Some(env_or("MAIL_CATCHER_URL", "http://127.0.0.1:1080")),
        app_secret: format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple()),
        jwt_private_key_pem: String::new(),
        jwt_key_id: "test-key".into(),
        jwt_verify_keys: vec![],
        jwt_issuer: "hireops-test".into(),
        jwt_audience: "hireops-api".into(),
        argon2_memory_kib: 19 * 1024,
        argon2_iterations: 2,
        cookie_secure: true,
        trust_proxy_headers: true,
        auth_rate_limit_per_minute: 1000,
        public_apply_rate_limit_per_hour: 1000,
        bootstrap_superadmin_email: Some(unique_email("root")),
        bootstrap_superadmin_password: Some(STRONG_PASSWORD.into()),
        google_oidc: None,
        outlook_oidc: None,
        run_migrations_on_start: true,
        static_dir: None,
    }
}

/// A fresh Ed25519 key as PKCS#8 PEM, and its raw public key (base64url).
pub fn generate_jwt_pem() -> (String, String) {
    use aws_lc_rs::signature::{Ed25519KeyPair, KeyPair};
    use base64::Engine;
    let doc = Ed25519KeyPair::generate_pkcs8(&aws_lc_rs::rand::SystemRandom::new()).expect("keygen");
    let pair = Ed25519KeyPair::from_pkcs8(doc.as_ref()).expect("parse");
    let b64 = base64::engine::general_purpose::STANDARD.encode(doc.as_ref());
    let lines: Vec<&str> = b64.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).expect("ascii")).collect();
    let pem = format!("-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n", lines.join("\n"));
    (pem, base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(pair.public_key().as_ref()))
}

/// The emulator accepts any credentials; give the SDK's default chain some
/// when the environment has none (plain `cargo test`).
fn local_aws_credentials() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for (name, value) in [("AWS_ACCESS_KEY_ID", "test"), ("AWS_SECRET_ACCESS_KEY", "test")] {
            if env::var_os(name).is_none() {
                // SAFETY: std's environment functions take a process-wide lock, and
                // this runs before any AWS client of the test binary is configured.
                unsafe { env::set_var(name, value) };
            }
        }
    });
}

impl Drop for TestApp {
    /// Leftover queues slow the emulator down for every later test, and
    /// leftover databases pile up; remove both (a failed test keeps its database).
    fn drop(&mut self) {
        let urls = std::mem::take(&mut self.queue_urls);
        let database = (!std::thread::panicking()).then(|| self.database.clone());
        let cleanup = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
            rt.block_on(async move {
                let sdk = aws::sdk_config(Some(&env_or("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")), "us-east-1").await;
                let sqs = aws_sdk_sqs::Client::new(&sdk);
                for url in urls {
                    let _ = sqs.delete_queue().queue_url(url).send().await;
                }
                if let Some(db) = database {
                    let base = env_or("TEST_DATABASE_URL", "mysql://hireops:hireops@127.0.0.1:3306");
                    if let Ok(admin) = mysql::connect(&format!("{base}/hireops"), 1).await {
                        // The test's runtime is blocked on this join, so a worker of the app
                        // caught mid-transaction never commits and holds its tables' metadata
                        // lock: wait a few seconds at most, then leave the database behind.
                        if let Ok(mut conn) = admin.acquire().await {
                            let _ = sqlx::query("SET SESSION lock_wait_timeout = 5").execute(&mut *conn).await;
                            if let Err(e) = sqlx::query(&format!("DROP DATABASE IF EXISTS `{db}`")).execute(&mut *conn).await {
                                eprintln!("test database {db} left behind: {e}");
                            }
                        }
                        admin.close().await;
                    }
                }
            });
        });
        let _ = cleanup.join();
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(customize: impl FnOnce(&mut Config)) -> Self {
        Self::spawn_custom(customize, |_| true).await
    }

    /// An app whose local workers poll only the queues `consumers` picks.
    pub async fn spawn_with_consumers(consumers: impl Fn(Consumer) -> bool) -> Self {
        Self::spawn_custom(|_| {}, consumers).await
    }

    async fn spawn_custom(customize: impl FnOnce(&mut Config), consumers: impl Fn(Consumer) -> bool) -> Self {
        local_aws_credentials();
        let database = format!("hireops_test_{}", Uuid::new_v4().simple());
        let base = env_or("TEST_DATABASE_URL", "mysql://hireops:hireops@127.0.0.1:3306");
        let admin = mysql::connect(&format!("{base}/hireops"), 1).await.expect("database pool");
        sqlx::query(&format!("CREATE DATABASE `{database}`")).execute(&admin).await.expect("create the test database (is the local stack up?)");
        admin.close().await;

        let sdk = aws::sdk_config(Some(&env_or("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")), "us-east-1").await;
        let sqs = aws_sdk_sqs::Client::new(&sdk);
        let run = Uuid::new_v4().simple().to_string();
        let mail_queue = create_with_dlq(sqs.clone(), &format!("hireops-test-mail-{run}"), 3, 2).await.expect("create the test mail queue");
        let events_queue = create_with_dlq(sqs.clone(), &format!("hireops-test-events-{run}"), 3, 2).await.expect("create the test events queue");
        let import_queue = create_with_dlq(sqs.clone(), &format!("hireops-test-import-{run}"), 3, 30).await.expect("create the test import queue");
        let scan_queue = create_with_dlq(sqs, &format!("hireops-test-scan-{run}"), 3, 2).await.expect("create the test scan queue");

        let mut config = test_config(&database, mail_queue.url()).await;
        config.queue_events = events_queue.url().to_string();
        config.queue_import = import_queue.url().to_string();
        config.queue_scan = scan_queue.url().to_string();
        let (pem, public_key) = generate_jwt_pem();
        config.jwt_private_key_pem = pem;
        customize(&mut config);
        let super_admin_email = config.bootstrap_superadmin_email.clone().unwrap_or_default();
        let mail = MailCatcher::new(config.mail_catcher_url.clone().expect("mail catcher url"));

        let state = AppState::build(config).await.expect("build the app");
        state.prepare_database().await.expect("migrate the test database");
        runtime::local::spawn_consumers(state.clone(), consumers).await.expect("start workers");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base_url = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(runtime::local::serve(listener, state.clone()));
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        let queue_urls: Vec<String> = [mail_queue.url(), events_queue.url(), import_queue.url(), scan_queue.url()].iter().flat_map(|u| [u.to_string(), format!("{u}-dlq")]).collect();
        Self { base_url, http, pool: state.pool.clone(), state, mail, mail_queue, import_queue, events_queue, scan_queue, super_admin_email, jwt_public_key: public_key, database, queue_urls }
    }

    /// A second `local` server over the same database, Redis prefix and
    /// queues, like another process of the same deployment; its base URL.
    pub async fn spawn_peer(&self) -> String {
        let state = AppState::build((*self.state.config).clone()).await.expect("build the peer");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base_url = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(runtime::local::serve(listener, state));
        base_url
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    pub async fn post_json(&self, path: &str, body: serde_json::Value) -> reqwest::Response {
        self.http.post(self.url(path)).json(&body).send().await.expect("request")
    }

    pub async fn post_json_from(&self, ip: &str, path: &str, body: serde_json::Value) -> reqwest::Response {
        self.http.post(self.url(path)).header("x-forwarded-for", ip).json(&body).send().await.expect("request")
    }

    pub async fn get_with_token(&self, path: &str, token: &str) -> reqwest::Response {
        self.http.get(self.url(path)).bearer_auth(token).send().await.expect("request")
    }

    /// Create a user directly (the admin API arrives with the tenancy issue).
    pub async fn create_user(&self, email: &str, role: &str, company: Option<CompanyId>) -> UserId {
        let users = mysql::MySqlUsers::new(self.pool.clone());
        let hasher = hireops_adapters::security::Argon2Hasher::new(19 * 1024, 2).expect("hasher");
        let id = UserId::new();
        users
            .create(NewUser {
                id,
                email: Email::parse(email).expect("email"),
                full_name: "Test User".into(),
                password_hash: Some(hasher.hash(STRONG_PASSWORD).await.expect("hash")),
                status: hireops_domain::identity::UserStatus::Active,
                company_id: company,
                roles: vec![role.to_string()],
            })
            .await
            .expect("create user");
        id
    }

    pub async fn create_company(&self, name: &str, kind: &str) -> CompanyId {
        let id = CompanyId::new();
        sqlx::query("INSERT INTO companies (id, name, company_type, created_at, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
            .bind(id.0)
            .bind(name)
            .bind(kind)
            .execute(&self.pool)
            .await
            .expect("insert company");
        id
    }

    /// Password + emailed code: the admin sign-in, returning the token answer.
    pub async fn sign_in_admin(&self, email: &str) -> serde_json::Value {
        let seen = self.mail.codes(email).await.len();
        let first: serde_json::Value = self.post_json("/api/auth/login", serde_json::json!({"email": email, "password": STRONG_PASSWORD})).await.json().await.expect("json");
        assert_eq!(first["require_2fa"], true, "{first}");
        let code = self.mail.wait_for_code(email, seen).await;
        let second = self.post_json("/api/auth/2fa/verify", serde_json::json!({"challenge_id": first["challenge_id"], "code": code})).await;
        assert_eq!(second.status(), 200);
        second.json().await.expect("json")
    }

    /// The admin sign-in when the mail worker is off: the code is read from the
    /// queued mail instead of the mail catcher.
    pub async fn sign_in_admin_from_queue(&self, email: &str) -> String {
        use hireops_domain::mail::{MailMessage, OutgoingMail};
        let first: serde_json::Value = self.post_json("/api/auth/login", serde_json::json!({"email": email, "password": STRONG_PASSWORD})).await.json().await.expect("json");
        assert_eq!(first["require_2fa"], true, "{first}");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let code = loop {
            let found = self.mail_queue.receive(10, 1).await.expect("receive").into_iter().find_map(|m| {
                match serde_json::from_str::<OutgoingMail>(&m.body).ok()? {
                    OutgoingMail { to, message: MailMessage::TwoFactorCode { code, .. }, .. } if to.as_str() == email => Some(code),
                    _ => None,
                }
            });
            if let Some(code) = found {
                break code;
            }
            assert!(std::time::Instant::now() < deadline, "no sign-in code queued for {email}");
        };
        let second = self.post_json("/api/auth/2fa/verify", serde_json::json!({"challenge_id": first["challenge_id"], "code": code})).await;
        assert_eq!(second.status(), 200);
        let tokens: serde_json::Value = second.json().await.expect("json");
        tokens["access_token"].as_str().expect("access token").to_string()
    }

    /// Password sign-in for a user without 2FA.
    pub async fn sign_in(&self, email: &str) -> serde_json::Value {
        let r = self.post_json("/api/auth/login", serde_json::json!({"email": email, "password": STRONG_PASSWORD})).await;
        assert_eq!(r.status(), 200);
        r.json().await.expect("json")
    }

    /// Rows of the audit log with this action, oldest first, as (outcome, details).
    pub async fn audit_rows(&self, action: &str) -> Vec<(String, serde_json::Value)> {
        let rows: Vec<(String, sqlx::types::Json<serde_json::Value>)> =
            sqlx::query_as("SELECT outcome, details FROM audit_log WHERE action = ? ORDER BY occurred_at, id").bind(action).fetch_all(&self.pool).await.expect("audit");
        rows.into_iter().map(|(o, d)| (o, d.0)).collect()
    }
}
