use crate::http::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller, ClientMeta, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::admin::{company_query, CompanyChanges, CompanyRecord, NewCompanyInput};
use hireops_domain::ids::CompanyId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct CompanyDetails {
    pub id: Uuid,
    pub name: String,
    /// `agency` or `employer`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `active` or `suspended`.
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub user_count: u64,
}

fn view(r: CompanyRecord) -> CompanyDetails {
    CompanyDetails {
        id: r.company.id.0,
        name: r.company.name,
        kind: r.company.kind.as_str().to_string(),
        status: r.company.status.as_str().to_string(),
        created_at: r.created_at,
        updated_at: r.updated_at,
        user_count: r.user_count,
    }
}

#[derive(Deserialize, ToSchema)]
pub struct CreateCompanyRequest {
    /// 1 to 200 characters, unique (case-insensitively).
    pub name: String,
    /// `agency` or `employer`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// Create a company (super admin).
#[utoipa::path(post, path = "/api/admin/companies", tag = "admin", security(("bearer" = [])), request_body = CreateCompanyRequest,
    responses(
        (status = 201, body = CompanyDetails),
        (status = 409, description = "`company_name_taken`", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiJson(body): ApiJson<CreateCompanyRequest>,
) -> ApiResult<(StatusCode, Json<CompanyDetails>)> {
    let created = state.admin.create_company(&caller, NewCompanyInput { name: body.name, kind: body.kind }, &meta).await?;
    Ok((StatusCode::CREATED, Json(view(created))))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompanyFilters {
    /// `agency` or `employer`.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub kind: Option<String>,
    /// `active` or `suspended`.
    pub status: Option<String>,
    /// Name contains.
    pub q: Option<String>,
}

/// Companies, newest first (super admin).
#[utoipa::path(get, path = "/api/admin/companies", tag = "admin", security(("bearer" = [])), params(CompanyFilters, PageQuery),
    responses(
        (status = 200, body = Paginated<CompanyDetails>),
        (status = 422, description = "An unknown type or status", body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(filters): ApiQuery<CompanyFilters>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<CompanyDetails>>> {
    let query = company_query(filters.kind.as_deref(), filters.status.as_deref(), filters.q.as_deref())?;
    let page = state.admin.companies(&caller, query, page.request()).await?;
    Ok(Json(Paginated::from_page(page, view)))
}

/// One company (super admin).
#[utoipa::path(get, path = "/api/admin/companies/{id}", tag = "admin", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Company id")),
    responses(
        (status = 200, body = CompanyDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn get(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<CompanyDetails>> {
    Ok(Json(view(state.admin.company(&caller, CompanyId(id)).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateCompanyRequest {
    pub name: Option<String>,
    /// `active` or `suspended`; suspending ends every session of the company's users
    /// and refuses their sign-in and refresh (`company_suspended`).
    pub status: Option<String>,
}

/// Rename, suspend or reactivate a company (super admin).
#[utoipa::path(patch, path = "/api/admin/companies/{id}", tag = "admin", security(("bearer" = [])), request_body = UpdateCompanyRequest,
    params(("id" = Uuid, Path, description = "Company id")),
    responses(
        (status = 200, body = CompanyDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`company_name_taken`", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn update(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<UpdateCompanyRequest>,
) -> ApiResult<Json<CompanyDetails>> {
    let changes = CompanyChanges { name: body.name, status: body.status };
    Ok(Json(view(state.admin.update_company(&caller, CompanyId(id), changes, &meta).await?)))
}
