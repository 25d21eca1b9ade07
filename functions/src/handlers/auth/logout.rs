use super::tokens::clear_refresh_cookie;
use crate::http::{ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum_extra::extract::CookieJar;

/// End the current session: its refresh token family is revoked and its
/// access tokens stop working at once.
#[utoipa::path(post, path = "/api/auth/logout", tag = "auth", security(("bearer" = [])),
    responses((status = 204, description = "Signed out")))]
pub async fn logout(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, jar: CookieJar) -> ApiResult<(StatusCode, CookieJar)> {
    state.auth.logout(&caller, &meta).await?;
    Ok((StatusCode::NO_CONTENT, clear_refresh_cookie(jar)))
}
