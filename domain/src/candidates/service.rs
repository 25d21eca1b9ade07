//! Recruiter-facing use cases: create, list, view, edit, notes and merge.

use super::merge::plan_merge;
use super::profile::{validate_profile, CandidateProfile, ProfileFields, ExperienceInput, EducationInput, Links, ProfileInput, SkillInput};
use super::query::{candidate_query, CandidateFilters, CandidateSummary};
use crate::audit::{AuditEntry, RequestMeta};
use crate::clock::Clock;
use crate::error::{DomainError, DomainResult};
use crate::identity::{Principal, Scope};
use crate::ids::{CandidateId, CompanyId, NoteId, UserId};
use crate::paging::{Page, PageRequest};
use crate::ports::{AuditLog, CandidateRepository, NewCandidate, SavedJobRepository};
use chrono::{DateTime, Utc};
use std::sync::Arc;

pub const NOTE_MAX: usize = 10_000;

pub struct CandidateDeps {
    pub candidates: Arc<dyn CandidateRepository>,
    pub saved_jobs: Arc<dyn SavedJobRepository>,
    pub audit: Arc<dyn AuditLog>,
    pub clock: Arc<dyn Clock>,
}

pub struct CandidateService {
    pub(super) d: CandidateDeps,
}

/// `PATCH /api/candidates/{id}`: outer None = unchanged, inner None = cleared.
#[derive(Clone, Debug, Default)]
pub struct ProfilePatch {
    pub full_name: Option<String>,
    pub email: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub headline: Option<Option<String>>,
    pub current_title: Option<Option<String>>,
    pub current_company: Option<Option<String>>,
    pub location: Option<Option<String>>,
    pub total_experience_years: Option<Option<f64>>,
    pub notice_period_days: Option<Option<i64>>,
    pub current_salary: Option<Option<f64>>,
    pub expected_salary: Option<Option<f64>>,
    pub salary_currency: Option<Option<String>>,
    pub summary: Option<Option<String>>,
    pub source: Option<Option<String>>,
    pub links: Option<Option<Links>>,
    pub tags: Option<Option<Vec<String>>>,
    pub skills: Option<Option<Vec<SkillInput>>>,
    pub experience: Option<Option<Vec<ExperienceInput>>>,
    pub education: Option<Option<Vec<EducationInput>>>,
}

impl ProfilePatch {
    /// The current profile with this patch applied.
    pub fn apply(self, mut input: ProfileInput) -> ProfileInput {
        fn set<T>(slot: &mut Option<T>, v: Option<Option<T>>) {
            if let Some(v) = v {
                *slot = v;
            }
        }
        if let Some(name) = self.full_name {
            input.full_name = Some(name);
        }
        set(&mut input.email, self.email);
        set(&mut input.phone, self.phone);
        set(&mut input.headline, self.headline);
        set(&mut input.current_title, self.current_title);
        set(&mut input.current_company, self.current_company);
        set(&mut input.location, self.location);
        set(&mut input.total_experience_years, self.total_experience_years);
        set(&mut input.notice_period_days, self.notice_period_days);
        set(&mut input.current_salary, self.current_salary);
        set(&mut input.expected_salary, self.expected_salary);
        set(&mut input.salary_currency, self.salary_currency);
        set(&mut input.summary, self.summary);
        set(&mut input.source, self.source);
        // Collections present replace wholesale; null empties them.
        input.links = self.links.map(Option::unwrap_or_default);
        input.tags = self.tags.map(Option::unwrap_or_default);
        input.skills = self.skills.map(Option::unwrap_or_default);
        input.experience = self.experience.map(Option::unwrap_or_default);
        input.education = self.education.map(Option::unwrap_or_default);
        input
    }
}

/// An internal note.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateNote {
    pub id: NoteId,
    pub author_id: UserId,
    pub author_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// Only the owning company (or a super admin) edits a company profile;
/// a company that sees it through an application only reads it.
pub fn may_edit(scope: Scope, owner: Option<CompanyId>) -> bool {
    match scope {
        Scope::Platform => owner.is_some(),
        Scope::Company(me) => owner == Some(me),
        Scope::Personal => false,
    }
}

/// The dedupe keys a write must check: all of a new profile's, and only the
/// changed ones of an edit (an unchanged key cannot newly collide).
pub fn dedupe_keys_to_check(before: Option<&ProfileFields>, after: &ProfileFields) -> (Option<String>, Option<String>) {
    let email = after.email_key().filter(|k| before.and_then(ProfileFields::email_key).as_ref() != Some(k));
    let phone = after.phone_key().filter(|k| before.and_then(ProfileFields::phone_key).as_ref() != Some(k));
    (email, phone)
}

