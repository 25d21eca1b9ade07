//! A fake API Gateway Management API for tests, following its documented
//! routes: `POST /{stage}/@connections/{connection_id}` with the raw frame as
//! the body, and `DELETE /{stage}/@connections/{connection_id}`. They answer
//! 200 and 204, or 410 `GoneException` for a connection the test marked gone.
//!
//! Served by axum on `127.0.0.1:<random port>`; every request is recorded with
//! its `Authorization` header so tests can check the SigV4 signature's scope.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use serde_json::Value;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request the fake received.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: Method,
    pub stage: String,
    pub connection_id: String,
    pub body: Bytes,
    pub authorization: Option<String>,
}

impl Recorded {
    /// The posted frame as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON frame")
    }
}

#[derive(Default)]
struct Inner {
    requests: Vec<Recorded>,
    gone: HashSet<String>,
}

#[derive(Clone)]
pub struct FakeManagementApi {
    /// What `WEBSOCKET_MANAGEMENT_URL` would be: `http://127.0.0.1:<port>/{stage}`.
    pub url: String,
    inner: Arc<Mutex<Inner>>,
}

impl FakeManagementApi {
    pub async fn start(stage: &str) -> Self {
        let inner = Arc::new(Mutex::new(Inner::default()));
        let app = Router::new().route("/{stage}/@connections/{connection_id}", post(record).delete(record)).with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}/{stage}", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, inner }
    }

    /// From now on, this connection answers 410 `GoneException`.
    pub fn mark_gone(&self, connection_id: &str) {
        self.inner.lock().expect("fake state").gone.insert(connection_id.to_owned());
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.inner.lock().expect("fake state").requests.clone()
    }

    /// The frames posted to one connection, oldest first.
    pub fn frames_to(&self, connection_id: &str) -> Vec<Value> {
        self.requests().iter().filter(|r| r.method == Method::POST && r.connection_id == connection_id).map(Recorded::json).collect()
    }

    /// The connections closed with `DELETE`.
    pub fn deleted(&self) -> Vec<String> {
        self.requests().into_iter().filter(|r| r.method == Method::DELETE).map(|r| r.connection_id).collect()
    }

    /// Wait (up to 10 s) until `connection_id` received a frame matching `wanted`; that frame.
    pub async fn wait_for_frame(&self, connection_id: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(frame) = self.frames_to(connection_id).into_iter().find(|f| wanted(f)) {
                return frame;
            }
            assert!(tokio::time::Instant::now() < deadline, "no such frame for {connection_id}; got {:?}", self.frames_to(connection_id));
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    pub fn clear(&self) {
        self.inner.lock().expect("fake state").requests.clear();
    }
}

async fn record(State(inner): State<Arc<Mutex<Inner>>>, method: Method, Path((stage, connection_id)): Path<(String, String)>, headers: HeaderMap, body: Bytes) -> Response {
    let authorization = headers.get("authorization").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let mut inner = inner.lock().expect("fake state");
    let gone = inner.gone.contains(&connection_id);
    let method_is_delete = method == Method::DELETE;
    inner.requests.push(Recorded { method, stage, connection_id, body, authorization });
    if gone {
        return (StatusCode::GONE, [("x-amzn-ErrorType", "GoneException"), ("content-type", "application/json")], r#"{"message":"The connection is gone."}"#).into_response();
    }
    // PostToConnection answers 200, DeleteConnection 204.
    if method_is_delete { StatusCode::NO_CONTENT.into_response() } else { StatusCode::OK.into_response() }
}
