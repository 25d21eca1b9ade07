//! The local WebSocket endpoints, `GET /ws` and `GET /ws/conversations/{id}`.
//!
//! Served by the `local` bin beside the API (not a Lambda route: in the cloud,
//! API Gateway WebSocket owns connections). The caller authenticates with the
//! access token as `?access_token=` or as `Sec-WebSocket-Protocol: bearer, <token>`
//! (browsers can't set headers on a WebSocket); anything else is a 401 before
//! the upgrade. The socket starts subscribed to its own `user:` channel; more
//! channels are asked for with `{"type":"subscribe","channel":"…"}` (or
//! `join`) and granted by the domain rule. Frames are parsed and answered as
//! in the cloud ([`crate::socket`]); other frame types go to
//! [`crate::socket::actions::perform`]. `/ws/conversations/{id}` is the same
//! socket already joined to one conversation (participants only: anyone else
//! gets a 404 before the upgrade), where frames may leave out `conversation_id`.

use crate::http::{ApiError, ClientMeta};
use crate::socket::frames::{self, codes, ClientFrame, MAX_CHANNELS, MAX_MESSAGE_BYTES};
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
use hireops_domain::realtime::Channel;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, Notify};

/// Events queued for one socket before it counts as a slow consumer and is closed.
pub const SEND_BUFFER: usize = 64;
/// Ping interval; a socket silent for three of these is closed.
pub const PING_EVERY: Duration = Duration::from_secs(25);

/// Close codes (RFC 6455 §7.4.1).
const CLOSE_POLICY: u16 = 1008;
const CLOSE_TRY_AGAIN: u16 = 1013;
const CLOSE_NORMAL: u16 = 1000;

#[derive(Deserialize)]
pub struct WsQuery {
    access_token: Option<String>,
}

pub async fn upgrade(
    State(state): State<AppState>,
    ClientMeta(meta): ClientMeta,
    Query(query): Query<WsQuery>,
    headers: HeaderMap,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    open(state, meta, query, headers, ws, None).await
}

/// A socket joined to one conversation from the start.
pub async fn upgrade_conversation(
    State(state): State<AppState>,
    ClientMeta(meta): ClientMeta,
    Path(conversation): Path<String>,
    Query(query): Query<WsQuery>,
    headers: HeaderMap,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let Ok(conversation) = uuid::Uuid::parse_str(&conversation) else {
        return ApiError::new(StatusCode::NOT_FOUND, "not_found").into_response();
    };
    open(state, meta, query, headers, ws, Some(conversation)).await
}

async fn open(
    state: AppState,
    meta: RequestMeta,
    query: WsQuery,
    headers: HeaderMap,
    ws: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
    conversation: Option<uuid::Uuid>,
) -> Response {
    let Some((token, via_protocol)) = crate::socket::token::handshake_token(query.access_token.as_deref(), &headers) else {
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
        if crate::socket::subscribe::authorize(&state, principal.user_id, Channel::Conversation(c)).await.is_err() {
            return ApiError::new(StatusCode::NOT_FOUND, "not_found").into_response();
        }
    }
    let ws = match ws {
        Ok(ws) => ws,
        Err(rejection) => return rejection.into_response(),
    };
    let ws = if via_protocol { ws.protocols(["bearer"]) } else { ws };
    ws.max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .on_upgrade(move |socket| run(socket, state, principal, meta, expires_at, conversation))
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

async fn run(socket: WebSocket, state: AppState, principal: Principal, meta: RequestMeta, expires_at: DateTime<Utc>, conversation: Option<uuid::Uuid>) {
    let (mut sink, mut stream) = socket.split();
    let (out_tx, mut out_rx) = mpsc::channel::<Arc<str>>(SEND_BUFFER);
    let slow = Arc::new(Notify::new());
    let mut forwards: HashMap<String, tokio::task::JoinHandle<()>> = HashMap::new();

    let own = Channel::User(principal.user_id);
    for channel in std::iter::once(own).chain(conversation.map(Channel::Conversation)) {
        forwards.insert(channel.to_string(), forward(state.realtime_hub.subscribe(&channel), out_tx.clone(), slow.clone()));
        if sink.send(frame(frames::subscribed(&channel))).await.is_err() {
            abort_all(forwards);
            return;
        }
    }

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
                    Message::Text(text) => handle_frame(&state, &SocketOwner { principal: &principal, meta: &meta, conversation }, text.as_str(), &mut forwards, &out_tx, &slow).await,
                    Message::Binary(_) => Some(frames::error(codes::TEXT_FRAMES_ONLY, None)),
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

/// A client frame's answer: `subscribed`, `unsubscribed`, an `error` frame,
/// or whatever [`crate::socket::actions::perform`] answers.
/// Who is on a socket, and the conversation it was opened for.
#[derive(Clone, Copy)]
struct SocketOwner<'a> {
    principal: &'a Principal,
    meta: &'a RequestMeta,
    conversation: Option<uuid::Uuid>,
}

async fn handle_frame(
    state: &AppState,
    owner: &SocketOwner<'_>,
    text: &str,
    forwards: &mut HashMap<String, tokio::task::JoinHandle<()>>,
    out: &mpsc::Sender<Arc<str>>,
    slow: &Arc<Notify>,
) -> Option<serde_json::Value> {
    let SocketOwner { principal, meta, conversation } = *owner;
    let request = match frames::parse(text) {
        Ok(request) => request,
        Err(answer) => return Some(answer),
    };
    match request {
        ClientFrame::Subscribe(channel) => {
            if let Err(answer) = crate::socket::subscribe::authorize(state, principal.user_id, channel).await {
                return Some(answer);
            }
            let name = channel.to_string();
            if !forwards.contains_key(&name) {
                if forwards.len() >= MAX_CHANNELS {
                    return Some(frames::error(codes::TOO_MANY_CHANNELS, Some(&name)));
                }
                forwards.insert(name, forward(state.realtime_hub.subscribe(&channel), out.clone(), slow.clone()));
            }
            Some(frames::subscribed(&channel))
        }
        ClientFrame::Unsubscribe(channel) => {
            if let Some(handle) = forwards.remove(&channel.to_string()) {
                handle.abort();
            }
            Some(frames::unsubscribed(&channel))
        }
        ClientFrame::Action(mut frame) => {
            // On a conversation's socket, frames may leave the conversation out.
            if let (Some(c), Some(fields)) = (conversation, frame.as_object_mut()) {
                fields.entry("conversation_id").or_insert_with(|| serde_json::json!(c));
            }
            crate::socket::actions::perform(state, principal, meta, &frame).await
        }
    }
}
