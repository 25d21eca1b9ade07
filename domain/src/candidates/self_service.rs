//! A candidate user's own profile (company_id NULL, user_id = the caller),
//! its skills, experience and education, and saved jobs.

use super::profile::{
    validate_education, validate_experience, validate_profile, validate_skill, CandidateProfile, Education, EducationInput, Experience,
    ExperienceInput, ProfileInput, Skill, SkillInput,
};
use super::service::CandidateService;
use crate::error::{DomainError, DomainResult};
use crate::identity::Principal;
use crate::ids::{CandidateId, JobId, ProfileItemId};
use crate::paging::{Page, PageRequest};
use chrono::{DateTime, Utc};

/// Which list of the profile an item belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileItemKind {
    Skill,
    Experience,
    Education,
}

/// One item as entered.
#[derive(Clone, Debug, PartialEq)]
pub enum ProfileItem {
    Skill(SkillInput),
    Experience(ExperienceInput),
    Education(EducationInput),
}

impl ProfileItem {
    pub fn kind(&self) -> ProfileItemKind {
        match self {
            ProfileItem::Skill(_) => ProfileItemKind::Skill,
            ProfileItem::Experience(_) => ProfileItemKind::Experience,
            ProfileItem::Education(_) => ProfileItemKind::Education,
        }
    }

    fn validated(&self) -> DomainResult<ProfileItem> {
        let mut e = Vec::new();
        let item = match self {
            ProfileItem::Skill(s) => ProfileItem::Skill(validate_skill(&mut e, "", s)),
            ProfileItem::Experience(x) => ProfileItem::Experience(validate_experience(&mut e, "", x)),
            ProfileItem::Education(x) => ProfileItem::Education(validate_education(&mut e, "", x)),
        };
        if e.is_empty() { Ok(item) } else { Err(DomainError::Validation(e)) }
    }
}

/// A stored item.
#[derive(Clone, Debug, PartialEq)]
pub enum StoredItem {
    Skill(Skill),
    Experience(Experience),
    Education(Education),
}

fn items_of(profile: CandidateProfile, kind: ProfileItemKind) -> Vec<StoredItem> {
    match kind {
        ProfileItemKind::Skill => profile.skills.into_iter().map(StoredItem::Skill).collect(),
        ProfileItemKind::Experience => profile.experience.into_iter().map(StoredItem::Experience).collect(),
        ProfileItemKind::Education => profile.education.into_iter().map(StoredItem::Education).collect(),
    }
}

fn id_of(item: &StoredItem) -> ProfileItemId {
    match item {
        StoredItem::Skill(s) => s.id,
        StoredItem::Experience(x) => x.id,
        StoredItem::Education(x) => x.id,
    }
}

/// A bookmarked job with what the candidate needs to find it again.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedJob {
    pub job_id: JobId,
    pub title: String,
    pub company_name: String,
    pub location: Option<String>,
    /// Still open and on the public board.
    pub published: bool,
    pub saved_at: DateTime<Utc>,
}

/// Is this caller a candidate user (no company)?
fn personal(actor: &Principal) -> DomainResult<()> {
    if actor.company_id.is_some() || actor.is_super_admin() {
        return Err(DomainError::Forbidden("not_a_candidate"));
    }
    Ok(())
}

impl CandidateService {
    async fn my_id(&self, actor: &Principal) -> DomainResult<CandidateId> {
        personal(actor)?;
        self.d.candidates.ensure_personal(actor.user_id, self.d.clock.now()).await
    }

    pub async fn my_profile(&self, actor: &Principal) -> DomainResult<CandidateProfile> {
        let id = self.my_id(actor).await?;
        let mut profile = self.d.candidates.load_personal(id).await?.ok_or(DomainError::NotFound)?;
        profile.editable = true;
        Ok(profile)
    }

