use super::Channel;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Event type names of the real-time contract.
pub mod event_types {
    pub const NOTIFICATION_CREATED: &str = "notification.created";
    pub const CONVERSATION_CREATED: &str = "conversation.created";
    pub const MESSAGE_CREATED: &str = "message.created";
    pub const MESSAGE_DELIVERED: &str = "message.delivered";
    pub const MESSAGE_READ: &str = "message.read";
    pub const TYPING_STARTED: &str = "typing.started";
    pub const TYPING_STOPPED: &str = "typing.stopped";
    pub const ATTACHMENT_STATUS_CHANGED: &str = "attachment.status_changed";
}

/// The JSON envelope every pushed event has: `{type, channel, data, at}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RealtimeEvent {
    #[serde(rename = "type")]
    pub kind: String,
    pub channel: String,
    pub data: serde_json::Value,
    pub at: DateTime<Utc>,
}

impl RealtimeEvent {
    pub fn new(kind: &str, channel: Channel, data: serde_json::Value, at: DateTime<Utc>) -> Self {
        Self { kind: kind.to_owned(), channel: channel.to_string(), data, at }
    }
}

/// `data` of `notification.created`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotificationCreated {
    pub id: Option<uuid::Uuid>,
    pub kind: String,
    pub title: String,
    pub unread_count: u64,
}

impl NotificationCreated {
    pub fn into_event(self, user: crate::ids::UserId, at: DateTime<Utc>) -> RealtimeEvent {
        let data = serde_json::to_value(&self).unwrap_or(serde_json::Value::Null);
        RealtimeEvent::new(event_types::NOTIFICATION_CREATED, Channel::User(user), data, at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UserId;

    #[test]
    fn envelope_shape() {
        let user = UserId(uuid::Uuid::now_v7());
        let ev = NotificationCreated { id: None, kind: "application.created".into(), title: "t".into(), unread_count: 3 }
            .into_event(user, Utc::now());
        let v = serde_json::to_value(&ev).unwrap();
        assert_eq!(v["type"], "notification.created");
        assert_eq!(v["channel"], format!("user:{}", user.0));
        assert_eq!(v["data"]["unread_count"], 3);
        assert!(v["at"].is_string());
    }
}
