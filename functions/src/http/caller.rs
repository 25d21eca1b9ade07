//! Who is calling and from where.

use super::ApiError;
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use hireops_domain::audit::RequestMeta;
use hireops_domain::identity::Principal;
use std::net::SocketAddr;

/// The authenticated caller, put in the request by the route table's access
/// layer. A handler that takes it cannot run unauthenticated.
pub struct Caller(pub Principal);

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Principal>()
            .cloned()
            .map(Caller)
            .ok_or_else(|| ApiError::new(StatusCode::UNAUTHORIZED, "authentication_required"))
    }
}

/// Request metadata for audit rows and throttling.
pub struct ClientMeta(pub RequestMeta);

impl<S: Send + Sync> FromRequestParts<S> for ClientMeta
where
    AppState: FromRef<S>,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        Ok(ClientMeta(request_meta(parts, state.config.trust_proxy_headers)))
    }
}

pub fn request_meta(parts: &Parts, trust_proxy_headers: bool) -> RequestMeta {
    RequestMeta {
        ip: client_ip(parts, trust_proxy_headers),
        user_agent: parts.headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_string),
        request_id: parts.headers.get("x-request-id").and_then(|v| v.to_str().ok()).map(str::to_string),
    }
}

/// The client address: API Gateway's source IP in Lambda, the socket peer
/// locally, or the first X-Forwarded-For hop only when a trusted proxy sets it.
pub fn client_ip(parts: &Parts, trust_proxy_headers: bool) -> Option<String> {
    if trust_proxy_headers
        && let Some(ip) = parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()).and_then(|v| v.split(',').next()) {
            return Some(ip.trim().to_string());
        }
    if let Some(lambda_http::request::RequestContext::ApiGatewayV2(ctx)) = parts.extensions.get::<lambda_http::request::RequestContext>()
        && let Some(ip) = &ctx.http.source_ip {
            return Some(ip.clone());
        }
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip().to_string())
}
