//! HireOps domain: the recruiting and identity rules, free of I/O.
//!
//! Everything that touches the outside world is a port (a trait in [`ports`]);
//! the `adapters` crate implements them and the `functions` crate wires them.

pub mod admin;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod candidates;
pub mod clock;
pub mod error;
pub mod events;
pub mod files;
pub mod ids;
pub mod identity;
pub mod imports;
pub mod insights;
pub mod mail;
pub mod messaging;
pub mod notifications;
pub mod paging;
pub mod pipelines;
pub mod ports;
pub mod realtime;
pub mod settings;
pub mod text_input;
pub mod text_search;
pub mod jobs;

pub use error::{DomainError, FieldError};
