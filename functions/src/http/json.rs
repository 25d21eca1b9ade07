//! JSON bodies whose failures are problem documents, never axum's plain text.

use super::ApiError;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use hireops_domain::FieldError;
use serde::de::DeserializeOwned;

pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").detail("Send the body as application/json."))
            }
            Err(JsonRejection::JsonSyntaxError(e)) => Err(ApiError::new(StatusCode::BAD_REQUEST, "malformed_json").detail(e.body_text())),
            Err(JsonRejection::JsonDataError(e)) => {
                let text = e.body_text();
                let field = field_of(&text);
                let mut err = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").detail(text.clone());
                err.errors.push(FieldError::new(field.unwrap_or_default(), "invalid", text));
                Err(err)
            }
            Err(other) => Err(ApiError::new(StatusCode::BAD_REQUEST, "bad_request").detail(other.body_text())),
        }
    }
}

/// serde names the field in "missing field `email`" or "email: invalid type ...".
fn field_of(message: &str) -> Option<String> {
    if let Some(start) = message.find('`') {
        let rest = &message[start + 1..];
        return rest.find('`').map(|end| rest[..end].to_string());
    }
    let body = message.split_once(": ").map(|(_, b)| b).unwrap_or(message);
    body.split_once(": ").map(|(path, _)| path.to_string())
}
