//! Messaging: conversations, messages and read receipts (permission `messaging:use`).

pub mod conversations;
pub mod messages;
