//! The one error type of the domain layer. The HTTP layer maps each variant
//! to a problem+json status exactly once.

use serde::Serialize;

/// A field-level validation failure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), code: code.into(), message: message.into() }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// Input broke a rule; every broken field is listed.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// Credentials, code or token were wrong, unknown or expired. Deliberately vague.
    #[error("unauthenticated: {0}")]
    Unauthenticated(&'static str),
    /// A link or token in the request is invalid, used or expired.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// The caller is known but lacks the permission.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// Absent, or outside the caller's company scope (never told apart).
    #[error("not found")]
    NotFound,
    /// The action conflicts with the current state (a stale version, a used token...).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// The resource already exists (a duplicate candidate...); `existing_id` names it.
    #[error("duplicate: {code}")]
    Duplicate { code: &'static str, existing_id: uuid::Uuid },
    /// Too many attempts; try again after this many seconds.
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64, code: &'static str },
    /// A port failed (database down, queue unreachable...). Never shown to clients.
    #[error("infrastructure failure: {0}")]
    Infrastructure(String),
}

impl DomainError {
    pub fn field(field: &str, code: &str, message: &str) -> Self {
        DomainError::Validation(vec![FieldError::new(field, code, message)])
    }

    pub fn infra(e: impl std::fmt::Display) -> Self {
        DomainError::Infrastructure(e.to_string())
    }
}

pub type DomainResult<T> = Result<T, DomainError>;
