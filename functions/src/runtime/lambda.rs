//! One Lambda per route and per task. Adapters are built once per container
//! (at cold start) and reused by every invocation.

use super::{layers, telemetry};
use crate::config::Config;
use crate::http::ApiError;
use crate::state::AppState;
use crate::tasks::{self, TaskKind};
use crate::routes;
use aws_lambda_events::event::sqs::SqsEvent;
use axum::http::StatusCode;
use axum::Router;
use lambda_runtime::{service_fn, LambdaEvent};

type Error = lambda_runtime::Error;

pub(super) fn runtime() -> Result<tokio::runtime::Runtime, Error> {
    Ok(tokio::runtime::Builder::new_multi_thread().enable_all().build()?)
}

/// Serve one API route behind API Gateway.
pub fn run_route(name: &'static str) -> Result<(), Error> {
    runtime()?.block_on(async move {
        telemetry::init(true);
        let state = AppState::build(Config::from_env()?).await?;
        let route = routes::all().into_iter().find(|r| r.name == name).ok_or_else(|| format!("no route named {name}"))?;
        let app = Router::new()
            .route(&route.path, route.method_router(&state))
            .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "not_found") })
            .with_state(state);
        lambda_http::run(layers::apply(app)).await
    })
}

/// Run one background task: an SQS consumer reporting partial batch failures,
/// or the migrate step.
pub fn run_task(name: &'static str) -> Result<(), Error> {
    runtime()?.block_on(async move {
        telemetry::init(true);
        let task = tasks::all().into_iter().find(|t| t.name == name).ok_or_else(|| format!("no task named {name}"))?;
        let state = AppState::build(Config::from_env()?).await?;
        match task.kind {
            TaskKind::Queue { consumer, .. } => {
                let state = &state;
                lambda_runtime::run(service_fn(move |event: LambdaEvent<SqsEvent>| async move {
                    Ok::<_, Error>(tasks::handle_batch(consumer, state, event.payload).await)
                }))
                .await
            }
            TaskKind::Migrate => {
                let state = &state;
                lambda_runtime::run(service_fn(move |_: LambdaEvent<serde_json::Value>| async move {
                    state.prepare_database().await.map_err(|e| Error::from(format!("{e:#}")))?;
                    Ok::<_, Error>(serde_json::json!({ "status": "migrated" }))
                }))
                .await
            }
        }
    })
}
