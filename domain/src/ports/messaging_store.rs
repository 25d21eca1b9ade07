use super::PortResult;
use crate::identity::Scope;
use crate::ids::{ApplicationId, ConversationId, MessageId, UserId};
use crate::messaging::{ConversationSummary, Message, NewConversation, Participant, Party, ConversationScope};
use crate::paging::{Page, PageRequest};
use chrono::{DateTime, Utc};

/// Conversations, participants, messages and read receipts.
#[async_trait::async_trait]
pub trait ConversationStore: Send + Sync {
    /// The users with these ids that exist, with their role family and status.
    async fn people(&self, ids: &[UserId]) -> PortResult<Vec<Participant>>;
    /// Is there a shared job or application linking these two (a recruiter-side
    /// user and a candidate or employer-side user)?
    async fn bridged(&self, a: &Party, b: &Party) -> PortResult<bool>;
    /// Does the application exist and is it visible in this scope?
    async fn application_visible(&self, id: ApplicationId, scope: Scope) -> PortResult<bool>;
    /// Store a conversation and all its participants in one transaction.
    async fn create(&self, conversation: &NewConversation, participants: &[UserId], at: DateTime<Utc>) -> PortResult<()>;
    /// The conversation and its current participants, if it exists.
    async fn find(&self, id: ConversationId) -> PortResult<Option<(NewConversation, Vec<Participant>)>>;
    /// The caller's conversations, most recently active first.
    async fn list(&self, user: UserId, scope: &ConversationScope, page: PageRequest) -> PortResult<Page<ConversationSummary>>;
    async fn add_participants(&self, id: ConversationId, users: &[UserId], at: DateTime<Utc>) -> PortResult<()>;
    /// Store a message and move the conversation's `last_message_at`.
    async fn insert_message(&self, message: &Message) -> PortResult<()>;
    /// Newest first, older than `before` when given.
    async fn messages(&self, id: ConversationId, before: Option<MessageId>, limit: u32) -> PortResult<Vec<Message>>;
    async fn message_exists(&self, id: ConversationId, message: MessageId) -> PortResult<bool>;
    /// Move the user's read receipt forward to `message` (never back).
    async fn mark_read(&self, id: ConversationId, user: UserId, message: MessageId, at: DateTime<Utc>) -> PortResult<()>;
}
