//! HTTP handlers: parse, call a domain use case, map the result. Nothing else.

pub mod admin;
pub mod audit;
pub mod auth;
pub mod health;
pub mod insights;
pub mod me;
pub mod user_import;
pub mod notifications;
pub mod settings;
pub mod jobs;
pub mod public_jobs;
pub mod applications;
pub mod pipelines;
pub mod public_apply;
pub mod files;
pub mod candidates;
pub mod candidate_self;
pub mod messaging;
