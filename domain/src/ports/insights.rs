use super::PortResult;
use crate::identity::CompanyFilter;
use crate::ids::{CompanyId, JobId, UserId};
use crate::insights::{
    ApplicationRow, CandidateFilters, CandidateMatch, EmployerDashboard, FunnelEvent, HistoryRow, JobFilters, JobMatch, MyApplication,
    Person, PipelineRow, PlatformDashboard, RequirementFilter, RequirementRow, StageRow, TextQuery,
};
use crate::paging::{Page, PageRequest};
use chrono::{DateTime, Utc};

/// The rows a pipeline report is computed from.
pub struct PipelineRows {
    pub stages: Vec<StageRow>,
    pub applications: Vec<ApplicationRow>,
    pub history: Vec<HistoryRow>,
}

/// Read-side queries behind search, dashboards and analytics. Every query
/// applies the recruiting visibility rules for `companies`.
#[async_trait::async_trait]
pub trait InsightsRepository: Send + Sync {
    /// Visible live candidate profiles matching `text` and the filters, best first.
    async fn search_candidates(&self, text: &TextQuery, filters: &CandidateFilters, companies: CompanyFilter, page: PageRequest) -> PortResult<Page<CandidateMatch>>;
    /// Visible jobs (not deleted) matching `text` and the filters, best first.
    async fn search_jobs(&self, text: &TextQuery, filters: &JobFilters, companies: CompanyFilter, page: PageRequest) -> PortResult<Page<JobMatch>>;

    /// Platform counts; `since` bounds the recent applications count.
    async fn platform_summary(&self, since: DateTime<Utc>) -> PortResult<PlatformDashboard>;
    /// Applications of the candidate user's profiles (newest first, at most 100).
    async fn candidate_applications(&self, user: UserId) -> PortResult<Vec<MyApplication>>;
    async fn saved_jobs(&self, user: UserId) -> PortResult<u64>;
    /// The employer's KPIs over its own jobs.
    async fn employer_summary(&self, company: CompanyId, week_start: DateTime<Utc>, month_start: DateTime<Utc>) -> PortResult<EmployerDashboard>;

    /// Visible open (open / on_hold) jobs with their team, after the filters.
    async fn open_requirements(&self, companies: CompanyFilter, filter: &RequirementFilter) -> PortResult<Vec<RequirementRow>>;
    /// History rows in `[from, to)` of applications the company sees, with the
    /// application's recruiter; optionally of one client's jobs or one recruiter.
    async fn funnel_events(&self, companies: CompanyFilter, from: DateTime<Utc>, to: DateTime<Utc>, client: Option<&str>, recruiter: Option<UserId>) -> PortResult<Vec<FunnelEvent>>;
    /// Active users of the company holding the recruiter role, by name.
    async fn company_recruiters(&self, company: CompanyId) -> PortResult<Vec<Person>>;
    /// Visible applications whose recruiter is `recruiter`, where they are now.
    async fn recruiter_pipeline(&self, recruiter: UserId, companies: CompanyFilter, client: Option<&str>) -> PortResult<Vec<PipelineRow>>;

    /// One visible job's rows (None when it is not visible), or with `job` None
    /// the rows of every visible open job. Applications are the visible ones.
    async fn pipeline_rows(&self, job: Option<JobId>, companies: CompanyFilter) -> PortResult<Option<PipelineRows>>;
}
