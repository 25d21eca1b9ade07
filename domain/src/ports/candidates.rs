use super::PortResult;
use crate::candidates::{
    CandidateNote, CandidateProfile, CandidateQuery, CandidateSummary, MergeCounts, MergePlan, ProfileItem, ProfileItemKind, SavedJob,
    ValidProfile,
};
use crate::identity::CompanyFilter;
use crate::ids::{CandidateId, CompanyId, JobId, NoteId, ProfileItemId, UserId};
use crate::paging::{Page, PageRequest};
use chrono::{DateTime, Utc};

/// A profile to insert.
#[derive(Clone, Debug)]
pub struct NewCandidate {
    pub id: CandidateId,
    pub company_id: CompanyId,
    pub profile: ValidProfile,
    pub created_by: UserId,
    pub at: DateTime<Utc>,
}

/// Candidate profiles and everything hanging off them.
#[async_trait::async_trait]
pub trait CandidateRepository: Send + Sync {
    /// A live profile of `company` with this email or phone key, other than `except`.
    async fn find_duplicate(&self, company: CompanyId, email_key: Option<&str>, phone_key: Option<&str>, except: Option<CandidateId>)
        -> PortResult<Option<CandidateId>>;
    /// Insert the profile with its collections in one transaction. A unique-key
    /// race answers `Duplicate { code: "duplicate_candidate", existing_id }`.
    async fn create(&self, new: &NewCandidate) -> PortResult<()>;
    /// A live company-owned profile visible in `companies`, with the
    /// applications `companies` sees.
    async fn find(&self, id: CandidateId, companies: CompanyFilter) -> PortResult<Option<CandidateProfile>>;
    async fn list(&self, query: &CandidateQuery, companies: CompanyFilter, page: PageRequest) -> PortResult<Page<CandidateSummary>>;
    /// Store every scalar field; collections present are replaced. Refreshes the search text.
    /// A unique-key race answers `Duplicate` like `create`.
    async fn update(&self, id: CandidateId, profile: &ValidProfile, at: DateTime<Utc>) -> PortResult<()>;
    async fn add_note(&self, id: NoteId, candidate: CandidateId, author: UserId, body: &str, at: DateTime<Utc>) -> PortResult<()>;
    /// Newest first.
    async fn notes(&self, candidate: CandidateId, page: PageRequest) -> PortResult<Page<CandidateNote>>;
    /// Carry out a merge plan in one transaction.
    async fn merge(&self, plan: &MergePlan, at: DateTime<Utc>) -> PortResult<MergeCounts>;
    /// The candidate user's personal profile, created from the user's name and email on first use.
    async fn ensure_personal(&self, user: UserId, at: DateTime<Utc>) -> PortResult<CandidateId>;
    /// A personal profile (any applications included).
    async fn load_personal(&self, id: CandidateId) -> PortResult<Option<CandidateProfile>>;
    async fn add_item(&self, candidate: CandidateId, id: ProfileItemId, item: &ProfileItem, at: DateTime<Utc>) -> PortResult<()>;
    /// False when the candidate has no such item.
    async fn update_item(&self, candidate: CandidateId, id: ProfileItemId, item: &ProfileItem, at: DateTime<Utc>) -> PortResult<bool>;
    async fn delete_item(&self, candidate: CandidateId, kind: ProfileItemKind, id: ProfileItemId, at: DateTime<Utc>) -> PortResult<bool>;
}

/// Jobs candidate users bookmarked.
#[async_trait::async_trait]
pub trait SavedJobRepository: Send + Sync {
    /// None when the job is not on the public board; Some(true) when newly saved.
    async fn save(&self, user: UserId, job: JobId, at: DateTime<Utc>) -> PortResult<Option<bool>>;
    async fn find(&self, user: UserId, job: JobId) -> PortResult<Option<SavedJob>>;
    /// Newest first.
    async fn list(&self, user: UserId, page: PageRequest) -> PortResult<Page<SavedJob>>;
    async fn remove(&self, user: UserId, job: JobId) -> PortResult<bool>;
}
