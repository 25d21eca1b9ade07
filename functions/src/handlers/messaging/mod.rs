//! Messaging: conversations, messages, receipts and attachments (permission `messaging:use`).

pub mod attachments;
pub mod contacts;
pub mod conversations;
pub mod messages;
