//! Messaging: who may talk to whom, the shape of what they send, attachments
//! (through the virus-scanned file pipeline) and the live events it pushes.
//!
//! The rules are pure functions ([`rules`], [`body`], [`attachments`]);
//! adapters answer the "is there a shared job or application" question, the
//! domain decides.

pub mod attachments;
pub mod body;
mod contacts;
pub mod live;
pub mod rules;
mod model;
mod service;
mod uploads;

pub use attachments::{check_attachable, ATTACHMENTS_PER_MESSAGE};
pub use contacts::{ContactQuery, CONTACTS_LIMIT_DEFAULT, CONTACTS_LIMIT_MAX};
pub use body::{clamp_limit, sanitize_body, validate_participant_ids, MESSAGE_BODY_MAX, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, PARTICIPANTS_MAX};
pub use rules::{advance_read, check_group, decide_pair, needs_bridge, Blocked, Family, Party};
pub use model::*;
pub use service::{MessagingDeps, MessagingService, NewConversationInput, NewMessageInput};
pub use uploads::{AttachmentFiles, ConversationChannels};
