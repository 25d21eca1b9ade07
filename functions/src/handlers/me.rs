use crate::http::{ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct CompanyView {
    pub id: Uuid,
    pub name: String,
    /// `agency` or `employer`.
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Serialize, ToSchema)]
pub struct MeResponse {
    pub id: Uuid,
    pub email: String,
    pub full_name: String,
    pub status: String,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
    /// Null for candidates and super admins.
    pub company: Option<CompanyView>,
}

/// The signed-in user, with roles, permissions and company.
#[utoipa::path(get, path = "/api/me", tag = "me", security(("bearer" = [])),
    responses((status = 200, body = MeResponse)))]
pub async fn me(State(state): State<AppState>, Caller(caller): Caller) -> ApiResult<Json<MeResponse>> {
    let user = state.auth.me(&caller).await?;
    Ok(Json(MeResponse {
        id: user.id.0,
        email: user.email.to_string(),
        full_name: user.full_name,
        status: user.status.as_str().to_string(),
        roles: user.roles,
        permissions: user.permissions.iter().map(|p| p.code().to_string()).collect(),
        company: user.company.map(|c| CompanyView { id: c.id.0, name: c.name, kind: c.kind.as_str().to_string() }),
    }))
}
