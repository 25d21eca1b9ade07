//! The public job board: no sign-in; only published, open jobs, and only what
//! a candidate should see (never the client, budget, notes or team).

use crate::handlers::jobs::{company_view, CompanyRefView};
use crate::http::{ApiPath, ApiQuery, ApiResult, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::ids::JobId;
use hireops_domain::jobs::{public_job_query, PublicJob};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct PublicJobView {
    pub id: Uuid,
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
    /// The hiring company; for an agency's requirement, the agency (never its client).
    pub company: CompanyRefView,
    pub published_at: DateTime<Utc>,
}

fn view(j: PublicJob) -> PublicJobView {
    PublicJobView {
        id: j.id.0,
        reference: j.reference,
        title: j.title,
        description: j.description,
        department: j.department,
        location: j.location,
        work_mode: j.work_mode,
        employment_type: j.employment_type,
        tags: j.tags,
        experience_min: j.experience_min,
        experience_max: j.experience_max,
        positions: j.positions,
        company: company_view(j.company),
        published_at: j.published_at,
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PublicJobFilters {
    /// Words searched in the job's text (prefix match).
    pub q: Option<String>,
    /// Location contains.
    pub location: Option<String>,
    /// `full_time`, `part_time`, `contract`, `contract_to_hire`, `internship` or `freelance`.
    pub employment_type: Option<String>,
    /// `onsite`, `remote` or `hybrid`.
    pub work_mode: Option<String>,
    /// An exact tag.
    pub tag: Option<String>,
    /// A company id.
    pub company: Option<String>,
}

/// Published open jobs, newest published first.
#[utoipa::path(get, path = "/api/public/jobs", tag = "public", params(PublicJobFilters, PageQuery),
    responses(
        (status = 200, body = Paginated<PublicJobView>),
        (status = 422, description = "An unknown filter value, named", body = crate::http::error::Problem),
    ))]
pub async fn list(State(state): State<AppState>, ApiQuery(f): ApiQuery<PublicJobFilters>, ApiQuery(page): ApiQuery<PageQuery>) -> ApiResult<Json<Paginated<PublicJobView>>> {
    let query = public_job_query(
        f.q.as_deref(),
        f.location.as_deref(),
        f.employment_type.as_deref(),
        f.work_mode.as_deref(),
        f.tag.as_deref(),
        f.company.as_deref(),
    )?;
    let page = state.jobs.public_jobs(query, page.request()).await?;
    Ok(Json(Paginated::from_page(page, view)))
}

/// One published open job.
#[utoipa::path(get, path = "/api/public/jobs/{id}", tag = "public",
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = PublicJobView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, description = "Not published, not open, or absent", body = crate::http::error::Problem),
    ))]
pub async fn get(State(state): State<AppState>, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<PublicJobView>> {
    Ok(Json(view(state.jobs.public_job(JobId(id)).await?)))
}
