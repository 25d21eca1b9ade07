//! What messaging stores and answers.

use super::{Family, Party};
use crate::files::{StoredFile, VirusStatus};
use crate::ids::{ApplicationId, CompanyId, ConversationId, FileId, MessageId, UserId};
use chrono::{DateTime, Utc};

/// A user as a conversation member (or prospective member).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    pub user_id: UserId,
    pub full_name: String,
    pub family: Family,
    pub company_id: Option<CompanyId>,
    /// `users.status = 'active'`.
    pub active: bool,
    /// Receipts, for members of a conversation (`None` otherwise or before any).
    pub last_read_message_id: Option<MessageId>,
    pub last_delivered_message_id: Option<MessageId>,
}

impl Participant {
    pub fn party(&self) -> Party {
        Party { user_id: self.user_id, family: self.family, company_id: self.company_id }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewConversation {
    pub id: ConversationId,
    pub subject: Option<String>,
    pub application_id: Option<ApplicationId>,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub id: MessageId,
    pub conversation_id: ConversationId,
    pub sender_id: UserId,
    /// May be empty when the message carries attachments.
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub attachments: Vec<AttachmentInfo>,
}

/// An attachment as a message shows it: enough to render it and its scan state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentInfo {
    pub id: FileId,
    pub file_name: String,
    pub content_type: String,
    /// Bytes, once the scan has measured them.
    pub size: Option<u64>,
    pub status: VirusStatus,
}

impl AttachmentInfo {
    pub fn of(file: &StoredFile) -> Self {
        Self { id: file.id, file_name: file.file_name.clone(), content_type: file.declared_type.clone(), size: file.size, status: file.virus_status }
    }
}

/// A stored attachment: the file, its conversation, and its message once sent.
#[derive(Clone, Debug, PartialEq)]
pub struct Attachment {
    pub file: StoredFile,
    pub conversation_id: ConversationId,
    pub message_id: Option<MessageId>,
}

/// The list filter of `GET /api/messaging/conversations`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConversationScope {
    All,
    Unread,
    Application(ApplicationId),
}

/// One row of the conversation list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversationSummary {
    pub id: ConversationId,
    pub subject: Option<String>,
    pub application_id: Option<ApplicationId>,
    pub participants: Vec<Participant>,
    /// Body truncated to 200 characters.
    pub last_message: Option<Message>,
    pub unread_count: u64,
    pub last_message_at: Option<DateTime<Utc>>,
}

/// A conversation as its participants see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversationView {
    pub conversation: NewConversation,
    pub participants: Vec<Participant>,
}

/// A page of messages, newest first; `next_before` continues older.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessagePage {
    pub items: Vec<Message>,
    pub next_before: Option<MessageId>,
}

/// Someone the caller may start a conversation with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    pub person: Participant,
    /// Their company's name (none for candidates).
    pub company_name: Option<String>,
}
