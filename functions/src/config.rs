//! Configuration, from the environment only (a `.env` file is read locally).
//! Every variable is documented in `.env.example` and `docs/configuration.md`.

use anyhow::{Context, Result};
use std::env;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MailTransportKind {
    Smtp,
    Ses,
}

/// How real-time events reach sockets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RealtimePushKind {
    /// Redis pub/sub to every `local` process's `GET /ws` (local and tests).
    Redis,
    /// The API Gateway WebSocket's management API (the cloud).
    ApiGateway,
}

#[derive(Clone, Debug)]
pub struct OidcSettings {
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: String,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub app_env: String,
    pub bind_addr: String,
    pub public_api_url: String,
    pub frontend_url: String,
    pub database_url: String,
    pub database_max_connections: u32,
    pub redis_url: String,
    pub redis_key_prefix: String,
    pub realtime_push: RealtimePushKind,
    /// The WebSocket stage's management endpoint,
    /// `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`; required
    /// with [`RealtimePushKind::ApiGateway`].
    pub websocket_management_url: Option<String>,
    pub aws_endpoint_url: Option<String>,
    pub aws_region: String,
    pub s3_bucket: String,
    pub queue_mail: String,
    /// Domain events (notifications and emails react to them).
    pub queue_events: String,
    /// CSV user imports, processed row by row.
    pub queue_import: String,
    /// Uploaded files waiting for the virus scan (also fed by S3 ObjectCreated events).
    pub queue_scan: String,
    /// Largest resume or candidate document accepted, in bytes.
    pub resume_max_bytes: u64,
    /// Largest message attachment, in bytes.
    pub message_attachment_max_bytes: u64,
    /// The credential an external scanner presents to `…/scan-complete`;
    /// `None` refuses every such call.
    pub scan_service_token: Option<String>,
    /// Public resume upload presigns per IP and hour.
    pub public_upload_rate_limit_per_hour: u32,
    pub clamd_addr: String,
    pub mail_transport: MailTransportKind,
    pub mail_from: String,
    pub smtp_host: String,
    pub smtp_port: u16,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<String>,
    pub smtp_tls: String,
    pub mail_catcher_url: Option<String>,
    pub app_secret: String,
    pub jwt_private_key_pem: String,
    pub jwt_key_id: String,
    pub jwt_verify_keys: Vec<String>,
    pub jwt_issuer: String,
    pub jwt_audience: String,
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    pub cookie_secure: bool,
    pub trust_proxy_headers: bool,
    pub auth_rate_limit_per_minute: u32,
    /// Public job applications per IP and hour.
    pub public_apply_rate_limit_per_hour: u32,
    pub bootstrap_superadmin_email: Option<String>,
    pub bootstrap_superadmin_password: Option<String>,
    pub google_oidc: Option<OidcSettings>,
    pub outlook_oidc: Option<OidcSettings>,
    pub run_migrations_on_start: bool,
    pub static_dir: Option<String>,
}

fn var(name: &str) -> Option<String> {
    env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

fn required(name: &str) -> Result<String> {
    var(name).with_context(|| format!("environment variable {name} is required (see .env.example)"))
}

fn or(name: &str, default: &str) -> String {
    var(name).unwrap_or_else(|| default.to_string())
}

fn parsed<T: std::str::FromStr>(name: &str, default: T) -> Result<T>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        Some(v) => v.parse().map_err(|e| anyhow::anyhow!("{name}: {e}")),
        None => Ok(default),
    }
}

fn oidc(prefix: &str) -> Option<OidcSettings> {
    Some(OidcSettings {
        issuer_url: var(&format!("{prefix}_OIDC_ISSUER_URL"))?,
        client_id: var(&format!("{prefix}_OIDC_CLIENT_ID"))?,
        client_secret: var(&format!("{prefix}_OIDC_CLIENT_SECRET"))?,
    })
}

