use crate::http::{ApiJson, ApiPath, ApiQuery, ApiResult, Caller, ClientMeta};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use hireops_domain::ids::{ConversationId, FileId, MessageId};
use hireops_domain::messaging::{AttachmentInfo, Message, NewMessageInput};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

/// A message as listed, answered and pushed live (`message.created` carries
/// exactly these fields).
#[derive(Serialize, ToSchema)]
pub struct MessageView {
    pub id: Uuid,
    pub conversation_id: Uuid,
    pub sender_id: Uuid,
    /// Plain text: render it as text, never as HTML. Empty when the message
    /// only carries attachments.
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub attachments: Vec<MessageAttachment>,
}

/// An attachment on a message; its `status` changes live
/// (`attachment.status_changed`) until the scan ends.
#[derive(Serialize, ToSchema)]
pub struct MessageAttachment {
    pub id: Uuid,
    pub file_name: String,
    pub content_type: String,
    /// Bytes, once the scan measured them.
    pub size: Option<u64>,
    /// `pending`, `clean`, `infected`, `rejected` or `error`; download only when `clean`.
    pub status: String,
}

fn attachment(a: AttachmentInfo) -> MessageAttachment {
    MessageAttachment { id: a.id.0, file_name: a.file_name, content_type: a.content_type, size: a.size, status: a.status.as_str().to_string() }
}

pub(crate) fn view(m: Message) -> MessageView {
    MessageView {
        id: m.id.0,
        conversation_id: m.conversation_id.0,
        sender_id: m.sender_id.0,
        body: m.body,
        created_at: m.created_at,
        attachments: m.attachments.into_iter().map(attachment).collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct MessagePageView {
    /// Newest first.
    pub items: Vec<MessageView>,
    /// Pass as `before` for older messages; null when there are none.
    pub next_before: Option<Uuid>,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MessageCursor {
    /// Only messages older than this message id.
    pub before: Option<Uuid>,
    /// 1 to 100 (default 50; larger values are capped).
    pub limit: Option<u32>,
}

/// A conversation's messages, newest first, by cursor.
#[utoipa::path(get, path = "/api/messaging/conversations/{id}/messages", tag = "messaging", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Conversation id"), MessageCursor),
    responses(
        (status = 200, body = MessagePageView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, description = "`limit` 0", body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(cursor): ApiQuery<MessageCursor>,
) -> ApiResult<Json<MessagePageView>> {
    let page = state.messaging.messages(&caller, ConversationId(id), cursor.before.map(MessageId), cursor.limit).await?;
    Ok(Json(MessagePageView { items: page.items.into_iter().map(view).collect(), next_before: page.next_before.map(|m| m.0) }))
}

#[derive(Deserialize, ToSchema)]
pub struct SendMessageRequest {
    /// Plain text, 1 to 5000 characters after trimming; control characters other
    /// than newline and tab are removed; NUL is refused. May be empty when
    /// `attachment_ids` are sent.
    #[serde(default)]
    pub body: String,
    /// Up to 10 attachments the sender uploaded into this conversation and
    /// confirmed (`pending` or `clean`; blocked ones are refused).
    #[serde(default)]
    pub attachment_ids: Vec<Uuid>,
}

impl SendMessageRequest {
    pub(crate) fn into_input(self) -> NewMessageInput {
        NewMessageInput { body: self.body, attachment_ids: self.attachment_ids.into_iter().map(FileId).collect() }
    }
}

/// Send a message. The messaging rules are re-checked against every participant.
#[utoipa::path(post, path = "/api/messaging/conversations/{id}/messages", tag = "messaging", security(("bearer" = [])),
    request_body = SendMessageRequest,
    params(("id" = Uuid, Path, description = "Conversation id")),
    responses(
        (status = 201, body = MessageView),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 403, description = "The messaging rules refuse this conversation, or the sender is inactive", body = crate::http::error::Problem),
        (status = 409, description = "`attachment_already_sent`: a concurrent message took an attachment", body = crate::http::error::Problem),
        (status = 422, description = "`body` empty, too long or containing NUL; an attachment unknown, already sent, not uploaded or blocked", body = crate::http::error::Problem),
    ))]
pub async fn send(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<SendMessageRequest>,
) -> ApiResult<(StatusCode, Json<MessageView>)> {
    let message = state.messaging.send(&caller, ConversationId(id), body.into_input(), &meta).await?;
    Ok((StatusCode::CREATED, Json(view(message))))
}

#[derive(Deserialize, ToSchema)]
pub struct ReadRequest {
    /// A message of this conversation; the receipt never moves back.
    pub message_id: Uuid,
}

/// Mark the conversation read up to a message.
#[utoipa::path(post, path = "/api/messaging/conversations/{id}/read", tag = "messaging", security(("bearer" = [])),
    request_body = ReadRequest,
    params(("id" = Uuid, Path, description = "Conversation id")),
    responses(
        (status = 204, description = "Receipt stored"),
        (status = 400, description = "Malformed id", body = crate::http::error::Problem),
        (status = 404, body = crate::http::error::Problem),
        (status = 422, description = "`message_id` is not a message of this conversation", body = crate::http::error::Problem),
    ))]
pub async fn read(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(body): ApiJson<ReadRequest>,
) -> ApiResult<StatusCode> {
    state.messaging.mark_read(&caller, ConversationId(id), MessageId(body.message_id)).await?;
    Ok(StatusCode::NO_CONTENT)
}
