use super::tokens::{clear_refresh_cookie, issued, TokenResponse, REFRESH_COOKIE};
use crate::http::{ApiError, ApiResult, ClientMeta};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema, Default)]
pub struct RefreshRequest {
    /// Omit when the web app's httpOnly cookie carries it.
    pub refresh_token: Option<String>,
}

/// Exchange a refresh token for a new pair. The old token dies; presenting a
/// dead one ends its whole family.
#[utoipa::path(post, path = "/api/auth/refresh", tag = "auth", request_body(content = RefreshRequest, description = "Optional for web clients using the cookie"),
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "Unknown, expired or reused refresh token", body = crate::http::error::Problem),
    ))]
pub async fn refresh(State(state): State<AppState>, ClientMeta(meta): ClientMeta, headers: HeaderMap, jar: CookieJar, body: Bytes) -> ApiResult<Response> {
    let request: RefreshRequest = if body.iter().all(u8::is_ascii_whitespace) {
        RefreshRequest::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "malformed_json").detail(e.to_string()))?
    };
    let token = request.refresh_token.or_else(|| jar.get(REFRESH_COOKIE).map(|c| c.value().to_string()));
    let Some(token) = token else {
        return Err(ApiError::new(StatusCode::UNAUTHORIZED, "refresh_token_missing"));
    };
    match state.auth.refresh(&token, &meta).await {
        Ok(tokens) => {
            let (jar, response) = issued(&state, &headers, jar, tokens);
            Ok((jar, Json(response)).into_response())
        }
        // A dead cookie is useless to keep.
        Err(e) => Ok((clear_refresh_cookie(jar), ApiError::from(e)).into_response()),
    }
}
