//! Tenant settings and email templates: what a company (or, for the platform
//! defaults, the super admin) configures, with the rules that keep it valid.

mod email_templates;
mod service;
mod tenant;

pub use email_templates::{
    template_info, TemplateInfo, TemplateSource, TemplateView, COMMON_VARIABLES, MAX_BODY_CHARS, MAX_SUBJECT_CHARS, TEMPLATES,
};
pub use service::{SettingsDeps, SettingsOwner, SettingsService, SettingsView, TemplateDraft};
pub use tenant::{SettingsUpdate, TenantSettings, DATE_FORMATS, LOCALES, WEEK_STARTS};
