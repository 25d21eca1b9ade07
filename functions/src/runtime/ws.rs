//! The local WebSocket endpoints, `GET /ws` and `GET /ws/conversations/{id}`.
//!
//! Served by the `local` bin beside the API (not a Lambda route: in the cloud,
//! API Gateway WebSocket owns connections). The caller authenticates with the
//! access token as `?access_token=` or as `Sec-WebSocket-Protocol: bearer, <token>`
//! (browsers can't set headers on a WebSocket); anything else is a 401 before
//! the upgrade. The socket starts subscribed to its own `user:` channel; more
//! channels are asked for with `{"type":"subscribe","channel":"…"}` and granted
//! by the domain rule ([`authorize_subscription`]). `/ws/conversations/{id}`
//! is the same socket already joined to one conversation (participants only:
//! anyone else gets a 404 before the upgrade), where frames may leave out
//! `conversation_id`. Every other frame (send, typing, receipts) is a use case
//! in [`crate::socket::actions`].

use crate::http::ApiError;
use crate::state::AppState;
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Path, Query, State};
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use futures_util::{SinkExt, StreamExt};
use hireops_adapters::redis_pubsub::Subscription;
use hireops_domain::audit::RequestMeta;
use hireops_domain::identity::Principal;
use hireops_domain::realtime::{authorize_subscription, Channel};
use serde::Deserialize;
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, Notify};

/// Largest client frame accepted.
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024;
/// Events queued for one socket before it counts as a slow consumer and is closed.
pub const SEND_BUFFER: usize = 64;
/// Ping interval; a socket silent for three of these is closed.
pub const PING_EVERY: Duration = Duration::from_secs(25);
/// Channels one socket may listen on.
pub const MAX_CHANNELS: usize = 32;

/// Close codes (RFC 6455 §7.4.1).
const CLOSE_POLICY: u16 = 1008;
const CLOSE_TRY_AGAIN: u16 = 1013;
const CLOSE_NORMAL: u16 = 1000;

#[derive(Deserialize)]
pub struct WsQuery {
    access_token: Option<String>,
}

/// The token from the query string, or the second `Sec-WebSocket-Protocol` entry after `bearer`.
fn token_of(query: &WsQuery, headers: &HeaderMap) -> Option<(String, bool)> {
    if let Some(t) = query.access_token.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        return Some((t.to_owned(), false));
    }
    let protocols = headers.get("sec-websocket-protocol")?.to_str().ok()?;
    let mut parts = protocols.split(',').map(str::trim);
    if !parts.next()?.eq_ignore_ascii_case("bearer") {
        return None;
    }
    parts.next().filter(|t| !t.is_empty()).map(|t| (t.to_owned(), true))
}

pub async fn upgrade(
    State(state): State<AppState>,
    Query(query): Query<WsQuery>,
    headers: HeaderMap,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    open(state, query, headers, ws, None).await
}

/// A socket joined to one conversation from the start.
pub async fn upgrade_conversation(
    State(state): State<AppState>,
    Path(conversation): Path<String>,
    Query(query): Query<WsQuery>,
    headers: HeaderMap,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let Ok(conversation) = uuid::Uuid::parse_str(&conversation) else {
        return ApiError::new(StatusCode::NOT_FOUND, "not_found").into_response();
    };
    open(state, query, headers, ws, Some(conversation)).await
}

async fn open(
    state: AppState,
    query: WsQuery,
    headers: HeaderMap,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
    conversation: Option<uuid::Uuid>,
) -> Response {
    let Some((token, via_protocol)) = token_of(&query, &headers) else {
        return ApiError::new(StatusCode::UNAUTHORIZED, "authentication_required").into_response();
    };
    let (principal, expires_at) = match state.auth.authenticate_until(&token).await {
        Ok(p) => p,
        Err(e) => return ApiError::from(e).into_response(),
    };
    if let Some(c) = conversation {
        if let Err(e) = principal.require(hireops_domain::identity::Permission::MessagingUse) {
            return ApiError::from(e).into_response();
        }
        // Existence never leaks: a conversation you are not in is not found.
        if authorize_subscription(principal.user_id, Channel::Conversation(c), state.realtime_access.as_ref()).await.is_err() {
            return ApiError::new(StatusCode::NOT_FOUND, "not_found").into_response();
        }
    }
    let ws = match ws {
        Ok(ws) => ws,
        Err(rejection) => return rejection.into_response(),
    };
    let ws = if via_protocol { ws.protocols(["bearer"]) } else { ws };
    let meta = request_meta(&headers);
    ws.max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| run(socket, state, principal, expires_at, conversation, meta))
}

/// What the audit trail records about a socket's requests.
fn request_meta(headers: &HeaderMap) -> RequestMeta {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let ip = header("x-forwarded-for").and_then(|v| v.split(',').next().map(|s| s.trim().to_owned()));
    RequestMeta { ip, user_agent: header("user-agent"), ..RequestMeta::default() }
}

#[derive(Deserialize)]
struct ClientFrame {
    #[serde(rename = "type")]
    kind: String,
    channel: Option<String>,
}

fn frame(v: serde_json::Value) -> Message {
    Message::Text(v.to_string().into())
}

fn close(code: u16, reason: &'static str) -> Message {
    Message::Close(Some(CloseFrame { code, reason: reason.into() }))
}

/// Forward one channel's events into the socket's bounded queue; a full queue
/// or a lagging receiver marks the socket as a slow consumer.
fn forward(mut sub: Subscription, out: mpsc::Sender<Arc<str>>, slow: Arc<Notify>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            match sub.receiver.recv().await {
                Ok(payload) => {
                    if let Err(mpsc::error::TrySendError::Full(_)) = out.try_send(payload) {
                        slow.notify_one();
                        return;
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    slow.notify_one();
                    return;
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            }
        }
    })
}

