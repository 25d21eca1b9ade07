//! What messaging pushes live, and to which channels. A message goes to the
//! conversation's channel (open threads) and to every participant's `user:`
//! channel (conversation lists, unread badges); receipts, typing and
//! attachment states go to the conversation's channel only.

use super::{AttachmentInfo, Message};
use crate::ids::{ConversationId, MessageId, UserId};
use crate::ports::RealtimePush;
use crate::realtime::{event_types, Channel, RealtimeEvent};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// An attachment inside a pushed message (same fields as the REST view).
#[derive(Clone, Debug, Serialize)]
pub struct AttachmentData {
    pub id: uuid::Uuid,
    pub file_name: String,
    pub content_type: String,
    pub size: Option<u64>,
    pub status: &'static str,
}

impl From<&AttachmentInfo> for AttachmentData {
    fn from(a: &AttachmentInfo) -> Self {
        Self { id: a.id.0, file_name: a.file_name.clone(), content_type: a.content_type.clone(), size: a.size, status: a.status.as_str() }
    }
}

/// `data` of `message.created`: the message exactly as `GET …/messages` lists it.
#[derive(Clone, Debug, Serialize)]
pub struct MessageData {
    pub id: uuid::Uuid,
    pub conversation_id: uuid::Uuid,
    pub sender_id: uuid::Uuid,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub attachments: Vec<AttachmentData>,
}

impl From<&Message> for MessageData {
    fn from(m: &Message) -> Self {
        Self {
            id: m.id.0,
            conversation_id: m.conversation_id.0,
            sender_id: m.sender_id.0,
            body: m.body.clone(),
            created_at: m.created_at,
            attachments: m.attachments.iter().map(AttachmentData::from).collect(),
        }
    }
}

/// A receipt (`message.read`, `message.delivered`): `user_id` has seen up to `message_id`.
#[derive(Clone, Debug, Serialize)]
pub struct ReceiptData {
    pub conversation_id: uuid::Uuid,
    pub user_id: uuid::Uuid,
    pub message_id: uuid::Uuid,
    pub at: DateTime<Utc>,
}

/// `typing.started` / `typing.stopped`.
#[derive(Clone, Debug, Serialize)]
pub struct TypingData {
    pub conversation_id: uuid::Uuid,
    pub user_id: uuid::Uuid,
}

/// `attachment.status_changed`.
#[derive(Clone, Debug, Serialize)]
pub struct AttachmentStatusData {
    pub conversation_id: uuid::Uuid,
    pub message_id: Option<uuid::Uuid>,
    #[serde(flatten)]
    pub attachment: AttachmentData,
}

/// `conversation.created`, on each participant's `user:` channel.
#[derive(Clone, Debug, Serialize)]
pub struct ConversationCreatedData {
    pub id: uuid::Uuid,
    pub created_by: uuid::Uuid,
}

/// One event for one channel.
pub fn event(kind: &str, channel: Channel, data: &impl Serialize, at: DateTime<Utc>) -> RealtimeEvent {
    RealtimeEvent::new(kind, channel, serde_json::to_value(data).unwrap_or(serde_json::Value::Null), at)
}

/// The pushes a new message makes: its conversation, then each participant.
pub fn message_created(message: &Message, participants: &[UserId]) -> Vec<RealtimeEvent> {
    let data = MessageData::from(message);
    let at = message.created_at;
    std::iter::once(Channel::Conversation(message.conversation_id.0))
        .chain(participants.iter().map(|u| Channel::User(*u)))
        .map(|c| event(event_types::MESSAGE_CREATED, c, &data, at))
        .collect()
}

pub fn receipt(kind: &str, conversation: ConversationId, user: UserId, message: MessageId, at: DateTime<Utc>) -> RealtimeEvent {
    let data = ReceiptData { conversation_id: conversation.0, user_id: user.0, message_id: message.0, at };
    event(kind, Channel::Conversation(conversation.0), &data, at)
}

pub fn typing(started: bool, conversation: ConversationId, user: UserId, at: DateTime<Utc>) -> RealtimeEvent {
    let kind = if started { event_types::TYPING_STARTED } else { event_types::TYPING_STOPPED };
    event(kind, Channel::Conversation(conversation.0), &TypingData { conversation_id: conversation.0, user_id: user.0 }, at)
}

pub fn attachment_status(conversation: ConversationId, message: Option<MessageId>, attachment: &AttachmentInfo, at: DateTime<Utc>) -> RealtimeEvent {
    let data = AttachmentStatusData { conversation_id: conversation.0, message_id: message.map(|m| m.0), attachment: attachment.into() };
    event(event_types::ATTACHMENT_STATUS_CHANGED, Channel::Conversation(conversation.0), &data, at)
}

pub fn conversation_created(conversation: ConversationId, created_by: UserId, participants: &[UserId], at: DateTime<Utc>) -> Vec<RealtimeEvent> {
    let data = ConversationCreatedData { id: conversation.0, created_by: created_by.0 };
    participants.iter().map(|u| event(event_types::CONVERSATION_CREATED, Channel::User(*u), &data, at)).collect()
}

/// Push every event; failures are logged and never fail the use case that
/// caused them (the REST reads stay the source of truth).
pub async fn push_all(push: &dyn RealtimePush, events: Vec<RealtimeEvent>) {
    for event in events {
        let Ok(channel) = Channel::parse(&event.channel) else { continue };
        if let Err(e) = push.publish(channel, event).await {
            tracing::warn!(%channel, error = %e, "live messaging push failed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::VirusStatus;
    use crate::ids::FileId;

    #[test]
    fn a_message_reaches_its_thread_and_every_participant() {
        let (a, b) = (UserId::new(), UserId::new());
        let conversation = ConversationId::new();
        let message = Message {
            id: MessageId::new(),
            conversation_id: conversation,
            sender_id: a,
            body: "<b>hi</b>".into(),
            created_at: Utc::now(),
            attachments: vec![AttachmentInfo {
                id: FileId::new(),
                file_name: "cv.pdf".into(),
                content_type: "application/pdf".into(),
                size: None,
                status: VirusStatus::Pending,
            }],
        };
        let events = message_created(&message, &[a, b]);
        let channels: Vec<&str> = events.iter().map(|e| e.channel.as_str()).collect();
        assert_eq!(channels, [format!("conversation:{}", conversation.0), format!("user:{}", a.0), format!("user:{}", b.0)]);
        let data = &events[0].data;
        assert_eq!(events[0].kind, "message.created");
        assert_eq!(data["body"], "<b>hi</b>", "bodies travel as plain text, untouched");
        assert_eq!(data["attachments"][0]["status"], "pending");
    }

    #[test]
    fn attachment_states_name_their_conversation_and_message() {
        let conversation = ConversationId::new();
        let info = AttachmentInfo { id: FileId::new(), file_name: "x.zip".into(), content_type: "application/zip".into(), size: Some(68), status: VirusStatus::Infected };
        let e = attachment_status(conversation, None, &info, Utc::now());
        assert_eq!(e.kind, "attachment.status_changed");
        assert_eq!(e.data["status"], "infected");
        assert_eq!(e.data["id"], info.id.0.to_string());
        assert!(e.data["message_id"].is_null());
        assert_eq!(e.data["conversation_id"], conversation.0.to_string());
    }
}
