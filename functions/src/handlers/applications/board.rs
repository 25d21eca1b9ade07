use super::{days_since, person, PersonRef};
use crate::http::{ApiJson, ApiPath, ApiResult, Caller};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::applications::{Board, Card};
use hireops_domain::ids::{ApplicationId, JobId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct BoardJob {
    pub id: Uuid,
    pub title: String,
    pub reference: String,
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct CardCandidate {
    pub id: Uuid,
    pub full_name: String,
}

#[derive(Serialize, ToSchema)]
pub struct BoardCard {
    pub id: Uuid,
    pub candidate: CardCandidate,
    pub recruiter: Option<PersonRef>,
    pub stage_entered_at: DateTime<Utc>,
    pub days_in_stage: i64,
    pub version: u32,
    pub rank: f64,
}

#[derive(Serialize, ToSchema)]
pub struct BoardColumn {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub position: u32,
    /// Every application of the stage you see (cards stop at 200).
    pub count: u64,
    pub applications: Vec<BoardCard>,
}

#[derive(Serialize, ToSchema)]
pub struct PipelineBoard {
    pub job: BoardJob,
    pub stages: Vec<BoardColumn>,
}

fn card(c: Card) -> BoardCard {
    BoardCard {
        id: c.id.0,
        candidate: CardCandidate { id: c.candidate_id.0, full_name: c.candidate_name },
        recruiter: c.recruiter.map(person),
        days_in_stage: days_since(c.stage_entered_at),
        stage_entered_at: c.stage_entered_at,
        version: c.version,
        rank: c.rank,
    }
}

fn board_view(b: Board) -> PipelineBoard {
    PipelineBoard {
        job: BoardJob { id: b.job.id.0, title: b.job.title, reference: b.job.reference, status: b.job.status },
        stages: b
            .columns
            .into_iter()
            .map(|c| BoardColumn {
                id: c.stage.id.0,
                name: c.stage.name,
                kind: c.stage.kind.as_str().to_string(),
                position: c.stage.position,
                count: c.stage.count,
                applications: c.cards.into_iter().map(card).collect(),
            })
            .collect(),
    }
}

/// The job's kanban board: its stages with the applications you see.
#[utoipa::path(get, path = "/api/jobs/{id}/pipeline", tag = "applications", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 200, body = PipelineBoard),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn board(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<PipelineBoard>> {
    Ok(Json(board_view(state.applications.board(&caller, JobId(id)).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct ReorderRequest {
    pub application_id: Option<Uuid>,
    /// Place it just before this application of the same stage…
    pub before_id: Option<Uuid>,
    /// …or just after this one (exactly one of the two).
    pub after_id: Option<Uuid>,
}

/// Reorder a card within its stage column.
#[utoipa::path(post, path = "/api/jobs/{id}/pipeline/reorder", tag = "applications", security(("bearer" = [])), request_body = ReorderRequest,
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 204, description = "Reordered"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, description = "Not an application of this job, or the anchor is in another stage", body = crate::http::error::Problem),
    ))]
pub async fn reorder(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>, ApiJson(body): ApiJson<ReorderRequest>) -> ApiResult<StatusCode> {
    state
        .applications
        .reorder(&caller, JobId(id), body.application_id.map(ApplicationId), body.before_id.map(ApplicationId), body.after_id.map(ApplicationId))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
