//! Insights: ranked search, the per-role dashboard and pipeline / requirement
//! analytics. Read-only; every query is scoped by the caller's company through
//! the recruiting visibility rules, and every number is defined by a pure
//! function in this module (the adapter only fetches rows).

mod analytics;
mod dashboard;
mod search;

pub use analytics::{
    ageing_days, conversion, days_in_stage, mean, median, merge_stages, pipeline_report, reached, requirements_report, AgeingBuckets,
    ApplicationRow, ClientAgeing, HistoryRow, Person, PipelineReport, PipelineTotals, RecruiterAgeing, RequirementRow, RequirementsReport,
    StageRow, StageStats, OPEN_STATUSES,
};
pub use dashboard::{
    dashboard_variant, funnel, is_interview_stage, is_offer_stage, manager_dashboard, month_start, parse_period, recruiter_dashboard,
    state_counts, week_start, CandidateDashboard, Dashboard, DashboardFilters, DashboardVariant, EmployerDashboard, Funnel, FunnelEvent,
    KeyCount, ManagerDashboard, MyApplication, Period, PipelineRow, PlatformDashboard, RecentApplication, RecruiterDashboard,
    RecruiterPerformance, RequirementSummary, StateCounts, PRIORITIES,
};
pub use search::{
    build_text_query, candidate_subtitle, check_search_permission, job_subtitle, search_query, snippet, words_of, CandidateFilters,
    CandidateMatch, JobFilters, JobMatch, SearchFilters, SearchHit, SearchInput, SearchQuery, SearchType, Snippet, TextQuery,
    QUERY_MAX_CHARS, SNIPPET_MAX_CHARS, STOPWORDS,
};

use crate::clock::Clock;
use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::{Principal, Scope};
use crate::ids::{JobId, UserId};
use crate::paging::{Page, PageRequest};
use crate::ports::InsightsRepository;
use std::sync::Arc;

/// Requirement report filters, validated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RequirementFilter {
    /// open | on_hold (both when absent).
    pub status: Option<String>,
    /// Client name (exact, case-insensitive).
    pub client: Option<String>,
    pub priority: Option<String>,
    /// Jobs where this user is on the team as a recruiter.
    pub recruiter: Option<UserId>,
}

/// `GET /api/analytics/requirements` parameters as received.
#[derive(Clone, Debug, Default)]
pub struct RequirementInput {
    pub status: Option<String>,
    pub client: Option<String>,
    pub priority: Option<String>,
    pub recruiter_id: Option<UserId>,
}

fn trimmed(v: Option<&str>) -> Option<String> {
    v.map(str::trim).filter(|s| !s.is_empty()).map(|s| s.chars().take(200).collect())
}

pub fn requirement_filter(input: &RequirementInput) -> DomainResult<RequirementFilter> {
    let mut errors = Vec::new();
    let status = trimmed(input.status.as_deref());
    if let Some(s) = &status
        && !OPEN_STATUSES.contains(&s.as_str()) {
            errors.push(FieldError::new("status", "invalid_value", "must be `open` or `on_hold`"));
        }
    let priority = trimmed(input.priority.as_deref());
    if let Some(p) = &priority
        && !PRIORITIES.contains(&p.as_str()) {
            errors.push(FieldError::new("priority", "invalid_value", "must be one of: low, medium, high, critical"));
        }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    Ok(RequirementFilter { status, client: trimmed(input.client.as_deref()), priority, recruiter: input.recruiter_id })
}

pub struct InsightsDeps {
    pub repo: Arc<dyn InsightsRepository>,
    pub clock: Arc<dyn Clock>,
}

pub struct InsightsService {
    d: InsightsDeps,
}

impl InsightsService {
    pub fn new(deps: InsightsDeps) -> Self {
        Self { d: deps }
    }

