//! The API Gateway WebSocket in the cloud: one Lambda per socket route
//! (`crate::sockets`). API Gateway holds the sockets; the registry
//! (`ws_connections`) says who is behind each one and what it listens on, and
//! answers go back through the management API ([`ApiGatewayPush`]).
//!
//! The protocol is the local `GET /ws`'s ([`crate::socket`]): the same token
//! forms, frames and answers. What differs is what a Lambda cannot do: it
//! cannot write to a connection that `$connect` has not accepted yet (so no
//! `subscribed` greeting), nor keep a timer (an expired token stops events at
//! once and is refused at the connection's next frame).

use super::telemetry;
use crate::config::Config;
use crate::http::ApiError;
use crate::socket::frames::{self, codes, ClientFrame, MAX_CHANNELS, MAX_MESSAGE_BYTES};
use crate::socket::{actions, subscribe, token};
use crate::sockets::{self, SocketEvent};
use crate::state::AppState;
use aws_lambda_events::encodings::Body;
use aws_lambda_events::event::apigw::{ApiGatewayProxyResponse, ApiGatewayWebsocketProxyRequest};
use axum::http::{HeaderValue, StatusCode};
use axum::response::IntoResponse;
use chrono::Utc;
use hireops_adapters::apigw_push::ApiGatewayPush;
use hireops_adapters::mysql::{SubscribeOutcome, WsConnection};
use hireops_domain::audit::RequestMeta;
use hireops_domain::identity::Principal;
use lambda_runtime::{service_fn, LambdaEvent};
use serde_json::Value;

type Error = lambda_runtime::Error;

/// Serve one socket route behind the API Gateway WebSocket.
pub fn run_socket(name: &'static str) -> Result<(), Error> {
    super::lambda::runtime()?.block_on(async move {
        telemetry::init(true);
        let route = sockets::all().into_iter().find(|s| s.name == name).ok_or_else(|| format!("no socket route named {name}"))?;
        let state = AppState::build(Config::from_env()?).await?;
        let push = state.websocket.clone().ok_or("the WebSocket functions need REALTIME_PUSH=apigateway and WEBSOCKET_MANAGEMENT_URL")?;
        let (state, push, event) = (&state, push.as_ref(), route.event);
        lambda_runtime::run(service_fn(move |invocation: LambdaEvent<ApiGatewayWebsocketProxyRequest>| async move {
            Ok::<_, Error>(handle(event, state, push, invocation.payload).await)
        }))
        .await
    })
}

/// One socket event, whichever route it came by.
pub async fn handle(event: SocketEvent, state: &AppState, push: &ApiGatewayPush, request: ApiGatewayWebsocketProxyRequest) -> ApiGatewayProxyResponse {
    match event {
        SocketEvent::Connect => connect(state, push, request).await,
        SocketEvent::Disconnect => disconnect(push, request).await,
        SocketEvent::Message => message(state, push, request).await,
    }
}

/// `$connect`: the handshake's access token, checked as for `GET /ws`; a
/// non-2xx answer refuses the connection.
pub async fn connect(state: &AppState, push: &ApiGatewayPush, request: ApiGatewayWebsocketProxyRequest) -> ApiGatewayProxyResponse {
    let Some(connection_id) = request.request_context.connection_id.clone() else { return status(StatusCode::BAD_REQUEST) };
    let query_token = request.query_string_parameters.first("access_token");
    let Some((token, via_protocol)) = token::handshake_token(query_token, &request.headers) else {
        return problem(ApiError::new(StatusCode::UNAUTHORIZED, "authentication_required")).await;
    };
    let (principal, expires_at) = match state.auth.authenticate_until(&token).await {
        Ok(found) => found,
        Err(e) => return problem(e.into()).await,
    };
    let connection = WsConnection { connection_id, user_id: principal.user_id, session: principal.session, expires_at };
    if let Err(e) = push.connections().register(&connection, Utc::now()).await {
        return problem(e.into()).await;
    }
    let mut response = status(StatusCode::OK);
    if via_protocol {
        // Browsers drop a connection whose answer does not select the subprotocol they offered.
        response.headers.insert("sec-websocket-protocol", HeaderValue::from_static("bearer"));
    }
    response
}

/// `$disconnect`: forget the connection (its subscriptions go with it).
pub async fn disconnect(push: &ApiGatewayPush, request: ApiGatewayWebsocketProxyRequest) -> ApiGatewayProxyResponse {
    let Some(connection_id) = request.request_context.connection_id.as_deref() else { return status(StatusCode::BAD_REQUEST) };
    match push.connections().remove(connection_id).await {
        Ok(_) => status(StatusCode::OK),
        Err(e) => problem(e.into()).await,
    }
}

