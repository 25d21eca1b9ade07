//! Applying to a published job from the public job board.

use crate::http::{ApiJson, ApiPath, ApiResult};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use hireops_domain::applications::{PublicApplyInput, PublicApplyOutcome};
use hireops_domain::identity::Permission;
use hireops_domain::ids::{FileId, JobId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct PublicApplyRequest {
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub email: String,
    pub phone: Option<String>,
    /// Up to 10,000 characters.
    pub cover_letter: Option<String>,
    pub linkedin_url: Option<String>,
    /// A resume uploaded for this job (`POST /api/public/jobs/{id}/resume-upload`), not used before.
    pub resume_file_id: Option<Uuid>,
    /// Leave empty. (A field people do not see; bots fill it.)
    pub website: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PublicApplyResponse {
    pub application_id: Uuid,
}

/// A signed-in candidate user, when the request carries a token. A bad token is a 401.
async fn optional_candidate(state: &AppState, headers: &HeaderMap) -> ApiResult<Option<UserId>> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim);
    let Some(token) = token else { return Ok(None) };
    let principal = state.auth.authenticate(token).await?;
    Ok((principal.company_id.is_none() && principal.can(Permission::CandidateSelf)).then_some(principal.user_id))
}

/// Apply to a published, open job. Signed-in candidates get the profile linked to their account.
#[utoipa::path(post, path = "/api/public/jobs/{id}/apply", tag = "public", request_body = PublicApplyRequest,
    params(("id" = Uuid, Path, description = "Job id")),
    responses(
        (status = 201, body = PublicApplyResponse),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 401, description = "A bearer token was sent and is not valid", body = crate::http::error::Problem),
        (status = 404, description = "No such published, open job", body = crate::http::error::Problem),
        (status = 409, description = "`already_applied`", body = crate::http::error::Problem),
        (status = 422, body = crate::http::error::Problem),
        (status = 429, description = "Too many applications from this address", body = crate::http::error::Problem),
    ))]
pub async fn apply(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<PublicApplyRequest>,
) -> ApiResult<(StatusCode, Json<PublicApplyResponse>)> {
    let user = optional_candidate(&state, &headers).await?;
    let input = PublicApplyInput {
        full_name: body.full_name,
        email: body.email,
        phone: body.phone,
        cover_letter: body.cover_letter,
        linkedin_url: body.linkedin_url,
        website: body.website,
    };
    let outcome = state.applications.apply_public(JobId(id), input, body.resume_file_id.map(FileId), user).await?;
    if let PublicApplyOutcome::Ignored(_) = outcome {
        tracing::warn!(job_id = %id, "public application with the honeypot filled; answered as a success, nothing stored");
    }
    Ok((StatusCode::CREATED, Json(PublicApplyResponse { application_id: outcome.id().0 })))
}
