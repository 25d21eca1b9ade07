//! Pipeline templates and a job's own stages.

use crate::http::{ApiError, ApiJson, ApiPath, ApiQuery, ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use hireops_domain::ids::{CompanyId, JobId, StageId};
use hireops_domain::pipelines::{JobStage, StageDraft, StageEdit, StageEditOutcome, StageKind, TemplateView};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, Deserialize, ToSchema)]
pub struct TemplateStage {
    /// 1 to 80 characters, unique in the pipeline (case-insensitively).
    pub name: String,
    /// `active`, `hired` or `rejected`.
    #[schema(value_type = String)]
    pub kind: StageKind,
}

#[derive(Serialize, ToSchema)]
pub struct PipelineTemplate {
    pub company_id: Uuid,
    /// True while the company uses the default for its type (nothing saved).
    pub is_default: bool,
    pub stages: Vec<TemplateStage>,
}

fn template_view(t: TemplateView) -> PipelineTemplate {
    PipelineTemplate {
        company_id: t.company_id.0,
        is_default: t.is_default,
        stages: t.stages.into_iter().map(|s| TemplateStage { name: s.name, kind: s.kind }).collect(),
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TemplateCompany {
    /// Super admins: the company (required). Others: their own company.
    pub company_id: Option<Uuid>,
}

/// The company's pipeline template (new jobs copy it).
#[utoipa::path(get, path = "/api/admin/pipeline-template", tag = "pipelines", security(("bearer" = [])), params(TemplateCompany),
    responses(
        (status = 200, body = PipelineTemplate),
        (status = 404, description = "No such company", body = crate::http::error::Problem),
        (status = 422, description = "`company_id` missing (super admin) or another company", body = crate::http::error::Problem),
    ))]
pub async fn get_template(State(state): State<AppState>, Caller(caller): Caller, ApiQuery(q): ApiQuery<TemplateCompany>) -> ApiResult<Json<PipelineTemplate>> {
    Ok(Json(template_view(state.pipelines.template(&caller, q.company_id.map(CompanyId)).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct SavePipelineTemplateRequest {
    /// 1 to 30 stages; the first is active; at least one hired and one rejected stage.
    pub stages: Vec<TemplateStage>,
}

/// Replace the company's pipeline template. Existing jobs keep their stages.
#[utoipa::path(put, path = "/api/admin/pipeline-template", tag = "pipelines", security(("bearer" = [])), params(TemplateCompany),
    request_body = SavePipelineTemplateRequest,
    responses(
        (status = 200, body = PipelineTemplate),
        (status = 404, description = "No such company", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
    ))]
pub async fn put_template(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiQuery(q): ApiQuery<TemplateCompany>,
    ApiJson(body): ApiJson<SavePipelineTemplateRequest>,
) -> ApiResult<Json<PipelineTemplate>> {
    let stages = body.stages.into_iter().map(|s| StageDraft { name: s.name, kind: s.kind }).collect();
    Ok(Json(template_view(state.pipelines.save_template(&caller, q.company_id.map(CompanyId), stages, &meta).await?)))
}

#[derive(Serialize, ToSchema)]
pub struct JobStageView {
    pub id: Uuid,
    pub name: String,
    /// `active`, `hired` or `rejected`.
    pub kind: String,
    pub position: u32,
    /// Applications in the stage.
    pub count: u64,
}

pub fn stage_view(s: JobStage) -> JobStageView {
    JobStageView { id: s.id.0, name: s.name, kind: s.kind.as_str().to_string(), position: s.position, count: s.count }
}

/// A job's stages in order.
#[utoipa::path(get, path = "/api/jobs/{id}/stages", tag = "pipelines", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = Vec<JobStageView>),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn get_stages(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<Vec<JobStageView>>> {
    Ok(Json(state.pipelines.job_stages(&caller, JobId(id)).await?.into_iter().map(stage_view).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct StageEditItem {
    /// An existing stage of the job (kept: renamed, moved, kind changed); absent for a new stage.
    pub id: Option<Uuid>,
    pub name: String,
    /// `active`, `hired` or `rejected`.
    #[schema(value_type = String)]
    pub kind: StageKind,
}

#[derive(Deserialize, ToSchema)]
pub struct EditStagesRequest {
    /// The whole pipeline in order; stages left out are removed (they must be empty).
    pub stages: Vec<StageEditItem>,
}

/// Edit a job's stages (the job's own company only).
#[utoipa::path(put, path = "/api/jobs/{id}/stages", tag = "pipelines", security(("bearer" = [])), request_body = EditStagesRequest,
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = Vec<JobStageView>),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 409, description = "`stage_in_use`: a stage left out still holds applications (named in `detail`)", body = crate::http::error::Problem),
        (status = 422, description = "Bad stages, or `stages[i].id` not a stage of the job", body = crate::http::error::Problem),
    ))]
pub async fn put_stages(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<EditStagesRequest>,
) -> ApiResult<Json<Vec<JobStageView>>> {
    let edits = body.stages.into_iter().map(|s| StageEdit { id: s.id.map(StageId), name: s.name, kind: s.kind }).collect();
    match state.pipelines.edit_job_stages(&caller, JobId(id), edits, &meta).await? {
        StageEditOutcome::Saved(stages) => Ok(Json(stages.into_iter().map(stage_view).collect())),
        StageEditOutcome::InUse(names) => Err(ApiError::new(StatusCode::CONFLICT, "stage_in_use")
            .detail(format!("These stages still hold applications; move them first: {}", names.join(", ")))),
    }
}
