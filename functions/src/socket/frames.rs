//! The frames of the socket protocol, whatever carries them: what a client
//! may send, and the answers both transports give in the same words.

use hireops_domain::realtime::Channel;
use serde_json::{json, Value};

/// Largest client frame accepted (larger ones close the socket): room for a
/// 5000-character message in any script, and API Gateway's 32 KB frame limit.
pub const MAX_MESSAGE_BYTES: usize = 32 * 1024;
/// Channels one socket may listen on, its own `user:` channel included.
pub const MAX_CHANNELS: usize = 32;

/// The `code` of `{"type":"error"}` answers.
pub mod codes {
    /// Not a JSON object with a string `type`.
    pub const INVALID_FRAME: &str = "invalid_frame";
    /// A channel (or conversation id) that does not parse.
    pub const INVALID_CHANNEL: &str = "invalid_channel";
    pub const TOO_MANY_CHANNELS: &str = "too_many_channels";
    /// The subscription could not be checked or recorded (logged).
    pub const SUBSCRIBE_FAILED: &str = "subscribe_failed";
    pub const TEXT_FRAMES_ONLY: &str = "text_frames_only";
    /// The access token's `exp` passed: reconnect with a fresh one.
    pub const TOKEN_EXPIRED: &str = "token_expired";
    /// Anything else that failed on our side (logged).
    pub const INTERNAL_ERROR: &str = "internal_error";
}

/// A client frame, parsed.
#[derive(Debug, PartialEq)]
pub enum ClientFrame {
    /// `subscribe {channel}`, or `join {conversation_id}` for `conversation:{id}`.
    Subscribe(Channel),
    /// `unsubscribe {channel}`, or `leave {conversation_id}`.
    Unsubscribe(Channel),
    /// Any other type: for [`super::actions::perform`].
    Action(Value),
}

/// Parse a text frame; an `error` answer when it cannot be.
pub fn parse(text: &str) -> Result<ClientFrame, Value> {
    let frame: Value = serde_json::from_str(text).map_err(|_| error(codes::INVALID_FRAME, None))?;
    let Some(kind) = frame.get("type").and_then(Value::as_str) else { return Err(error(codes::INVALID_FRAME, None)) };
    let subscribe = match kind {
        "subscribe" | "join" => true,
        "unsubscribe" | "leave" => false,
        _ => return Ok(ClientFrame::Action(frame)),
    };
    let channel = if kind == "subscribe" || kind == "unsubscribe" { named_channel(&frame)? } else { conversation_channel(&frame)? };
    Ok(if subscribe { ClientFrame::Subscribe(channel) } else { ClientFrame::Unsubscribe(channel) })
}

fn named_channel(frame: &Value) -> Result<Channel, Value> {
    let raw = frame.get("channel").and_then(Value::as_str);
    raw.and_then(|r| Channel::parse(r).ok()).ok_or_else(|| error(codes::INVALID_CHANNEL, raw))
}

/// `join`/`leave` name a conversation; its channel is `conversation:{id}`.
fn conversation_channel(frame: &Value) -> Result<Channel, Value> {
    let raw = frame.get("conversation_id").and_then(Value::as_str);
    match raw.map(uuid::Uuid::parse_str) {
        Some(Ok(id)) => Ok(Channel::Conversation(id)),
        _ => Err(error(codes::INVALID_CHANNEL, raw.map(|r| format!("conversation:{r}")).as_deref())),
    }
}

pub fn subscribed(channel: &Channel) -> Value {
    json!({"type": "subscribed", "channel": channel.to_string()})
}

pub fn unsubscribed(channel: &Channel) -> Value {
    json!({"type": "unsubscribed", "channel": channel.to_string()})
}

/// `{"type":"error","code":…,"channel":…}` (`channel` null when none applies).
pub fn error(code: &str, channel: Option<&str>) -> Value {
    json!({"type": "error", "code": code, "channel": channel})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscriptions_by_channel_or_by_conversation() {
        let id = uuid::Uuid::now_v7();
        let channel = Channel::Conversation(id);
        let sub = json!({"type": "subscribe", "channel": channel.to_string()}).to_string();
        assert_eq!(parse(&sub), Ok(ClientFrame::Subscribe(channel)));
        assert_eq!(parse(&json!({"type": "join", "conversation_id": id}).to_string()), Ok(ClientFrame::Subscribe(channel)));
        assert_eq!(parse(&json!({"type": "leave", "conversation_id": id}).to_string()), Ok(ClientFrame::Unsubscribe(channel)));
        assert_eq!(parse(&json!({"type": "unsubscribe", "channel": channel.to_string()}).to_string()), Ok(ClientFrame::Unsubscribe(channel)));
    }

    #[test]
    fn bad_frames_get_error_answers() {
        assert_eq!(parse("not json"), Err(error(codes::INVALID_FRAME, None)));
        assert_eq!(parse(r#"{"channel":"x"}"#), Err(error(codes::INVALID_FRAME, None)));
        assert_eq!(parse(r#"{"type":"subscribe","channel":"nonsense"}"#), Err(error(codes::INVALID_CHANNEL, Some("nonsense"))));
        assert_eq!(parse(r#"{"type":"subscribe"}"#), Err(error(codes::INVALID_CHANNEL, None)));
        assert_eq!(parse(r#"{"type":"join","conversation_id":"nope"}"#), Err(error(codes::INVALID_CHANNEL, Some("conversation:nope"))));
    }

    #[test]
    fn other_types_are_actions() {
        let frame = json!({"type": "typing.start", "conversation_id": uuid::Uuid::now_v7()});
        assert_eq!(parse(&frame.to_string()), Ok(ClientFrame::Action(frame)));
    }
}
