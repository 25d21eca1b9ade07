use super::OwnerQuery;
use crate::http::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::settings::{TemplateDraft, TemplateSource, TemplateView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct EmailTemplateBody {
    /// e.g. `two_factor_code`.
    pub name: String,
    pub description: String,
    /// Variables the template may use.
    pub variables: Vec<String>,
    /// minijinja sources.
    pub subject: String,
    pub text: String,
    pub html: String,
    /// This level (the company, or the platform) has its own version.
    pub customized: bool,
    pub updated_at: Option<DateTime<Utc>>,
}

fn view(v: TemplateView) -> EmailTemplateBody {
    EmailTemplateBody {
        name: v.name.into(),
        description: v.description.into(),
        variables: v.variables.into_iter().map(str::to_string).collect(),
        subject: v.source.subject,
        text: v.source.text,
        html: v.source.html,
        customized: v.customized,
        updated_at: v.updated_at,
    }
}

#[derive(Deserialize, ToSchema)]
pub struct SaveTemplateRequest {
    /// At most 500 characters.
    pub subject: String,
    /// At most 100,000 characters.
    pub text: String,
    /// At most 100,000 characters; autoescaped.
    pub html: String,
}

#[derive(Deserialize, ToSchema)]
pub struct PreviewTemplateRequest {
    pub subject: Option<String>,
    pub text: Option<String>,
    pub html: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RenderedTemplate {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Every email template as it applies to the tenant.
#[utoipa::path(get, path = "/api/admin/settings/email-templates", tag = "admin", security(("bearer" = [])), params(OwnerQuery),
    responses(
        (status = 200, body = Vec<EmailTemplateBody>),
        (status = 404, description = "Another company, or no such company", body = crate::http::error::Problem),
    ))]
pub async fn list_templates(State(state): State<AppState>, Caller(caller): Caller, ApiQuery(owner): ApiQuery<OwnerQuery>) -> ApiResult<Json<Vec<EmailTemplateBody>>> {
    Ok(Json(state.settings.templates(&caller, owner.company()).await?.into_iter().map(view).collect()))
}

/// Save the tenant's version of a template. Refused (422, with minijinja's
/// message on `subject`, `text` or `html`) unless all three parts render with
/// the template's sample data. Audited (`settings.email_template.update`).
#[utoipa::path(put, path = "/api/admin/settings/email-templates/{name}", tag = "admin", security(("bearer" = [])),
    params(("name" = String, Path, description = "Template name"), OwnerQuery), request_body = SaveTemplateRequest,
    responses(
        (status = 200, body = EmailTemplateBody),
        (status = 404, description = "Unknown template, or another company", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn save_template(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(name): ApiPath<String>,
    ApiQuery(owner): ApiQuery<OwnerQuery>,
    ApiJson(body): ApiJson<SaveTemplateRequest>,
) -> ApiResult<Json<EmailTemplateBody>> {
    let source = TemplateSource { subject: body.subject, text: body.text, html: body.html };
    Ok(Json(view(state.settings.save_template(&caller, owner.company(), &name, source, &meta).await?)))
}

/// Render a draft (omitted parts: the current template) with sample data.
#[utoipa::path(post, path = "/api/admin/settings/email-templates/{name}/preview", tag = "admin", security(("bearer" = [])),
    params(("name" = String, Path, description = "Template name"), OwnerQuery), request_body = PreviewTemplateRequest,
    responses(
        (status = 200, body = RenderedTemplate),
        (status = 404, description = "Unknown template, or another company", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn preview_template(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiPath(name): ApiPath<String>,
    ApiQuery(owner): ApiQuery<OwnerQuery>,
    ApiJson(body): ApiJson<PreviewTemplateRequest>,
) -> ApiResult<Json<RenderedTemplate>> {
    let draft = TemplateDraft { subject: body.subject, text: body.text, html: body.html };
    let out = state.settings.preview_template(&caller, owner.company(), &name, draft).await?;
    Ok(Json(RenderedTemplate { subject: out.subject, text: out.text, html: out.html }))
}

/// Drop the tenant's version: the platform's (or the shipped) template applies again. Audited.
#[utoipa::path(delete, path = "/api/admin/settings/email-templates/{name}", tag = "admin", security(("bearer" = [])),
    params(("name" = String, Path, description = "Template name"), OwnerQuery),
    responses(
        (status = 204, description = "The default applies"),
        (status = 404, description = "Unknown template, or another company", body = crate::http::error::Problem),
    ))]
pub async fn reset_template(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(name): ApiPath<String>,
    ApiQuery(owner): ApiQuery<OwnerQuery>,
) -> ApiResult<StatusCode> {
    state.settings.reset_template(&caller, owner.company(), &name, &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