impl Config {
    /// Read `.env` (if present, without overriding real variables) and the environment.
    pub fn from_env() -> Result<Self> {
        let _ = dotenvy::dotenv();
        let mail_transport = match or("MAIL_TRANSPORT", "smtp").as_str() {
            "smtp" => MailTransportKind::Smtp,
            "ses" => MailTransportKind::Ses,
            other => anyhow::bail!("MAIL_TRANSPORT must be smtp or ses, not {other}"),
        };
        let realtime_push = match or("REALTIME_PUSH", "redis").as_str() {
            "redis" => RealtimePushKind::Redis,
            "apigateway" => RealtimePushKind::ApiGateway,
            other => anyhow::bail!("REALTIME_PUSH must be redis or apigateway, not {other}"),
        };
        let websocket_management_url = var("WEBSOCKET_MANAGEMENT_URL");
        if realtime_push == RealtimePushKind::ApiGateway && websocket_management_url.is_none() {
            anyhow::bail!("REALTIME_PUSH=apigateway needs WEBSOCKET_MANAGEMENT_URL (see .env.example)");
        }
        let public_api_url = or("PUBLIC_API_URL", "http://127.0.0.1:8080");
        Ok(Self {
            app_env: or("APP_ENV", "local"),
            bind_addr: or("HIREOPS_BIND", "127.0.0.1:8080"),
            frontend_url: or("FRONTEND_URL", &public_api_url),
            public_api_url,
            database_url: required("DATABASE_URL")?,
            database_max_connections: parsed("DATABASE_MAX_CONNECTIONS", 10)?,
            redis_url: or("REDIS_URL", "redis://127.0.0.1:6379"),
            redis_key_prefix: or("REDIS_KEY_PREFIX", "hireops:"),
            realtime_push,
            websocket_management_url,
            aws_endpoint_url: var("AWS_ENDPOINT_URL"),
            aws_region: or("AWS_REGION", "us-east-1"),
            s3_bucket: or("S3_BUCKET", "hireops-uploads"),
            queue_mail: or("QUEUE_MAIL", "hireops-mail"),
            queue_events: or("QUEUE_EVENTS", "hireops-events"),
            queue_import: or("QUEUE_IMPORT", "hireops-import"),
            queue_scan: or("QUEUE_SCAN", "hireops-scan"),
            resume_max_bytes: parsed("RESUME_MAX_BYTES", 10 * 1024 * 1024)?,
            message_attachment_max_bytes: parsed("MESSAGE_ATTACHMENT_MAX_BYTES", 25 * 1024 * 1024)?,
            scan_service_token: match var("SCAN_SERVICE_TOKEN") {
                Some(t) if t.len() < crate::http::service_credential::MIN_LENGTH => {
                    anyhow::bail!("SCAN_SERVICE_TOKEN must be at least {} characters", crate::http::service_credential::MIN_LENGTH)
                }
                t => t,
            },
            public_upload_rate_limit_per_hour: parsed("PUBLIC_UPLOAD_RATE_LIMIT_PER_HOUR", 20)?,
            clamd_addr: or("CLAMD_ADDR", "127.0.0.1:3310"),
            mail_transport,
            mail_from: or("MAIL_FROM", "no-reply@hireops.local"),
            smtp_host: or("SMTP_HOST", "127.0.0.1"),
            smtp_port: parsed("SMTP_PORT", 1025)?,
            smtp_username: var("SMTP_USERNAME"),
            smtp_password: var("SMTP_PASSWORD"),
            smtp_tls: or("SMTP_TLS", "none"),
            mail_catcher_url: var("MAIL_CATCHER_URL"),
            app_secret: required("APP_SECRET")?,
            jwt_private_key_pem: required("JWT_PRIVATE_KEY_PEM")?.replace("\\n", "\n"),
            jwt_key_id: or("JWT_KEY_ID", "hireops-1"),
            jwt_verify_keys: var("JWT_VERIFY_KEYS").map(|v| v.split(',').map(|s| s.trim().to_string()).collect()).unwrap_or_default(),
            jwt_issuer: or("JWT_ISSUER", "hireops"),
            jwt_audience: or("JWT_AUDIENCE", "hireops-api"),
            argon2_memory_kib: parsed("ARGON2_MEMORY_KIB", 19 * 1024)?,
            argon2_iterations: parsed("ARGON2_ITERATIONS", 2)?,
            cookie_secure: parsed("COOKIE_SECURE", true)?,
            trust_proxy_headers: parsed("TRUST_PROXY_HEADERS", false)?,
            auth_rate_limit_per_minute: parsed("AUTH_RATE_LIMIT_PER_MINUTE", 30)?,
            public_apply_rate_limit_per_hour: parsed("PUBLIC_APPLY_RATE_LIMIT_PER_HOUR", 20)?,
            bootstrap_superadmin_email: var("BOOTSTRAP_SUPERADMIN_EMAIL"),
            bootstrap_superadmin_password: var("BOOTSTRAP_SUPERADMIN_PASSWORD"),
            google_oidc: oidc("GOOGLE"),
            outlook_oidc: oidc("OUTLOOK"),
            run_migrations_on_start: parsed("RUN_MIGRATIONS_ON_START", false)?,
            static_dir: var("HIREOPS_STATIC_DIR"),
        })
    }
}
