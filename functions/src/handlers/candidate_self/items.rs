//! Skills, experience and education of the caller's own profile, one item at a time.
//! Another candidate's item answers 404.

use crate::handlers::candidates::dto::{EducationBody, EducationView, ExperienceBody, ExperienceView, SkillBody, SkillView};
use crate::http::{ApiJson, ApiPath, ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use hireops_domain::candidates::{ProfileItem, ProfileItemKind, StoredItem};
use hireops_domain::ids::ProfileItemId;
use hireops_domain::DomainError;
use uuid::Uuid;

fn unexpected() -> crate::http::ApiError {
    DomainError::Infrastructure("profile item of another kind".into()).into()
}

fn skill_view(item: StoredItem) -> Result<SkillView, crate::http::ApiError> {
    match item {
        StoredItem::Skill(x) => Ok(x.into()),
        _ => Err(unexpected()),
    }
}

/// Your skills.
#[utoipa::path(get, path = "/api/candidate/skills", tag = "candidate", security(("bearer" = [])),
    responses((status = 200, body = Vec<SkillView>)))]
pub async fn skill_list(State(state): State<AppState>, Caller(caller): Caller) -> ApiResult<Json<Vec<SkillView>>> {
    let items = state.candidates.my_items(&caller, ProfileItemKind::Skill).await?;
    Ok(Json(items.into_iter().map(skill_view).collect::<Result<_, _>>()?))
}

/// Add one to your skills.
#[utoipa::path(post, path = "/api/candidate/skills", tag = "candidate", security(("bearer" = [])), request_body = SkillBody,
    responses(
        (status = 201, body = SkillView),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn skill_create(State(state): State<AppState>, Caller(caller): Caller, ApiJson(body): ApiJson<SkillBody>) -> ApiResult<(StatusCode, Json<SkillView>)> {
    let item = state.candidates.add_my_item(&caller, ProfileItem::Skill(body.into())).await?;
    Ok((StatusCode::CREATED, Json(skill_view(item)?)))
}

/// Replace one of your skills.
#[utoipa::path(put, path = "/api/candidate/skills/{id}", tag = "candidate", security(("bearer" = [])), request_body = SkillBody,
    params(("id" = Uuid, Path, description = "Item id")),
    responses(
        (status = 200, body = SkillView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn skill_update(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<SkillBody>,
) -> ApiResult<Json<SkillView>> {
    let item = state.candidates.update_my_item(&caller, ProfileItemId(id), ProfileItem::Skill(body.into())).await?;
    Ok(Json(skill_view(item)?))
}

/// Remove one of your skills.
#[utoipa::path(delete, path = "/api/candidate/skills/{id}", tag = "candidate", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Item id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn skill_delete(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.candidates.delete_my_item(&caller, ProfileItemKind::Skill, ProfileItemId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn experience_view(item: StoredItem) -> Result<ExperienceView, crate::http::ApiError> {
    match item {
        StoredItem::Experience(x) => Ok(x.into()),
        _ => Err(unexpected()),
    }
}

/// Your experience.
#[utoipa::path(get, path = "/api/candidate/experience", tag = "candidate", security(("bearer" = [])),
    responses((status = 200, body = Vec<ExperienceView>)))]
pub async fn experience_list(State(state): State<AppState>, Caller(caller): Caller) -> ApiResult<Json<Vec<ExperienceView>>> {
    let items = state.candidates.my_items(&caller, ProfileItemKind::Experience).await?;
    Ok(Json(items.into_iter().map(experience_view).collect::<Result<_, _>>()?))
}

/// Add one to your experience.
#[utoipa::path(post, path = "/api/candidate/experience", tag = "candidate", security(("bearer" = [])), request_body = ExperienceBody,
    responses(
        (status = 201, body = ExperienceView),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn experience_create(State(state): State<AppState>, Caller(caller): Caller, ApiJson(body): ApiJson<ExperienceBody>) -> ApiResult<(StatusCode, Json<ExperienceView>)> {
    let item = state.candidates.add_my_item(&caller, ProfileItem::Experience(body.into())).await?;
    Ok((StatusCode::CREATED, Json(experience_view(item)?)))
}

/// Replace one of your experience.
#[utoipa::path(put, path = "/api/candidate/experience/{id}", tag = "candidate", security(("bearer" = [])), request_body = ExperienceBody,
    params(("id" = Uuid, Path, description = "Item id")),
    responses(
        (status = 200, body = ExperienceView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn experience_update(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ExperienceBody>,
) -> ApiResult<Json<ExperienceView>> {
    let item = state.candidates.update_my_item(&caller, ProfileItemId(id), ProfileItem::Experience(body.into())).await?;
    Ok(Json(experience_view(item)?))
}

/// Remove one of your experience.
#[utoipa::path(delete, path = "/api/candidate/experience/{id}", tag = "candidate", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Item id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn experience_delete(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.candidates.delete_my_item(&caller, ProfileItemKind::Experience, ProfileItemId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

fn education_view(item: StoredItem) -> Result<EducationView, crate::http::ApiError> {
    match item {
        StoredItem::Education(x) => Ok(x.into()),
        _ => Err(unexpected()),
    }
}

/// Your education.
#[utoipa::path(get, path = "/api/candidate/education", tag = "candidate", security(("bearer" = [])),
    responses((status = 200, body = Vec<EducationView>)))]
pub async fn education_list(State(state): State<AppState>, Caller(caller): Caller) -> ApiResult<Json<Vec<EducationView>>> {
    let items = state.candidates.my_items(&caller, ProfileItemKind::Education).await?;
    Ok(Json(items.into_iter().map(education_view).collect::<Result<_, _>>()?))
}

/// Add one to your education.
#[utoipa::path(post, path = "/api/candidate/education", tag = "candidate", security(("bearer" = [])), request_body = EducationBody,
    responses(
        (status = 201, body = EducationView),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn education_create(State(state): State<AppState>, Caller(caller): Caller, ApiJson(body): ApiJson<EducationBody>) -> ApiResult<(StatusCode, Json<EducationView>)> {
    let item = state.candidates.add_my_item(&caller, ProfileItem::Education(body.into())).await?;
    Ok((StatusCode::CREATED, Json(education_view(item)?)))
}

/// Replace one of your education.
#[utoipa::path(put, path = "/api/candidate/education/{id}", tag = "candidate", security(("bearer" = [])), request_body = EducationBody,
    params(("id" = Uuid, Path, description = "Item id")),
    responses(
        (status = 200, body = EducationView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn education_update(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<EducationBody>,
) -> ApiResult<Json<EducationView>> {
    let item = state.candidates.update_my_item(&caller, ProfileItemId(id), ProfileItem::Education(body.into())).await?;
    Ok(Json(education_view(item)?))
}

/// Remove one of your education.
#[utoipa::path(delete, path = "/api/candidate/education/{id}", tag = "candidate", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Item id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn education_delete(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<StatusCode> {
    state.candidates.delete_my_item(&caller, ProfileItemKind::Education, ProfileItemId(id)).await?;
    Ok(StatusCode::NO_CONTENT)
}
