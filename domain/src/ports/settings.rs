use super::PortResult;
use crate::error::FieldError;
use crate::ids::{CompanyId, UserId};
use crate::mail::MailMessage;
use crate::settings::{TemplateSource, TenantSettings};
use chrono::{DateTime, Utc};

/// Settings per owner: a company, or (None) the platform defaults.
#[async_trait::async_trait]
pub trait SettingsRepository: Send + Sync {
    async fn find(&self, owner: Option<CompanyId>) -> PortResult<Option<TenantSettings>>;
    async fn save(&self, owner: Option<CompanyId>, settings: &TenantSettings, by: UserId, at: DateTime<Utc>) -> PortResult<()>;
    async fn company_exists(&self, id: CompanyId) -> PortResult<bool>;
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredTemplate {
    pub name: String,
    pub source: TemplateSource,
    pub updated_at: DateTime<Utc>,
}

/// Email template overrides per owner: a company, or (None) the platform.
#[async_trait::async_trait]
pub trait EmailTemplateRepository: Send + Sync {
    async fn list(&self, owner: Option<CompanyId>) -> PortResult<Vec<StoredTemplate>>;
    async fn find(&self, owner: Option<CompanyId>, name: &str) -> PortResult<Option<StoredTemplate>>;
    async fn save(&self, owner: Option<CompanyId>, name: &str, source: &TemplateSource, by: UserId, at: DateTime<Utc>) -> PortResult<()>;
    /// True when there was an override to remove.
    async fn delete(&self, owner: Option<CompanyId>, name: &str) -> PortResult<bool>;
}

/// The template language (minijinja in the adapters).
pub trait TemplateEngine: Send + Sync {
    /// The default shipped with the product.
    fn shipped(&self, name: &str) -> Option<TemplateSource>;
    /// Render `source` with `message` as data. Every part that fails to parse or
    /// render (an undefined variable included) is a field error on `subject`,
    /// `text` or `html` carrying the engine's message.
    fn render(&self, source: &TemplateSource, message: &MailMessage, recipient_name: Option<&str>) -> Result<TemplateSource, Vec<FieldError>>;
}
