use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use std::collections::BTreeMap;
use std::future::Future;
use std::time::{Duration, Instant};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Check {
    /// `ok` or `error`.
    pub status: &'static str,
    pub latency_ms: u64,
    /// What failed, in a few words (never secrets).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok` when every dependency answers, else `degraded`.
    pub status: &'static str,
    pub checks: BTreeMap<&'static str, Check>,
}

async fn check<F: Future<Output = anyhow::Result<()>>>(f: F) -> Check {
    let started = Instant::now();
    let result = tokio::time::timeout(Duration::from_secs(3), f).await;
    let latency_ms = started.elapsed().as_millis() as u64;
    match result {
        Ok(Ok(())) => Check { status: "ok", latency_ms, error: None },
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "health check failed");
            Check { status: "error", latency_ms, error: Some(e.to_string().chars().take(200).collect()) }
        }
        Err(_) => Check { status: "error", latency_ms, error: Some("timed out".into()) },
    }
}

/// The state of the database, queue, object store, virus scanner and mailer.
#[utoipa::path(get, path = "/api/health", tag = "health",
    responses((status = 200, body = Health), (status = 503, description = "A dependency is down", body = Health)))]
pub async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let (database, queue, object_store, clamd, mailer, cache) = tokio::join!(
        check(hireops_adapters::mysql::ping(&state.pool)),
        check(state.mail_queue.ping()),
        check(state.objects.ping()),
        check(state.clamd.ping()),
        check(state.mail_transport.ping()),
        check(state.redis.ping()),
    );
    let checks = BTreeMap::from([("database", database), ("queue", queue), ("object_store", object_store), ("clamd", clamd), ("mailer", mailer), ("cache", cache)]);
    let healthy = checks.values().all(|c| c.status == "ok");
    let status = if healthy { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(Health { status: if healthy { "ok" } else { "degraded" }, checks }))
}
