use super::{person, PersonRef};
use crate::http::{ApiJson, ApiPath, ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::applications::Feedback;
use hireops_domain::ids::ApplicationId;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct FeedbackItem {
    pub id: Uuid,
    pub author: PersonRef,
    /// screening | interview | client | general
    pub feedback_type: String,
    pub rating: u8,
    pub comments: Option<String>,
    pub created_at: DateTime<Utc>,
}

fn feedback_item(f: Feedback) -> FeedbackItem {
    FeedbackItem { id: f.id.0, author: person(f.author), feedback_type: f.feedback_type, rating: f.rating, comments: f.comments, created_at: f.created_at }
}

#[derive(Deserialize, ToSchema)]
pub struct FeedbackRequest {
    /// screening | interview | client | general
    #[serde(default)]
    pub feedback_type: String,
    /// 1 to 5.
    pub rating: Option<i64>,
    /// Up to 10,000 characters.
    pub comments: Option<String>,
}

/// Rate an application.
#[utoipa::path(post, path = "/api/applications/{id}/feedback", tag = "applications", security(("bearer" = [])), request_body = FeedbackRequest,
    params(("id" = Uuid, Path, description = "Application id")),
    responses(
        (status = 201, body = FeedbackItem),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn create(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>, ApiJson(body): ApiJson<FeedbackRequest>) -> ApiResult<(StatusCode, Json<FeedbackItem>)> {
    let f = state.applications.add_feedback(&caller, ApplicationId(id), &body.feedback_type, body.rating, body.comments.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(feedback_item(f))))
}

#[derive(Serialize, ToSchema)]
pub struct FeedbackList {
    /// Newest first.
    pub items: Vec<FeedbackItem>,
    pub count: u64,
    /// Mean rating, null without feedback.
    pub average_rating: Option<f64>,
}

/// The application's feedback, newest first, with the average rating.
#[utoipa::path(get, path = "/api/applications/{id}/feedback", tag = "applications", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Application id")),
    responses(
        (status = 200, body = FeedbackList),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn list(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<FeedbackList>> {
    let items = state.applications.feedback(&caller, ApplicationId(id)).await?;
    let count = items.len() as u64;
    let average_rating = (count > 0).then(|| items.iter().map(|f| f64::from(f.rating)).sum::<f64>() / count as f64);
    Ok(Json(FeedbackList { items: items.into_iter().map(feedback_item).collect(), count, average_rating }))
}
