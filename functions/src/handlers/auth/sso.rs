use super::tokens::{respond, TokenResponse};
use crate::http::{ApiError, ApiResult, ClientMeta};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use hireops_domain::auth::{LoginOutcome, SsoProvider};
use serde::Deserialize;
use utoipa::IntoParams;

const STATE_COOKIE: &str = "hireops_sso_state";

fn provider(name: &str) -> ApiResult<SsoProvider> {
    SsoProvider::parse(name).ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "not_found"))
}

/// Start single sign-on: redirects to the provider (OIDC code flow with state,
/// nonce and PKCE S256). Only existing accounts can sign in this way.
#[utoipa::path(get, path = "/api/auth/sso/{provider}/start", tag = "auth",
    params(("provider" = String, Path, description = "google or outlook")),
    responses((status = 302, description = "To the provider"), (status = 404, description = "Unknown or unconfigured provider", body = crate::http::error::Problem)))]
pub async fn start(State(state): State<AppState>, Path(name): Path<String>, jar: CookieJar) -> ApiResult<(CookieJar, Redirect)> {
    let started = state.auth.sso_start(provider(&name)?).await?;
    // Binds the flow to this browser, so a stolen callback URL is useless elsewhere.
    let cookie = Cookie::build((STATE_COOKIE, started.state))
        .http_only(true)
        .secure(state.config.cookie_secure)
        .same_site(SameSite::Lax)
        .path("/api/auth/sso")
        .max_age(time::Duration::minutes(10))
        .build();
    Ok((jar.add(cookie), Redirect::to(&started.authorization_url)))
}

#[derive(Deserialize, IntoParams)]
pub struct CallbackQuery {
    pub code: Option<String>,
    pub state: Option<String>,
    /// Set by the provider when the user declined or something failed there.
    pub error: Option<String>,
}

/// The provider's redirect back. Browsers are sent on to the web app (with the
/// refresh cookie set); API clients asking for JSON get the token answer.
#[utoipa::path(get, path = "/api/auth/sso/{provider}/callback", tag = "auth",
    params(("provider" = String, Path, description = "google or outlook"), CallbackQuery),
    responses(
        (status = 200, description = "For `Accept: application/json`", body = TokenResponse),
        (status = 303, description = "Browsers: on to the web app"),
        (status = 401, description = "State mismatch or the ID token did not verify", body = crate::http::error::Problem),
        (status = 403, description = "No existing account for this identity", body = crate::http::error::Problem),
    ))]
pub async fn callback(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(query): Query<CallbackQuery>,
    ClientMeta(meta): ClientMeta,
    headers: HeaderMap,
    jar: CookieJar,
) -> ApiResult<Response> {
    let provider = provider(&name)?;
    let wants_json = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("application/json"));
    let browser_state = jar.get(STATE_COOKIE).map(|c| c.value().to_string());
    let jar = jar.remove(Cookie::build(STATE_COOKIE).path("/api/auth/sso"));
    let result = match (&query.error, &query.code, &query.state) {
        (None, Some(code), Some(st)) => state.auth.sso_callback(provider, code, st, browser_state.as_deref(), &meta).await.map_err(ApiError::from),
        (Some(_), _, _) => Err(ApiError::new(StatusCode::UNAUTHORIZED, "sso_cancelled")),
        _ => Err(ApiError::new(StatusCode::BAD_REQUEST, "sso_callback_incomplete")),
    };
    let front = state.config.frontend_url.trim_end_matches('/').to_string();
    match result {
        Ok(outcome) if wants_json => {
            let (jar, body) = respond(&state, &headers, jar, outcome);
            Ok((jar, Json(body)).into_response())
        }
        Ok(LoginOutcome::SecondFactor { challenge_id }) => {
            Ok((jar, Redirect::to(&format!("{front}/sign-in/2fa?challenge_id={}", challenge_id.0))).into_response())
        }
        Ok(outcome) => {
            // The browser gets the refresh cookie; the app then calls /api/auth/refresh.
            let mut web = headers.clone();
            web.insert("x-client", "web".parse().expect("static header value"));
            let (jar, _) = respond(&state, &web, jar, outcome);
            Ok((jar, Redirect::to(&format!("{front}/sso/complete"))).into_response())
        }
        Err(e) if wants_json => Ok((jar, e).into_response()),
        Err(e) => Ok((jar, Redirect::to(&format!("{front}/sign-in?sso_error={}", e.code))).into_response()),
    }
}
