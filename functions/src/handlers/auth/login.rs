use super::tokens::{respond, TokenResponse};
use crate::http::{ApiJson, ApiResult, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    #[schema(example = "ada@example.com")]
    pub email: String,
    pub password: String,
}

/// Sign in with email and password. Admins get `require_2fa: true` and a code by email.
#[utoipa::path(post, path = "/api/auth/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "Unknown email or wrong password (indistinguishable)", body = crate::http::error::Problem),
        (status = 403, description = "Email not verified, account disabled or login on hold", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
        (status = 429, description = "Account locked or too many requests; see Retry-After", body = crate::http::error::Problem),
    ))]
pub async fn login(State(state): State<AppState>, ClientMeta(meta): ClientMeta, headers: HeaderMap, jar: CookieJar, ApiJson(body): ApiJson<LoginRequest>) -> ApiResult<(CookieJar, Json<TokenResponse>)> {
    let outcome = state.auth.login(&body.email, &body.password, &meta).await?;
    let (jar, response) = respond(&state, &headers, jar, outcome);
    Ok((jar, Json(response)))
}
