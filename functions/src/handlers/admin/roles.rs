use crate::http::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use hireops_domain::admin::{Role, RoleInput};
use hireops_domain::identity::Permission;
use hireops_domain::ids::{CompanyId, RoleId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct PermissionView {
    /// E.g. `users:create`.
    pub code: &'static str,
    pub description: &'static str,
    /// Holders sign in with a second factor.
    pub administrative: bool,
}

#[derive(Serialize, ToSchema)]
pub struct PermissionCatalogue {
    pub items: Vec<PermissionView>,
}

/// The permission catalogue custom roles are built from.
#[utoipa::path(get, path = "/api/admin/permissions", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = PermissionCatalogue)))]
pub async fn permissions(Caller(_caller): Caller) -> Json<PermissionCatalogue> {
    let items = Permission::ALL
        .iter()
        .map(|p| PermissionView { code: p.code(), description: p.description(), administrative: p.is_administrative() })
        .collect();
    Json(PermissionCatalogue { items })
}

#[derive(Serialize, ToSchema)]
pub struct RoleView {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub is_system: bool,
    /// Null for system roles.
    pub company_id: Option<Uuid>,
    pub permissions: Vec<&'static str>,
    /// Users holding the role (across the platform for system roles).
    pub user_count: u64,
}

fn view(r: Role) -> RoleView {
    RoleView {
        id: r.id.0,
        name: r.name,
        description: r.description,
        is_system: r.is_system,
        company_id: r.company_id.map(|c| c.0),
        permissions: r.permissions.iter().map(Permission::code).collect(),
        user_count: r.user_count,
    }
}

#[derive(Serialize, ToSchema)]
pub struct RoleList {
    pub items: Vec<RoleView>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RoleFilters {
    /// Super admins: custom roles of this company only.
    pub company_id: Option<Uuid>,
}

/// System roles of the caller's company type and the company's custom roles
/// (super admins: every role).
#[utoipa::path(get, path = "/api/admin/roles", tag = "admin", security(("bearer" = [])), params(RoleFilters),
    responses((status = 200, body = RoleList)))]
pub async fn list(State(state): State<AppState>, Caller(caller): Caller, ApiQuery(filters): ApiQuery<RoleFilters>) -> ApiResult<Json<RoleList>> {
    let roles = state.admin.roles(&caller, filters.company_id.map(CompanyId)).await?;
    Ok(Json(RoleList { items: roles.into_iter().map(view).collect() }))
}

#[derive(Deserialize, ToSchema)]
pub struct CreateRoleRequest {
    /// 2 to 64 letters, digits, spaces, `_` or `-`; not a system role's name; unique in the company.
    pub name: String,
    pub description: Option<String>,
    /// Permission codes; each must exist, be held by the caller, and not be platform-only.
    pub permissions: Vec<String>,
    /// Super admins name the company; company admins create in their own.
    pub company_id: Option<Uuid>,
}

/// Define a custom role.
#[utoipa::path(post, path = "/api/admin/roles", tag = "admin", security(("bearer" = [])), request_body = CreateRoleRequest,
    responses(
        (status = 201, body = RoleView),
        (status = 409, description = "`role_name_taken`", body = crate::http::error::Problem),
        (status = 422, description = "Invalid name, or an unknown, platform-only or not grantable permission", body = crate::http::error::Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiJson(body): ApiJson<CreateRoleRequest>,
) -> ApiResult<(StatusCode, Json<RoleView>)> {
    let input = RoleInput { name: Some(body.name), description: body.description, permissions: body.permissions, company_id: body.company_id.map(CompanyId) };
    Ok((StatusCode::CREATED, Json(view(state.admin.create_role(&caller, input, &meta).await?))))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateRoleRequest {
    pub name: Option<String>,
    pub description: Option<String>,
    /// The complete new set of permission codes.
    pub permissions: Vec<String>,
}

/// Change a custom role; its holders get the new permissions on their next request.
#[utoipa::path(put, path = "/api/admin/roles/{id}", tag = "admin", security(("bearer" = [])), request_body = UpdateRoleRequest,
    params(("id" = Uuid, Path, description = "Role id")),
    responses(
        (status = 200, body = RoleView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 403, description = "Missing permission, or `system_role_immutable`", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`role_name_taken`", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn update(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<UpdateRoleRequest>,
) -> ApiResult<Json<RoleView>> {
    let input = RoleInput { name: body.name, description: body.description, permissions: body.permissions, company_id: None };
    Ok(Json(view(state.admin.update_role(&caller, RoleId(id), input, &meta).await?)))
}

/// Delete a custom role nobody holds.
#[utoipa::path(delete, path = "/api/admin/roles/{id}", tag = "admin", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Role id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 403, description = "Missing permission, or `system_role_immutable`", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`role_in_use`", body = crate::http::error::Problem),
    ))]
pub async fn delete(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.admin.delete_role(&caller, RoleId(id), &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct RolePermissions {
    pub role_id: Uuid,
    pub items: Vec<PermissionView>,
}

/// The permissions of one role.
#[utoipa::path(get, path = "/api/admin/roles/{id}/permissions", tag = "admin", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Role id")),
    responses(
        (status = 200, body = RolePermissions),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn role_permissions(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<RolePermissions>> {
    let role = state.admin.role(&caller, RoleId(id)).await?;
    let items = role.permissions.iter().map(|p| PermissionView { code: p.code(), description: p.description(), administrative: p.is_administrative() }).collect();
    Ok(Json(RolePermissions { role_id: id, items }))
}
