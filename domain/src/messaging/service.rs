//! The messaging use cases. Every path that brings people together (create,
//! add participants, send) applies the pair rules; a refusal is audited as
//! `messaging.blocked` before the 403 is answered.

use super::rules::{check_group, Party};
use super::{
    clamp_limit, sanitize_body, validate_participant_ids, ConversationScope, ConversationSummary, ConversationView, Message,
    MessagePage, NewConversation, Participant, PARTICIPANTS_MAX,
};
use crate::audit::{AuditEntry, Outcome, RequestMeta};
use crate::clock::Clock;
use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::Principal;
use crate::ids::{ApplicationId, ConversationId, MessageId, UserId};
use crate::messaging::Family;
use crate::paging::{Page, PageRequest};
use crate::ports::{AuditLog, ConversationStore};
use std::collections::HashMap;
use std::sync::Arc;

pub const SUBJECT_MAX: usize = 200;

pub struct MessagingDeps {
    pub store: Arc<dyn ConversationStore>,
    pub audit: Arc<dyn AuditLog>,
    pub clock: Arc<dyn Clock>,
}

pub struct MessagingService {
    d: MessagingDeps,
}

/// `POST /api/messaging/conversations` as the domain receives it.
#[derive(Clone, Debug, Default)]
pub struct NewConversationInput {
    pub participant_ids: Vec<UserId>,
    pub subject: Option<String>,
    pub application_id: Option<ApplicationId>,
}

fn caller_party(p: &Principal) -> Party {
    Party { user_id: p.user_id, family: Family::classify(&p.roles, p.company_type), company_id: p.company_id }
}

fn validate_subject(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    let Some(s) = raw.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(None) };
    if s.chars().count() > SUBJECT_MAX || s.chars().any(char::is_control) {
        return Err(FieldError::new("subject", "invalid_length", "must be at most 200 characters on one line"));
    }
    Ok(Some(s.to_string()))
}

impl MessagingService {
    pub fn new(deps: MessagingDeps) -> Self {
        Self { d: deps }
    }

