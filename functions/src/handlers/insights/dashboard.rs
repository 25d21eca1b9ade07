use super::analytics::{AgeingView, PersonView};
use crate::http::{ApiQuery, ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use chrono::{DateTime, NaiveDate, Utc};
use hireops_domain::ids::UserId;
use hireops_domain::insights::{Dashboard, DashboardFilters, Funnel, KeyCount, Period};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardParams {
    /// First day of the period (`YYYY-MM-DD`, UTC); default 29 days before `to`.
    pub from: Option<String>,
    /// Last day of the period, inclusive (`YYYY-MM-DD`); default today.
    pub to: Option<String>,
    /// Agency views: only requirements of this client (exact name).
    pub client: Option<String>,
    /// Manager view: only this recruiter's applications and row.
    pub recruiter_id: Option<Uuid>,
}

/// A label and how many.
#[derive(Serialize, ToSchema)]
pub struct KeyCountView {
    pub key: String,
    pub count: u64,
}

fn counts(v: Vec<KeyCount>) -> Vec<KeyCountView> {
    v.into_iter().map(|k| KeyCountView { key: k.key, count: k.count }).collect()
}

#[derive(Serialize, ToSchema)]
pub struct PeriodView {
    pub from: NaiveDate,
    /// Inclusive.
    pub to: NaiveDate,
}

fn period(p: Period) -> PeriodView {
    PeriodView { from: p.from, to: p.to }
}

#[derive(Serialize, ToSchema)]
pub struct PlatformView {
    /// `agency` / `employer`.
    pub companies_by_type: Vec<KeyCountView>,
    /// `active` / `suspended`.
    pub companies_by_status: Vec<KeyCountView>,
    pub users_by_status: Vec<KeyCountView>,
    /// Jobs open or on hold.
    pub open_jobs: u64,
    pub applications_total: u64,
    pub applications_last_7_days: u64,
}

#[derive(Serialize, ToSchema)]
pub struct MyApplicationView {
    pub id: Uuid,
    pub job_id: Uuid,
    pub job_title: String,
    pub company_name: String,
    pub stage: String,
    /// `active`, `hired` or `rejected`.
    pub stage_kind: String,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct StateCountsView {
    pub active: u64,
    pub hired: u64,
    pub rejected: u64,
}

#[derive(Serialize, ToSchema)]
pub struct CandidateDashboardView {
    /// Newest first (at most 100).
    pub applications: Vec<MyApplicationView>,
    pub counts: StateCountsView,
    pub saved_jobs: u64,
}

#[derive(Serialize, ToSchema)]
pub struct RecentApplicationView {
    pub id: Uuid,
    pub candidate_name: String,
    pub job_id: Uuid,
    pub job_title: String,
    pub stage: String,
    pub submitted_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct EmployerView {
    /// Jobs open or on hold.
    pub open_jobs: u64,
    /// Applications on open jobs by current stage name (`key`), in pipeline order.
    pub applicants_by_stage: Vec<KeyCountView>,
    /// Submitted in the last 7 days.
    pub new_applications_this_week: u64,
    /// Applications moved into a hired-kind stage since the 1st of this month (UTC).
    pub hires_this_month: u64,
    /// The 10 newest.
    pub recent_applications: Vec<RecentApplicationView>,
}

/// Distinct applications per step in the period.
#[derive(Serialize, ToSchema)]
pub struct FunnelView {
    /// Submitted (their first history row) in the period.
    pub submissions: u64,
    /// Moved into a stage whose name contains "interview" or "scheduled".
    pub interviews: u64,
    /// Moved into a stage whose name contains "offer".
    pub offers: u64,
    /// Moved into a hired-kind stage.
    pub hires: u64,
    /// Moved into a rejected-kind stage.
    pub rejections: u64,
}

fn funnel(f: Funnel) -> FunnelView {
    FunnelView { submissions: f.submissions, interviews: f.interviews, offers: f.offers, hires: f.hires, rejections: f.rejections }
}

#[derive(Serialize, ToSchema)]
pub struct RecruiterPerformanceView {
    pub recruiter: PersonView,
    pub submissions: u64,
    pub interviews: u64,
    pub offers: u64,
    pub hires: u64,
    pub rejections: u64,
    /// Open requirements with this recruiter on the team.
    pub active_requirements: u64,
}

#[derive(Serialize, ToSchema)]
pub struct ManagerView {
    pub period: PeriodView,
    pub funnel: FunnelView,
    /// Every active user of the agency with the recruiter role.
    pub recruiters: Vec<RecruiterPerformanceView>,
    /// Open requirements per priority (`low`, `medium`, `high`, `critical`).
    pub open_requirements_by_priority: Vec<KeyCountView>,
    /// Open requirements by days since opening.
    pub ageing: AgeingView,
}

#[derive(Serialize, ToSchema)]
pub struct RequirementSummaryView {
    pub id: Uuid,
    pub reference: String,
    pub title: String,
    pub client: Option<String>,
    pub priority: String,
    pub status: String,
    pub ageing_days: i64,
}

#[derive(Serialize, ToSchema)]
pub struct RecruiterView {
    pub period: PeriodView,
    /// Open jobs where the caller is on the team or the manager, oldest first.
    pub open_requirements: Vec<RequirementSummaryView>,
    /// The caller's applications submitted in the last 7 days.
    pub submissions_this_week: u64,
    /// The caller's active applications in a stage whose name contains
    /// "interview" or "scheduled" (until interviews are scheduled for real).
    pub in_interview_stages: u64,
    /// The caller's applications by current stage name (`key`), in pipeline order.
    pub pipeline_by_stage: Vec<KeyCountView>,
}

/// The caller's dashboard; `kind` says which.
#[derive(Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DashboardView {
    /// Super admins.
    Platform(PlatformView),
    /// Candidate users.
    Candidate(CandidateDashboardView),
    /// Employer members.
    Employer(EmployerView),
    /// Agency members with `jobs:write` (admins, managers).
    Manager(ManagerView),
    /// Other agency members (recruiters, sales).
    Recruiter(RecruiterView),
}

fn view(d: Dashboard) -> DashboardView {
    match d {
        Dashboard::Platform(p) => DashboardView::Platform(PlatformView {
            companies_by_type: counts(p.companies_by_type),
            companies_by_status: counts(p.companies_by_status),
            users_by_status: counts(p.users_by_status),
            open_jobs: p.open_jobs,
            applications_total: p.applications_total,
            applications_last_7_days: p.applications_last_7_days,
        }),
        Dashboard::Candidate(c) => DashboardView::Candidate(CandidateDashboardView {
            applications: c
                .applications
                .into_iter()
                .map(|a| MyApplicationView {
                    id: a.id.0,
                    job_id: a.job_id.0,
                    job_title: a.job_title,
                    company_name: a.company_name,
                    stage: a.stage,
                    stage_kind: a.stage_kind.as_str().to_string(),
                    submitted_at: a.submitted_at,
                    updated_at: a.updated_at,
                })
                .collect(),
            counts: StateCountsView { active: c.counts.active, hired: c.counts.hired, rejected: c.counts.rejected },
            saved_jobs: c.saved_jobs,
        }),
        Dashboard::Employer(e) => DashboardView::Employer(EmployerView {
            open_jobs: e.open_jobs,
            applicants_by_stage: counts(e.applicants_by_stage),
            new_applications_this_week: e.new_applications_this_week,
            hires_this_month: e.hires_this_month,
            recent_applications: e
                .recent_applications
                .into_iter()
                .map(|a| RecentApplicationView {
                    id: a.id.0,
                    candidate_name: a.candidate_name,
                    job_id: a.job_id.0,
                    job_title: a.job_title,
                    stage: a.stage,
                    submitted_at: a.submitted_at,
                })
                .collect(),
        }),
        Dashboard::Manager(m) => DashboardView::Manager(ManagerView {
            period: period(m.period),
            funnel: funnel(m.funnel),
            recruiters: m
                .recruiters
                .into_iter()
                .map(|r| RecruiterPerformanceView {
                    recruiter: PersonView::of(r.recruiter),
                    submissions: r.funnel.submissions,
                    interviews: r.funnel.interviews,
                    offers: r.funnel.offers,
                    hires: r.funnel.hires,
                    rejections: r.funnel.rejections,
                    active_requirements: r.active_requirements,
                })
                .collect(),
            open_requirements_by_priority: counts(m.open_requirements_by_priority),
            ageing: AgeingView::of(m.ageing),
        }),
        Dashboard::Recruiter(r) => DashboardView::Recruiter(RecruiterView {
            period: period(r.period),
            open_requirements: r
                .open_requirements
                .into_iter()
                .map(|q| RequirementSummaryView {
                    id: q.id.0,
                    reference: q.reference,
                    title: q.title,
                    client: q.client,
                    priority: q.priority,
                    status: q.status,
                    ageing_days: q.ageing_days,
                })
                .collect(),
            submissions_this_week: r.submissions_this_week,
            in_interview_stages: r.in_interview_stages,
            pipeline_by_stage: counts(r.pipeline_by_stage),
        }),
    }
}

/// The caller's dashboard: platform (super admin), candidate, employer,
/// manager (agency members with jobs:write) or recruiter (other agency members).
#[utoipa::path(get, path = "/api/dashboard", tag = "dashboard", security(("bearer" = [])), params(DashboardParams),
    responses(
        (status = 200, body = DashboardView),
        (status = 422, description = "A bad `from`/`to` date, `to` before `from`, a period over 366 days, or a malformed `recruiter_id`", body = crate::http::error::Problem),
    ))]
pub async fn dashboard(State(state): State<AppState>, Caller(caller): Caller, ApiQuery(p): ApiQuery<DashboardParams>) -> ApiResult<Json<DashboardView>> {
    let filters = DashboardFilters { from: p.from, to: p.to, client: p.client, recruiter_id: p.recruiter_id.map(UserId) };
    Ok(Json(view(state.insights.dashboard(&caller, &filters).await?)))
}
