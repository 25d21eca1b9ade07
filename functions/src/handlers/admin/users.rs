use crate::http::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller, ClientMeta, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::admin::{CreateUser, ManagedUser, UserChanges, UserFilters};
use hireops_domain::ids::{CompanyId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct UserAccountCompany {
    pub id: Uuid,
    pub name: String,
    /// `agency` or `employer`.
    #[serde(rename = "type")]
    pub kind: String,
}

#[derive(Serialize, ToSchema)]
pub struct UserAccount {
    pub id: Uuid,
    pub email: String,
    pub full_name: String,
    /// `pending_verification`, `pending_activation`, `active` or `deactivated`.
    pub status: String,
    pub roles: Vec<String>,
    /// Null for candidates and super admins.
    pub company: Option<UserAccountCompany>,
    /// Set while an admin holds the login.
    pub login_hold_reason: Option<String>,
    /// Set while locked out after failed sign-ins (may lie in the past once the lock ran out).
    pub locked_until: Option<DateTime<Utc>>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

fn view(m: ManagedUser) -> UserAccount {
    let u = m.user;
    UserAccount {
        id: u.id.0,
        email: u.email.to_string(),
        full_name: u.full_name,
        status: u.status.as_str().to_string(),
        roles: u.roles,
        company: u.company.map(|c| UserAccountCompany { id: c.id.0, name: c.name, kind: c.kind.as_str().to_string() }),
        login_hold_reason: u.login_hold_reason,
        locked_until: u.locked_until,
        last_login_at: m.last_login_at,
        created_at: m.created_at,
    }
}

#[derive(Deserialize, ToSchema)]
pub struct CreateUserRequest {
    pub email: String,
    pub full_name: String,
    /// A role name: a system role of the company's type or one of its custom roles.
    pub role: String,
    /// Super admins must name the company; company admins may only name their own.
    pub company_id: Option<Uuid>,
}

/// Create a user in `pending_activation`; an activation link is emailed.
#[utoipa::path(post, path = "/api/admin/users", tag = "admin", security(("bearer" = [])), request_body = CreateUserRequest,
    responses(
        (status = 201, body = UserAccount),
        (status = 409, description = "`email_taken`", body = crate::http::error::Problem),
        (status = 422, description = "Invalid fields, `unknown_role`, `role_not_grantable`, or a `company_id` that is not allowed", body = crate::http::error::Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiJson(body): ApiJson<CreateUserRequest>,
) -> ApiResult<(StatusCode, Json<UserAccount>)> {
    let input = CreateUser { email: body.email, full_name: body.full_name, role: body.role, company_id: body.company_id.map(CompanyId) };
    let id = state.admin.create_user(&caller, input, &meta).await?;
    Ok((StatusCode::CREATED, Json(view(state.admin.user(&caller, id).await?))))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserListFilters {
    /// Holds the role of this name.
    pub role: Option<String>,
    pub status: Option<String>,
    /// Name or email contains.
    pub q: Option<String>,
    /// Super admins: one company only.
    pub company_id: Option<Uuid>,
}

/// Users in the caller's scope, newest first.
#[utoipa::path(get, path = "/api/admin/users", tag = "admin", security(("bearer" = [])), params(UserListFilters, PageQuery),
    responses(
        (status = 200, body = Paginated<UserAccount>),
        (status = 422, description = "An unknown status", body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(filters): ApiQuery<UserListFilters>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<UserAccount>>> {
    let filters = UserFilters { role: filters.role, status: filters.status, text: filters.q, company_id: filters.company_id.map(CompanyId) };
    let page = state.admin.users(&caller, filters, page.request()).await?;
    Ok(Json(Paginated::from_page(page, view)))
}

/// One user.
#[utoipa::path(get, path = "/api/admin/users/{id}", tag = "admin", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, body = UserAccount),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn get(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<UserAccount>> {
    Ok(Json(view(state.admin.user(&caller, UserId(id)).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateUserRequest {
    pub full_name: Option<String>,
    /// The user's new (only) role, by name.
    pub role: Option<String>,
}

/// Rename a user or change their role.
#[utoipa::path(patch, path = "/api/admin/users/{id}", tag = "admin", security(("bearer" = [])), request_body = UpdateUserRequest,
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 200, body = UserAccount),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 403, description = "Missing permission, or the user holds permissions the caller lacks", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`cannot_change_own_role`", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn update(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<UpdateUserRequest>,
) -> ApiResult<Json<UserAccount>> {
    let changes = UserChanges { full_name: body.full_name, role: body.role };
    Ok(Json(view(state.admin.update_user(&caller, UserId(id), changes, &meta).await?)))
}

/// Deactivate: sessions end, sign-in is refused, history is kept. Repeating it answers 204 again.
#[utoipa::path(delete, path = "/api/admin/users/{id}", tag = "admin", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 204, description = "Deactivated (or already was)"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`cannot_deactivate_self`", body = crate::http::error::Problem),
    ))]
pub async fn deactivate(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.admin.deactivate_user(&caller, UserId(id), &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Undo a deactivation (back to `active`, or `pending_activation` without a password).
#[utoipa::path(post, path = "/api/admin/users/{id}/reactivate", tag = "admin", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 204, description = "Reactivated (or was not deactivated)"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn reactivate(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.admin.reactivate_user(&caller, UserId(id), &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct HoldLoginRequest {
    /// 1 to 500 characters, shown to admins.
    pub reason: String,
}

/// Hold the user's login: sessions end, sign-in and refresh answer 403 `login_on_hold`.
#[utoipa::path(post, path = "/api/admin/users/{id}/hold-login", tag = "admin", security(("bearer" = [])), request_body = HoldLoginRequest,
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 204, description = "Held"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`cannot_hold_self`", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn hold_login(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<HoldLoginRequest>,
) -> ApiResult<StatusCode> {
    state.admin.hold_login(&caller, UserId(id), &body.reason, &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Release a login hold.
#[utoipa::path(delete, path = "/api/admin/users/{id}/hold-login", tag = "admin", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 204, description = "Released (or was not held)"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn release_login(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.admin.release_login(&caller, UserId(id), &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Clear a lockout after failed sign-ins.
#[utoipa::path(post, path = "/api/admin/users/{id}/unlock", tag = "admin", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 204, description = "Unlocked"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn unlock(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.admin.unlock_user(&caller, UserId(id), &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Email a fresh activation link to a user who has not activated yet.
#[utoipa::path(post, path = "/api/admin/users/{id}/resend-activation", tag = "admin", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "User id")),
    responses(
        (status = 204, description = "Sent"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`not_pending_activation`", body = crate::http::error::Problem),
    ))]
pub async fn resend_activation(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.admin.resend_activation(&caller, UserId(id), &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