    /// Load people by id; unknown or inactive ones are field errors `field[i]`.
    async fn load_people(&self, field: &str, ids: &[UserId], errors: &mut Vec<FieldError>) -> DomainResult<Vec<Participant>> {
        let found = self.d.store.people(ids).await?;
        let by_id: HashMap<UserId, &Participant> = found.iter().map(|p| (p.user_id, p)).collect();
        let mut people = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            match by_id.get(id) {
                Some(p) if p.active => people.push((*p).clone()),
                _ => errors.push(FieldError::new(format!("{field}[{i}]"), "unknown_user", "no active user with this id")),
            }
        }
        Ok(people)
    }

    /// Apply the pair rules between `members` and `newcomers`; a refusal is audited.
    async fn enforce(
        &self,
        caller: &Principal,
        meta: &RequestMeta,
        conversation: Option<ConversationId>,
        members: &[Party],
        newcomers: &[Party],
    ) -> DomainResult<()> {
        // Bridges are looked up up front (the rules are sync), only for pairs needing one.
        let mut bridges: HashMap<(UserId, UserId), bool> = HashMap::new();
        for (i, n) in newcomers.iter().enumerate() {
            for m in members.iter().chain(newcomers[..i].iter()) {
                if super::needs_bridge(m, n) && !bridges.contains_key(&(m.user_id, n.user_id)) {
                    let b = self.d.store.bridged(m, n).await?;
                    bridges.insert((m.user_id, n.user_id), b);
                }
            }
        }
        match check_group(members, newcomers, |a, b| bridges.get(&(a.user_id, b.user_id)).copied().unwrap_or(false)) {
            Ok(()) => Ok(()),
            Err((a, b, why)) => {
                let mut entry = AuditEntry::new("messaging.blocked", Outcome::Denied, meta)
                    .actor(caller.user_id, caller.company_id)
                    .detail("user_id", a.user_id)
                    .detail("user_family", a.family.as_str())
                    .detail("other_user_id", b.user_id)
                    .detail("other_family", b.family.as_str())
                    .detail("reason", why.code());
                if let Some(c) = conversation {
                    entry = entry.target("conversation", c);
                }
                self.d.audit.record(entry).await?;
                Err(DomainError::Forbidden(why.code()))
            }
        }
    }

    pub async fn create(&self, caller: &Principal, input: NewConversationInput, meta: &RequestMeta) -> DomainResult<ConversationId> {
        let mut errors = Vec::new();
        let subject = validate_subject(input.subject.as_deref()).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let others = match validate_participant_ids(caller.user_id, &input.participant_ids) {
            Ok(o) => o,
            Err(DomainError::Validation(mut f)) => {
                errors.append(&mut f);
                Vec::new()
            }
            Err(e) => return Err(e),
        };
        // Field errors name the index in the request as sent.
        let people = if others.is_empty() { Vec::new() } else { self.load_people("participant_ids", &input.participant_ids, &mut errors).await? };
        if let Some(app) = input.application_id
            && !self.d.store.application_visible(app, caller.scope()).await?
        {
            errors.push(FieldError::new("application_id", "unknown_application", "no such application visible to you"));
        }
        if !errors.is_empty() {
            return Err(DomainError::Validation(errors));
        }
        let newcomers: Vec<Party> = people.iter().filter(|p| p.user_id != caller.user_id).map(Participant::party).fold(Vec::new(), |mut v, p| {
            if !v.iter().any(|q: &Party| q.user_id == p.user_id) {
                v.push(p);
            }
            v
        });
        self.enforce(caller, meta, None, &[caller_party(caller)], &newcomers).await?;
        let now = self.d.clock.now();
        let conversation = NewConversation { id: ConversationId::new(), subject, application_id: input.application_id, created_by: caller.user_id, created_at: now };
        let mut ids = vec![caller.user_id];
        ids.extend(newcomers.iter().map(|p| p.user_id));
        self.d.store.create(&conversation, &ids, now).await?;
        Ok(conversation.id)
    }

    /// The conversation if the caller takes part in it; otherwise `NotFound`.
    pub async fn get(&self, caller: &Principal, id: ConversationId) -> DomainResult<ConversationView> {
        match self.d.store.find(id).await? {
            Some((conversation, participants)) if participants.iter().any(|p| p.user_id == caller.user_id) => {
                Ok(ConversationView { conversation, participants })
            }
            _ => Err(DomainError::NotFound),
        }
    }

    pub async fn list(&self, caller: &Principal, scope: ConversationScope, page: PageRequest) -> DomainResult<Page<ConversationSummary>> {
        self.d.store.list(caller.user_id, &scope, page).await
    }

    pub async fn add_participants(&self, caller: &Principal, id: ConversationId, user_ids: &[UserId], meta: &RequestMeta) -> DomainResult<()> {
        let view = self.get(caller, id).await?;
        let mut errors = Vec::new();
        let fresh: Vec<UserId> = user_ids.iter().copied().filter(|u| !view.participants.iter().any(|p| p.user_id == *u)).collect();
        if user_ids.is_empty() || view.participants.len() + fresh.len() > PARTICIPANTS_MAX + 1 {
            errors.push(FieldError::new("user_ids", "invalid_count", "name 1 or more users; a conversation holds at most 21 people"));
        }
        let people = if errors.is_empty() { self.load_people("user_ids", user_ids, &mut errors).await? } else { Vec::new() };
        if !errors.is_empty() {
            return Err(DomainError::Validation(errors));
        }
        let mut newcomers: Vec<Party> = Vec::new();
        for p in people.iter().filter(|p| fresh.contains(&p.user_id)) {
            if !newcomers.iter().any(|q| q.user_id == p.user_id) {
                newcomers.push(p.party());
            }
        }
        if newcomers.is_empty() {
            return Ok(());
        }
        let members: Vec<Party> = view.participants.iter().map(Participant::party).collect();
        self.enforce(caller, meta, Some(id), &members, &newcomers).await?;
        let added: Vec<UserId> = newcomers.iter().map(|p| p.user_id).collect();
        self.d.store.add_participants(id, &added, self.d.clock.now()).await?;
        self.d
            .audit
            .record(AuditEntry::by(caller, "messaging.participants_added", meta).target("conversation", id).detail("user_ids", &added))
            .await
    }

    /// Send a message. The rules are re-checked between the sender and every
    /// other active participant; a deactivated sender is refused.
    pub async fn send(&self, caller: &Principal, id: ConversationId, body: &str, meta: &RequestMeta) -> DomainResult<Message> {
        let view = self.get(caller, id).await?;
        let me = view.participants.iter().find(|p| p.user_id == caller.user_id).ok_or(DomainError::NotFound)?;
        if !me.active {
            return Err(DomainError::Forbidden("account_inactive"));
        }
        let body = sanitize_body(body).map_err(|e| DomainError::Validation(vec![e]))?;
        let others: Vec<Party> = view.participants.iter().filter(|p| p.user_id != caller.user_id && p.active).map(Participant::party).collect();
        self.enforce(caller, meta, Some(id), &others, &[caller_party(caller)]).await?;
        let message = Message { id: MessageId::new(), conversation_id: id, sender_id: caller.user_id, body, created_at: self.d.clock.now() };
        self.d.store.insert_message(&message).await?;
        Ok(message)
    }

    pub async fn messages(&self, caller: &Principal, id: ConversationId, before: Option<MessageId>, limit: Option<u32>) -> DomainResult<MessagePage> {
        let limit = clamp_limit(limit)?;
        self.get(caller, id).await?;
        let items = self.d.store.messages(id, before, limit).await?;
        let next_before = if items.len() as u32 == limit { items.last().map(|m| m.id) } else { None };
        Ok(MessagePage { items, next_before })
    }

    /// Move the caller's read receipt up to `message_id` (never back).
    pub async fn mark_read(&self, caller: &Principal, id: ConversationId, message_id: MessageId) -> DomainResult<()> {
        self.get(caller, id).await?;
        if !self.d.store.message_exists(id, message_id).await? {
            return Err(DomainError::field("message_id", "unknown_message", "no such message in this conversation"));
        }
        self.d.store.mark_read(id, caller.user_id, message_id, self.d.clock.now()).await
    }
}
