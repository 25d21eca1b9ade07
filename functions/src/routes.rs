//! The one route table. Each entry names its Lambda function, its access rule
//! and its throttle; method, path and documentation come from the handler's
//! `#[utoipa::path]`. The local router, every Lambda, the OpenAPI document,
//! `template.yaml` and the bin list are all derived from this table.

use crate::handlers::{
    admin, applications, audit, auth, candidate_self, candidates, files, health, insights, jobs, me, notifications, pipelines, public_apply,
    public_jobs, settings, user_import,
};
use crate::handlers::messaging;
use crate::http::throttle::{self, Throttle};
use crate::http::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter};
use axum::Router;
use hireops_domain::identity::Permission;
use utoipa::openapi::path::{HttpMethod, Operation};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::RefOr;

/// Who may call a route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Public,
    /// Any signed-in user; the use case applies finer rules.
    Authenticated,
    /// Signed in and holding this permission, else 403.
    Requires(Permission),
    /// A machine caller holding the service credential (`SCAN_SERVICE_TOKEN`,
    /// sent as a bearer token); user tokens are refused.
    Service,
}

pub struct Route {
    /// The Lambda function and bin name.
    pub name: &'static str,
    pub access: Access,
    pub throttle: Option<Throttle>,
    pub method: Method,
    pub path: String,
    pub operation: Operation,
    pub schemas: Vec<(String, RefOr<Schema>)>,
    /// Largest request body the route reads, when above the default.
    pub body_limit: Option<usize>,
    handler: fn(MethodFilter) -> MethodRouter<AppState>,
}

impl Route {
    pub fn new<P: utoipa::Path + utoipa::__dev::SchemaReferences>(
        name: &'static str,
        access: Access,
        throttle: Option<Throttle>,
        handler: fn(MethodFilter) -> MethodRouter<AppState>,
    ) -> Self {
        let methods = P::methods();
        assert_eq!(methods.len(), 1, "route {name} must have exactly one method");
        let method = match methods[0] {
            HttpMethod::Get => Method::GET,
            HttpMethod::Post => Method::POST,
            HttpMethod::Put => Method::PUT,
            HttpMethod::Patch => Method::PATCH,
            HttpMethod::Delete => Method::DELETE,
            HttpMethod::Head => Method::HEAD,
            HttpMethod::Options => Method::OPTIONS,
            HttpMethod::Trace => Method::TRACE,
        };
        let mut schemas = Vec::new();
        P::schemas(&mut schemas);
        let mut operation = P::operation();
        operation.operation_id = Some(name.to_string());
        document_access(&mut operation, access);
        Self { name, access, throttle, method, path: P::path(), operation, schemas, body_limit: None, handler }
    }

    /// Let this route read bodies up to `bytes` (uploads).
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = Some(bytes);
        self
    }

    /// This route alone, with its access and throttle layers: what a Lambda serves.
    pub fn method_router(&self, state: &AppState) -> MethodRouter<AppState> {
        let filter = MethodFilter::try_from(self.method.clone()).expect("a standard method");
        let mut router = (self.handler)(filter);
        if let Some(bytes) = self.body_limit {
            router = router.layer(axum::extract::DefaultBodyLimit::max(bytes));
        }
        match self.access {
            Access::Public => {}
            Access::Service => router = router.route_layer(middleware::from_fn_with_state(state.clone(), authorize_service)),
            _ => router = router.route_layer(middleware::from_fn_with_state((state.clone(), self.access), authorize)),
        }
        if let Some(t) = self.throttle {
            router = router.route_layer(middleware::from_fn_with_state((state.clone(), t, self.name), throttle::limit));
        }
        router
    }
}