fn duplicate(id: CandidateId) -> DomainError {
    DomainError::Duplicate { code: "duplicate_candidate", existing_id: id.0 }
}

impl CandidateService {
    pub fn new(deps: CandidateDeps) -> Self {
        Self { d: deps }
    }

    /// The dedupe decision: an existing live profile of the company with the same key.
    async fn check_duplicate(&self, company: CompanyId, email_key: Option<&str>, phone_key: Option<&str>, except: Option<CandidateId>) -> DomainResult<()> {
        if email_key.is_none() && phone_key.is_none() {
            return Ok(());
        }
        match self.d.candidates.find_duplicate(company, email_key, phone_key, except).await? {
            Some(existing) => Err(duplicate(existing)),
            None => Ok(()),
        }
    }

    pub async fn create(&self, actor: &Principal, input: ProfileInput, company: Option<CompanyId>, meta: &RequestMeta) -> DomainResult<CandidateProfile> {
        let owner = actor.scope().owning_company(company);
        let valid = validate_profile(&input);
        let (owner, valid) = match (owner, valid) {
            (Ok(o), Ok(v)) => (o, v),
            (Err(DomainError::Validation(mut a)), Err(b)) => {
                a.extend(b);
                return Err(DomainError::Validation(a));
            }
            (Err(e), _) => return Err(e),
            (_, Err(b)) => return Err(DomainError::Validation(b)),
        };
        let (email_key, phone_key) = dedupe_keys_to_check(None, &valid.fields);
        self.check_duplicate(owner, email_key.as_deref(), phone_key.as_deref(), None).await?;
        let id = CandidateId::new();
        let new = NewCandidate { id, company_id: owner, profile: valid, created_by: actor.user_id, at: self.d.clock.now() };
        self.d.candidates.create(&new).await?;
        self.d
            .audit
            .record(AuditEntry::by(actor, "candidates.create", meta).company(Some(owner)).target("candidate", id).changes(None::<&()>, Some(&new.profile.fields)))
            .await?;
        self.get(actor, id).await
    }

    pub async fn list(&self, actor: &Principal, filters: &CandidateFilters, page: PageRequest) -> DomainResult<Page<CandidateSummary>> {
        let query = candidate_query(filters)?;
        self.d.candidates.list(&query, actor.scope().company_filter(), page).await
    }

    pub async fn get(&self, actor: &Principal, id: CandidateId) -> DomainResult<CandidateProfile> {
        let scope = actor.scope();
        let mut profile = self.d.candidates.find(id, scope.company_filter()).await?.ok_or(DomainError::NotFound)?;
        profile.editable = may_edit(scope, profile.company_id);
        Ok(profile)
    }

    /// Visible and owned by the caller's company: else 404 or 403 `not_candidate_owner`.
    async fn owned(&self, actor: &Principal, id: CandidateId) -> DomainResult<CandidateProfile> {
        let profile = self.get(actor, id).await?;
        if !profile.editable {
            return Err(DomainError::Forbidden("not_candidate_owner"));
        }
        Ok(profile)
    }

    pub async fn update(&self, actor: &Principal, id: CandidateId, patch: ProfilePatch, meta: &RequestMeta) -> DomainResult<CandidateProfile> {
        let before = self.owned(actor, id).await?;
        let company = before.company_id.ok_or(DomainError::NotFound)?;
        let valid = validate_profile(&patch.apply(before.as_input())).map_err(DomainError::Validation)?;
        let (email_key, phone_key) = dedupe_keys_to_check(Some(&before.fields), &valid.fields);
        self.check_duplicate(company, email_key.as_deref(), phone_key.as_deref(), Some(id)).await?;
        self.d.candidates.update(id, &valid, self.d.clock.now()).await?;
        self.d
            .audit
            .record(
                AuditEntry::by(actor, "candidates.update", meta)
                    .company(Some(company))
                    .target("candidate", id)
                    .changes(Some(&before.fields), Some(&valid.fields)),
            )
            .await?;
        self.get(actor, id).await
    }

