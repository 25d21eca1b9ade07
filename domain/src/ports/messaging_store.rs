use super::PortResult;
use crate::identity::Scope;
use crate::ids::{ApplicationId, ConversationId, FileId, MessageId, UserId};
use crate::messaging::{Attachment, Contact, ConversationScope, ConversationSummary, Message, NewConversation, Participant, Party};
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
    /// Store a message, link its attachments to it and move the
    /// conversation's `last_message_at`, in one transaction. An attachment
    /// that another message took meanwhile is `Conflict("attachment_already_sent")`
    /// and nothing is stored.
    async fn insert_message(&self, message: &Message) -> PortResult<()>;
    /// Newest first, older than `before` when given, with their attachments.
    async fn messages(&self, id: ConversationId, before: Option<MessageId>, limit: u32) -> PortResult<Vec<Message>>;
    async fn message_exists(&self, id: ConversationId, message: MessageId) -> PortResult<bool>;
    /// Move the user's read receipt forward to `message` (never back); true when it moved.
    async fn mark_read(&self, id: ConversationId, user: UserId, message: MessageId, at: DateTime<Utc>) -> PortResult<bool>;
    /// Move the user's delivery receipt forward to `message` (never back); true when it moved.
    async fn mark_delivered(&self, id: ConversationId, user: UserId, message: MessageId, at: DateTime<Utc>) -> PortResult<bool>;
    async fn is_participant(&self, id: ConversationId, user: UserId) -> PortResult<bool>;
    /// Active people `caller` may reach: colleagues, and across companies
    /// those the same bridges as [`ConversationStore::bridged`] link (a super
    /// admin reaches everyone). Matching `search` (name or email) when given,
    /// by name, at most `limit`. Super admins are listed only to super admins.
    async fn contacts(&self, caller: &Party, search: Option<&str>, limit: u32) -> PortResult<Vec<Contact>>;
    /// Attachments by file id (unknown ids are left out).
    async fn attachments(&self, ids: &[FileId]) -> PortResult<Vec<Attachment>>;
}