/// `$default`: one client frame, answered through the management API.
pub async fn message(state: &AppState, push: &ApiGatewayPush, request: ApiGatewayWebsocketProxyRequest) -> ApiGatewayProxyResponse {
    let Some(connection_id) = request.request_context.connection_id.clone() else { return status(StatusCode::BAD_REQUEST) };
    let connection = match push.connections().find(&connection_id).await {
        Ok(Some(connection)) => connection,
        // Registered connections only: one we do not know is closed.
        Ok(None) => {
            push.close(&connection_id).await;
            return status(StatusCode::OK);
        }
        Err(e) => {
            reply(push, &connection_id, &frames::error(codes::INTERNAL_ERROR, None)).await;
            return problem(e.into()).await;
        }
    };
    if connection.expires_at <= Utc::now() {
        reply(push, &connection_id, &frames::error(codes::TOKEN_EXPIRED, None)).await;
        push.close(&connection_id).await;
        return status(StatusCode::OK);
    }
    if request.is_base64_encoded {
        reply(push, &connection_id, &frames::error(codes::TEXT_FRAMES_ONLY, None)).await;
        return status(StatusCode::OK);
    }
    let text = request.body.as_deref().unwrap_or_default();
    if text.len() > MAX_MESSAGE_BYTES {
        // As the local socket does with an oversized message.
        push.close(&connection_id).await;
        return status(StatusCode::OK);
    }
    if let Some(answer) = answer(state, push, &connection, &meta_of(&request), text).await {
        reply(push, &connection_id, &answer).await;
    }
    status(StatusCode::OK)
}

/// A frame's answer, as `runtime::ws` gives it, with the subscriptions kept
/// in the registry instead of the process.
async fn answer(state: &AppState, push: &ApiGatewayPush, connection: &WsConnection, meta: &RequestMeta, text: &str) -> Option<Value> {
    let request = match frames::parse(text) {
        Ok(request) => request,
        Err(answer) => return Some(answer),
    };
    let registry = push.connections();
    match request {
        ClientFrame::Subscribe(channel) => {
            if let Err(answer) = subscribe::authorize(state, connection.user_id, channel).await {
                return Some(answer);
            }
            let name = channel.to_string();
            match registry.subscribe(&connection.connection_id, &channel, MAX_CHANNELS).await {
                Ok(SubscribeOutcome::Subscribed) => Some(frames::subscribed(&channel)),
                Ok(SubscribeOutcome::TooManyChannels) => Some(frames::error(codes::TOO_MANY_CHANNELS, Some(&name))),
                // Closed meanwhile: nobody left to answer.
                Ok(SubscribeOutcome::UnknownConnection) => None,
                Err(e) => {
                    tracing::warn!(error = ?e, channel = %name, "realtime: recording a subscription failed");
                    Some(frames::error(codes::SUBSCRIBE_FAILED, Some(&name)))
                }
            }
        }
        ClientFrame::Unsubscribe(channel) => match registry.unsubscribe(&connection.connection_id, &channel).await {
            Ok(()) => Some(frames::unsubscribed(&channel)),
            Err(e) => {
                tracing::warn!(error = ?e, %channel, "realtime: removing a subscription failed");
                Some(frames::error(codes::INTERNAL_ERROR, Some(&channel.to_string())))
            }
        },
        ClientFrame::Action(frame) => {
            let principal = match state.auth.principal_for(connection.user_id).await {
                // The caller on the session its token belongs to.
                Ok(principal) => Principal { session: connection.session, ..principal },
                Err(e) => {
                    tracing::warn!(error = ?e, "realtime: loading the connection's user failed");
                    return Some(frames::error(codes::INTERNAL_ERROR, None));
                }
            };
            actions::perform(state, &principal, meta, &frame).await
        }
    }
}

/// Who sent the frame, for audit rows, as the HTTP routes record it.
fn meta_of(request: &ApiGatewayWebsocketProxyRequest) -> RequestMeta {
    let context = &request.request_context;
    RequestMeta { ip: context.identity.source_ip.clone(), user_agent: context.identity.user_agent.clone(), request_id: context.request_id.clone() }
}

async fn reply(push: &ApiGatewayPush, connection_id: &str, frame: &Value) {
    push.send(connection_id, frame.to_string().as_bytes()).await;
}

fn status(code: StatusCode) -> ApiGatewayProxyResponse {
    let mut response = ApiGatewayProxyResponse::default();
    response.status_code = code.as_u16().into();
    response
}

/// The problem+json answer HTTP routes give for the same error.
async fn problem(error: ApiError) -> ApiGatewayProxyResponse {
    let (parts, body) = error.into_response().into_parts();
    let mut response = status(parts.status);
    response.headers = parts.headers;
    if let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await {
        response.body = Some(Body::Text(String::from_utf8_lossy(&bytes).into_owned()));
    }
    response
}
