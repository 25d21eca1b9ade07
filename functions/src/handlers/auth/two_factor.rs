use super::tokens::{issued, TokenResponse};
use crate::http::{ApiJson, ApiResult, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use axum_extra::extract::CookieJar;
use hireops_domain::ids::ChallengeId;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct VerifyTwoFactorRequest {
    pub challenge_id: Uuid,
    /// The 6-digit code from the email.
    #[schema(example = "042917")]
    pub code: String,
}

/// Finish an admin sign-in with the emailed code (10 minutes, single use, 5 tries).
#[utoipa::path(post, path = "/api/auth/2fa/verify", tag = "auth", request_body = VerifyTwoFactorRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "Wrong code, or the challenge expired, was used or ran out of tries", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn verify_2fa(State(state): State<AppState>, ClientMeta(meta): ClientMeta, headers: HeaderMap, jar: CookieJar, ApiJson(body): ApiJson<VerifyTwoFactorRequest>) -> ApiResult<(CookieJar, Json<TokenResponse>)> {
    let tokens = state.auth.verify_second_factor(ChallengeId(body.challenge_id), &body.code, &meta).await?;
    let (jar, response) = issued(&state, &headers, jar, tokens);
    Ok((jar, Json(response)))
}
