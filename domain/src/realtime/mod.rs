//! Real time: the channels clients listen on, the event envelope pushed to
//! them, and who may subscribe to what. Delivery itself is a port
//! ([`crate::ports::RealtimePush`]); the domain never sees sockets.

mod access;
mod channel;
mod event;

pub use access::authorize_subscription;
pub use channel::Channel;
pub use event::{event_types, NotificationCreated, RealtimeEvent};
