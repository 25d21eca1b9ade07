//! The signed-in user's notifications and which of them also email them.
//! Every use case works on the caller's own rows only.

pub mod feed;
pub mod preferences;
