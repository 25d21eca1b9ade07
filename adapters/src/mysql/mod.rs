//! MySQL / MariaDB persistence (sqlx). Queries are checked at run time and
//! covered by the integration tests, so builds need no database (no `.sqlx/`).

mod applications;
mod audit;
mod candidates;
mod challenges;
mod imports;
mod insights;
mod companies;
mod like;
mod email_templates;
mod notifications;
mod one_time;
mod pipeline_templates;
mod search_text;
mod text_search;
mod visibility;
mod processed;
mod resets;
mod roles;
mod settings;
mod sessions;
mod sso_links;
mod users;
mod jobs;
mod files;
mod conversations;
mod ws_connections;

pub use applications::{MySqlApplications, MySqlJobStages};
pub use audit::{MySqlAuditLog, MySqlAuditTrail};
pub use candidates::{MySqlCandidates, MySqlSavedJobs};
pub use challenges::MySqlChallenges;
pub use imports::MySqlUserImports;
pub use insights::MySqlInsights;
pub use companies::MySqlCompanies;
pub use email_templates::MySqlEmailTemplates;
pub use notifications::{MySqlNotificationPreferences, MySqlNotifications, MySqlNotifier, MySqlRecipientDirectory};
pub use settings::MySqlSettings;
pub use one_time::MySqlOneTimeTokens;
pub use pipeline_templates::MySqlPipelineTemplates;
pub use search_text::{refresh_candidate_search_text, refresh_job_search_text};
pub use processed::ProcessedMessages;
pub use resets::MySqlResetRequests;
pub use roles::{sync_system_roles, MySqlRoles};
pub use sessions::MySqlSessions;
pub use sso_links::MySqlSsoLinks;
pub use users::MySqlUsers;
pub use jobs::MySqlJobs;
pub use conversations::MySqlConversations;
pub use files::MySqlFiles;
pub use ws_connections::{MySqlWsConnections, SubscribeOutcome, WsConnection, MAX_CONNECTION_AGE};

use hireops_domain::DomainError;
use sqlx::mysql::{MySqlConnectOptions, MySqlPoolOptions};
use sqlx::MySqlPool;
use std::str::FromStr;
use std::time::Duration;

/// The migrations in `/migrations`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// A small pool: a Lambda serves one request at a time, and RDS Proxy pools for us.
pub async fn connect(url: &str, max_connections: u32) -> anyhow::Result<MySqlPool> {
    let options = MySqlConnectOptions::from_str(url)?.timezone(Some("+00:00".into()));
    Ok(MySqlPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .connect_lazy_with(options))
}

/// Create the database named in `url` when it does not exist yet (local and test setups).
pub async fn ensure_database(url: &str) -> anyhow::Result<()> {
    use sqlx::migrate::MigrateDatabase;
    if !sqlx::MySql::database_exists(url).await? {
        sqlx::MySql::create_database(url).await?;
    }
    Ok(())
}

pub async fn migrate(pool: &MySqlPool) -> anyhow::Result<()> {
    MIGRATOR.run(pool).await?;
    Ok(())
}

pub async fn ping(pool: &MySqlPool) -> anyhow::Result<()> {
    sqlx::query("SELECT 1").execute(pool).await?;
    Ok(())
}

/// Database failures are infrastructure failures; the cause goes to the log.
pub(crate) fn infra(e: sqlx::Error) -> DomainError {
    DomainError::Infrastructure(format!("database: {e}"))
}

pub(crate) fn is_duplicate_key(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.kind() == sqlx::error::ErrorKind::UniqueViolation)
}

/// A row refers to something missing, or something still referred to was deleted.
pub(crate) fn is_foreign_key_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.kind() == sqlx::error::ErrorKind::ForeignKeyViolation)
}
