use super::PortResult;
use crate::identity::CompanyFilter;
use crate::ids::{CompanyId, JobId, UserId};
use crate::jobs::{CompanyRef, Job, JobDetail, JobQuery, JobSummary, PublicJob, PublicJobQuery, TeamMemberInput};
use crate::paging::{Page, PageRequest};
use crate::pipelines::StageDraft;
use chrono::{DateTime, Utc};

/// Jobs, their stages, team and sharing.
#[async_trait::async_trait]
pub trait JobRepository: Send + Sync {
    /// Store a new job with its stages in one transaction. With
    /// `generate_reference` (a prefix such as `REQ`) the reference is the next
    /// free `PREFIX-0001` of the company's counter; otherwise `job.reference`
    /// is used and a taken one is `Err(Conflict("reference_taken"))`.
    /// Returns the stored reference.
    async fn create(&self, job: &Job, stages: &[StageDraft], generate_reference: Option<&'static str>) -> PortResult<String>;
    /// A live (not deleted) job with everything the detail view shows.
    async fn find(&self, id: JobId) -> PortResult<Option<JobDetail>>;
    /// Live jobs visible under `companies`, filtered and sorted; ageing
    /// counts to `now`. Application counts cover what `companies` may see.
    async fn list(&self, query: &JobQuery, companies: CompanyFilter, now: DateTime<Utc>, page: PageRequest) -> PortResult<Page<JobSummary>>;
    /// Store fields, reference and lifecycle; `Err(Conflict("reference_taken"))`.
    async fn save(&self, job: &Job, at: DateTime<Utc>) -> PortResult<()>;
    /// Soft delete.
    async fn delete(&self, id: JobId, at: DateTime<Utc>) -> PortResult<()>;
    /// Applications of the job in any state.
    async fn application_count(&self, id: JobId) -> PortResult<u64>;
    /// Which of `users` are active members of `company`.
    async fn active_members(&self, company: CompanyId, users: &[UserId]) -> PortResult<Vec<UserId>>;
    /// Which of `companies` are active agencies.
    async fn active_agencies(&self, companies: &[CompanyId]) -> PortResult<Vec<CompanyId>>;
    /// Replace the team members belonging to `side` (a company) with `members`.
    async fn replace_team(&self, job: JobId, side: CompanyId, members: &[TeamMemberInput], by: UserId, at: DateTime<Utc>) -> PortResult<()>;
    /// Replace the agencies the job is shared with; members of removed
    /// agencies leave the team. Returns the new list.
    async fn replace_agencies(&self, job: JobId, agencies: &[CompanyId], by: UserId, at: DateTime<Utc>) -> PortResult<Vec<CompanyRef>>;
    /// Published, open, live jobs of active companies; newest published first.
    async fn public_list(&self, query: &PublicJobQuery, page: PageRequest) -> PortResult<Page<PublicJob>>;
    async fn public_find(&self, id: JobId) -> PortResult<Option<PublicJob>>;
}
