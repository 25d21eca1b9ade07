use crate::http::{ApiJson, ApiResult, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct RegisterRequest {
    pub email: String,
    /// At least 12 characters and not easy to guess.
    pub password: String,
    pub full_name: String,
}

#[derive(Serialize, ToSchema)]
pub struct Accepted {
    pub status: &'static str,
}

/// Candidates sign up themselves; a verification link is emailed. The answer
/// is the same whether or not the address already has an account.
#[utoipa::path(post, path = "/api/auth/register", tag = "auth", request_body = RegisterRequest,
    responses((status = 202, body = Accepted), (status = 422, body = crate::http::error::Problem), (status = 429, body = crate::http::error::Problem)))]
pub async fn register(State(state): State<AppState>, ClientMeta(meta): ClientMeta, ApiJson(body): ApiJson<RegisterRequest>) -> ApiResult<(StatusCode, Json<Accepted>)> {
    state.auth.register(&body.email, &body.password, &body.full_name, &meta).await?;
    Ok((StatusCode::ACCEPTED, Json(Accepted { status: "verification_email_sent" })))
}

#[derive(Deserialize, ToSchema)]
pub struct VerifyEmailRequest {
    pub token: String,
}

/// Confirm the address with the emailed token; the account becomes active.
#[utoipa::path(post, path = "/api/auth/verify-email", tag = "auth", request_body = VerifyEmailRequest,
    responses((status = 204, description = "Verified"), (status = 400, description = "Invalid, used or expired token", body = crate::http::error::Problem)))]
pub async fn verify_email(State(state): State<AppState>, ClientMeta(meta): ClientMeta, ApiJson(body): ApiJson<VerifyEmailRequest>) -> ApiResult<StatusCode> {
    state.auth.verify_email(&body.token, &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