/// The answers the access layer gives, documented once here rather than on
/// every handler: 401 for protected routes, 403 when a permission is required.
fn document_access(operation: &mut Operation, access: Access) {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    let problem = |description: String| {
        RefOr::T(
            ResponseBuilder::new()
                .description(description)
                .content("application/json", ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build())
                .build(),
        )
    };
    let responses = &mut operation.responses.responses;
    match access {
        Access::Public => {}
        Access::Service => {
            responses.entry("401".into()).or_insert_with(|| problem("No valid service credential (user tokens are refused)".into()));
        }
        _ => {
            responses.entry("401".into()).or_insert_with(|| problem("No valid bearer token, or the session has ended".into()));
        }
    }
    if let Access::Requires(p) = access {
        responses.entry("403".into()).or_insert_with(|| problem(format!("The caller lacks the `{}` permission", p.code())));
    }
}

/// `route!("name", [module::path] handler, access, throttle)`
macro_rules! route {
    ($name:literal, [$($m:ident)::+] $h:ident, $access:expr, $throttle:expr) => {
        paste::paste! {
            Route::new::<$($m)::+::[<__path_ $h>]>($name, $access, $throttle, |f| axum::routing::on(f, $($m)::+::$h))
        }
    };
}

/// Every API route. Add a route here and regenerate (see docs/development.md).
pub fn all() -> Vec<Route> {
    use Access::*;
    let auth_limit = Some(Throttle::Auth);
    vec![
        route!("health", [health] health, Public, None),
        route!("auth_login", [auth::login] login, Public, auth_limit),
        route!("auth_2fa_verify", [auth::two_factor] verify_2fa, Public, auth_limit),
        route!("auth_refresh", [auth::refresh] refresh, Public, auth_limit),
        route!("auth_logout", [auth::logout] logout, Authenticated, None),
        route!("auth_register", [auth::register] register, Public, auth_limit),
        route!("auth_verify_email", [auth::register] verify_email, Public, auth_limit),
        route!("auth_password_reset_request", [auth::password_reset] request_reset, Public, auth_limit),
        route!("auth_password_reset_approve", [auth::password_reset] approve, Requires(Permission::PasswordResetsApprove), None),
        route!("auth_password_reset_complete", [auth::password_reset] complete, Public, auth_limit),
        route!("admin_password_reset_requests", [auth::password_reset] list_pending, Requires(Permission::PasswordResetsApprove), None),
        route!("auth_sso_start", [auth::sso] start, Public, auth_limit),
        route!("auth_sso_callback", [auth::sso] callback, Public, auth_limit),
        route!("me", [me] me, Authenticated, None),
        route!("admin_audit_logs", [audit] list, Requires(Permission::AuditRead), None),
        route!("admin_audit_logs_export", [audit] export, Requires(Permission::AuditRead), None),
        route!("auth_activate", [auth::activate] activate, Public, auth_limit),
        route!("admin_companies_create", [admin::companies] create, Requires(Permission::PlatformCompaniesManage), None),
        route!("admin_companies_list", [admin::companies] list, Requires(Permission::PlatformCompaniesManage), None),
        route!("admin_companies_get", [admin::companies] get, Requires(Permission::PlatformCompaniesManage), None),
        route!("admin_companies_update", [admin::companies] update, Requires(Permission::PlatformCompaniesManage), None),
        route!("admin_permissions", [admin::roles] permissions, Requires(Permission::RolesManage), None),
        route!("admin_roles_list", [admin::roles] list, Requires(Permission::RolesManage), None),
        route!("admin_roles_create", [admin::roles] create, Requires(Permission::RolesManage), None),
        route!("admin_roles_update", [admin::roles] update, Requires(Permission::RolesManage), None),
        route!("admin_roles_delete", [admin::roles] delete, Requires(Permission::RolesManage), None),
        route!("admin_roles_permissions", [admin::roles] role_permissions, Requires(Permission::RolesManage), None),
        route!("admin_users_create", [admin::users] create, Requires(Permission::UsersCreate), None),
        route!("admin_users_list", [admin::users] list, Requires(Permission::UsersRead), None),
        route!("admin_users_get", [admin::users] get, Requires(Permission::UsersRead), None),
        route!("admin_users_update", [admin::users] update, Requires(Permission::UsersUpdate), None),
        route!("admin_users_deactivate", [admin::users] deactivate, Requires(Permission::UsersDeactivate), None),
        route!("admin_users_reactivate", [admin::users] reactivate, Requires(Permission::UsersDeactivate), None),
        route!("admin_users_hold_login", [admin::users] hold_login, Requires(Permission::UsersUpdate), None),
        route!("admin_users_release_login", [admin::users] release_login, Requires(Permission::UsersUpdate), None),
        route!("admin_users_unlock", [admin::users] unlock, Requires(Permission::UsersUpdate), None),
        route!("admin_users_resend_activation", [admin::users] resend_activation, Requires(Permission::UsersCreate), None),
        route!("admin_users_bulk_import", [user_import] upload, Requires(Permission::UsersCreate), None).body_limit(user_import::MAX_UPLOAD_BYTES),
        route!("admin_users_bulk_status", [user_import] status, Requires(Permission::UsersCreate), None),
        route!("admin_settings_get", [settings::tenant] get_settings, Requires(Permission::SettingsManage), None),
        route!("admin_settings_update", [settings::tenant] update_settings, Requires(Permission::SettingsManage), None),
        route!("admin_email_templates", [settings::email_templates] list_templates, Requires(Permission::SettingsManage), None),
        route!("admin_email_template_save", [settings::email_templates] save_template, Requires(Permission::SettingsManage), None),
        route!("admin_email_template_preview", [settings::email_templates] preview_template, Requires(Permission::SettingsManage), None),
        route!("admin_email_template_reset", [settings::email_templates] reset_template, Requires(Permission::SettingsManage), None),
        route!("notifications_list", [notifications::feed] list, Authenticated, None),
        route!("notifications_unread_count", [notifications::feed] unread_count, Authenticated, None),
        route!("notifications_read", [notifications::feed] mark_read, Authenticated, None),
        route!("notifications_read_all", [notifications::feed] read_all, Authenticated, None),
        route!("me_notification_preferences", [notifications::preferences] get_preferences, Authenticated, None),
        route!("me_notification_preferences_update", [notifications::preferences] update_preferences, Authenticated, None),
        route!("jobs_create", [jobs::crud] create, Requires(Permission::JobsWrite), None),
        route!("jobs_list", [jobs::crud] list, Requires(Permission::JobsRead), None),
        route!("jobs_get", [jobs::crud] get, Requires(Permission::JobsRead), None),
        route!("jobs_update", [jobs::crud] update, Requires(Permission::JobsWrite), None),
        route!("jobs_delete", [jobs::crud] delete, Requires(Permission::JobsWrite), None),
        route!("jobs_publish", [jobs::lifecycle] publish, Requires(Permission::JobsWrite), None),
        route!("jobs_unpublish", [jobs::lifecycle] unpublish, Requires(Permission::JobsWrite), None),
        route!("jobs_close", [jobs::lifecycle] close, Requires(Permission::JobsWrite), None),
        route!("jobs_reopen", [jobs::lifecycle] reopen, Requires(Permission::JobsWrite), None),
        route!("jobs_team", [jobs::team] set_team, Requires(Permission::JobsWrite), None),
        route!("jobs_agencies", [jobs::team] share, Requires(Permission::JobsWrite), None),
        route!("agencies_list", [jobs::agency_directory] list, Requires(Permission::JobsWrite), None),
        route!("public_jobs_list", [public_jobs] list, Public, None),
        route!("public_jobs_get", [public_jobs] get, Public, None),
        route!("pipeline_template_get", [pipelines] get_template, Requires(Permission::PipelinesManage), None),
        route!("pipeline_template_update", [pipelines] put_template, Requires(Permission::PipelinesManage), None),
        route!("job_stages_list", [pipelines] get_stages, Requires(Permission::JobsRead), None),
        route!("job_stages_update", [pipelines] put_stages, Requires(Permission::PipelinesManage), None),
        route!("applications_create", [applications::crud] create, Requires(Permission::ApplicationsWrite), None),
        route!("applications_list", [applications::crud] list, Requires(Permission::ApplicationsRead), None),
        route!("applications_get", [applications::crud] get, Requires(Permission::ApplicationsRead), None),
        route!("applications_move", [applications::crud] move_stage, Requires(Permission::ApplicationsMove), None),
        route!("applications_history", [applications::crud] history, Requires(Permission::ApplicationsRead), None),
        route!("applications_verify", [applications::crud] verify, Requires(Permission::JobsWrite), None),
        route!("applications_feedback_create", [applications::feedback] create, Requires(Permission::ApplicationsWrite), None),
        route!("applications_feedback_list", [applications::feedback] list, Requires(Permission::ApplicationsRead), None),
        route!("job_pipeline", [applications::board] board, Requires(Permission::ApplicationsRead), None),
        route!("job_pipeline_reorder", [applications::board] reorder, Requires(Permission::ApplicationsMove), None),
        route!("candidate_applications", [applications::own] list, Requires(Permission::CandidateSelf), None),
        route!("public_jobs_apply", [public_apply] apply, Public, Some(Throttle::PublicApply)),
        route!("search", [insights::search] search, Authenticated, None),
        route!("dashboard", [insights::dashboard] dashboard, Authenticated, None),
        route!("analytics_pipeline", [insights::analytics] pipeline, Requires(Permission::ReportsRead), None),
        route!("analytics_requirements", [insights::analytics] requirements, Requires(Permission::ReportsRead), None),
        route!("public_jobs_resume_upload", [files::uploads] public_resume_upload, Public, Some(Throttle::PublicUpload)),
        route!("candidates_documents_create", [files::uploads] create_document, Requires(Permission::CandidatesWrite), None),
        route!("candidates_documents_list", [files::metadata] list_documents, Requires(Permission::CandidatesRead), None),
        route!("files_uploaded", [files::uploads] uploaded, Public, Some(Throttle::PublicUpload)),
        route!("files_get", [files::metadata] get, Authenticated, None),
        route!("files_download", [files::metadata] download, Authenticated, None),
        route!("candidates_create", [candidates::profiles] create, Requires(Permission::CandidatesWrite), None),
        route!("candidates_list", [candidates::profiles] list, Requires(Permission::CandidatesRead), None),
        route!("candidates_get", [candidates::profiles] get, Requires(Permission::CandidatesRead), None),
        route!("candidates_update", [candidates::profiles] update, Requires(Permission::CandidatesWrite), None),
        route!("candidates_merge", [candidates::profiles] merge, Requires(Permission::CandidatesWrite), None),
        route!("candidates_notes_create", [candidates::notes] create, Requires(Permission::CandidatesWrite), None),
        route!("candidates_notes_list", [candidates::notes] list, Requires(Permission::CandidatesRead), None),
        route!("candidate_profile_get", [candidate_self::profile] get, Requires(Permission::CandidateSelf), None),
        route!("candidate_profile_update", [candidate_self::profile] update, Requires(Permission::CandidateSelf), None),
        route!("candidate_skills_list", [candidate_self::items] skill_list, Requires(Permission::CandidateSelf), None),
        route!("candidate_skills_create", [candidate_self::items] skill_create, Requires(Permission::CandidateSelf), None),
        route!("candidate_skills_update", [candidate_self::items] skill_update, Requires(Permission::CandidateSelf), None),
        route!("candidate_skills_delete", [candidate_self::items] skill_delete, Requires(Permission::CandidateSelf), None),
        route!("candidate_experience_list", [candidate_self::items] experience_list, Requires(Permission::CandidateSelf), None),
        route!("candidate_experience_create", [candidate_self::items] experience_create, Requires(Permission::CandidateSelf), None),
        route!("candidate_experience_update", [candidate_self::items] experience_update, Requires(Permission::CandidateSelf), None),
        route!("candidate_experience_delete", [candidate_self::items] experience_delete, Requires(Permission::CandidateSelf), None),
        route!("candidate_education_list", [candidate_self::items] education_list, Requires(Permission::CandidateSelf), None),
        route!("candidate_education_create", [candidate_self::items] education_create, Requires(Permission::CandidateSelf), None),
        route!("candidate_education_update", [candidate_self::items] education_update, Requires(Permission::CandidateSelf), None),
        route!("candidate_education_delete", [candidate_self::items] education_delete, Requires(Permission::CandidateSelf), None),
        route!("candidate_saved_jobs_list", [candidate_self::saved_jobs] list, Requires(Permission::CandidateSelf), None),
        route!("candidate_saved_jobs_save", [candidate_self::saved_jobs] save, Requires(Permission::CandidateSelf), None),
        route!("candidate_saved_jobs_get", [candidate_self::saved_jobs] get, Requires(Permission::CandidateSelf), None),
        route!("candidate_saved_jobs_delete", [candidate_self::saved_jobs] delete, Requires(Permission::CandidateSelf), None),
        route!("messaging_conversations_list", [messaging::conversations] list, Requires(Permission::MessagingUse), None),
        route!("messaging_contacts", [messaging::contacts] list, Requires(Permission::MessagingUse), None),
        route!("messaging_conversations_create", [messaging::conversations] create, Requires(Permission::MessagingUse), None),
        route!("messaging_conversations_get", [messaging::conversations] get, Requires(Permission::MessagingUse), None),
        route!("messaging_participants_add", [messaging::conversations] add_participants, Requires(Permission::MessagingUse), None),
        route!("messaging_messages_list", [messaging::messages] list, Requires(Permission::MessagingUse), None),
        route!("messaging_messages_send", [messaging::messages] send, Requires(Permission::MessagingUse), None),
        route!("messaging_read", [messaging::messages] read, Requires(Permission::MessagingUse), None),
        route!("messaging_attachments_presign", [messaging::attachments] presign, Requires(Permission::MessagingUse), None),
        route!("messaging_attachments_uploaded", [messaging::attachments] uploaded, Requires(Permission::MessagingUse), None),
        route!("messaging_attachments_get", [messaging::attachments] get, Requires(Permission::MessagingUse), None),
        route!("messaging_attachments_download", [messaging::attachments] download, Requires(Permission::MessagingUse), None),
        route!("messaging_attachments_scan_complete", [messaging::attachments] scan_complete, Service, None),
    ]
}

