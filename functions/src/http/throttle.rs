//! Per-IP request limits, counted in Redis so every process shares them.

use super::caller::client_ip;
use super::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hireops_domain::ports::RateDecision;
use std::time::Duration;

/// Which budget a route draws from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Throttle {
    /// Sign-in, sign-up, reset and SSO endpoints: `AUTH_RATE_LIMIT_PER_MINUTE` per IP and route.
    Auth,
    /// Public job applications: `PUBLIC_APPLY_RATE_LIMIT_PER_HOUR` per IP.
    PublicApply,
    /// Public upload presigns and upload confirmations: `PUBLIC_UPLOAD_RATE_LIMIT_PER_HOUR` per IP and route.
    PublicUpload,
}

impl Throttle {
    /// The budget and its window.
    fn budget(&self, config: &crate::config::Config) -> (u32, Duration) {
        match self {
            Throttle::Auth => (config.auth_rate_limit_per_minute, Duration::from_secs(60)),
            Throttle::PublicApply => (config.public_apply_rate_limit_per_hour, Duration::from_secs(3600)),
            Throttle::PublicUpload => (config.public_upload_rate_limit_per_hour, Duration::from_secs(3600)),
        }
    }
}

pub async fn limit(State((state, throttle, route)): State<(AppState, Throttle, &'static str)>, request: Request, next: Next) -> Response {
    let (budget, window) = throttle.budget(&state.config);
    let (parts, body) = request.into_parts();
    let ip = client_ip(&parts, state.config.trust_proxy_headers).unwrap_or_else(|| "unknown".into());
    let key = format!("throttle:{route}:{ip}");
    match state.rate_limiter.hit(&key, budget, window).await {
        Ok(RateDecision::Allowed) => next.run(Request::from_parts(parts, body)).await,
        Ok(RateDecision::Limited { retry_after }) => ApiError::too_many(retry_after.as_secs().max(1), "rate_limited").into_response(),
        // Fail closed: without the counter we cannot tell a flood from a user.
        Err(e) => ApiError::from(e).into_response(),
    }
}