    pub async fn add_note(&self, actor: &Principal, id: CandidateId, body: &str) -> DomainResult<CandidateNote> {
        let body = body.trim();
        if body.is_empty() || body.chars().count() > NOTE_MAX {
            return Err(DomainError::field("body", "invalid_length", "must be between 1 and 10000 characters"));
        }
        self.owned(actor, id).await?;
        let note = NoteId::new();
        self.d.candidates.add_note(note, id, actor.user_id, body, self.d.clock.now()).await?;
        let page = self.d.candidates.notes(id, PageRequest::new(Some(1), Some(PageRequest::MAX_PER_PAGE))).await?;
        page.items.into_iter().find(|n| n.id == note).ok_or(DomainError::NotFound)
    }

    /// Notes are internal to the owning company: anyone else gets 404.
    pub async fn notes(&self, actor: &Principal, id: CandidateId, page: PageRequest) -> DomainResult<Page<CandidateNote>> {
        let profile = self.get(actor, id).await?;
        if !profile.editable {
            return Err(DomainError::NotFound);
        }
        self.d.candidates.notes(id, page).await
    }

    /// Fold `duplicate_id` into `id`; returns the survivor.
    pub async fn merge(&self, actor: &Principal, id: CandidateId, duplicate_id: CandidateId, meta: &RequestMeta) -> DomainResult<CandidateProfile> {
        let survivor = self.owned(actor, id).await?;
        if duplicate_id == id {
            return Err(DomainError::field("duplicate_id", "same_candidate", "a profile cannot be merged into itself"));
        }
        let dup = match self.d.candidates.find(duplicate_id, actor.scope().company_filter()).await? {
            Some(d) if d.company_id.is_some() && d.company_id == survivor.company_id => d,
            _ => return Err(DomainError::field("duplicate_id", "unknown_candidate", "is not a profile of this company")),
        };
        let plan = plan_merge(&survivor, &dup);
        let counts = self.d.candidates.merge(&plan, self.d.clock.now()).await?;
        self.d
            .audit
            .record(
                AuditEntry::by(actor, "candidates.merge", meta)
                    .company(survivor.company_id)
                    .target("candidate", id)
                    .detail("duplicate_id", duplicate_id)
                    .detail("moved", &counts)
                    .changes(Some(&survivor.fields), Some(&plan.fields)),
            )
            .await?;
        self.get(actor, id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_owning_company_edits() {
        let (mine, theirs) = (CompanyId::new(), CompanyId::new());
        assert!(may_edit(Scope::Company(mine), Some(mine)));
        assert!(!may_edit(Scope::Company(mine), Some(theirs)), "seen through an application: read-only");
        assert!(may_edit(Scope::Platform, Some(theirs)));
        assert!(!may_edit(Scope::Platform, None), "personal profiles are their user's");
        assert!(!may_edit(Scope::Personal, Some(mine)));
    }

    #[test]
    fn dedupe_checks_new_keys_in_normalized_form() {
        let f = |email: Option<&str>, phone: Option<&str>| ProfileFields {
            full_name: "P".into(),
            email: email.map(Into::into),
            phone: phone.map(Into::into),
            ..Default::default()
        };
        let created = dedupe_keys_to_check(None, &f(Some(" Priya@Example.COM"), Some("+91 98765-43210")));
        assert_eq!(created, (Some("priya@example.com".into()), Some("+919876543210".into())));
        let before = f(Some("priya@example.com"), Some("+919876543210"));
        assert_eq!(dedupe_keys_to_check(Some(&before), &f(Some("PRIYA@example.com"), Some("+91 (98765) 43210"))), (None, None), "same keys, other spelling");
        assert_eq!(dedupe_keys_to_check(Some(&before), &f(Some("new@example.com"), None)), (Some("new@example.com".into()), None));
    }

    #[test]
    fn a_patch_changes_only_what_it_names() {
        let current = ProfileInput {
            full_name: Some("Priya".into()),
            email: Some("p@e.com".into()),
            headline: Some("Backend".into()),
            location: Some("Pune".into()),
            ..Default::default()
        };
        let patch = ProfilePatch { headline: Some(None), location: Some(Some("Mumbai".into())), tags: Some(Some(vec!["x".into()])), ..Default::default() };
        let out = patch.apply(current);
        assert_eq!(out.full_name.as_deref(), Some("Priya"));
        assert_eq!(out.email.as_deref(), Some("p@e.com"));
        assert_eq!(out.headline, None);
        assert_eq!(out.location.as_deref(), Some("Mumbai"));
        assert_eq!(out.tags, Some(vec!["x".to_string()]));
        assert!(out.skills.is_none(), "absent collections stay unchanged");
        let cleared = ProfilePatch { skills: Some(None), ..Default::default() }.apply(ProfileInput::default());
        assert_eq!(cleared.skills, Some(vec![]));
    }
}
