use crate::http::{ApiPath, ApiQuery, ApiResult, Caller, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::notifications::{FeedOrder, FeedQuery, Notification};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedFilters {
    /// `unread_first` (default) or `newest`.
    pub order: Option<String>,
    /// Only unread notifications.
    pub unread_only: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct NotificationBody {
    pub id: Uuid,
    /// The event code, e.g. `password_reset.requested`.
    pub kind: String,
    pub title: String,
    pub body: String,
    /// A path in the web app.
    pub link: Option<String>,
    #[schema(value_type = Object)]
    pub data: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

fn view(n: Notification) -> NotificationBody {
    NotificationBody { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, data: n.data, created_at: n.created_at, read_at: n.read_at }
}

#[derive(Serialize, ToSchema)]
pub struct UnreadCount {
    pub count: u64,
}

#[derive(Serialize, ToSchema)]
pub struct ReadAll {
    /// How many were unread.
    pub updated: u64,
}

/// The caller's notifications, unread first (or newest first), paginated.
#[utoipa::path(get, path = "/api/notifications", tag = "notifications", security(("bearer" = [])), params(FeedFilters, PageQuery),
    responses(
        (status = 200, body = Paginated<NotificationBody>),
        (status = 422, description = "A malformed filter", body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(filters): ApiQuery<FeedFilters>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<NotificationBody>>> {
    let query = FeedQuery { order: FeedOrder::parse(filters.order.as_deref())?, unread_only: filters.unread_only.unwrap_or(false) };
    let page = state.notifications.feed(&caller, query, page.request()).await?;
    Ok(Json(Paginated::from_page(page, view)))
}

/// How many of the caller's notifications are unread.
#[utoipa::path(get, path = "/api/notifications/unread-count", tag = "notifications", security(("bearer" = [])),
    responses((status = 200, body = UnreadCount)))]
pub async fn unread_count(State(state): State<AppState>, Caller(caller): Caller) -> ApiResult<Json<UnreadCount>> {
    Ok(Json(UnreadCount { count: state.notifications.unread_count(&caller).await? }))
}

/// Mark one of the caller's notifications read (again is fine).
#[utoipa::path(post, path = "/api/notifications/{id}/read", tag = "notifications", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Notification id")),
    responses(
        (status = 204, description = "Read"),
        (status = 400, description = "A malformed id", body = crate::http::error::Problem),
        (status = 404, description = "No such notification of the caller", body = crate::http::error::Problem),
    ))]
pub async fn mark_read(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.notifications.mark_read(&caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Mark every notification of the caller read.
#[utoipa::path(post, path = "/api/notifications/read-all", tag = "notifications", security(("bearer" = [])),
    responses((status = 200, body = ReadAll)))]
pub async fn read_all(State(state): State<AppState>, Caller(caller): Caller) -> ApiResult<Json<ReadAll>> {
    Ok(Json(ReadAll { updated: state.notifications.mark_all_read(&caller).await? }))
}
