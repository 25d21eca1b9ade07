use crate::handlers::candidates::dto::{candidate_view, CandidateView, EducationBody, ExperienceBody, LinksBody, SkillBody};
use crate::http::{ApiJson, ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use hireops_domain::candidates::ProfileInput;
use serde::Deserialize;
use utoipa::ToSchema;

/// Your own profile, created from your name and email on first use.
#[utoipa::path(get, path = "/api/candidate/profile", tag = "candidate", security(("bearer" = [])),
    responses((status = 200, body = CandidateView)))]
pub async fn get(State(state): State<AppState>, Caller(caller): Caller) -> ApiResult<Json<CandidateView>> {
    Ok(Json(candidate_view(state.candidates.my_profile(&caller).await?)))
}

/// Every scalar field is replaced (absent = cleared); lists and links present replace theirs.
#[derive(Deserialize, ToSchema)]
pub struct MyProfileRequest {
    pub full_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub headline: Option<String>,
    pub current_title: Option<String>,
    pub current_company: Option<String>,
    pub location: Option<String>,
    pub total_experience_years: Option<f64>,
    pub notice_period_days: Option<i64>,
    pub current_salary: Option<f64>,
    pub expected_salary: Option<f64>,
    pub salary_currency: Option<String>,
    pub summary: Option<String>,
    pub links: Option<LinksBody>,
    pub skills: Option<Vec<SkillBody>>,
    pub experience: Option<Vec<ExperienceBody>>,
    pub education: Option<Vec<EducationBody>>,
}

/// Replace your own profile.
#[utoipa::path(put, path = "/api/candidate/profile", tag = "candidate", security(("bearer" = [])), request_body = MyProfileRequest,
    responses(
        (status = 200, body = CandidateView),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn update(State(state): State<AppState>, Caller(caller): Caller, ApiJson(b): ApiJson<MyProfileRequest>) -> ApiResult<Json<CandidateView>> {
    let input = ProfileInput {
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
        source: None,
        links: b.links.map(Into::into),
        tags: None,
        skills: b.skills.map(|l| l.into_iter().map(Into::into).collect()),
        experience: b.experience.map(|l| l.into_iter().map(Into::into).collect()),
        education: b.education.map(|l| l.into_iter().map(Into::into).collect()),
    };
    Ok(Json(candidate_view(state.candidates.replace_my_profile(&caller, input).await?)))
}
