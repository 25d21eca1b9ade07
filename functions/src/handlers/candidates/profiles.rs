use super::dto::{candidate_view, nullable, CandidateView, EducationBody, ExperienceBody, LinksBody, OwnerView, SkillBody};
use crate::http::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller, ClientMeta, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, NaiveDate, Utc};
use hireops_domain::candidates::{CandidateFilters, CandidateSummary, ProfileInput, ProfilePatch};
use hireops_domain::ids::{CandidateId, CompanyId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct CreateCandidateRequest {
    /// 1 to 200 characters.
    pub full_name: Option<String>,
    /// Email or phone (at least one); both are dedupe keys within the company.
    pub email: Option<String>,
    pub phone: Option<String>,
    pub headline: Option<String>,
    pub current_title: Option<String>,
    pub current_company: Option<String>,
    pub location: Option<String>,
    /// 0 to 60.
    pub total_experience_years: Option<f64>,
    /// 0 to 365.
    pub notice_period_days: Option<i64>,
    pub current_salary: Option<f64>,
    pub expected_salary: Option<f64>,
    /// ISO 4217 code.
    pub salary_currency: Option<String>,
    /// At most 20,000 characters.
    pub summary: Option<String>,
    /// referral | career_site | job_board | linkedin | agency | sourced | imported | other
    pub source: Option<String>,
    pub links: Option<LinksBody>,
    /// At most 30, each 1–40 characters, deduplicated case-insensitively.
    pub tags: Option<Vec<String>>,
    pub skills: Option<Vec<SkillBody>>,
    pub experience: Option<Vec<ExperienceBody>>,
    pub education: Option<Vec<EducationBody>>,
    /// The owning company; super admins must name it, members get their own.
    pub company_id: Option<Uuid>,
}

impl CreateCandidateRequest {
    pub fn into_input(self) -> (ProfileInput, Option<CompanyId>) {
        let input = ProfileInput {
            full_name: self.full_name,
            email: self.email,
            phone: self.phone,
            headline: self.headline,
            current_title: self.current_title,
            current_company: self.current_company,
            location: self.location,
            total_experience_years: self.total_experience_years,
            notice_period_days: self.notice_period_days,
            current_salary: self.current_salary,
            expected_salary: self.expected_salary,
            salary_currency: self.salary_currency,
            summary: self.summary,
            source: self.source,
            links: self.links.map(Into::into),
            tags: self.tags,
            skills: self.skills.map(|l| l.into_iter().map(Into::into).collect()),
            experience: self.experience.map(|l| l.into_iter().map(Into::into).collect()),
            education: self.education.map(|l| l.into_iter().map(Into::into).collect()),
        };
        (input, self.company_id.map(CompanyId))
    }
}

/// Create a candidate profile in the caller's company.
#[utoipa::path(post, path = "/api/candidates", tag = "candidates", security(("bearer" = [])), request_body = CreateCandidateRequest,
    responses(
        (status = 201, body = CandidateView),
        (status = 409, description = "`duplicate_candidate`: a live profile of the company has the same email or phone (`existing_id`)", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiJson(body): ApiJson<CreateCandidateRequest>,
) -> ApiResult<(StatusCode, Json<CandidateView>)> {
    let (input, company) = body.into_input();
    let created = state.candidates.create(&caller, input, company, &meta).await?;
    Ok((StatusCode::CREATED, Json(candidate_view(created))))
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CandidateListFilters {
    /// Full-text search; every word matches as a prefix.
    pub q: Option<String>,
    pub tag: Option<String>,
    /// Exact skill name, case-insensitive.
    pub skill: Option<String>,
    pub source: Option<String>,
    /// Location contains.
    pub location: Option<String>,
    pub experience_min: Option<f64>,
    pub experience_max: Option<f64>,
    /// Creator user id.
    pub created_by: Option<Uuid>,
    /// First day (UTC), inclusive.
    pub created_from: Option<NaiveDate>,
    /// Last day (UTC), inclusive.
    pub created_to: Option<NaiveDate>,
    /// `newest` (default), `name` or `updated`.
    pub sort: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CandidateListItem {
    pub id: Uuid,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub headline: Option<String>,
    pub current_title: Option<String>,
    pub location: Option<String>,
    pub total_experience_years: Option<f64>,
    pub tags: Vec<String>,
    pub source: Option<String>,
    /// Skill names.
    pub skills: Vec<String>,
    /// Applications the caller sees.
    pub application_count: u64,
    pub owner: Option<OwnerView>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn item(s: CandidateSummary) -> CandidateListItem {
    CandidateListItem {
        id: s.id.0,
        full_name: s.full_name,
        email: s.email,
        phone: s.phone,
        headline: s.headline,
        current_title: s.current_title,
        location: s.location,
        total_experience_years: s.total_experience_years,
        tags: s.tags,
        source: s.source,
        skills: s.skills,
        application_count: s.application_count,
        owner: s.owner_id.map(|id| OwnerView { id: id.0, name: s.owner_name.unwrap_or_default() }),
        created_at: s.created_at,
        updated_at: s.updated_at,
    }
}

/// Candidate profiles the caller sees: its company's, and those who applied to its jobs.
#[utoipa::path(get, path = "/api/candidates", tag = "candidates", security(("bearer" = [])), params(CandidateListFilters, PageQuery),
    responses(
        (status = 200, body = Paginated<CandidateListItem>),
        (status = 422, description = "An unknown source or sort, or an inverted range", body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(f): ApiQuery<CandidateListFilters>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<CandidateListItem>>> {
    let filters = CandidateFilters {
        q: f.q,
        tag: f.tag,
        skill: f.skill,
        source: f.source,
        location: f.location,
        experience_min: f.experience_min,
        experience_max: f.experience_max,
        created_by: f.created_by.map(UserId),
        created_from: f.created_from,
        created_to: f.created_to,
        sort: f.sort,
    };
    let page = state.candidates.list(&caller, &filters, page.request()).await?;
    Ok(Json(Paginated::from_page(page, item)))
}

/// One candidate profile with its documents and the applications the caller sees.
#[utoipa::path(get, path = "/api/candidates/{id}", tag = "candidates", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Candidate id")),
    responses(
        (status = 200, body = CandidateView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn get(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<CandidateView>> {
    Ok(Json(candidate_view(state.candidates.get(&caller, CandidateId(id)).await?)))
}

/// Absent fields stay; null clears; lists and links replace wholesale.
#[derive(Deserialize, ToSchema)]
pub struct UpdateCandidateRequest {
    pub full_name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub headline: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub current_title: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub current_company: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub location: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<f64>)]
    pub total_experience_years: Option<Option<f64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<i64>)]
    pub notice_period_days: Option<Option<i64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<f64>)]
    pub current_salary: Option<Option<f64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<f64>)]
    pub expected_salary: Option<Option<f64>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub salary_currency: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub summary: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    pub source: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<LinksBody>)]
    pub links: Option<Option<LinksBody>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Vec<String>>)]
    pub tags: Option<Option<Vec<String>>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Vec<SkillBody>>)]
    pub skills: Option<Option<Vec<SkillBody>>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Vec<ExperienceBody>>)]
    pub experience: Option<Option<Vec<ExperienceBody>>>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<Vec<EducationBody>>)]
    pub education: Option<Option<Vec<EducationBody>>>,
}