async fn run(socket: WebSocket, state: AppState, principal: Principal, expires_at: DateTime<Utc>, conversation: Option<uuid::Uuid>, meta: RequestMeta) {
    let (mut sink, mut stream) = socket.split();
    let (out_tx, mut out_rx) = mpsc::channel::<Arc<str>>(SEND_BUFFER);
    let slow = Arc::new(Notify::new());
    let mut forwards: HashMap<String, tokio::task::JoinHandle<()>> = HashMap::new();

    let own = Channel::User(principal.user_id);
    let initial = std::iter::once(own).chain(conversation.map(Channel::Conversation));
    for channel in initial {
        forwards.insert(channel.to_string(), forward(state.realtime_hub.subscribe(&channel), out_tx.clone(), slow.clone()));
        if sink.send(frame(json!({"type": "subscribed", "channel": channel.to_string()}))).await.is_err() {
            abort_all(forwards);
            return;
        }
    }
    let context = FrameContext { principal: &principal, meta: &meta, conversation };

    let until_expiry = (expires_at - Utc::now()).to_std().unwrap_or(Duration::ZERO);
    let expiry = tokio::time::sleep(until_expiry);
    tokio::pin!(expiry);
    let mut ping = tokio::time::interval(PING_EVERY);
    ping.tick().await;
    let mut last_heard = tokio::time::Instant::now();

    let closing = loop {
        tokio::select! {
            () = &mut expiry => break Some(close(CLOSE_POLICY, "token_expired")),
            () = slow.notified() => break Some(close(CLOSE_TRY_AGAIN, "slow_consumer")),
            Some(payload) = out_rx.recv() => {
                if sink.send(Message::Text(payload.as_ref().into())).await.is_err() { break None; }
            }
            _ = ping.tick() => {
                if last_heard.elapsed() > PING_EVERY * 3 { break Some(close(CLOSE_POLICY, "timeout")); }
                if sink.send(Message::Ping(Vec::new().into())).await.is_err() { break None; }
            }
            incoming = stream.next() => {
                let Some(Ok(message)) = incoming else { break None };
                last_heard = tokio::time::Instant::now();
                let reply = match message {
                    Message::Text(text) => handle_frame(&state, &context, text.as_str(), &mut forwards, &out_tx, &slow).await,
                    Message::Binary(_) => Some(json!({"type": "error", "code": "text_frames_only"})),
                    Message::Close(_) => break Some(close(CLOSE_NORMAL, "bye")),
                    Message::Ping(_) | Message::Pong(_) => None,
                };
                if let Some(reply) = reply
                    && sink.send(frame(reply)).await.is_err() { break None; }
            }
        }
    };
    abort_all(forwards);
    if let Some(message) = closing {
        let _ = sink.send(message).await;
    }
    let _ = sink.close().await;
}

fn abort_all(forwards: HashMap<String, tokio::task::JoinHandle<()>>) {
    for (_, handle) in forwards {
        handle.abort();
    }
}

/// Who is on a socket, and the conversation it was opened for.
struct FrameContext<'a> {
    principal: &'a Principal,
    meta: &'a RequestMeta,
    conversation: Option<uuid::Uuid>,
}

/// A client frame's answer: `subscribed`, `unsubscribed`, an action's answer
/// or an `error` frame.
async fn handle_frame(
    state: &AppState,
    context: &FrameContext<'_>,
    text: &str,
    forwards: &mut HashMap<String, tokio::task::JoinHandle<()>>,
    out: &mpsc::Sender<Arc<str>>,
    slow: &Arc<Notify>,
) -> Option<serde_json::Value> {
    let principal = context.principal;
    let error = |code: &str, channel: Option<&str>| Some(json!({"type": "error", "code": code, "channel": channel}));
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(text) else { return error("invalid_frame", None) };
    let Ok(request) = serde_json::from_value::<ClientFrame>(value.clone()) else { return error("invalid_frame", None) };
    if request.kind != "subscribe" && request.kind != "unsubscribe" {
        // On a conversation's socket, frames may leave the conversation out.
        if let (Some(c), Some(obj)) = (context.conversation, value.as_object_mut()) {
            obj.entry("conversation_id").or_insert_with(|| json!(c));
        }
        return crate::socket::actions::perform(state, principal, context.meta, &value).await;
    }
    let raw = request.channel.as_deref();
    let channel = match raw.map(Channel::parse) {
        Some(Ok(c)) => c,
        _ if request.kind == "subscribe" || request.kind == "unsubscribe" => return error("invalid_channel", raw),
        _ => return error("unknown_type", None),
    };
    let name = channel.to_string();
    match request.kind.as_str() {
        "subscribe" => {
            if let Err(e) = authorize_subscription(principal.user_id, channel, state.realtime_access.as_ref()).await {
                let code = match e {
                    hireops_domain::DomainError::Forbidden(code) => code,
                    _ => "subscribe_failed",
                };
                return error(code, Some(&name));
            }
            if !forwards.contains_key(&name) {
                if forwards.len() >= MAX_CHANNELS {
                    return error("too_many_channels", Some(&name));
                }
                forwards.insert(name.clone(), forward(state.realtime_hub.subscribe(&channel), out.clone(), slow.clone()));
            }
            Some(json!({"type": "subscribed", "channel": name}))
        }
        "unsubscribe" => {
            if let Some(handle) = forwards.remove(&name) {
                handle.abort();
            }
            Some(json!({"type": "unsubscribed", "channel": name}))
        }
        _ => error("unknown_type", None),
    }
}
