use crate::http::{ApiJson, ApiResult, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
pub struct ActivateRequest {
    /// The token from the emailed activation link.
    pub token: String,
    /// At least 12 characters and not easy to guess.
    pub password: String,
}

/// Set the first password of an admin-created account with the emailed link;
/// the account becomes active. A refused password leaves the link usable.
#[utoipa::path(post, path = "/api/auth/activate", tag = "auth", request_body = ActivateRequest,
    responses(
        (status = 204, description = "Activated; the user can sign in"),
        (status = 400, description = "`invalid_or_expired_token`", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
        (status = 429, body = crate::http::error::Problem),
    ))]
pub async fn activate(State(state): State<AppState>, ClientMeta(meta): ClientMeta, ApiJson(body): ApiJson<ActivateRequest>) -> ApiResult<StatusCode> {
    state.admin.activate(&body.token, &body.password, &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