fn list_of<B, T: From<B>>(v: Option<Option<Vec<B>>>) -> Option<Option<Vec<T>>> {
    v.map(|o| o.map(|l| l.into_iter().map(Into::into).collect()))
}

/// Edit a profile your company owns (a company that only sees it through an
/// application gets 403 `not_candidate_owner`).
#[utoipa::path(patch, path = "/api/candidates/{id}", tag = "candidates", security(("bearer" = [])), request_body = UpdateCandidateRequest,
    params(("id" = Uuid, Path, description = "Candidate id")),
    responses(
        (status = 200, body = CandidateView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`duplicate_candidate` (`existing_id`)", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn update(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(b): ApiJson<UpdateCandidateRequest>,
) -> ApiResult<Json<CandidateView>> {
    let patch = ProfilePatch {
        full_name: b.full_name,
        email: b.email,
        phone: b.phone,
        headline: b.headline,
        current_title: b.current_title,
        current_company: b.current_company,
        location: b.location,
        total_experience_years: b.total_experience_years,
        notice_period_days: b.notice_period_days,
        current_salary: b.current_salary,
        expected_salary: b.expected_salary,
        salary_currency: b.salary_currency,
        summary: b.summary,
        source: b.source,
        links: b.links.map(|o| o.map(Into::into)),
        tags: b.tags,
        skills: list_of(b.skills),
        experience: list_of(b.experience),
        education: list_of(b.education),
    };
    Ok(Json(candidate_view(state.candidates.update(&caller, CandidateId(id), patch, &meta).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct MergeRequest {
    /// A live profile of the same company, folded into the path's profile.
    pub duplicate_id: Uuid,
}

/// Merge a duplicate profile into this one; returns the survivor.
#[utoipa::path(post, path = "/api/candidates/{id}/merge", tag = "candidates", security(("bearer" = [])), request_body = MergeRequest,
    params(("id" = Uuid, Path, description = "The surviving candidate's id")),
    responses(
        (status = 200, body = CandidateView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`candidate_changed`: a profile was merged or deleted meanwhile", body = crate::http::error::Problem),
        (status = 422, description = "`duplicate_id`: `unknown_candidate` or `same_candidate`", body = crate::http::error::Problem),
    ))]
pub async fn merge(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<MergeRequest>,
) -> ApiResult<Json<CandidateView>> {
    Ok(Json(candidate_view(state.candidates.merge(&caller, CandidateId(id), CandidateId(body.duplicate_id), &meta).await?)))
}
