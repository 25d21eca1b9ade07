//! WebSocket helpers for the live messaging tests.

use futures_util::{SinkExt, StreamExt};
use serde_json::Value;
use std::time::Duration;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};
use uuid::Uuid;

pub type Socket = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

fn ws_base(base: &str) -> String {
    base.replacen("http://", "ws://", 1)
}

/// `GET /ws/conversations/{id}` as a browser opens it; the upgrade's status on refusal.
pub async fn open_conversation(base: &str, conversation: &str, token: &str) -> Result<Socket, u16> {
    let url = format!("{}/ws/conversations/{conversation}?access_token={token}", ws_base(base));
    match tokio_tungstenite::connect_async(url).await {
        Ok((socket, _)) => Ok(socket),
        Err(WsError::Http(response)) => Err(response.status().as_u16()),
        Err(e) => panic!("unexpected WebSocket error {e}"),
    }
}

/// Open a conversation socket and wait until both its channels are live.
pub async fn join(base: &str, conversation: &str, token: &str, user: Uuid) -> Socket {
    let mut socket = open_conversation(base, conversation, token).await.expect("upgrade");
    let first = next_json(&mut socket).await;
    assert_eq!(first["channel"], format!("user:{user}"), "{first}");
    let second = next_json(&mut socket).await;
    assert_eq!((second["type"].as_str(), second["channel"].as_str()), (Some("subscribed"), Some(format!("conversation:{conversation}").as_str())));
    socket
}

/// The next text frame as JSON (pings are answered by the client library).
pub async fn next_json(socket: &mut Socket) -> Value {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(20), socket.next()).await.expect("a frame within 20 s").expect("open").expect("frame");
        if let Message::Text(text) = message {
            return serde_json::from_str(text.as_str()).expect("json frame");
        }
    }
}

/// Skip frames until one of type `kind` arrives (other events may interleave).
pub async fn next_of(socket: &mut Socket, kind: &str) -> Value {
    loop {
        let frame = next_json(socket).await;
        if frame["type"] == kind {
            return frame;
        }
    }
}

/// Skip frames until one matching `wanted` arrives.
pub async fn next_where(socket: &mut Socket, wanted: impl Fn(&Value) -> bool) -> Value {
    loop {
        let frame = next_json(socket).await;
        if wanted(&frame) {
            return frame;
        }
    }
}

/// No frame of type `kind` arrives within `wait`.
pub async fn quiet_about(socket: &mut Socket, kind: &str, wait: Duration) {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        if left.is_zero() {
            return;
        }
        match tokio::time::timeout(left, socket.next()).await {
            Err(_) => return,
            Ok(Some(Ok(Message::Text(text)))) => {
                let frame: Value = serde_json::from_str(text.as_str()).expect("json frame");
                assert_ne!(frame["type"], kind, "unexpected {frame}");
            }
            Ok(Some(Ok(_))) => {}
            Ok(other) => panic!("socket ended: {other:?}"),
        }
    }
}

pub async fn send_json(socket: &mut Socket, frame: Value) {
    socket.send(Message::Text(frame.to_string().into())).await.expect("send frame");
}
