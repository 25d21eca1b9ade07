//! Client frames other than subscribe/unsubscribe/join/leave: the same use
//! cases as the REST routes, so the same rules apply on every path.
//!
//! | frame | fields | answer |
//! |---|---|---|
//! | `message.send` | `conversation_id`, `body`, `attachment_ids?` | `message.sent` with the message (everyone, the sender included, also gets `message.created`) |
//! | `typing.start` / `typing.stop` | `conversation_id` | none (`typing.started`/`typing.stopped` reach the conversation) |
//! | `message.delivered` / `message.read` | `conversation_id`, `message_id` | none (the receipt event reaches the conversation when it moved) |
//!
//! A frame may carry a `request_id` (any short string), echoed in its answer
//! or error. Errors are `{"type":"error","code":…,"fields":[…]}` with the
//! REST error codes (`messaging_pair_blocked`, `not_found`, `validation_failed`…).

use crate::handlers::messaging::messages::{view, SendMessageRequest};
use crate::state::AppState;
use hireops_domain::audit::RequestMeta;
use hireops_domain::identity::{Permission, Principal};
use hireops_domain::ids::{ConversationId, MessageId};
use hireops_domain::DomainError;
use serde::Deserialize;
use serde_json::{json, Value};

#[derive(Deserialize)]
struct Target {
    conversation_id: uuid::Uuid,
}

#[derive(Deserialize)]
struct Receipt {
    conversation_id: uuid::Uuid,
    message_id: uuid::Uuid,
}

#[derive(Deserialize)]
struct Send {
    conversation_id: uuid::Uuid,
    #[serde(flatten)]
    message: SendMessageRequest,
}

/// Perform one client frame (already parsed as JSON) for `principal`; the
/// answer frame to send back to that socket, if any.
pub async fn perform(state: &AppState, principal: &Principal, meta: &RequestMeta, frame: &Value) -> Option<Value> {
    let request_id = frame.get("request_id").filter(|v| v.is_string() && v.as_str().is_some_and(|s| s.len() <= 64)).cloned();
    let kind = frame.get("type").and_then(Value::as_str).unwrap_or_default();
    let outcome = match kind {
        "message.send" | "typing.start" | "typing.stop" | "message.delivered" | "message.read" => {
            match principal.require(Permission::MessagingUse) {
                Ok(()) => run(state, principal, meta, kind, frame).await,
                Err(e) => Err(Failure::Domain(e)),
            }
        }
        _ => Err(Failure::Frame("unknown_type")),
    };
    match outcome {
        Ok(Some(mut answer)) => {
            answer["request_id"] = request_id.unwrap_or(Value::Null);
            Some(answer)
        }
        Ok(None) => None,
        Err(failure) => Some(failure.frame(kind, request_id)),
    }
}

enum Failure {
    /// The frame itself is wrong (unknown type, missing fields).
    Frame(&'static str),
    Domain(DomainError),
}

impl Failure {
    fn frame(self, kind: &str, request_id: Option<Value>) -> Value {
        let (code, fields) = match self {
            Failure::Frame(code) => (code.to_string(), Vec::new()),
            Failure::Domain(e) => match e {
                DomainError::Validation(errors) => ("validation_failed".to_string(), errors),
                DomainError::NotFound => ("not_found".to_string(), Vec::new()),
                DomainError::Unauthenticated(c) | DomainError::BadRequest(c) | DomainError::Forbidden(c) | DomainError::Conflict(c) => (c.to_string(), Vec::new()),
                DomainError::Duplicate { code, .. } | DomainError::TooManyRequests { code, .. } => (code.to_string(), Vec::new()),
                DomainError::Infrastructure(cause) => {
                    tracing::error!(frame = kind, %cause, "socket action failed");
                    ("internal_error".to_string(), Vec::new())
                }
            },
        };
        let fields: Vec<Value> = fields.into_iter().map(|f| json!({"field": f.field, "code": f.code, "message": f.message})).collect();
        json!({"type": "error", "code": code, "for": kind, "fields": fields, "request_id": request_id.unwrap_or(Value::Null)})
    }
}

fn parse<T: serde::de::DeserializeOwned>(frame: &Value) -> Result<T, Failure> {
    serde_json::from_value(frame.clone()).map_err(|_| Failure::Frame("invalid_frame"))
}

async fn run(state: &AppState, principal: &Principal, meta: &RequestMeta, kind: &str, frame: &Value) -> Result<Option<Value>, Failure> {
    let messaging = &state.messaging;
    match kind {
        "message.send" => {
            let send: Send = parse(frame)?;
            let message = messaging.send(principal, ConversationId(send.conversation_id), send.message.into_input(), meta).await.map_err(Failure::Domain)?;
            let message = serde_json::to_value(view(message)).unwrap_or(Value::Null);
            Ok(Some(json!({"type": "message.sent", "message": message})))
        }
        "typing.start" | "typing.stop" => {
            let target: Target = parse(frame)?;
            messaging.typing(principal, ConversationId(target.conversation_id), kind == "typing.start").await.map_err(Failure::Domain)?;
            Ok(None)
        }
        _ => {
            let receipt: Receipt = parse(frame)?;
            let (conversation, message) = (ConversationId(receipt.conversation_id), MessageId(receipt.message_id));
            let done = if kind == "message.read" {
                messaging.mark_read(principal, conversation, message).await
            } else {
                messaging.mark_delivered(principal, conversation, message).await
            };
            done.map_err(Failure::Domain)?;
            Ok(None)
        }
    }
}
