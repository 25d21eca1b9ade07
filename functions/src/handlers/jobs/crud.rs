use super::{detail_view, list_view, nullable, JobDetails, JobListItem};
use crate::http::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller, ClientMeta, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use hireops_domain::ids::{CompanyId, JobId, UserId};
use hireops_domain::jobs::{job_query, JobChanges, NewJobInput, RawJobQuery};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct CreateJobRequest {
    /// `opening` (default) or `requirement` (agencies only; needs `client_name`).
    pub kind: Option<String>,
    /// 1 to 200 characters.
    pub title: Option<String>,
    /// Up to 50,000 characters.
    pub description: Option<String>,
    /// Optional; generated per company (`JOB-0001`, `REQ-0001`) when absent. Unique per company.
    pub reference: Option<String>,
    /// `draft` (default) or `open`.
    pub status: Option<String>,
    /// Super admins name the company; members create in their own.
    pub company_id: Option<Uuid>,
    pub department: Option<String>,
    pub location: Option<String>,
    /// `onsite`, `remote` or `hybrid`.
    pub work_mode: Option<String>,
    /// `full_time`, `part_time`, `contract`, `contract_to_hire`, `internship` or `freelance`.
    pub employment_type: Option<String>,
    /// Up to 20 tags of up to 40 characters.
    pub tags: Option<Vec<String>>,
    pub client_name: Option<String>,
    pub client_spoc: Option<String>,
    pub end_customer: Option<String>,
    pub account: Option<String>,
    /// 1 to 10,000 (default 1).
    pub positions: Option<i64>,
    pub budget_min: Option<f64>,
    pub budget_max: Option<f64>,
    /// ISO 4217 (3 letters); required with a budget.
    pub budget_currency: Option<String>,
    /// `year`, `month`, `day` or `hour`.
    pub budget_period: Option<String>,
    /// Years, 0 to 60.
    pub experience_min: Option<f64>,
    pub experience_max: Option<f64>,
    /// `low`, `medium` (default), `high` or `critical`.
    pub priority: Option<String>,
    /// An active user of the job's company.
    pub manager_id: Option<Uuid>,
    pub notes: Option<String>,
}

