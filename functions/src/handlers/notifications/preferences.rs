use crate::http::{ApiJson, ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use hireops_domain::notifications::Preference;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct PreferenceBody {
    /// The notification kind (event code).
    pub kind: String,
    pub description: String,
    /// Whether this kind also emails the caller (in-app notifications are always created).
    pub email: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Preferences {
    pub items: Vec<PreferenceBody>,
}

fn view(items: Vec<Preference>) -> Preferences {
    Preferences { items: items.into_iter().map(|p| PreferenceBody { kind: p.kind.into(), description: p.description.into(), email: p.email }).collect() }
}

#[derive(Deserialize, ToSchema)]
pub struct PreferenceChange {
    pub kind: String,
    pub email: bool,
}

/// Kinds not named keep their current setting.
#[derive(Deserialize, ToSchema)]
pub struct UpdatePreferences {
    pub items: Vec<PreferenceChange>,
}

/// Every notification kind and whether it also emails the caller.
#[utoipa::path(get, path = "/api/me/notification-preferences", tag = "me", security(("bearer" = [])),
    responses((status = 200, body = Preferences)))]
pub async fn get_preferences(State(state): State<AppState>, Caller(caller): Caller) -> ApiResult<Json<Preferences>> {
    Ok(Json(view(state.notifications.preferences(&caller).await?)))
}

/// Choose which kinds also email the caller. An unknown kind is a 422 and nothing is saved.
#[utoipa::path(put, path = "/api/me/notification-preferences", tag = "me", security(("bearer" = [])), request_body = UpdatePreferences,
    responses((status = 200, body = Preferences), (status = 422, body = crate::http::error::Problem)))]
pub async fn update_preferences(State(state): State<AppState>, Caller(caller): Caller, ApiJson(body): ApiJson<UpdatePreferences>) -> ApiResult<Json<Preferences>> {
    let items = body.items.into_iter().map(|i| (i.kind, i.email)).collect();
    Ok(Json(view(state.notifications.set_preferences(&caller, items).await?)))
}
