use super::OwnerQuery;
use crate::http::{ApiJson, ApiQuery, ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use hireops_domain::settings::{SettingsOwner, SettingsUpdate, SettingsView};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct TenantSettingsBody {
    /// The company these settings belong to; null for the platform defaults.
    pub company_id: Option<Uuid>,
    /// False while the defaults (the platform's, or the built-in ones) apply.
    pub customized: bool,
    pub display_name: Option<String>,
    /// IANA time zone, e.g. `Europe/Berlin`.
    pub timezone: String,
    /// One of en-US, en-GB, de-DE, fr-FR, es-ES, it-IT, nl-NL, pt-BR, pl-PL, sv-SE.
    pub locale: String,
    /// One of YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY.
    pub date_format: String,
    /// monday, sunday or saturday.
    pub week_start: String,
    pub email_sender_name: Option<String>,
    pub email_footer: Option<String>,
    /// `#rrggbb`.
    pub brand_color: String,
    /// 30 to 3650.
    pub candidate_data_retention_days: u32,
    /// Whether notification kinds that email by default do so for this tenant's users.
    pub default_notification_email: bool,
}

fn view(v: SettingsView) -> TenantSettingsBody {
    let s = v.settings;
    TenantSettingsBody {
        company_id: match v.owner {
            SettingsOwner::Platform => None,
            SettingsOwner::Company(c) => Some(c.0),
        },
        customized: v.customized,
        display_name: s.display_name,
        timezone: s.timezone,
        locale: s.locale,
        date_format: s.date_format,
        week_start: s.week_start,
        email_sender_name: s.email_sender_name,
        email_footer: s.email_footer,
        brand_color: s.brand_color,
        candidate_data_retention_days: s.candidate_data_retention_days,
        default_notification_email: s.default_notification_email,
    }
}

/// Fields to change; omitted ones keep their value, an empty string clears an optional text.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateSettingsRequest {
    pub display_name: Option<String>,
    pub timezone: Option<String>,
    pub locale: Option<String>,
    pub date_format: Option<String>,
    pub week_start: Option<String>,
    pub email_sender_name: Option<String>,
    pub email_footer: Option<String>,
    pub brand_color: Option<String>,
    pub candidate_data_retention_days: Option<i64>,
    pub default_notification_email: Option<bool>,
}

/// The tenant's settings (defaults when nothing is saved).
#[utoipa::path(get, path = "/api/admin/settings", tag = "admin", security(("bearer" = [])), params(OwnerQuery),
    responses(
        (status = 200, body = TenantSettingsBody),
        (status = 404, description = "Another company, or no such company", body = crate::http::error::Problem),
    ))]
pub async fn get_settings(State(state): State<AppState>, Caller(caller): Caller, ApiQuery(owner): ApiQuery<OwnerQuery>) -> ApiResult<Json<TenantSettingsBody>> {
    Ok(Json(view(state.settings.get(&caller, owner.company()).await?)))
}

/// Change the tenant's settings. Every bad field is a 422 and nothing is saved. Audited (`settings.update`).
#[utoipa::path(put, path = "/api/admin/settings", tag = "admin", security(("bearer" = [])), params(OwnerQuery), request_body = UpdateSettingsRequest,
    responses(
        (status = 200, body = TenantSettingsBody),
        (status = 404, description = "Another company, or no such company", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn update_settings(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiQuery(owner): ApiQuery<OwnerQuery>,
    ApiJson(body): ApiJson<UpdateSettingsRequest>,
) -> ApiResult<Json<TenantSettingsBody>> {
    let update = SettingsUpdate {
        display_name: body.display_name,
        timezone: body.timezone,
        locale: body.locale,
        date_format: body.date_format,
        week_start: body.week_start,
        email_sender_name: body.email_sender_name,
        email_footer: body.email_footer,
        brand_color: body.brand_color,
        candidate_data_retention_days: body.candidate_data_retention_days,
        default_notification_email: body.default_notification_email,
    };
    Ok(Json(view(state.settings.update(&caller, owner.company(), update, &meta).await?)))
}
