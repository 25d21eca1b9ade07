//! Search, the per-role dashboard and pipeline / requirement analytics (read-only).

pub mod analytics;
pub mod dashboard;
pub mod search;
