//! The API Gateway WebSocket's three handlers, driven as functions with the
//! events API Gateway sends them, on a real app whose push and answers go to
//! a fake API Gateway Management API.

use aws_lambda_events::event::apigw::{ApiGatewayProxyResponse, ApiGatewayWebsocketProxyRequest};
use chrono::{Duration, Utc};
use hireops_adapters::apigw_push::ApiGatewayPush;
use hireops_adapters::mysql::WsConnection;
use hireops_domain::events::{DomainEvent, EventEnvelope};
use hireops_domain::ids::{CompanyId, SessionFamilyId, UserId};
use hireops_functions::config::RealtimePushKind;
use hireops_functions::runtime::socket_lambda;
use hireops_tests::fake_apigw::FakeManagementApi;
use hireops_tests::{unique_email, TestApp};
use serde_json::{json, Value};
use std::sync::Arc;

/// An event as API Gateway delivers it to a WebSocket route's Lambda.
fn event(route_key: &str, connection_id: &str, query: Value, headers: Value, body: Option<&str>) -> ApiGatewayWebsocketProxyRequest {
    let event_type = match route_key {
        "$connect" => "CONNECT",
        "$disconnect" => "DISCONNECT",
        _ => "MESSAGE",
    };
    serde_json::from_value(json!({
        "headers": headers,
        "queryStringParameters": query,
        "requestContext": {
            "routeKey": route_key,
            "eventType": event_type,
            "messageDirection": "IN",
            "connectionId": connection_id,
            "requestId": format!("req-{}", uuid::Uuid::now_v7()),
            "apiId": "abc123",
            "stage": "live",
            "domainName": "abc123.execute-api.eu-west-1.amazonaws.com",
            "connectedAt": Utc::now().timestamp_millis(),
            "requestTimeEpoch": Utc::now().timestamp_millis(),
            "identity": {"sourceIp": "203.0.113.7", "userAgent": "test-client"}
        },
        "isBase64Encoded": false,
        "body": body
    }))
    .expect("a WebSocket proxy event")
}

fn connect_with_token(connection_id: &str, token: &str) -> ApiGatewayWebsocketProxyRequest {
    event("$connect", connection_id, json!({"access_token": token}), json!({"Host": "abc123.execute-api.eu-west-1.amazonaws.com"}), None)
}

fn frame(connection_id: &str, frame: Value) -> ApiGatewayWebsocketProxyRequest {
    event("$default", connection_id, Value::Null, json!({}), Some(&frame.to_string()))
}

struct Cloud {
    app: TestApp,
    fake: FakeManagementApi,
    push: Arc<ApiGatewayPush>,
}

impl Cloud {
    async fn start() -> Self {
        let fake = FakeManagementApi::start("live").await;
        let url = fake.url.clone();
        let app = TestApp::spawn_with(move |c| {
            c.realtime_push = RealtimePushKind::ApiGateway;
            c.websocket_management_url = Some(url);
        })
        .await;
        let push = app.state.websocket.clone().expect("REALTIME_PUSH=apigateway builds the WebSocket push");
        Self { app, fake, push }
    }

    async fn connect(&self, request: ApiGatewayWebsocketProxyRequest) -> ApiGatewayProxyResponse {
        socket_lambda::connect(&self.app.state, &self.push, request).await
    }

    async fn send(&self, connection_id: &str, body: Value) -> ApiGatewayProxyResponse {
        socket_lambda::message(&self.app.state, &self.push, frame(connection_id, body)).await
    }

    async fn disconnect(&self, connection_id: &str) -> ApiGatewayProxyResponse {
        socket_lambda::disconnect(&self.push, event("$disconnect", connection_id, Value::Null, json!({}), None)).await
    }

    async fn rows(&self, table: &str, connection_id: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE connection_id = ?")).bind(connection_id).fetch_one(&self.app.pool).await.unwrap()
    }

    async fn signed_in(&self, tag: &str) -> (UserId, String) {
        let acme = self.app.create_company(&format!("{tag} Staffing"), "agency").await;
        let email = unique_email(tag);
        let user = self.app.create_user(&email, "recruiter", Some(acme)).await;
        let tokens = self.app.sign_in(&email).await;
        (user, tokens["access_token"].as_str().expect("access token").to_string())
    }
}

#[tokio::test]
async fn connect_authenticates_and_registers_and_disconnect_forgets() {
    let cloud = Cloud::start().await;
    let (user, token) = cloud.signed_in("me").await;

    let refused = cloud.connect(connect_with_token("bad=", "not-a-token")).await;
    assert_eq!(refused.status_code, 401, "a bad token refuses the connection");
    assert_eq!(cloud.rows("ws_connections", "bad=").await, 0);
    let anonymous = cloud.connect(event("$connect", "anon=", Value::Null, json!({}), None)).await;
    assert_eq!(anonymous.status_code, 401);
    assert_eq!(cloud.rows("ws_connections", "anon=").await, 0);

    let accepted = cloud.connect(connect_with_token("conn-A=", &token)).await;
    assert_eq!(accepted.status_code, 200);
    assert!(accepted.headers.get("sec-websocket-protocol").is_none(), "no subprotocol asked, none selected");
    let (owner, expires_at): (uuid::Uuid, chrono::DateTime<Utc>) =
        sqlx::query_as("SELECT user_id, expires_at FROM ws_connections WHERE connection_id = 'conn-A='").fetch_one(&cloud.app.pool).await.expect("registered");
    assert_eq!(owner, user.0);
    assert!(expires_at > Utc::now(), "until the token's exp");
    let channels: Vec<String> = sqlx::query_scalar("SELECT channel FROM ws_subscriptions WHERE connection_id = 'conn-A='").fetch_all(&cloud.app.pool).await.unwrap();
    assert_eq!(channels, vec![format!("user:{}", user.0)], "listening on its own channel from the start");

    // The token may come as the `bearer, <token>` subprotocol; the answer selects `bearer`.
    let by_protocol = event("$connect", "conn-B=", Value::Null, json!({"Sec-WebSocket-Protocol": format!("bearer, {token}")}), None);
    let accepted = cloud.connect(by_protocol).await;
    assert_eq!(accepted.status_code, 200);
    assert_eq!(accepted.headers["sec-websocket-protocol"], "bearer");

    assert_eq!(cloud.disconnect("conn-A=").await.status_code, 200);
    assert_eq!(cloud.rows("ws_connections", "conn-A=").await, 0);
    assert_eq!(cloud.rows("ws_subscriptions", "conn-A=").await, 0);
    assert_eq!(cloud.rows("ws_connections", "conn-B=").await, 1, "only that connection");
}

