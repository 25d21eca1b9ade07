use crate::http::{ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct OwnApplicationItem {
    pub id: Uuid,
    pub job_id: Uuid,
    pub job_title: String,
    pub company_name: String,
    pub stage_name: String,
    /// `active`, `hired` or `rejected`.
    pub stage_kind: String,
    pub submitted_at: DateTime<Utc>,
    pub stage_entered_at: DateTime<Utc>,
}

/// The signed-in candidate's own applications, newest first.
#[utoipa::path(get, path = "/api/candidate/applications", tag = "applications", security(("bearer" = [])),
    responses((status = 200, body = Vec<OwnApplicationItem>)))]
pub async fn list(State(state): State<AppState>, Caller(caller): Caller) -> ApiResult<Json<Vec<OwnApplicationItem>>> {
    let items = state.applications.own(&caller).await?;
    Ok(Json(
        items
            .into_iter()
            .map(|a| OwnApplicationItem {
                id: a.id.0,
                job_id: a.job_id.0,
                job_title: a.job_title,
                company_name: a.company_name,
                stage_name: a.stage_name,
                stage_kind: a.stage_kind.as_str().to_string(),
                submitted_at: a.submitted_at,
                stage_entered_at: a.stage_entered_at,
            })
            .collect(),
    ))
}
