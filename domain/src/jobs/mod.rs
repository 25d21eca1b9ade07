//! Jobs: an employer's or agency's opening, or an agency's requirement for a
//! client that is not on the platform. Owned by one company, optionally shared
//! by an employer with agencies whose recruiters then work it, and published
//! to the public job board while open.

mod fields;
mod lifecycle;
mod query;
mod service;
mod team;

pub use fields::{
    validate_fields, validate_reference, JobChanges, JobFields, NewJobInput, BUDGET_PERIODS, CLOSE_REASONS, DESCRIPTION_MAX, EMPLOYMENT_TYPES, KINDS,
    PRIORITIES, TAGS_MAX, TAG_MAX, TITLE_MAX, WORK_MODES,
};
pub use lifecycle::{ageing_days, Lifecycle, STATUSES};
pub use query::{job_query, public_job_query, JobQuery, JobSort, OwnerFilter, PublicJobQuery, RawJobQuery};
pub use service::{JobDeps, JobService};
pub use team::{validate_team, visible_team, TeamMemberInput, TEAM_ROLES};

use crate::ids::{CompanyId, JobId, StageId, UserId};
use crate::identity::{CompanyOwned, CompanyType, JobAudience};
use chrono::{DateTime, Utc};

/// A stored job: its fields and where it stands in its lifecycle.
#[derive(Clone, Debug, PartialEq)]
pub struct Job {
    pub id: JobId,
    pub company_id: CompanyId,
    pub reference: String,
    pub fields: JobFields,
    pub lifecycle: Lifecycle,
    pub created_by: UserId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A company as shown next to a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyRef {
    pub id: CompanyId,
    pub name: String,
}

/// A user as shown next to a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRef {
    pub id: UserId,
    pub full_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobStage {
    pub id: StageId,
    pub name: String,
    pub kind: String,
    pub position: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamMember {
    pub user_id: UserId,
    pub full_name: String,
    pub role: String,
    /// The member's company (the owner's side or an agency's).
    pub company_id: Option<CompanyId>,
}

/// Everything the detail view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct JobDetail {
    pub job: Job,
    pub company: CompanyRef,
    pub company_type: CompanyType,
    pub manager: Option<UserRef>,
    pub stages: Vec<JobStage>,
    pub team: Vec<TeamMember>,
    pub shared_with: Vec<CompanyRef>,
}

impl JobDetail {
    pub fn audience(&self) -> JobAudience {
        JobAudience { owner: self.job.company_id, shared_with: self.shared_with.iter().map(|c| c.id).collect() }
    }
}

impl CompanyOwned for JobDetail {
    fn owner(&self) -> Option<CompanyId> {
        Some(self.job.company_id)
    }
}

/// One row of the internal list.
#[derive(Clone, Debug, PartialEq)]
pub struct JobSummary {
    pub id: JobId,
    pub reference: String,
    pub kind: String,
    pub title: String,
    pub status: String,
    pub priority: String,
    pub client_name: Option<String>,
    pub location: Option<String>,
    pub employment_type: Option<String>,
    pub positions: u32,
    pub opened_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub manager: Option<UserRef>,
    pub team_size: u32,
    /// Active applications the caller can see.
    pub application_count: u32,
    pub company: CompanyRef,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the public board shows: nothing internal (no client, budget, notes, team).
#[derive(Clone, Debug, PartialEq)]
pub struct PublicJob {
    pub id: JobId,
    pub reference: String,
    pub title: String,
    pub description: String,
    pub department: Option<String>,
    pub location: Option<String>,
    pub work_mode: Option<String>,
    pub employment_type: Option<String>,
    pub tags: Vec<String>,
    pub experience_min: Option<f64>,
    pub experience_max: Option<f64>,
    pub positions: u32,
    pub company: CompanyRef,
    pub published_at: DateTime<Utc>,
}
