//! What the application use cases read and write.

use crate::identity::{ApplicationSides, JobAudience};
use crate::ids::{ApplicationId, CandidateId, CompanyId, FeedbackId, FileId, HistoryEntryId, JobId, StageId, UserId};
use crate::pipelines::StageKind;
use chrono::{DateTime, Utc};

/// The parts of a job the recruiting rules need.
#[derive(Clone, Debug, PartialEq)]
pub struct JobInfo {
    pub id: JobId,
    pub company_id: CompanyId,
    pub title: String,
    pub reference: String,
    /// draft | open | on_hold | closed
    pub status: String,
    pub published: bool,
    pub deleted: bool,
    pub shared_with: Vec<CompanyId>,
    pub manager_id: Option<UserId>,
}

impl JobInfo {
    pub fn audience(&self) -> JobAudience {
        JobAudience { owner: self.company_id, shared_with: self.shared_with.clone() }
    }
}

/// A candidate profile as the application rules see it.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateRef {
    pub id: CandidateId,
    pub company_id: Option<CompanyId>,
    pub user_id: Option<UserId>,
    /// Not merged away, not deleted.
    pub live: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: UserId,
    pub full_name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StageRef {
    pub id: StageId,
    pub name: String,
    pub kind: StageKind,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ResumeRef {
    pub file_id: FileId,
    pub file_name: String,
    pub virus_status: String,
}

/// One application with what its list item and detail show.
#[derive(Clone, Debug, PartialEq)]
pub struct ApplicationView {
    pub id: ApplicationId,
    pub job_id: JobId,
    pub job_title: String,
    pub job_reference: String,
    pub job_client_name: Option<String>,
    pub job_company_id: CompanyId,
    pub job_company_name: String,
    pub job_manager_id: Option<UserId>,
    pub candidate_id: CandidateId,
    pub candidate_company_id: Option<CompanyId>,
    pub candidate_name: String,
    pub candidate_email: Option<String>,
    pub stage: StageRef,
    pub source: String,
    pub recruiter: Option<Person>,
    pub submitted_at: DateTime<Utc>,
    pub stage_entered_at: DateTime<Utc>,
    pub verified_at: Option<DateTime<Utc>>,
    pub version: u32,
    pub rank: f64,
    pub rejection_reason: Option<String>,
    pub cover_letter: Option<String>,
    pub resume: Option<ResumeRef>,
}

impl ApplicationView {
    pub fn sides(&self) -> ApplicationSides {
        ApplicationSides { job_company: self.job_company_id, candidate_company: self.candidate_company_id }
    }
}

/// List filters of `GET /api/applications`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ApplicationQuery {
    pub job_id: Option<JobId>,
    pub candidate_id: Option<CandidateId>,
    pub stage_id: Option<StageId>,
    pub state: Option<StageKind>,
    pub recruiter_id: Option<UserId>,
    pub manager_id: Option<UserId>,
    pub client: Option<String>,
    pub submitted_from: Option<chrono::NaiveDate>,
    pub submitted_to: Option<chrono::NaiveDate>,
    pub verified: Option<bool>,
    /// The candidate's name or email contains this.
    pub candidate_text: Option<String>,
    pub sort: ApplicationSort,
}

/// Orders of `GET /api/applications`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ApplicationSort {
    /// Newest submission first.
    #[default]
    Newest,
    Oldest,
    /// Longest in its current stage first: who is waiting on us.
    InStageLongest,
    /// By candidate name.
    Candidate,
}

/// A new application, placed by the adapter at the end of `stage`'s column.
#[derive(Clone, Debug, PartialEq)]
pub struct NewApplication {
    pub id: ApplicationId,
    pub job_id: JobId,
    pub job_company_id: CompanyId,
    pub candidate_id: CandidateId,
    pub candidate_company_id: Option<CompanyId>,
    pub stage: StageRef,
    pub source: String,
    pub recruiter_id: Option<UserId>,
    pub remarks: Option<String>,
    pub at: DateTime<Utc>,
}

/// A move the state machine allowed, for the adapter to apply.
#[derive(Clone, Debug, PartialEq)]
pub struct StageMove {
    pub application_id: ApplicationId,
    pub job_id: JobId,
    pub from: StageRef,
    pub to: StageRef,
    pub expected_version: u32,
    pub remarks: Option<String>,
    pub rejection_reason: Option<String>,
    pub by: UserId,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEntry {
    pub id: HistoryEntryId,
    pub from_stage: Option<(StageId, String)>,
    pub to_stage: (StageId, String),
    pub changed_by: Option<Person>,
    pub changed_at: DateTime<Utc>,
    pub remarks: Option<String>,
    pub rejection_reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Feedback {
    pub id: FeedbackId,
    pub author: Person,
    pub feedback_type: String,
    pub rating: u8,
    pub comments: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One card of the kanban board.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub id: ApplicationId,
    pub candidate_id: CandidateId,
    pub candidate_name: String,
    pub recruiter: Option<Person>,
    pub stage_entered_at: DateTime<Utc>,
    pub version: u32,
    pub rank: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub stage: crate::pipelines::JobStage,
    pub cards: Vec<Card>,
}

/// The board of one job.
#[derive(Clone, Debug, PartialEq)]
pub struct Board {
    pub job: JobInfo,
    pub columns: Vec<Column>,
}

/// A candidate user's own application.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnApplication {
    pub id: ApplicationId,
    pub job_id: JobId,
    pub job_title: String,
    pub company_name: String,
    pub stage_name: String,
    pub stage_kind: StageKind,
    pub submitted_at: DateTime<Utc>,
    pub stage_entered_at: DateTime<Utc>,
}

/// A public application, validated, for the adapter's one transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct PublicApplication {
    pub id: ApplicationId,
    pub job_id: JobId,
    pub job_company_id: CompanyId,
    pub first_stage: StageRef,
    pub full_name: String,
    pub email: String,
    pub email_normalized: String,
    pub phone: Option<String>,
    pub phone_normalized: Option<String>,
    pub cover_letter: Option<String>,
    pub linkedin_url: Option<String>,
    pub resume_file_id: Option<FileId>,
    /// A signed-in candidate user, linked to the profile when it has no user yet.
    pub user_id: Option<UserId>,
    pub at: DateTime<Utc>,
}

/// Who hears about an application: staff of its two sides working it, and
/// the candidate's own user.
#[derive(Clone, Debug, PartialEq)]
pub struct Audience {
    pub job_title: String,
    pub candidate_name: String,
    /// The job's manager and team and the application's recruiter who belong
    /// to the job's or the candidate's company (so they see it), active.
    pub staff: Vec<UserId>,
    pub candidate_user: Option<UserId>,
}
