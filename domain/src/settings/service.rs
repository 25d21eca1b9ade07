//! Use cases: read and change tenant settings and email templates.

use super::{template_info, SettingsUpdate, TemplateInfo, TemplateSource, TemplateView, TenantSettings, MAX_BODY_CHARS, MAX_SUBJECT_CHARS, TEMPLATES};
use crate::audit::{AuditEntry, RequestMeta};
use crate::clock::Clock;
use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::{Principal, Scope};
use crate::ids::CompanyId;
use crate::ports::{AuditLog, EmailTemplateRepository, SettingsRepository, StoredTemplate, TemplateEngine};
use serde::Serialize;
use std::sync::Arc;

pub struct SettingsDeps {
    pub settings: Arc<dyn SettingsRepository>,
    pub templates: Arc<dyn EmailTemplateRepository>,
    pub engine: Arc<dyn TemplateEngine>,
    pub audit: Arc<dyn AuditLog>,
    pub clock: Arc<dyn Clock>,
}

/// Whose settings: a company's, or the platform defaults every company starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "level", content = "company_id", rename_all = "snake_case")]
pub enum SettingsOwner {
    Platform,
    Company(CompanyId),
}

impl SettingsOwner {
    fn company(&self) -> Option<CompanyId> {
        match self {
            SettingsOwner::Platform => None,
            SettingsOwner::Company(c) => Some(*c),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SettingsView {
    pub owner: SettingsOwner,
    pub settings: TenantSettings,
    /// This level saved its own settings (otherwise they are inherited).
    pub customized: bool,
}

/// A preview request: omitted parts come from the current template.
#[derive(Clone, Debug, Default)]
pub struct TemplateDraft {
    pub subject: Option<String>,
    pub text: Option<String>,
    pub html: Option<String>,
}

/// Shown as the recipient in previews and save checks.
const SAMPLE_RECIPIENT: &str = "Ada Lovelace";

pub struct SettingsService {
    d: SettingsDeps,
}

impl SettingsService {
    pub fn new(deps: SettingsDeps) -> Self {
        Self { d: deps }
    }

    /// Company admins: their company (naming another answers 404); super
    /// admins: the platform, or the company they name.
    async fn owner(&self, caller: &Principal, requested: Option<CompanyId>) -> DomainResult<SettingsOwner> {
        match (caller.scope(), requested) {
            (Scope::Company(mine), None) => Ok(SettingsOwner::Company(mine)),
            (Scope::Company(mine), Some(asked)) if asked == mine => Ok(SettingsOwner::Company(mine)),
            (Scope::Platform, None) => Ok(SettingsOwner::Platform),
            (Scope::Platform, Some(asked)) if self.d.settings.company_exists(asked).await? => Ok(SettingsOwner::Company(asked)),
            (Scope::Personal, _) => Err(DomainError::Forbidden("no_company")),
            _ => Err(DomainError::NotFound),
        }
    }

    /// A company's own settings, else the platform defaults, else the built-in ones.
    pub async fn effective(&self, company: Option<CompanyId>) -> DomainResult<TenantSettings> {
        if let Some(c) = company
            && let Some(s) = self.d.settings.find(Some(c)).await?
        {
            return Ok(s);
        }
        Ok(self.d.settings.find(None).await?.unwrap_or_default())
    }

    pub async fn get(&self, caller: &Principal, requested: Option<CompanyId>) -> DomainResult<SettingsView> {
        let owner = self.owner(caller, requested).await?;
        let own = self.d.settings.find(owner.company()).await?;
        let customized = own.is_some();
        let settings = match own {
            Some(s) => s,
            None => self.effective(owner.company()).await?,
        };
        Ok(SettingsView { owner, settings, customized })
    }

    pub async fn update(&self, caller: &Principal, requested: Option<CompanyId>, update: SettingsUpdate, meta: &RequestMeta) -> DomainResult<SettingsView> {
        let before = self.get(caller, requested).await?;
        let after = before.settings.apply(update).map_err(DomainError::Validation)?;
        self.d.settings.save(before.owner.company(), &after, caller.user_id, self.d.clock.now()).await?;
        self.d
            .audit
            .record(
                AuditEntry::by(caller, "settings.update", meta)
                    .company(before.owner.company())
                    .target("settings", target_id(before.owner))
                    .changes(Some(&before.settings), Some(&after)),
            )
            .await?;
        Ok(SettingsView { owner: before.owner, settings: after, customized: true })
    }

    // ---- email templates -----------------------------------------------------

    fn shipped(&self, info: &TemplateInfo) -> DomainResult<TemplateSource> {
        self.d.engine.shipped(info.name).ok_or_else(|| DomainError::infra(format!("no shipped template {}", info.name)))
    }

    /// What mail to `company`'s users is rendered with: the company's override,
    /// else the platform's, else None (the shipped default).
    pub async fn template_for(&self, company: Option<CompanyId>, name: &str) -> DomainResult<Option<TemplateSource>> {
        if let Some(c) = company
            && let Some(t) = self.d.templates.find(Some(c), name).await?
        {
            return Ok(Some(t.source));
        }
        Ok(self.d.templates.find(None, name).await?.map(|t| t.source))
    }

    /// The template in force at `owner`, and the override of that level itself.
    async fn current(&self, owner: SettingsOwner, info: &TemplateInfo) -> DomainResult<(TemplateSource, Option<StoredTemplate>)> {
        let own = self.d.templates.find(owner.company(), info.name).await?;
        let source = match &own {
            Some(t) => t.source.clone(),
            None => match self.template_for(owner.company(), info.name).await? {
                Some(s) => s,
                None => self.shipped(info)?,
            },
        };
        Ok((source, own))
    }

    pub async fn templates(&self, caller: &Principal, requested: Option<CompanyId>) -> DomainResult<Vec<TemplateView>> {
        let owner = self.owner(caller, requested).await?;
        let own = self.d.templates.list(owner.company()).await?;
        let platform = match owner {
            SettingsOwner::Company(_) => self.d.templates.list(None).await?,
            SettingsOwner::Platform => vec![],
        };
        let mut views = Vec::with_capacity(TEMPLATES.len());
        for info in TEMPLATES {
            let mine = own.iter().find(|t| t.name == info.name);
            let inherited = platform.iter().find(|t| t.name == info.name);
            let source = match mine.or(inherited) {
                Some(t) => t.source.clone(),
                None => self.shipped(info)?,
            };
            views.push(TemplateView {
                name: info.name,
                description: info.description,
                variables: super::COMMON_VARIABLES.iter().chain(info.variables).copied().collect(),
                source,
                customized: mine.is_some(),
                updated_at: mine.map(|t| t.updated_at),
            });
        }
        Ok(views)
    }

    fn check_sizes(source: &TemplateSource) -> DomainResult<()> {
        let mut errors = Vec::new();
        for (field, value, max) in [("subject", &source.subject, MAX_SUBJECT_CHARS), ("text", &source.text, MAX_BODY_CHARS), ("html", &source.html, MAX_BODY_CHARS)] {
            if value.trim().is_empty() {
                errors.push(FieldError::new(field, "required", "must not be empty"));
            } else if value.chars().count() > max {
                errors.push(FieldError::new(field, "too_long", format!("must be at most {max} characters")));
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(DomainError::Validation(errors)) }
    }

    fn render_sample(&self, info: &TemplateInfo, source: &TemplateSource) -> DomainResult<TemplateSource> {
        Self::check_sizes(source)?;
        self.d.engine.render(source, &(info.sample)(), Some(SAMPLE_RECIPIENT)).map_err(DomainError::Validation)
    }

    /// Save an override; refused (422, nothing saved) unless all three parts
    /// parse and render with the template's sample data.
    pub async fn save_template(
        &self,
        caller: &Principal,
        requested: Option<CompanyId>,
        name: &str,
        source: TemplateSource,
        meta: &RequestMeta,
    ) -> DomainResult<TemplateView> {
        let info = template_info(name).ok_or(DomainError::NotFound)?;
        let owner = self.owner(caller, requested).await?;
        self.render_sample(info, &source)?;
        let (before, _) = self.current(owner, info).await?;
        let now = self.d.clock.now();
        self.d.templates.save(owner.company(), info.name, &source, caller.user_id, now).await?;
        self.d
            .audit
            .record(
                AuditEntry::by(caller, "settings.email_template.update", meta)
                    .company(owner.company())
                    .target("email_template", format!("{}:{}", target_id(owner), info.name))
                    .detail("template", info.name)
                    .changes(Some(&before), Some(&source)),
            )
            .await?;
        Ok(TemplateView {
            name: info.name,
            description: info.description,
            variables: super::COMMON_VARIABLES.iter().chain(info.variables).copied().collect(),
            source,
            customized: true,
            updated_at: Some(now),
        })
    }

    /// Render a draft (or the current template) with sample data.
    pub async fn preview_template(&self, caller: &Principal, requested: Option<CompanyId>, name: &str, draft: TemplateDraft) -> DomainResult<TemplateSource> {
        let info = template_info(name).ok_or(DomainError::NotFound)?;
        let owner = self.owner(caller, requested).await?;
        let (current, _) = self.current(owner, info).await?;
        let source = TemplateSource {
            subject: draft.subject.unwrap_or(current.subject),
            text: draft.text.unwrap_or(current.text),
            html: draft.html.unwrap_or(current.html),
        };
        self.render_sample(info, &source)
    }

    /// Drop this level's override: the inherited (platform or shipped) template applies again.
    pub async fn reset_template(&self, caller: &Principal, requested: Option<CompanyId>, name: &str, meta: &RequestMeta) -> DomainResult<()> {
        let info = template_info(name).ok_or(DomainError::NotFound)?;
        let owner = self.owner(caller, requested).await?;
        let (before, own) = self.current(owner, info).await?;
        if own.is_none() || !self.d.templates.delete(owner.company(), info.name).await? {
            return Ok(());
        }
        let (after, _) = self.current(owner, info).await?;
        self.d
            .audit
            .record(
                AuditEntry::by(caller, "settings.email_template.reset", meta)
                    .company(owner.company())
                    .target("email_template", format!("{}:{}", target_id(owner), info.name))
                    .detail("template", info.name)
                    .changes(Some(&before), Some(&after)),
            )
            .await
    }
}

fn target_id(owner: SettingsOwner) -> String {
    match owner {
        SettingsOwner::Platform => "platform".into(),
        SettingsOwner::Company(c) => c.to_string(),
    }
}
