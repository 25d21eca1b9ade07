//! Read-side queries behind search, dashboards and analytics. SQL fetches rows
//! and simple counts; every metric is defined in `hireops_domain::insights`.
//! All recruiting rows are filtered through `super::visibility`.

mod analytics;
mod dashboard;
mod search;

use chrono::{DateTime, Utc};
use hireops_domain::identity::CompanyFilter;
use hireops_domain::ids::{CompanyId, JobId, UserId};
use hireops_domain::insights::{
    CandidateFilters, CandidateMatch, EmployerDashboard, FunnelEvent, JobFilters, JobMatch, MyApplication, Person, PipelineRow,
    PlatformDashboard, RequirementFilter, RequirementRow, TextQuery, OPEN_STATUSES,
};
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::ports::{InsightsRepository, PipelineRows, PortResult};
use sqlx::{MySql, MySqlPool, QueryBuilder};

pub struct MySqlInsights {
    pool: MySqlPool,
}

impl MySqlInsights {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

/// ` AND <alias>.status IN ('open', 'on_hold')`.
fn push_open(qb: &mut QueryBuilder<'_, MySql>, alias: &str) {
    qb.push(format!(" AND {alias}.status IN ("));
    let mut list = qb.separated(", ");
    for s in OPEN_STATUSES {
        list.push_bind(*s);
    }
    qb.push(")");
}

/// ` IN (?, ?, …)` over ids (callers make sure the list is not empty).
fn push_ids(qb: &mut QueryBuilder<'_, MySql>, ids: &[uuid::Uuid]) {
    qb.push(" IN (");
    let mut list = qb.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    qb.push(")");
}

#[async_trait::async_trait]
impl InsightsRepository for MySqlInsights {
    async fn search_candidates(
        &self,
        text: &TextQuery,
        filters: &CandidateFilters,
        companies: CompanyFilter,
        page: PageRequest,
    ) -> PortResult<Page<CandidateMatch>> {
        search::candidates(&self.pool, text, filters, companies, page).await
    }

    async fn search_jobs(
        &self,
        text: &TextQuery,
        filters: &JobFilters,
        companies: CompanyFilter,
        page: PageRequest,
    ) -> PortResult<Page<JobMatch>> {
        search::jobs(&self.pool, text, filters, companies, page).await
    }

    async fn platform_summary(&self, since: DateTime<Utc>) -> PortResult<PlatformDashboard> {
        dashboard::platform_summary(&self.pool, since).await
    }

    async fn candidate_applications(&self, user: UserId) -> PortResult<Vec<MyApplication>> {
        dashboard::candidate_applications(&self.pool, user).await
    }

    async fn saved_jobs(&self, user: UserId) -> PortResult<u64> {
        dashboard::saved_jobs(&self.pool, user).await
    }

    async fn employer_summary(
        &self,
        company: CompanyId,
        week_start: DateTime<Utc>,
        month_start: DateTime<Utc>,
    ) -> PortResult<EmployerDashboard> {
        dashboard::employer_summary(&self.pool, company, week_start, month_start).await
    }

    async fn open_requirements(
        &self,
        companies: CompanyFilter,
        filter: &RequirementFilter,
    ) -> PortResult<Vec<RequirementRow>> {
        analytics::open_requirements(&self.pool, companies, filter).await
    }

    async fn funnel_events(
        &self,
        companies: CompanyFilter,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        client: Option<&str>,
        recruiter: Option<UserId>,
    ) -> PortResult<Vec<FunnelEvent>> {
        dashboard::funnel_events(&self.pool, companies, from, to, client, recruiter).await
    }

    async fn company_recruiters(&self, company: CompanyId) -> PortResult<Vec<Person>> {
        dashboard::company_recruiters(&self.pool, company).await
    }

    async fn recruiter_pipeline(
        &self,
        recruiter: UserId,
        companies: CompanyFilter,
        client: Option<&str>,
    ) -> PortResult<Vec<PipelineRow>> {
        dashboard::recruiter_pipeline(&self.pool, recruiter, companies, client).await
    }

    async fn pipeline_rows(
        &self,
        job: Option<JobId>,
        companies: CompanyFilter,
    ) -> PortResult<Option<PipelineRows>> {
        analytics::pipeline_rows(&self.pool, job, companies).await
    }
}