    /// Full replace of the scalar fields; collections present replace theirs.
    /// Tags and source are the recruiters' and stay as they are.
    pub async fn replace_my_profile(&self, actor: &Principal, mut input: ProfileInput) -> DomainResult<CandidateProfile> {
        let current = self.my_profile(actor).await?;
        input.tags = None;
        input.source = current.fields.source.clone();
        let valid = validate_profile(&input).map_err(DomainError::Validation)?;
        self.d.candidates.update(current.id, &valid, self.d.clock.now()).await?;
        self.my_profile(actor).await
    }

    pub async fn my_items(&self, actor: &Principal, kind: ProfileItemKind) -> DomainResult<Vec<StoredItem>> {
        Ok(items_of(self.my_profile(actor).await?, kind))
    }

    async fn my_item(&self, actor: &Principal, kind: ProfileItemKind, id: ProfileItemId) -> DomainResult<StoredItem> {
        self.my_items(actor, kind).await?.into_iter().find(|i| id_of(i) == id).ok_or(DomainError::NotFound)
    }

    fn unique_skill(existing: &[StoredItem], item: &ProfileItem, except: Option<ProfileItemId>) -> DomainResult<()> {
        if let ProfileItem::Skill(s) = item {
            let taken = existing.iter().any(|i| matches!(i, StoredItem::Skill(o) if Some(o.id) != except && o.name.to_lowercase() == s.name.to_lowercase()));
            if taken {
                return Err(DomainError::field("name", "duplicate_skill", "is already on the profile"));
            }
        }
        Ok(())
    }

    pub async fn add_my_item(&self, actor: &Principal, item: ProfileItem) -> DomainResult<StoredItem> {
        let item = item.validated()?;
        let me = self.my_id(actor).await?;
        Self::unique_skill(&self.my_items(actor, item.kind()).await?, &item, None)?;
        let id = ProfileItemId::new();
        self.d.candidates.add_item(me, id, &item, self.d.clock.now()).await?;
        self.my_item(actor, item.kind(), id).await
    }

    /// Another candidate's item is `NotFound`.
    pub async fn update_my_item(&self, actor: &Principal, id: ProfileItemId, item: ProfileItem) -> DomainResult<StoredItem> {
        let item = item.validated()?;
        let me = self.my_id(actor).await?;
        let mine = self.my_items(actor, item.kind()).await?;
        if !mine.iter().any(|i| id_of(i) == id) {
            return Err(DomainError::NotFound);
        }
        Self::unique_skill(&mine, &item, Some(id))?;
        if !self.d.candidates.update_item(me, id, &item, self.d.clock.now()).await? {
            return Err(DomainError::NotFound);
        }
        self.my_item(actor, item.kind(), id).await
    }

    pub async fn delete_my_item(&self, actor: &Principal, kind: ProfileItemKind, id: ProfileItemId) -> DomainResult<()> {
        let me = self.my_id(actor).await?;
        if self.d.candidates.delete_item(me, kind, id, self.d.clock.now()).await? { Ok(()) } else { Err(DomainError::NotFound) }
    }

    /// Bookmark a job on the public board; true when newly saved.
    pub async fn save_job(&self, actor: &Principal, job: JobId) -> DomainResult<(SavedJob, bool)> {
        personal(actor)?;
        let created = self.d.saved_jobs.save(actor.user_id, job, self.d.clock.now()).await?.ok_or(DomainError::NotFound)?;
        let saved = self.d.saved_jobs.find(actor.user_id, job).await?.ok_or(DomainError::NotFound)?;
        Ok((saved, created))
    }

    pub async fn saved_job(&self, actor: &Principal, job: JobId) -> DomainResult<SavedJob> {
        personal(actor)?;
        self.d.saved_jobs.find(actor.user_id, job).await?.ok_or(DomainError::NotFound)
    }

    pub async fn saved_jobs(&self, actor: &Principal, page: PageRequest) -> DomainResult<Page<SavedJob>> {
        personal(actor)?;
        self.d.saved_jobs.list(actor.user_id, page).await
    }

    pub async fn unsave_job(&self, actor: &Principal, job: JobId) -> DomainResult<()> {
        personal(actor)?;
        if self.d.saved_jobs.remove(actor.user_id, job).await? { Ok(()) } else { Err(DomainError::NotFound) }
    }
}