    /// Parameters are validated first (422), then the permission the type
    /// needs is checked (403 `missing_permission`).
    pub async fn search(&self, caller: &Principal, input: &SearchInput, page: PageRequest) -> DomainResult<Page<SearchHit>> {
        let query = search_query(input)?;
        check_search_permission(caller, query.kind())?;
        let companies = caller.scope().company_filter();
        let words = query.text.words.clone();
        Ok(match &query.filters {
            SearchFilters::Candidates(f) => self.d.repo.search_candidates(&query.text, f, companies, page).await?.map(|m| m.hit(&words)),
            SearchFilters::Jobs(f) => self.d.repo.search_jobs(&query.text, f, companies, page).await?.map(|m| m.hit(&words)),
        })
    }

    pub async fn dashboard(&self, caller: &Principal, filters: &DashboardFilters) -> DomainResult<Dashboard> {
        let now = self.d.clock.now();
        let period = parse_period(filters.from.as_deref(), filters.to.as_deref(), now.date_naive())?;
        let client = trimmed(filters.client.as_deref());
        let companies = caller.scope().company_filter();
        Ok(match (dashboard_variant(caller), caller.scope()) {
            (DashboardVariant::Platform, _) => Dashboard::Platform(self.d.repo.platform_summary(week_start(now)).await?),
            (DashboardVariant::Candidate, _) => {
                let applications = self.d.repo.candidate_applications(caller.user_id).await?;
                Dashboard::Candidate(CandidateDashboard {
                    counts: state_counts(&applications),
                    saved_jobs: self.d.repo.saved_jobs(caller.user_id).await?,
                    applications,
                })
            }
            (DashboardVariant::Employer, Scope::Company(company)) => {
                Dashboard::Employer(self.d.repo.employer_summary(company, week_start(now), month_start(now)).await?)
            }
            (DashboardVariant::Manager, Scope::Company(company)) => {
                let filter = RequirementFilter { client: client.clone(), ..Default::default() };
                let requirements = self.d.repo.open_requirements(companies, &filter).await?;
                let events = self.d.repo.funnel_events(companies, period.start(), period.end(), client.as_deref(), filters.recruiter_id).await?;
                let mut recruiters = self.d.repo.company_recruiters(company).await?;
                if let Some(only) = filters.recruiter_id {
                    recruiters.retain(|p| p.id == only);
                }
                Dashboard::Manager(manager_dashboard(period, &events, recruiters, &requirements, now))
            }
            (DashboardVariant::Recruiter, Scope::Company(_)) => {
                let filter = RequirementFilter { client: client.clone(), ..Default::default() };
                let requirements = self.d.repo.open_requirements(companies, &filter).await?;
                let mine = self.d.repo.recruiter_pipeline(caller.user_id, companies, client.as_deref()).await?;
                Dashboard::Recruiter(recruiter_dashboard(period, caller.user_id, &requirements, &mine, now))
            }
            _ => return Err(DomainError::Forbidden("no_company")),
        })
    }

    /// Stage statistics of one visible job (404 otherwise), or of every
    /// visible open job merged by stage name.
    pub async fn pipeline(&self, caller: &Principal, job: Option<JobId>) -> DomainResult<PipelineReport> {
        let rows = self.d.repo.pipeline_rows(job, caller.scope().company_filter()).await?.ok_or(DomainError::NotFound)?;
        Ok(pipeline_report(job, rows.stages, &rows.applications, &rows.history, self.d.clock.now()))
    }

    pub async fn requirements(&self, caller: &Principal, input: &RequirementInput) -> DomainResult<RequirementsReport> {
        let filter = requirement_filter(input)?;
        let rows = self.d.repo.open_requirements(caller.scope().company_filter(), &filter).await?;
        Ok(requirements_report(&rows, self.d.clock.now()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirement_filters_accept_open_statuses_and_known_priorities_only() {
        let ok = requirement_filter(&RequirementInput { status: Some("on_hold".into()), priority: Some("high".into()), client: Some(" Acme ".into()), recruiter_id: None }).unwrap();
        assert_eq!(ok.client.as_deref(), Some("Acme"));
        let DomainError::Validation(errs) =
            requirement_filter(&RequirementInput { status: Some("closed".into()), priority: Some("urgent".into()), ..Default::default() }).unwrap_err()
        else {
            panic!()
        };
        assert_eq!(errs.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["status", "priority"]);
    }
}