/// Create a job opening or a client requirement. Its pipeline is copied from the company's template.
#[utoipa::path(post, path = "/api/jobs", tag = "jobs", security(("bearer" = [])), request_body = CreateJobRequest,
    responses(
        (status = 201, body = JobDetails),
        (status = 409, description = "`reference_taken`", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiJson(b): ApiJson<CreateJobRequest>,
) -> ApiResult<(StatusCode, Json<JobDetails>)> {
    let input = NewJobInput {
        company_id: b.company_id.map(CompanyId),
        kind: b.kind,
        reference: b.reference,
        status: b.status,
        title: b.title,
        description: b.description,
        department: b.department,
        location: b.location,
        work_mode: b.work_mode,
        employment_type: b.employment_type,
        tags: b.tags,
        client_name: b.client_name,
        client_spoc: b.client_spoc,
        end_customer: b.end_customer,
        account: b.account,
        positions: b.positions,
        budget_min: b.budget_min,
        budget_max: b.budget_max,
        budget_currency: b.budget_currency,
        budget_period: b.budget_period,
        experience_min: b.experience_min,
        experience_max: b.experience_max,
        priority: b.priority,
        manager_id: b.manager_id.map(UserId),
        notes: b.notes,
    };
    let created = state.jobs.create(&caller, input, &meta).await?;
    Ok((StatusCode::CREATED, Json(detail_view(&caller, created, state.jobs.now()))))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JobFilters {
    /// `draft`, `open`, `on_hold` or `closed`.
    pub status: Option<String>,
    /// `opening` or `requirement`.
    pub kind: Option<String>,
    /// Client name contains.
    pub client: Option<String>,
    /// A user id on the job's team.
    pub recruiter: Option<String>,
    /// The manager's user id.
    pub manager: Option<String>,
    /// `low`, `medium`, `high` or `critical`.
    pub priority: Option<String>,
    /// Open at least this many days.
    pub ageing_min: Option<String>,
    /// Open at most this many days.
    pub ageing_max: Option<String>,
    /// Words searched in reference, title, client, location, tags and description (prefix match).
    pub q: Option<String>,
    /// `true` or `false`.
    pub published: Option<String>,
    /// `mine` (the caller's company's) or `shared` (shared with it).
    pub owner: Option<String>,
    /// `newest` (default), `oldest`, `ageing`, `priority`, `title` or `updated`.
    pub sort: Option<String>,
}

/// Jobs the caller sees: its company's and those shared with its agency.
#[utoipa::path(get, path = "/api/jobs", tag = "jobs", security(("bearer" = [])), params(JobFilters, PageQuery),
    responses(
        (status = 200, body = Paginated<JobListItem>),
        (status = 422, description = "An unknown filter value, named", body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(f): ApiQuery<JobFilters>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<JobListItem>>> {
    let query = job_query(RawJobQuery {
        status: f.status.as_deref(),
        kind: f.kind.as_deref(),
        client: f.client.as_deref(),
        recruiter: f.recruiter.as_deref(),
        manager: f.manager.as_deref(),
        priority: f.priority.as_deref(),
        ageing_min: f.ageing_min.as_deref(),
        ageing_max: f.ageing_max.as_deref(),
        q: f.q.as_deref(),
        published: f.published.as_deref(),
        owner: f.owner.as_deref(),
        sort: f.sort.as_deref(),
    })?;
    let page = state.jobs.list(&caller, query, page.request()).await?;
    let now = state.jobs.now();
    Ok(Json(Paginated::from_page(page, |s| list_view(&caller, s, now))))
}

/// One job with its stages, team and (for the owner) the agencies it is shared with.
#[utoipa::path(get, path = "/api/jobs/{id}", tag = "jobs", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = JobDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn get(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<JobDetails>> {
    let d = state.jobs.job(&caller, JobId(id)).await?;
    Ok(Json(detail_view(&caller, d, state.jobs.now())))
}

/// PATCH body: absent fields stay, `null` clears an optional field.
#[derive(Deserialize, ToSchema)]
pub struct UpdateJobRequest {
    pub title: Option<String>,
    pub description: Option<String>,
    pub reference: Option<String>,
    /// `draft`, `open` or `on_hold` (close and reopen have their own routes).
    pub status: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub department: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub location: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub work_mode: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub employment_type: Option<Option<String>>,
    pub tags: Option<Vec<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub client_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub client_spoc: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub end_customer: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub account: Option<Option<String>>,
    pub positions: Option<i64>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<f64>)]
    pub budget_min: Option<Option<f64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<f64>)]
    pub budget_max: Option<Option<f64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub budget_currency: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub budget_period: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<f64>)]
    pub experience_min: Option<Option<f64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<f64>)]
    pub experience_max: Option<Option<f64>>,
    pub priority: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Uuid>)]
    pub manager_id: Option<Option<Uuid>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub notes: Option<Option<String>>,
}

/// Edit a job (owner company only; an agency it is shared with gets 403 `not_job_owner`).
#[utoipa::path(patch, path = "/api/jobs/{id}", tag = "jobs", security(("bearer" = [])), request_body = UpdateJobRequest,
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = JobDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`reference_taken`", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn update(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<UpdateJobRequest>,
) -> ApiResult<Json<JobDetails>> {
    let changes = JobChanges {
        reference: b.reference,
        status: b.status,
        title: b.title,
        description: b.description,
        department: b.department,
        location: b.location,
        work_mode: b.work_mode,
        employment_type: b.employment_type,
        tags: b.tags,
        client_name: b.client_name,
        client_spoc: b.client_spoc,
        end_customer: b.end_customer,
        account: b.account,
        positions: b.positions,
        budget_min: b.budget_min,
        budget_max: b.budget_max,
        budget_currency: b.budget_currency,
        budget_period: b.budget_period,
        experience_min: b.experience_min,
        experience_max: b.experience_max,
        priority: b.priority,
        manager_id: b.manager_id.map(|m| m.map(UserId)),
        notes: b.notes,
    };
    let d = state.jobs.update(&caller, JobId(id), changes, &meta).await?;
    Ok(Json(detail_view(&caller, d, state.jobs.now())))
}

/// Delete a job without applications (owner only); with applications, close it instead.
#[utoipa::path(delete, path = "/api/jobs/{id}", tag = "jobs", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`job_has_applications`", body = crate::http::error::Problem),
    ))]
pub async fn delete(State(state): State<AppState>, Caller(caller): Caller, ClientMeta(meta): ClientMeta, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.jobs.delete(&caller, JobId(id), &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
