//! The messaging use cases. Every path that brings people together (create,
//! add participants, send) applies the pair rules; a refusal is audited as
//! `messaging.blocked` before the 403 is answered.

use super::attachments::check_attachable;
use super::rules::{check_group, Party};
use super::{
    clamp_limit, live, sanitize_body, validate_participant_ids, AttachmentInfo, ConversationScope, ConversationSummary, ConversationView,
    Message, MessagePage, NewConversation, Participant, PARTICIPANTS_MAX,
};
use crate::audit::{AuditEntry, Outcome, RequestMeta};
use crate::clock::Clock;
use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::Principal;
use crate::ids::{ApplicationId, ConversationId, FileId, MessageId, UserId};
use crate::messaging::Family;
use crate::paging::{Page, PageRequest};
use crate::ports::{AuditLog, ConversationStore, RealtimePush};
use crate::realtime::event_types;
use std::collections::HashMap;
use std::sync::Arc;

pub const SUBJECT_MAX: usize = 200;

pub struct MessagingDeps {
    pub store: Arc<dyn ConversationStore>,
    pub audit: Arc<dyn AuditLog>,
    pub clock: Arc<dyn Clock>,
    /// Live events (best effort).
    pub push: Arc<dyn RealtimePush>,
    /// Attachments go through the file pipeline (presign, scan, download).
    pub files: Arc<dyn super::uploads::AttachmentFiles>,
}

pub struct MessagingService {
    pub(super) d: MessagingDeps,
}

/// `POST …/messages` (or a socket's `message.send`) as the domain receives it.
#[derive(Clone, Debug, Default)]
pub struct NewMessageInput {
    pub body: String,
    pub attachment_ids: Vec<FileId>,
}

/// `POST /api/messaging/conversations` as the domain receives it.
#[derive(Clone, Debug, Default)]
pub struct NewConversationInput {
    pub participant_ids: Vec<UserId>,
    pub subject: Option<String>,
    pub application_id: Option<ApplicationId>,
}

