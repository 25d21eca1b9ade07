//! Candidates: company-owned profiles managed by recruiters, and candidate
//! users' own profiles.

mod contact;

pub use contact::{normalize_email, normalize_phone};
