//! The one HTTP error type: RFC 9457 problem+json, mapped once from the domain.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use hireops_domain::{DomainError, FieldError};
use serde::Serialize;
use utoipa::ToSchema;

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem; stable.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// A stable machine-readable code, e.g. `invalid_credentials`.
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Per-field validation errors (422).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
    /// The id of the resource this one would duplicate (409 on duplicates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing_id: Option<uuid::Uuid>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProblemField {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: String,
    pub detail: Option<String>,
    pub errors: Vec<FieldError>,
    pub retry_after: Option<u64>,
    pub existing_id: Option<uuid::Uuid>,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
    pub fn new(status: StatusCode, code: &str) -> Self {
        Self { status, code: code.to_string(), detail: None, errors: vec![], retry_after: None, existing_id: None }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn too_many(retry_after: u64, code: &str) -> Self {
        Self { retry_after: Some(retry_after.max(1)), ..Self::new(StatusCode::TOO_MANY_REQUESTS, code) }
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(cause = %cause, "internal error");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error")
    }
}

impl From<DomainError> for ApiError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Validation(errors) => {
                Self { errors, ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").detail("The request has invalid fields.") }
            }
            DomainError::Unauthenticated(code) => Self::new(StatusCode::UNAUTHORIZED, code),
            DomainError::BadRequest(code) => Self::new(StatusCode::BAD_REQUEST, code),
            DomainError::Forbidden(code) => Self::new(StatusCode::FORBIDDEN, code),
            DomainError::NotFound => Self::new(StatusCode::NOT_FOUND, "not_found"),
            DomainError::Conflict(code) => Self::new(StatusCode::CONFLICT, code),
            DomainError::Duplicate { code, existing_id } => Self { existing_id: Some(existing_id), ..Self::new(StatusCode::CONFLICT, code) },
            DomainError::TooManyRequests { retry_after_secs, code } => Self::too_many(retry_after_secs, code),
            DomainError::Infrastructure(cause) => Self::internal(cause),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let title = self.status.canonical_reason().unwrap_or("Error").to_string();
        let problem = Problem {
            kind: format!("https://hireops.dev/problems/{}", self.code.replace('_', "-")),
            title,
            status: self.status.as_u16(),
            code: self.code,
            detail: self.detail,
            errors: self.errors.into_iter().map(|f| ProblemField { field: f.field, code: f.code, message: f.message }).collect(),
            existing_id: self.existing_id,
        };
        let mut response = (self.status, axum::Json(problem)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        if let Some(secs) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