pub(super) fn caller_party(p: &Principal) -> Party {
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
    pub(super) async fn enforce(
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
        live::push_all(self.d.push.as_ref(), live::conversation_created(conversation.id, caller.user_id, &ids, now)).await;
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

    /// The conversation if the caller takes part in it, is active, and may
    /// still talk to every other active participant (rules re-checked).
    pub(super) async fn speaking(&self, caller: &Principal, id: ConversationId, meta: &RequestMeta) -> DomainResult<ConversationView> {
        let view = self.get(caller, id).await?;
        let me = view.participants.iter().find(|p| p.user_id == caller.user_id).ok_or(DomainError::NotFound)?;
        if !me.active {
            return Err(DomainError::Forbidden("account_inactive"));
        }
        let others: Vec<Party> = view.participants.iter().filter(|p| p.user_id != caller.user_id && p.active).map(Participant::party).collect();
        self.enforce(caller, meta, Some(id), &others, &[caller_party(caller)]).await?;
        Ok(view)
    }

    /// Send a message, with attachments the sender uploaded into this
    /// conversation. The rules are re-checked between the sender and every
    /// other active participant; a deactivated sender is refused. The body may
    /// be empty only when attachments are sent.
    pub async fn send(&self, caller: &Principal, id: ConversationId, input: NewMessageInput, meta: &RequestMeta) -> DomainResult<Message> {
        let view = self.speaking(caller, id, meta).await?;
        let mut errors = Vec::new();
        let body = if !input.attachment_ids.is_empty() && input.body.trim().is_empty() {
            String::new()
        } else {
            sanitize_body(&input.body).unwrap_or_else(|e| {
                errors.push(e);
                String::new()
            })
        };
        let found = if input.attachment_ids.is_empty() { Vec::new() } else { self.d.store.attachments(&input.attachment_ids).await? };
        let attachments = check_attachable(caller.user_id, id, &input.attachment_ids, &found).unwrap_or_else(|mut e| {
            errors.append(&mut e);
            Vec::new()
        });
        if !errors.is_empty() {
            return Err(DomainError::Validation(errors));
        }
        let message = Message {
            id: MessageId::new(),
            conversation_id: id,
            sender_id: caller.user_id,
            body,
            // Stored with microseconds: answer exactly what later reads return.
            created_at: chrono::SubsecRound::trunc_subsecs(self.d.clock.now(), 6),
            attachments: attachments.iter().map(|a| AttachmentInfo::of(&a.file)).collect(),
        };
        self.d.store.insert_message(&message).await?;
        let everyone: Vec<UserId> = view.participants.iter().map(|p| p.user_id).collect();
        live::push_all(self.d.push.as_ref(), live::message_created(&message, &everyone)).await;
        Ok(message)
    }

    /// `typing.started` / `typing.stopped` to the conversation (nothing stored).
    pub async fn typing(&self, caller: &Principal, id: ConversationId, started: bool) -> DomainResult<()> {
        self.get(caller, id).await?;
        live::push_all(self.d.push.as_ref(), vec![live::typing(started, id, caller.user_id, self.d.clock.now())]).await;
        Ok(())
    }

    /// Move the caller's delivery receipt up to `message_id` (never back);
    /// `message.delivered` is pushed when it moved.
    pub async fn mark_delivered(&self, caller: &Principal, id: ConversationId, message_id: MessageId) -> DomainResult<()> {
        self.receipt(caller, id, message_id, event_types::MESSAGE_DELIVERED).await
    }

    pub async fn messages(&self, caller: &Principal, id: ConversationId, before: Option<MessageId>, limit: Option<u32>) -> DomainResult<MessagePage> {
        let limit = clamp_limit(limit)?;
        self.get(caller, id).await?;
        let items = self.d.store.messages(id, before, limit).await?;
        let next_before = if items.len() as u32 == limit { items.last().map(|m| m.id) } else { None };
        Ok(MessagePage { items, next_before })
    }

    /// Move the caller's read receipt up to `message_id` (never back);
    /// reading implies delivery. `message.read` is pushed when it moved.
    pub async fn mark_read(&self, caller: &Principal, id: ConversationId, message_id: MessageId) -> DomainResult<()> {
        self.receipt(caller, id, message_id, event_types::MESSAGE_READ).await
    }

    async fn receipt(&self, caller: &Principal, id: ConversationId, message_id: MessageId, kind: &'static str) -> DomainResult<()> {
        self.get(caller, id).await?;
        if !self.d.store.message_exists(id, message_id).await? {
            return Err(DomainError::field("message_id", "unknown_message", "no such message in this conversation"));
        }
        let now = self.d.clock.now();
        let mut events = Vec::new();
        if self.d.store.mark_delivered(id, caller.user_id, message_id, now).await? {
            events.push(live::receipt(event_types::MESSAGE_DELIVERED, id, caller.user_id, message_id, now));
        }
        if kind == event_types::MESSAGE_READ && self.d.store.mark_read(id, caller.user_id, message_id, now).await? {
            events.push(live::receipt(event_types::MESSAGE_READ, id, caller.user_id, message_id, now));
        }
        live::push_all(self.d.push.as_ref(), events).await;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::SystemClock;
    use crate::identity::{CompanyType, Permission, Scope};
    use crate::ids::{CompanyId, SessionFamilyId};
    use crate::ports::PortResult;
    use chrono::{DateTime, Utc};
    use std::sync::Mutex;

    #[derive(Default)]
    struct Fake {
        people: Vec<Participant>,
        bridged: bool,
        bridge_asks: Mutex<u32>,
        conversations: Mutex<Vec<(NewConversation, Vec<UserId>)>>,
        messages: Mutex<Vec<Message>>,
        audit: Mutex<Vec<AuditEntry>>,
        pushed: Mutex<Vec<crate::realtime::RealtimeEvent>>,
    }

    #[async_trait::async_trait]
    impl ConversationStore for Fake {
        async fn people(&self, ids: &[UserId]) -> PortResult<Vec<Participant>> {
            Ok(self.people.iter().filter(|p| ids.contains(&p.user_id)).cloned().collect())
        }
        async fn bridged(&self, _: &Party, _: &Party) -> PortResult<bool> {
            *self.bridge_asks.lock().unwrap() += 1;
            Ok(self.bridged)
        }
        async fn application_visible(&self, _: ApplicationId, _: Scope) -> PortResult<bool> {
            Ok(false)
        }
        async fn create(&self, c: &NewConversation, participants: &[UserId], _: DateTime<Utc>) -> PortResult<()> {
            self.conversations.lock().unwrap().push((c.clone(), participants.to_vec()));
            Ok(())
        }
        async fn find(&self, id: ConversationId) -> PortResult<Option<(NewConversation, Vec<Participant>)>> {
            let all = self.conversations.lock().unwrap();
            Ok(all.iter().find(|(c, _)| c.id == id).map(|(c, users)| {
                (c.clone(), users.iter().filter_map(|u| self.people.iter().find(|p| p.user_id == *u).cloned()).collect())
            }))
        }
        async fn list(&self, _: UserId, _: &ConversationScope, page: PageRequest) -> PortResult<Page<ConversationSummary>> {
            Ok(Page::new(Vec::new(), 0, page))
        }
        async fn add_participants(&self, id: ConversationId, users: &[UserId], _: DateTime<Utc>) -> PortResult<()> {
            let mut all = self.conversations.lock().unwrap();
            all.iter_mut().find(|(c, _)| c.id == id).unwrap().1.extend_from_slice(users);
            Ok(())
        }
        async fn insert_message(&self, m: &Message) -> PortResult<()> {
            self.messages.lock().unwrap().push(m.clone());
            Ok(())
        }
        async fn messages(&self, _: ConversationId, _: Option<MessageId>, _: u32) -> PortResult<Vec<Message>> {
            Ok(Vec::new())
        }
        async fn message_exists(&self, _: ConversationId, _: MessageId) -> PortResult<bool> {
            Ok(false)
        }
        async fn mark_read(&self, _: ConversationId, _: UserId, _: MessageId, _: DateTime<Utc>) -> PortResult<bool> {
            Ok(true)
        }
        async fn mark_delivered(&self, _: ConversationId, _: UserId, _: MessageId, _: DateTime<Utc>) -> PortResult<bool> {
            Ok(true)
        }
        async fn is_participant(&self, id: ConversationId, user: UserId) -> PortResult<bool> {
            Ok(self.conversations.lock().unwrap().iter().any(|(c, users)| c.id == id && users.contains(&user)))
        }
        async fn attachments(&self, _: &[FileId]) -> PortResult<Vec<crate::messaging::Attachment>> {
            Ok(Vec::new())
        }
        async fn contacts(&self, _: &Party, _: Option<&str>, _: u32) -> PortResult<Vec<crate::messaging::Contact>> {
            // Everyone, as a store that got the bridges wrong would: the rule must still filter.
            Ok(self.people.iter().map(|p| crate::messaging::Contact { person: p.clone(), company_name: None }).collect())
        }
    }

    #[async_trait::async_trait]
    impl RealtimePush for Fake {
        async fn publish(&self, _: crate::realtime::Channel, event: crate::realtime::RealtimeEvent) -> PortResult<()> {
            self.pushed.lock().unwrap().push(event);
            Ok(())
        }
    }

    #[async_trait::async_trait]
    impl super::super::AttachmentFiles for Fake {
        async fn presign_message_attachment(&self, _: &Principal, _: ConversationId, _: crate::files::UploadRequest) -> DomainResult<crate::files::PresignedFileUpload> {
            Err(DomainError::Infrastructure("not in these tests".into()))
        }
        async fn queue_scan(&self, _: crate::files::StoredFile) -> DomainResult<crate::files::StoredFile> {
            Err(DomainError::Infrastructure("not in these tests".into()))
        }
        async fn download_link(&self, _: &crate::files::StoredFile) -> DomainResult<crate::files::FileDownload> {
            Err(DomainError::Infrastructure("not in these tests".into()))
        }
        async fn record_external_scan(&self, _: FileId, _: crate::files::ExternalScanReport) -> DomainResult<crate::files::ScanResult> {
            Err(DomainError::Infrastructure("not in these tests".into()))
        }
    }

    #[async_trait::async_trait]
    impl AuditLog for Fake {
        async fn record(&self, entry: AuditEntry) -> PortResult<()> {
            self.audit.lock().unwrap().push(entry);
            Ok(())
        }
    }

    fn person(family: Family, company: Option<CompanyId>) -> Participant {
        Participant {
            user_id: UserId::new(),
            full_name: "P".into(),
            family,
            company_id: company,
            active: true,
            last_read_message_id: None,
            last_delivered_message_id: None,
        }
    }

    fn principal_of(p: &Participant, roles: &[&str], kind: Option<CompanyType>) -> Principal {
        Principal {
            user_id: p.user_id,
            session: SessionFamilyId::new(),
            company_id: p.company_id,
            company_type: kind,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            permissions: [Permission::MessagingUse].into_iter().collect(),
        }
    }

    fn service(fake: Arc<Fake>) -> MessagingService {
        MessagingService::new(MessagingDeps {
            store: fake.clone(),
            audit: fake.clone(),
            clock: Arc::new(SystemClock),
            push: fake.clone(),
            files: fake,
        })
    }

    fn text(body: &str) -> NewMessageInput {
        NewMessageInput { body: body.into(), attachment_ids: Vec::new() }
    }

    fn input(ids: &[UserId]) -> NewConversationInput {
        NewConversationInput { participant_ids: ids.to_vec(), ..Default::default() }
    }

    #[tokio::test]
    async fn contacts_never_offer_a_blocked_pair_and_the_super_admin_must_search() {
        let employer = person(Family::Employer, Some(CompanyId::new()));
        let colleague = person(Family::Employer, employer.company_id);
        let candidate = person(Family::Candidate, None);
        let fake = Arc::new(Fake { people: vec![employer.clone(), colleague.clone(), candidate.clone()], ..Default::default() });
        let caller = principal_of(&employer, &["hiring_manager"], Some(CompanyType::Employer));
        let found = service(fake.clone()).contacts(&caller, crate::messaging::ContactQuery::default()).await.unwrap();
        assert_eq!(found.iter().map(|c| c.person.user_id).collect::<Vec<_>>(), [colleague.user_id], "neither the caller nor the candidate");

        let root = person(Family::SuperAdmin, None);
        let admin = principal_of(&root, &["super_admin"], None);
        for q in [None, Some(" a ".to_string())] {
            let got = service(fake.clone()).contacts(&admin, crate::messaging::ContactQuery { search: q, limit: None }).await;
            assert!(matches!(got, Err(DomainError::Validation(_))));
        }
        let zero = service(fake).contacts(&caller, crate::messaging::ContactQuery { search: None, limit: Some(0) }).await;
        assert!(matches!(zero, Err(DomainError::Validation(_))));
    }

    #[tokio::test]
    async fn a_blocked_pair_is_audited_and_nothing_is_stored() {
        let employer = person(Family::Employer, Some(CompanyId::new()));
        let candidate = person(Family::Candidate, None);
        let fake = Arc::new(Fake { people: vec![employer.clone(), candidate.clone()], bridged: true, ..Default::default() });
        let caller = principal_of(&employer, &["hiring_manager"], Some(CompanyType::Employer));
        let got = service(fake.clone()).create(&caller, input(&[candidate.user_id]), &RequestMeta::default()).await;
        assert!(matches!(got, Err(DomainError::Forbidden("messaging_pair_blocked"))));
        assert!(fake.conversations.lock().unwrap().is_empty());
        assert_eq!(*fake.bridge_asks.lock().unwrap(), 0, "no bridge can open this pair");
        let audit = fake.audit.lock().unwrap();
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0].action, "messaging.blocked");
        assert_eq!(audit[0].outcome, Outcome::Denied);
        assert_eq!(audit[0].details["reason"], "messaging_pair_blocked");
        assert_eq!(audit[0].details["other_user_id"], candidate.user_id.to_string());
    }

    #[tokio::test]
    async fn without_a_bridge_other_companies_are_refused_and_with_one_they_talk() {
        let recruiter = person(Family::Recruiter, Some(CompanyId::new()));
        let employer = person(Family::Employer, Some(CompanyId::new()));
        let caller = principal_of(&recruiter, &["recruiter"], Some(CompanyType::Agency));
        let closed = Arc::new(Fake { people: vec![recruiter.clone(), employer.clone()], bridged: false, ..Default::default() });
        let got = service(closed.clone()).create(&caller, input(&[employer.user_id]), &RequestMeta::default()).await;
        assert!(matches!(got, Err(DomainError::Forbidden("no_shared_context"))));
        assert_eq!(closed.audit.lock().unwrap()[0].details["reason"], "no_shared_context");

        let open = Arc::new(Fake { people: vec![recruiter.clone(), employer.clone()], bridged: true, ..Default::default() });
        let id = service(open.clone()).create(&caller, input(&[employer.user_id]), &RequestMeta::default()).await.unwrap();
        let stored = open.conversations.lock().unwrap();
        assert_eq!(stored[0].0.id, id);
        assert_eq!(stored[0].1, vec![recruiter.user_id, employer.user_id]);
    }

    #[tokio::test]
    async fn unknown_and_inactive_people_are_named_by_index() {
        let me = person(Family::Recruiter, Some(CompanyId::new()));
        let mut gone = person(Family::Recruiter, me.company_id);
        gone.active = false;
        let fake = Arc::new(Fake { people: vec![me.clone(), gone.clone()], ..Default::default() });
        let caller = principal_of(&me, &["recruiter"], Some(CompanyType::Agency));
        let got = service(fake.clone()).create(&caller, input(&[UserId::new(), gone.user_id]), &RequestMeta::default()).await;
        let Err(DomainError::Validation(errors)) = got else { panic!("expected 422") };
        let named: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(named, ["participant_ids[0]", "participant_ids[1]"]);
        assert!(fake.conversations.lock().unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_deactivated_participant_cannot_send_and_strangers_see_nothing() {
        let company = Some(CompanyId::new());
        let me = person(Family::Employer, company);
        let colleague = person(Family::Employer, company);
        let fake = Arc::new(Fake { people: vec![me.clone(), colleague.clone()], ..Default::default() });
        let svc = service(fake.clone());
        let caller = principal_of(&me, &["interviewer"], Some(CompanyType::Employer));
        let id = svc.create(&caller, input(&[colleague.user_id]), &RequestMeta::default()).await.unwrap();
        let sent = svc.send(&caller, id, text("  hi\u{7} "), &RequestMeta::default()).await.unwrap();
        assert_eq!(sent.body, "hi");
        let pushed = fake.pushed.lock().unwrap().iter().map(|e| (e.kind.clone(), e.channel.clone())).collect::<Vec<_>>();
        assert_eq!(pushed.last().unwrap(), &("message.created".to_string(), format!("user:{}", colleague.user_id.0)));
        assert!(pushed.contains(&("message.created".to_string(), format!("conversation:{}", id.0))));

        let stranger = person(Family::Employer, company);
        let outsider = principal_of(&stranger, &["interviewer"], Some(CompanyType::Employer));
        assert!(matches!(svc.send(&outsider, id, text("hi"), &RequestMeta::default()).await, Err(DomainError::NotFound)));
        assert!(matches!(svc.get(&outsider, id).await, Err(DomainError::NotFound)));

        let mut inactive = fake.people.clone();
        inactive[0].active = false;
        let frozen = Arc::new(Fake { people: inactive, ..Default::default() });
        *frozen.conversations.lock().unwrap() = fake.conversations.lock().unwrap().clone();
        let got = service(frozen.clone()).send(&caller, id, text("hi"), &RequestMeta::default()).await;
        assert!(matches!(got, Err(DomainError::Forbidden("account_inactive"))));
        assert!(frozen.messages.lock().unwrap().is_empty());
    }
}
