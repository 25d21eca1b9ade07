use crate::http::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller, ClientMeta, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::ids::{ApplicationId, ConversationId, UserId};
use hireops_domain::messaging::{ConversationScope, ConversationSummary, ConversationView, NewConversationInput, Participant};
use hireops_domain::DomainError;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct ParticipantView {
    pub id: Uuid,
    pub full_name: String,
    /// `candidate`, `recruiter`, `employer` or `super_admin`.
    pub role_family: String,
    /// Read receipt: the newest message this participant has read.
    pub last_read_message_id: Option<Uuid>,
    /// Delivery receipt: the newest message delivered to one of their sessions.
    pub last_delivered_message_id: Option<Uuid>,
}

pub(crate) fn participant(p: Participant) -> ParticipantView {
    ParticipantView {
        id: p.user_id.0,
        full_name: p.full_name,
        role_family: p.family.as_str().to_string(),
        last_read_message_id: p.last_read_message_id.map(|m| m.0),
        last_delivered_message_id: p.last_delivered_message_id.map(|m| m.0),
    }
}

#[derive(Serialize, ToSchema)]
pub struct LastMessage {
    pub id: Uuid,
    /// The first 200 characters, plain text.
    pub body: String,
    pub sender_id: Uuid,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct ConversationListItem {
    pub id: Uuid,
    pub subject: Option<String>,
    pub application_id: Option<Uuid>,
    pub participants: Vec<ParticipantView>,
    pub last_message: Option<LastMessage>,
    /// Messages of others after the caller's read receipt.
    pub unread_count: u64,
    pub last_message_at: Option<DateTime<Utc>>,
}

fn list_item(s: ConversationSummary) -> ConversationListItem {
    ConversationListItem {
        id: s.id.0,
        subject: s.subject,
        application_id: s.application_id.map(|a| a.0),
        participants: s.participants.into_iter().map(participant).collect(),
        last_message: s.last_message.map(|m| LastMessage { id: m.id.0, body: m.body, sender_id: m.sender_id.0, created_at: m.created_at }),
        unread_count: s.unread_count,
        last_message_at: s.last_message_at,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConversationDetails {
    pub id: Uuid,
    pub subject: Option<String>,
    pub application_id: Option<Uuid>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
    pub participants: Vec<ParticipantView>,
}

fn details(v: ConversationView) -> ConversationDetails {
    ConversationDetails {
        id: v.conversation.id.0,
        subject: v.conversation.subject,
        application_id: v.conversation.application_id.map(|a| a.0),
        created_by: v.conversation.created_by.0,
        created_at: v.conversation.created_at,
        participants: v.participants.into_iter().map(participant).collect(),
    }
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConversationFilters {
    /// `all` (default), `unread`, or `application` (needs `application_id`).
    pub scope: Option<String>,
    pub application_id: Option<Uuid>,
}

fn scope_of(f: &ConversationFilters) -> Result<ConversationScope, DomainError> {
    match (f.scope.as_deref().map(str::trim), f.application_id) {
        (None | Some("all"), _) => Ok(ConversationScope::All),
        (Some("unread"), _) => Ok(ConversationScope::Unread),
        (Some("application"), Some(app)) => Ok(ConversationScope::Application(ApplicationId(app))),
        (Some("application"), None) => Err(DomainError::field("application_id", "required", "name the application")),
        _ => Err(DomainError::field("scope", "invalid_scope", "must be `all`, `unread` or `application`")),
    }
}

/// The caller's conversations, most recently active first.
#[utoipa::path(get, path = "/api/messaging/conversations", tag = "messaging", security(("bearer" = [])), params(ConversationFilters, PageQuery),
    responses(
        (status = 200, body = Paginated<ConversationListItem>),
        (status = 422, description = "An unknown scope, or `application` without `application_id`", body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(filters): ApiQuery<ConversationFilters>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<ConversationListItem>>> {
    let scope = scope_of(&filters)?;
    Ok(Json(Paginated::from_page(state.messaging.list(&caller, scope, page.request()).await?, list_item)))
}

#[derive(Deserialize, ToSchema)]
pub struct CreateConversationRequest {
    /// 1 to 20 other users; the caller is added.
    pub participant_ids: Vec<Uuid>,
    /// At most 200 characters.
    pub subject: Option<String>,
    /// An application visible to the caller.
    pub application_id: Option<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// Start a conversation. Refused with 403 `messaging_pair_blocked` (candidate and
/// employer user) or `no_shared_context` (no shared job or application); refusals are audited.
#[utoipa::path(post, path = "/api/messaging/conversations", tag = "messaging", security(("bearer" = [])), request_body = CreateConversationRequest,
    responses(
        (status = 201, body = Created),
        (status = 422, description = "`participant_ids[i]` unknown or inactive, bad count, invisible `application_id`", body = crate::http::error::Problem),
    ))]
pub async fn create(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiJson(body): ApiJson<CreateConversationRequest>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let input = NewConversationInput {
        participant_ids: body.participant_ids.into_iter().map(UserId).collect(),
        subject: body.subject,
        application_id: body.application_id.map(ApplicationId),
    };
    let id = state.messaging.create(&caller, input, &meta).await?;
    Ok((StatusCode::CREATED, Json(Created { id: id.0 })))
}

/// One conversation (participants only).
#[utoipa::path(get, path = "/api/messaging/conversations/{id}", tag = "messaging", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Conversation id")),
    responses(
        (status = 200, body = ConversationDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
    ))]
pub async fn get(State(state): State<AppState>, Caller(caller): Caller, ApiPath(id): ApiPath<Uuid>) -> ApiResult<Json<ConversationDetails>> {
    Ok(Json(details(state.messaging.get(&caller, ConversationId(id)).await?)))
}

#[derive(Deserialize, ToSchema)]
pub struct AddParticipantsRequest {
    pub user_ids: Vec<Uuid>,
}

/// Add participants; each must be allowed to talk with every current participant. Audited.
#[utoipa::path(post, path = "/api/messaging/conversations/{id}/participants", tag = "messaging", security(("bearer" = [])),
    request_body = AddParticipantsRequest,
    params(("id" = Uuid, Path, description = "Conversation id")),
    responses(
        (status = 200, body = ConversationDetails),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, description = "`user_ids[i]` unknown or inactive, or too many people", body = crate::http::error::Problem),
    ))]
pub async fn add_participants(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<AddParticipantsRequest>,
) -> ApiResult<Json<ConversationDetails>> {
    let users: Vec<UserId> = body.user_ids.into_iter().map(UserId).collect();
    state.messaging.add_participants(&caller, ConversationId(id), &users, &meta).await?;
    Ok(Json(details(state.messaging.get(&caller, ConversationId(id)).await?)))
}
