use super::Channel;
use crate::error::{DomainError, DomainResult};
use crate::ids::UserId;
use crate::ports::ConversationChannelAccess;

/// May `user` listen on `channel`? Their own `user:` channel always; a
/// `conversation:` channel when the port says they take part in it. Anything
/// else is `Forbidden("channel_forbidden")`.
pub async fn authorize_subscription(user: UserId, channel: Channel, conversations: &dyn ConversationChannelAccess) -> DomainResult<()> {
    let allowed = match channel {
        Channel::User(owner) => owner == user,
        Channel::Conversation(id) => conversations.may_listen(user, id).await?,
    };
    if allowed { Ok(()) } else { Err(DomainError::Forbidden("channel_forbidden")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nobody takes part in any conversation.
    struct NoConversationChannels;

    #[async_trait::async_trait]
    impl ConversationChannelAccess for NoConversationChannels {
        async fn may_listen(&self, _user: UserId, _conversation: uuid::Uuid) -> crate::ports::PortResult<bool> {
            Ok(false)
        }
    }

    #[tokio::test]
    async fn own_user_channel_only() {
        let me = UserId(uuid::Uuid::now_v7());
        let other = UserId(uuid::Uuid::now_v7());
        assert!(authorize_subscription(me, Channel::User(me), &NoConversationChannels).await.is_ok());
        assert!(matches!(authorize_subscription(me, Channel::User(other), &NoConversationChannels).await, Err(DomainError::Forbidden(_))));
        assert!(matches!(
            authorize_subscription(me, Channel::Conversation(uuid::Uuid::now_v7()), &NoConversationChannels).await,
            Err(DomainError::Forbidden(_))
        ));
    }
}
