use crate::http::{ApiQuery, ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use hireops_domain::ids::{JobId, UserId};
use hireops_domain::insights::{AgeingBuckets, Person, PipelineReport, RequirementInput, RequirementsReport};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct PersonView {
    pub id: Uuid,
    pub name: String,
}

impl PersonView {
    pub fn of(p: Person) -> Self {
        Self { id: p.id.0, name: p.name }
    }
}

/// Open jobs by whole days since they opened.
#[derive(Serialize, ToSchema)]
pub struct AgeingView {
    pub days_0_7: u64,
    pub days_8_15: u64,
    pub days_16_30: u64,
    pub days_31_60: u64,
    pub days_61_plus: u64,
    pub total: u64,
}

impl AgeingView {
    pub fn of(b: AgeingBuckets) -> Self {
        Self { days_0_7: b.days_0_7, days_8_15: b.days_8_15, days_16_30: b.days_16_30, days_31_60: b.days_31_60, days_61_plus: b.days_61_plus, total: b.total() }
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PipelineParams {
    /// One job (404 when not visible); without it, every visible open job merged by stage name.
    pub job_id: Option<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct StageStatsView {
    pub stage: String,
    /// `active`, `hired` or `rejected`.
    pub kind: String,
    pub position: u32,
    /// Applications in the stage now.
    pub current: u64,
    /// Applications that ever entered it (from the stage history).
    pub reached: u64,
    /// `reached` ÷ the previous stage's `reached`; null for the first stage or when that is 0.
    pub conversion_from_previous: Option<f64>,
    /// Days per application in the stage (visits added up; an active stage's open visit counts up to now).
    pub avg_days_in_stage: Option<f64>,
    pub median_days_in_stage: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct PipelineTotalsView {
    pub applications: u64,
    pub hired: u64,
    pub rejected: u64,
    pub active: u64,
}

#[derive(Serialize, ToSchema)]
pub struct PipelineReportView {
    /// The job analysed; null for all open jobs.
    pub job_id: Option<Uuid>,
    pub stages: Vec<StageStatsView>,
    pub totals: PipelineTotalsView,
}

fn pipeline_view(r: PipelineReport) -> PipelineReportView {
    PipelineReportView {
        job_id: r.job_id.map(|j| j.0),
        stages: r
            .stages
            .into_iter()
            .map(|s| StageStatsView {
                stage: s.stage,
                kind: s.kind.as_str().to_string(),
                position: s.position,
                current: s.current,
                reached: s.reached,
                conversion_from_previous: s.conversion_from_previous,
                avg_days_in_stage: s.avg_days_in_stage,
                median_days_in_stage: s.median_days_in_stage,
            })
            .collect(),
        totals: PipelineTotalsView { applications: r.totals.applications, hired: r.totals.hired, rejected: r.totals.rejected, active: r.totals.active },
    }
}

/// Stage conversion and time-in-stage of one job's pipeline, or of all open jobs by stage name.
#[utoipa::path(get, path = "/api/analytics/pipeline", tag = "analytics", security(("bearer" = [])), params(PipelineParams),
    responses(
        (status = 200, body = PipelineReportView),
        (status = 404, description = "The job does not exist or is not visible to the caller", body = crate::http::error::Problem),
        (status = 422, description = "A malformed `job_id`", body = crate::http::error::Problem),
    ))]
pub async fn pipeline(State(state): State<AppState>, Caller(caller): Caller, ApiQuery(p): ApiQuery<PipelineParams>) -> ApiResult<Json<PipelineReportView>> {
    Ok(Json(pipeline_view(state.insights.pipeline(&caller, p.job_id.map(JobId)).await?)))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RequirementParams {
    /// `open` or `on_hold` (both by default).
    pub status: Option<String>,
    /// Client name (exact).
    pub client: Option<String>,
    /// Jobs with this user on the team as a recruiter.
    pub recruiter_id: Option<Uuid>,
    /// `low`, `medium`, `high` or `critical`.
    pub priority: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ClientAgeingView {
    /// The requirement's client; null for jobs without one.
    pub client: Option<String>,
    #[serde(flatten)]
    pub buckets: AgeingView,
}

#[derive(Serialize, ToSchema)]
pub struct RecruiterAgeingView {
    /// Null: jobs without a recruiter on the team.
    pub recruiter: Option<PersonView>,
    #[serde(flatten)]
    pub buckets: AgeingView,
}

#[derive(Serialize, ToSchema)]
pub struct RequirementsReportView {
    pub totals: AgeingView,
    pub by_client: Vec<ClientAgeingView>,
    /// A job with several recruiters counts for each.
    pub by_recruiter: Vec<RecruiterAgeingView>,
}

fn requirements_view(r: RequirementsReport) -> RequirementsReportView {
    RequirementsReportView {
        totals: AgeingView::of(r.totals),
        by_client: r.by_client.into_iter().map(|c| ClientAgeingView { client: c.client, buckets: AgeingView::of(c.buckets) }).collect(),
        by_recruiter: r.by_recruiter.into_iter().map(|c| RecruiterAgeingView { recruiter: c.recruiter.map(PersonView::of), buckets: AgeingView::of(c.buckets) }).collect(),
    }
}

/// Ageing of open requirements (open / on hold), by client and by recruiter.
#[utoipa::path(get, path = "/api/analytics/requirements", tag = "analytics", security(("bearer" = [])), params(RequirementParams),
    responses(
        (status = 200, body = RequirementsReportView),
        (status = 422, description = "An unknown status or priority, or a malformed `recruiter_id`", body = crate::http::error::Problem),
    ))]
pub async fn requirements(State(state): State<AppState>, Caller(caller): Caller, ApiQuery(p): ApiQuery<RequirementParams>) -> ApiResult<Json<RequirementsReportView>> {
    let input = RequirementInput { status: p.status, client: p.client, priority: p.priority, recruiter_id: p.recruiter_id.map(UserId) };
    Ok(Json(requirements_view(state.insights.requirements(&caller, &input).await?)))
}
