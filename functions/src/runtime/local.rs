//! The local server: every route on one port, every queue consumer as a
//! poller, the API docs, and (when built) the web app.

use super::layers;
use crate::state::AppState;
use crate::tasks::{self, Consumer, TaskKind};
use crate::{openapi, routes};
use axum::Router;
use hireops_adapters::queue::SqsQueue;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use utoipa_swagger_ui::SwaggerUi;

/// The whole API plus `/api/openapi.json` and the docs UI at `/api/docs`.
pub fn app(state: AppState) -> Router {
    let routes = routes::all();
    let doc = openapi::document(&routes);
    let static_dir = state.config.static_dir.clone();
    // The WebSocket endpoint is local-only (API Gateway WebSocket in the cloud), so not in the route table.
    let ws = Router::new()
        .route("/ws", axum::routing::get(super::ws::upgrade))
        .route("/ws/conversations/{id}", axum::routing::get(super::ws::upgrade_conversation))
        .with_state(state.clone());
    let mut app = routes::router(state, &routes).merge(ws).merge(SwaggerUi::new("/api/docs").url("/api/openapi.json", doc));
    if let Some(dir) = static_dir {
        // The built web app; unknown paths fall back to index.html for client-side routing.
        let index = format!("{dir}/index.html");
        app = app.fallback_service(tower_http::services::ServeDir::new(&dir).fallback(tower_http::services::ServeFile::new(index)));
    }
    layers::apply(app)
}

/// Serve the API and `/ws`, with this process's Redis listener feeding the
/// WebSocket hub (waited for, up to 10 s, so events published right after
/// start-up reach local sockets).
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    let (redis_listener, mut ready) = hireops_adapters::redis_pubsub::spawn_listener(
        state.config.redis_url.clone(),
        state.config.redis_key_prefix.clone(),
        state.realtime_hub.clone(),
    );
    if tokio::time::timeout(Duration::from_secs(10), ready.wait_for(|r| *r)).await.is_err() {
        tracing::warn!("realtime: Redis listener not ready; serving anyway");
    }
    let served = axum::serve(listener, app(state).into_make_service_with_connect_info::<SocketAddr>()).await;
    redis_listener.abort();
    served
}

/// The queue each consumer reads, as resolved when the state was built.
fn queue_of(state: &AppState, consumer: Consumer) -> SqsQueue {
    match consumer {
        Consumer::Mail => (*state.mail_queue).clone(),
        Consumer::UserImport => (*state.import_queue).clone(),
        Consumer::Events => (*state.events_queue).clone(),
        Consumer::FileScan => (*state.scan_queue).clone(),
    }
}

/// Poll every consumer's queue, as SQS event source mappings do in the cloud:
/// delete on success, leave failures to be retried and then dead-lettered.
pub async fn spawn_workers(state: AppState) -> anyhow::Result<Vec<JoinHandle<()>>> {
    spawn_consumers(state, |_| true).await
}

/// Poll only the consumers `wanted` picks (tests that inspect a queue's backlog).
pub async fn spawn_consumers(state: AppState, wanted: impl Fn(Consumer) -> bool) -> anyhow::Result<Vec<JoinHandle<()>>> {
    let mut handles = Vec::new();
    for task in tasks::all() {
        let TaskKind::Queue { consumer, .. } = task.kind else { continue };
        if !wanted(consumer) {
            continue;
        }
        let queue = queue_of(&state, consumer);
        let state = state.clone();
        handles.push(tokio::spawn(async move { poll(state, consumer, queue).await }));
    }
    Ok(handles)
}

async fn poll(state: AppState, consumer: Consumer, queue: SqsQueue) {
    loop {
        let messages = match queue.receive(consumer.batch_size(), 2).await {
            Ok(m) => m,
            Err(e) => {
                tracing::warn!(queue = queue.name(), error = %e, "receive failed; retrying");
                tokio::time::sleep(Duration::from_secs(2)).await;
                continue;
            }
        };
        for m in messages {
            match consumer.handle(&state, &m.message_id, &m.body).await {
                Ok(()) => {
                    if let Err(e) = queue.delete(&m.receipt_handle).await {
                        tracing::warn!(queue = queue.name(), error = %e, "delete failed; the message will be redelivered and skipped");
                    }
                }
                Err(e) => tracing::error!(queue = queue.name(), message_id = %m.message_id, receive_count = m.receive_count, error = ?e, "message failed"),
            }
        }
    }
}
