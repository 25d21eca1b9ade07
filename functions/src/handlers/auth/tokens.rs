//! How issued tokens reach the client: the body for API and mobile clients,
//! an httpOnly cookie for the web app (which sends `X-Client: web`).

use crate::state::AppState;
use axum::http::HeaderMap;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use hireops_domain::auth::{IssuedTokens, LoginOutcome};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

pub const REFRESH_COOKIE: &str = "hireops_refresh";
const COOKIE_PATH: &str = "/api/auth";

/// A sign-in answer: either tokens, or a request for the emailed code.
#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    /// True when an emailed code must be sent to `/api/auth/2fa/verify` next.
    pub require_2fa: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenge_id: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    /// Omitted for web clients, which get it as an httpOnly cookie.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "Bearer")]
    pub token_type: Option<&'static str>,
    /// Access token lifetime in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
}

pub fn is_web_client(headers: &HeaderMap) -> bool {
    headers.get("x-client").and_then(|v| v.to_str().ok()).is_some_and(|v| v.eq_ignore_ascii_case("web"))
}

pub fn respond(state: &AppState, headers: &HeaderMap, jar: CookieJar, outcome: LoginOutcome) -> (CookieJar, TokenResponse) {
    match outcome {
        LoginOutcome::SecondFactor { challenge_id } => (
            jar,
            TokenResponse {
                require_2fa: true,
                challenge_id: Some(challenge_id.0),
                access_token: None,
                refresh_token: None,
                token_type: None,
                expires_in: None,
            },
        ),
        LoginOutcome::Tokens(tokens) => issued(state, headers, jar, tokens),
    }
}

pub fn issued(state: &AppState, headers: &HeaderMap, jar: CookieJar, tokens: IssuedTokens) -> (CookieJar, TokenResponse) {
    let web = is_web_client(headers);
    let jar = if web { jar.add(refresh_cookie(state, tokens.refresh_token.clone())) } else { jar };
    (
        jar,
        TokenResponse {
            require_2fa: false,
            challenge_id: None,
            access_token: Some(tokens.access_token),
            refresh_token: (!web).then_some(tokens.refresh_token),
            token_type: Some("Bearer"),
            expires_in: Some(tokens.expires_in),
        },
    )
}

fn refresh_cookie(state: &AppState, value: String) -> Cookie<'static> {
    let max_age = state.auth.policy().session_absolute_ttl.num_seconds();
    Cookie::build((REFRESH_COOKIE, value))
        .http_only(true)
        .secure(state.config.cookie_secure)
        .same_site(SameSite::Strict)
        .path(COOKIE_PATH)
        .max_age(time::Duration::seconds(max_age))
        .build()
}

pub fn clear_refresh_cookie(jar: CookieJar) -> CookieJar {
    jar.remove(Cookie::build(REFRESH_COOKIE).path(COOKIE_PATH))
}
