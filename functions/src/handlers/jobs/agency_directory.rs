//! `GET /api/agencies`: whom an employer may share a job with.

use crate::http::{ApiQuery, ApiResult, Caller, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use super::CompanyRefView;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AgencySearch {
    /// Name contains.
    pub q: Option<String>,
}

/// Active agencies, by name: the companies an employer may share its jobs with
/// (`PUT /api/jobs/{id}/agencies`). Employers with `jobs:write` only; others get 403.
#[utoipa::path(get, path = "/api/agencies", tag = "jobs", security(("bearer" = [])), params(AgencySearch, PageQuery),
    responses(
        (status = 200, body = Paginated<CompanyRefView>),
        (status = 403, description = "`employers_only` (an agency or platform user) or `missing_permission`", body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(search): ApiQuery<AgencySearch>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<CompanyRefView>>> {
    let found = state.admin.agency_directory(&caller, search.q.as_deref(), page.request()).await?;
    Ok(Json(Paginated::from_page(found, |a| CompanyRefView { id: a.id.0, name: a.name })))
}