fn bearer(request: &Request) -> Option<&str> {
    request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
}

/// Only the holder of the service credential passes; when none is
/// configured, nobody does.
async fn authorize_service(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let presented = bearer(&request);
    match (&state.config.scan_service_token, presented) {
        (Some(expected), Some(given)) if crate::http::service_credential::matches(expected, given) => next.run(request).await,
        _ => ApiError::new(StatusCode::UNAUTHORIZED, "service_credential_required").into_response(),
    }
}

/// Verify the bearer token, load the caller, check the permission.
async fn authorize(State((state, access)): State<(AppState, Access)>, mut request: Request, next: Next) -> Response {
    let Some(token) = bearer(&request).map(str::to_owned) else {
        return ApiError::new(StatusCode::UNAUTHORIZED, "authentication_required").into_response();
    };
    let principal = match state.auth.authenticate(&token).await {
        Ok(p) => p,
        Err(e) => return ApiError::from(e).into_response(),
    };
    if let Access::Requires(permission) = access
        && let Err(e) = principal.require(permission) {
            return ApiError::from(e).into_response();
        }
    request.extensions_mut().insert(principal);
    next.run(request).await
}

/// All routes on one router (the local server; tests drive it with `oneshot`).
pub fn router(state: AppState, routes: &[Route]) -> Router {
    let mut router = Router::new();
    for r in routes {
        router = router.route(&r.path, r.method_router(&state));
    }
    router
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "not_found") })
        .method_not_allowed_fallback(|| async { ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed") })
        .with_state(state)
}
