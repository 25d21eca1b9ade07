//! `GET /api/messaging/contacts`: whom the caller may start a conversation with.

use crate::http::{ApiQuery, ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use hireops_domain::messaging::ContactQuery;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactFilters {
    /// Part of a name or email (at least 2 characters for the super admin, who may reach everyone).
    pub q: Option<String>,
    /// 1 to 50 (default 20).
    pub limit: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct ContactView {
    pub id: uuid::Uuid,
    pub full_name: String,
    /// `candidate`, `recruiter`, `employer` or `super_admin`.
    pub role_family: String,
    /// Their company, for telling people apart; null for candidates.
    pub company_name: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ContactList {
    /// By name. Everyone here can be put in a conversation with the caller.
    pub items: Vec<ContactView>,
}

/// People the caller may message: colleagues, and across companies those a
/// shared job or application links (never a blocked pair).
#[utoipa::path(get, path = "/api/messaging/contacts", tag = "messaging", security(("bearer" = [])), params(ContactFilters),
    responses(
        (status = 200, body = ContactList),
        (status = 422, description = "`limit` 0, or a super admin without a 2-character search", body = crate::http::error::Problem),
    ))]
pub async fn list(State(state): State<AppState>, Caller(caller): Caller, ApiQuery(filters): ApiQuery<ContactFilters>) -> ApiResult<Json<ContactList>> {
    let found = state.messaging.contacts(&caller, ContactQuery { search: filters.q, limit: filters.limit }).await?;
    let items = found
        .into_iter()
        .map(|c| ContactView { id: c.person.user_id.0, full_name: c.person.full_name, role_family: c.person.family.as_str().to_string(), company_name: c.company_name })
        .collect();
    Ok(Json(ContactList { items }))
}
