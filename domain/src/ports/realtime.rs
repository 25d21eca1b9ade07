use super::PortResult;
use crate::ids::UserId;
use crate::realtime::{Channel, RealtimeEvent};

/// Pushes an event to everyone listening on a channel, in whatever process or
/// connection they are (Redis pub/sub locally; API Gateway WebSocket in the cloud).
/// Best effort: callers never fail a use case because a push failed.
#[async_trait::async_trait]
pub trait RealtimePush: Send + Sync {
    async fn publish(&self, channel: Channel, event: RealtimeEvent) -> PortResult<()>;
}

/// Whether a user takes part in a conversation (the messaging step implements it).
#[async_trait::async_trait]
pub trait ConversationChannelAccess: Send + Sync {
    async fn may_listen(&self, user: UserId, conversation: uuid::Uuid) -> PortResult<bool>;
}