#[tokio::test]
async fn frames_are_answered_like_the_local_socket_and_notifications_arrive() {
    let cloud = Cloud::start().await;
    let (me, token) = cloud.signed_in("me").await;
    let (them, _) = cloud.signed_in("them").await;
    assert_eq!(cloud.connect(connect_with_token("mine=", &token)).await.status_code, 200);

    // A conversation I am not in.
    let conversation = uuid::Uuid::now_v7();
    assert_eq!(cloud.send("mine=", json!({"type": "join", "conversation_id": conversation})).await.status_code, 200);
    assert_eq!(cloud.fake.frames_to("mine="), vec![json!({"type": "error", "code": "channel_forbidden", "channel": format!("conversation:{conversation}")})]);
    assert_eq!(cloud.rows("ws_subscriptions", "mine=").await, 1, "nothing recorded");

    cloud.fake.clear();
    cloud.send("mine=", json!({"type": "subscribe", "channel": format!("user:{}", them.0)})).await;
    cloud.send("mine=", json!({"type": "subscribe", "channel": "nonsense"})).await;
    cloud.send("mine=", json!({"type": "subscribe", "channel": format!("user:{}", me.0)})).await;
    cloud.send("mine=", json!({"type": "unsubscribe", "channel": format!("conversation:{conversation}")})).await;
    cloud.send("mine=", json!({"type": "no.such.action", "request_id": "r-1"})).await;
    let answers = cloud.fake.frames_to("mine=");
    assert_eq!(answers[0], json!({"type": "error", "code": "channel_forbidden", "channel": format!("user:{}", them.0)}));
    assert_eq!(answers[1], json!({"type": "error", "code": "invalid_channel", "channel": "nonsense"}));
    assert_eq!(answers[2], json!({"type": "subscribed", "channel": format!("user:{}", me.0)}));
    assert_eq!(answers[3], json!({"type": "unsubscribed", "channel": format!("conversation:{conversation}")}));
    assert_eq!((answers[4]["type"].as_str(), answers[4]["request_id"].as_str()), (Some("error"), Some("r-1")), "other frames are the actions' to answer: {}", answers[4]);
    assert_eq!(answers.len(), 5);

    // A notification recorded by the events consumer is pushed through state.realtime to my connection only.
    cloud.fake.clear();
    let created = EventEnvelope::new(DomainEvent::AccountCreated { user_id: me, company_id: None::<CompanyId>, created_by: None }, Utc::now());
    assert_eq!(cloud.app.state.notifications.handle_event(&created).await.unwrap(), 1);
    let pushed = cloud.fake.wait_for_frame("mine=", |f| f["type"] == "notification.created").await;
    assert_eq!(pushed["channel"], format!("user:{}", me.0));
    assert_eq!(pushed["data"]["unread_count"], 1);
    let id: uuid::Uuid = sqlx::query_scalar("SELECT id FROM notifications WHERE user_id = ?").bind(me.0).fetch_one(&cloud.app.pool).await.unwrap();
    assert_eq!(pushed["data"]["id"], id.to_string());
    assert!(cloud.fake.requests().iter().all(|r| r.connection_id == "mine="));
}

#[tokio::test]
async fn an_expired_connection_is_told_and_closed_at_its_next_frame() {
    let cloud = Cloud::start().await;
    let (me, _) = cloud.signed_in("me").await;
    let expired = WsConnection { connection_id: "old=".into(), user_id: me, session: SessionFamilyId::new(), expires_at: Utc::now() - Duration::seconds(1) };
    cloud.push.connections().register(&expired, Utc::now()).await.unwrap();

    cloud.send("old=", json!({"type": "subscribe", "channel": format!("user:{}", me.0)})).await;
    assert_eq!(cloud.fake.frames_to("old="), vec![json!({"type": "error", "code": "token_expired", "channel": null})]);
    assert_eq!(cloud.fake.deleted(), vec!["old=".to_string()], "closed through the management API");
    assert_eq!(cloud.rows("ws_connections", "old=").await, 0);

    // A connection we never registered is closed too.
    cloud.send("stranger=", json!({"type": "subscribe", "channel": format!("user:{}", me.0)})).await;
    assert!(cloud.fake.frames_to("stranger=").is_empty());
    assert!(cloud.fake.deleted().contains(&"stranger=".to_string()));
}
