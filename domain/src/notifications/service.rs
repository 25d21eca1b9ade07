//! Use cases: a user's feed and email preferences, and the events consumer's
//! reaction to each domain event.

use super::{account_created, application_created, application_stage_changed, delivery_mail_id, effective_preferences, password_reset_requested, validate_preferences, Delivery, FeedQuery, Notification, Preference};
use crate::auth::ApproverScope;
use crate::clock::Clock;
use crate::error::DomainResult;
use crate::events::{DomainEvent, EventEnvelope};
use crate::identity::{Permission, Principal};
use crate::ids::{CompanyId, UserId};
use crate::mail::OutgoingMail;
use crate::paging::{Page, PageRequest};
use crate::ports::{
    ApplicationStore, MailOutbox, NotificationPreferenceRepository, NotificationRepository, RealtimePush, RecipientDirectory, SettingsRepository, UserRepository,
};
use crate::DomainError;
use std::sync::Arc;

pub struct NotificationDeps {
    pub notifications: Arc<dyn NotificationRepository>,
    pub preferences: Arc<dyn NotificationPreferenceRepository>,
    pub directory: Arc<dyn RecipientDirectory>,
    pub users: Arc<dyn UserRepository>,
    pub settings: Arc<dyn SettingsRepository>,
    pub mail: Arc<dyn MailOutbox>,
    /// Who hears about applications.
    pub applications: Arc<dyn ApplicationStore>,
    pub clock: Arc<dyn Clock>,
    /// Live pushes to each recipient's `user:` channel (best effort).
    pub realtime: Arc<dyn RealtimePush>,
    /// Base URL of the web app, for links in emails.
    pub frontend_url: String,
}

pub struct NotificationService {
    d: NotificationDeps,
}

impl NotificationService {
    pub fn new(deps: NotificationDeps) -> Self {
        Self { d: deps }
    }

    // ---- the caller's feed ---------------------------------------------------

    pub async fn feed(&self, caller: &Principal, query: FeedQuery, page: PageRequest) -> DomainResult<Page<Notification>> {
        self.d.notifications.feed(caller.user_id, query, page).await
    }

    pub async fn unread_count(&self, caller: &Principal) -> DomainResult<u64> {
        self.d.notifications.unread_count(caller.user_id).await
    }

    /// Someone else's notification is as absent as a made-up id.
    pub async fn mark_read(&self, caller: &Principal, id: uuid::Uuid) -> DomainResult<()> {
        if self.d.notifications.mark_read(caller.user_id, id, self.d.clock.now()).await? { Ok(()) } else { Err(DomainError::NotFound) }
    }

    pub async fn mark_all_read(&self, caller: &Principal) -> DomainResult<u64> {
        self.d.notifications.mark_all_read(caller.user_id, self.d.clock.now()).await
    }

    // ---- email preferences ---------------------------------------------------

    async fn tenant_default_email(&self, company: Option<CompanyId>) -> DomainResult<bool> {
        if let Some(c) = company
            && let Some(s) = self.d.settings.find(Some(c)).await?
        {
            return Ok(s.default_notification_email);
        }
        Ok(self.d.settings.find(None).await?.unwrap_or_default().default_notification_email)
    }

    async fn preferences_of(&self, user: UserId, company: Option<CompanyId>) -> DomainResult<Vec<Preference>> {
        let stored = self.d.preferences.stored(user).await?;
        Ok(effective_preferences(&stored, self.tenant_default_email(company).await?))
    }

    pub async fn preferences(&self, caller: &Principal) -> DomainResult<Vec<Preference>> {
        self.preferences_of(caller.user_id, caller.company_id).await
    }

    pub async fn set_preferences(&self, caller: &Principal, items: Vec<(String, bool)>) -> DomainResult<Vec<Preference>> {
        let items = validate_preferences(items)?;
        self.d.preferences.save(caller.user_id, &items, self.d.clock.now()).await?;
        self.preferences(caller).await
    }

    // ---- the events consumer -------------------------------------------------

    /// React to one event. Safe to repeat: notifications are keyed by the event
    /// and emails carry ids derived from it.
    pub async fn handle_event(&self, envelope: &EventEnvelope) -> DomainResult<usize> {
        let deliveries = match &envelope.event {
            DomainEvent::PasswordResetRequested { request_id, user_id, approver_company_id } => {
                let Some(requester) = self.d.users.find_by_id(*user_id).await? else { return Ok(0) };
                let scope = approver_company_id.map_or(ApproverScope::Platform, ApproverScope::Company);
                let approvers = self.d.users.approvers(scope).await?;
                password_reset_requested(*request_id, &requester, approvers, &self.d.frontend_url)
            }
            DomainEvent::AccountCreated { user_id, company_id, created_by } => {
                let Some(new_user) = self.d.users.find_by_id(*user_id).await? else { return Ok(0) };
                let admins = match company_id {
                    Some(c) => self.d.directory.holders_of(*c, Permission::UsersCreate).await?,
                    None => vec![],
                };
                account_created(&new_user, admins, *created_by, &self.d.frontend_url)
            }
            DomainEvent::ApplicationCreated { application_id, by, .. } => {
                let Some(audience) = self.d.applications.audience(*application_id).await? else { return Ok(0) };
                let staff = self.active_users(&audience.staff).await?;
                application_created(*application_id, &audience, staff, *by, &self.d.frontend_url)
            }
            DomainEvent::ApplicationStageChanged { application_id, from_stage, to_stage, by, .. } => {
                let Some(audience) = self.d.applications.audience(*application_id).await? else { return Ok(0) };
                let staff = self.active_users(&audience.staff).await?;
                let candidate = self.active_users(audience.candidate_user.as_slice()).await?.pop();
                application_stage_changed(*application_id, &audience, staff, candidate, (from_stage, to_stage), *by, &self.d.frontend_url)
            }
        };
        self.deliver(envelope.id, deliveries).await
    }

    async fn active_users(&self, ids: &[UserId]) -> DomainResult<Vec<crate::identity::User>> {
        let mut out = Vec::new();
        for id in ids {
            if let Some(u) = self.d.users.find_by_id(*id).await?
                && u.status == crate::identity::UserStatus::Active
            {
                out.push(u);
            }
        }
        Ok(out)
    }

    async fn deliver(&self, event_id: uuid::Uuid, deliveries: Vec<Delivery>) -> DomainResult<usize> {
        let notifications: Vec<_> = deliveries.iter().map(|d| d.notification.clone()).collect();
        self.d.notifications.record_for_event(event_id, &notifications, self.d.clock.now()).await?;
        super::live::push_created(self.d.notifications.as_ref(), self.d.realtime.as_ref(), self.d.clock.as_ref(), &notifications).await;
        for d in deliveries {
            let Some(message) = d.email else { continue };
            let company = d.recipient.company.as_ref().map(|c| c.id);
            let wants_email = self.preferences_of(d.recipient.id, company).await?.iter().any(|p| p.kind == d.notification.kind && p.email);
            if wants_email {
                let mail = OutgoingMail::new(d.recipient.email.clone(), Some(d.recipient.full_name.clone()), message)
                    .for_company(company)
                    .with_id(delivery_mail_id(event_id, d.recipient.id, d.notification.kind));
                self.d.mail.enqueue(mail).await?;
            }
        }
        Ok(notifications.len())
    }
}
