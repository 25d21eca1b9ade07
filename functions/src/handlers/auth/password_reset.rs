use super::register::Accepted;
use crate::http::{ApiJson, ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::ids::ResetRequestId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct ResetRequestBody {
    pub email: String,
}

/// Ask for a password reset. Always 202, whether or not the address exists;
/// the user's approvers are notified.
#[utoipa::path(post, path = "/api/auth/password-reset/request", tag = "auth", request_body = ResetRequestBody,
    responses((status = 202, body = Accepted), (status = 422, body = crate::http::error::Problem), (status = 429, body = crate::http::error::Problem)))]
pub async fn request_reset(State(state): State<AppState>, ClientMeta(meta): ClientMeta, ApiJson(body): ApiJson<ResetRequestBody>) -> ApiResult<(StatusCode, Json<Accepted>)> {
    state.auth.request_password_reset(&body.email, &meta).await?;
    Ok((StatusCode::ACCEPTED, Json(Accepted { status: "request_recorded" })))
}

#[derive(Serialize, ToSchema)]
pub struct PendingReset {
    pub id: Uuid,
    pub user_id: Uuid,
    pub email: String,
    pub full_name: String,
    pub requested_at: DateTime<Utc>,
    pub requested_ip: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PendingResets {
    pub items: Vec<PendingReset>,
}

/// Pending reset requests this admin may approve.
#[utoipa::path(get, path = "/api/admin/password-reset-requests", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = PendingResets)))]
pub async fn list_pending(State(state): State<AppState>, Caller(caller): Caller) -> ApiResult<Json<PendingResets>> {
    let items = state
        .auth
        .pending_reset_requests(&caller)
        .await?
        .into_iter()
        .map(|r| PendingReset {
            id: r.id.0,
            user_id: r.user_id.0,
            email: r.user_email,
            full_name: r.user_full_name,
            requested_at: r.requested_at,
            requested_ip: r.requested_ip,
        })
        .collect();
    Ok(Json(PendingResets { items }))
}

#[derive(Deserialize, ToSchema)]
pub struct ApproveResetRequest {
    pub request_id: Uuid,
}

/// Approve a request: the user is emailed a single-use reset link.
#[utoipa::path(post, path = "/api/auth/password-reset/approve", tag = "auth", security(("bearer" = [])), request_body = ApproveResetRequest,
    responses(
        (status = 204, description = "Approved; link emailed"),
        (status = 403, description = "Missing permission, or one's own request", body = crate::http::error::Problem),
        (status = 404, description = "No such request in the admin's scope", body = crate::http::error::Problem),
        (status = 409, description = "Not pending any more", body = crate::http::error::Problem),
    ))]
pub async fn approve(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiJson(body): ApiJson<ApproveResetRequest>) -> ApiResult<StatusCode> {
    state.auth.approve_password_reset(&caller, ResetRequestId(body.request_id), &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct CompleteResetRequest {
    pub token: String,
    pub new_password: String,
}

/// Set a new password with the emailed link's token; every session of the user ends.
#[utoipa::path(post, path = "/api/auth/password-reset/complete", tag = "auth", request_body = CompleteResetRequest,
    responses(
        (status = 204, description = "Password changed"),
        (status = 400, description = "Invalid, used or expired token", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn complete(State(state): State<AppState>, ClientMeta(meta): ClientMeta, ApiJson(body): ApiJson<CompleteResetRequest>) -> ApiResult<StatusCode> {
    state.auth.complete_password_reset(&body.token, &body.new_password, &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
