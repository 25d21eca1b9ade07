//! Middleware every route gets, in the cloud and locally.

use axum::extract::DefaultBodyLimit;
use axum::Router;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;

/// JSON bodies are small; files go straight to S3 through presigned POSTs.
/// Routes that take an upload (the CSV import) raise it in the route table.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

pub fn apply(router: Router) -> Router {
    router
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<axum::body::Body>| {
            // The path only: a query string may carry a secret (the WebSocket access token).
            tracing::debug_span!("request", method = %request.method(), path = %request.uri().path())
        }))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
}
