//! Messaging: who may talk to whom, and the shape of what they send.
//!
//! The rules are pure functions ([`rules`], [`body`]); adapters answer the
//! "is there a shared job or application" question, the domain decides.

pub mod body;
pub mod rules;
mod model;
mod service;

pub use body::{clamp_limit, sanitize_body, validate_participant_ids, MESSAGE_BODY_MAX, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, PARTICIPANTS_MAX};
pub use rules::{advance_read, check_group, decide_pair, needs_bridge, Blocked, Family, Party};
pub use model::*;
pub use service::{MessagingDeps, MessagingService, NewConversationInput};
