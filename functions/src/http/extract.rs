//! Path and query extractors whose failures are problem documents, never
//! axum's plain-text rejections.

use super::ApiError;
use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use axum::http::StatusCode;
use hireops_domain::FieldError;
use serde::de::DeserializeOwned;

/// Path parameters (ids): a malformed one is a 400 `invalid_path_parameter`.
pub struct ApiPath<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(ApiPath(value)),
            Err(e) => Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_path_parameter").detail(e.body_text())),
        }
    }
}

/// Query parameters: a malformed one is a 422 naming the parameter.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(ApiQuery(value)),
            Err(e) => {
                let text = e.body_text();
                // serde_urlencoded says "Failed to deserialize query string: <field>: <why>".
                let field = text.rsplit_once("query string: ").and_then(|(_, rest)| rest.split_once(": ")).map(|(f, _)| f.to_string()).unwrap_or_default();
                let mut err = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").detail(text.clone());
                err.errors.push(FieldError::new(field, "invalid", text));
                Err(err)
            }
        }
    }
}
