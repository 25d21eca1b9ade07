use super::PortResult;
use crate::applications::{
    ApplicationQuery, ApplicationView, Audience, Board, CandidateRef, Feedback, HistoryEntry, JobInfo, NewApplication, OwnApplication,
    PublicApplication, StageMove,
};
use crate::identity::CompanyFilter;
use crate::ids::{ApplicationId, CandidateId, FeedbackId, JobId, StageId, UserId};
use crate::paging::{Page, PageRequest};
use crate::pipelines::{JobStage, StagePlan};
use chrono::{DateTime, Utc};

/// Jobs' stages (reading jobs as the recruiting rules need them).
#[async_trait::async_trait]
pub trait JobStageStore: Send + Sync {
    async fn job(&self, id: JobId) -> PortResult<Option<JobInfo>>;
    /// In position order, with how many applications each holds.
    async fn stages(&self, job: JobId) -> PortResult<Vec<JobStage>>;
    /// Apply the plan in one transaction; the applications of stages whose kind
    /// changed take the new kind as their state. `Err(Conflict("stage_in_use"))`
    /// when a removed stage gained an application meanwhile.
    async fn replace_stages(&self, job: JobId, plan: &StagePlan, at: DateTime<Utc>) -> PortResult<()>;
}

/// Applications, their history, feedback and the kanban order.
#[async_trait::async_trait]
pub trait ApplicationStore: Send + Sync {
    async fn candidate(&self, id: CandidateId) -> PortResult<Option<CandidateRef>>;
    /// Insert the application at the end of its stage's column with its first
    /// history row. `Err(Duplicate { code: "already_applied", existing_id })`
    /// when the candidate already applied to the job.
    async fn create(&self, new: &NewApplication) -> PortResult<()>;
    async fn find(&self, id: ApplicationId) -> PortResult<Option<ApplicationView>>;
    /// Newest first, limited to the applications `companies` sees.
    async fn list(&self, query: &ApplicationQuery, companies: CompanyFilter, page: PageRequest) -> PortResult<Page<ApplicationView>>;
    /// In one transaction: move when the version still matches (to the end of
    /// the target column, version + 1) and append the history row. False when
    /// the version changed (nothing written).
    async fn move_stage(&self, mv: &StageMove) -> PortResult<bool>;
    /// Oldest first.
    async fn history(&self, id: ApplicationId) -> PortResult<Vec<HistoryEntry>>;
    async fn set_verified(&self, id: ApplicationId, by: Option<UserId>, at: DateTime<Utc>) -> PortResult<()>;
    /// The job's columns with the cards `companies` sees (at most `cap` per
    /// column, by rank) and their full counts.
    async fn board(&self, job: &JobInfo, companies: CompanyFilter, cap: u32) -> PortResult<Board>;
    /// The ids of a stage's column in rank order, with their ranks.
    async fn column(&self, job: JobId, stage: StageId) -> PortResult<Vec<(ApplicationId, f64)>>;
    async fn set_rank(&self, id: ApplicationId, rank: f64) -> PortResult<()>;
    /// Rewrite a column's ranks as 1, 2, 3… in this order, in one transaction.
    async fn renumber(&self, order: &[ApplicationId]) -> PortResult<()>;
    #[allow(clippy::too_many_arguments)]
    async fn add_feedback(&self, id: FeedbackId, application: ApplicationId, author: UserId, feedback_type: &str, rating: u8, comments: Option<&str>, at: DateTime<Utc>) -> PortResult<()>;
    /// Newest first.
    async fn feedback(&self, application: ApplicationId) -> PortResult<Vec<Feedback>>;
    /// Applications of the profiles linked to this candidate user, newest first.
    async fn of_candidate_user(&self, user: UserId) -> PortResult<Vec<OwnApplication>>;
    /// Find or create the profile, attach the resume, insert the application
    /// and its first history row, all in one transaction. Returns the candidate.
    /// `Err(Conflict("already_applied"))`; `Err(Validation(resume_file_id))`.
    async fn apply_public(&self, application: &PublicApplication) -> PortResult<CandidateId>;
    /// Who to tell about the application (None: it is gone).
    async fn audience(&self, id: ApplicationId) -> PortResult<Option<Audience>>;
}
