//! Real time: `GET /ws` on two local servers sharing Redis, like two processes.

use futures_util::{SinkExt, StreamExt};
use hireops_adapters::security::{JwtCodec, JwtKeys};
use hireops_domain::events::{DomainEvent, EventEnvelope};
use hireops_domain::ids::{CompanyId, SessionFamilyId, UserId};
use hireops_domain::ports::AccessTokenCodec;
use crate::ws_support::{next_json, Socket};
use hireops_tests::{unique_email, TestApp};
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};

fn ws_url(base: &str, token: Option<&str>) -> String {
    let base = base.replacen("http://", "ws://", 1);
    match token {
        Some(t) => format!("{base}/ws?access_token={t}"),
        None => format!("{base}/ws"),
    }
}

/// Connect and wait for the socket's own channel to be live.
async fn connect(base: &str, token: &str, user: UserId) -> Socket {
    let (mut socket, _) = tokio_tungstenite::connect_async(ws_url(base, Some(token))).await.expect("upgrade");
    assert_eq!(next_json(&mut socket).await, json!({"type": "subscribed", "channel": format!("user:{}", user.0)}));
    socket
}

async fn upgrade_status(request: impl IntoClientRequest + Unpin) -> u16 {
    match tokio_tungstenite::connect_async(request).await {
        Err(WsError::Http(response)) => response.status().as_u16(),
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => 101,
    }
}

fn token_of(tokens: &Value) -> String {
    tokens["access_token"].as_str().expect("access token").to_string()
}

#[tokio::test]
async fn a_notification_reaches_its_recipients_on_both_processes_and_nobody_else() {
    let app = TestApp::spawn().await;
    let peer = app.spawn_peer().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let other = app.create_company("Other Staffing", "agency").await;
    let (creator, colleague, newbie, outsider) = (unique_email("creator"), unique_email("colleague"), unique_email("newbie"), unique_email("outsider"));
    let creator_id = app.create_user(&creator, "agency_admin", Some(acme)).await;
    let colleague_id = app.create_user(&colleague, "agency_admin", Some(acme)).await;
    let newbie_id = app.create_user(&newbie, "recruiter", Some(acme)).await;
    let outsider_id = app.create_user(&outsider, "recruiter", Some(other)).await;

    let mut newbie_ws = connect(&peer, &token_of(&app.sign_in(&newbie).await), newbie_id).await;
    let mut colleague_ws = connect(&app.base_url, &token_of(&app.sign_in_admin(&colleague).await), colleague_id).await;
    let mut outsider_ws = connect(&peer, &token_of(&app.sign_in(&outsider).await), outsider_id).await;

    // Process 1 handles the event; the newbie (on process 2) and the colleague (on process 1) hear of it.
    let created = EventEnvelope::new(DomainEvent::AccountCreated { user_id: newbie_id, company_id: Some::<CompanyId>(acme), created_by: Some(creator_id) }, chrono::Utc::now());
    assert_eq!(app.state.notifications.handle_event(&created).await.unwrap(), 2);

    for (socket, user) in [(&mut newbie_ws, newbie_id), (&mut colleague_ws, colleague_id)] {
        let event = next_json(socket).await;
        assert_eq!(event["type"], "notification.created", "{event}");
        assert_eq!(event["channel"], format!("user:{}", user.0));
        assert_eq!(event["data"]["unread_count"], 1);
        let (id, kind, title): (uuid::Uuid, String, String) = sqlx::query_as("SELECT id, kind, title FROM notifications WHERE user_id = ?")
            .bind(user.0)
            .fetch_one(&app.pool)
            .await
            .unwrap();
        assert_eq!(event["data"]["id"], id.to_string());
        assert_eq!(event["data"]["kind"], kind);
        assert_eq!(event["data"]["title"], title);
        assert!(event["at"].is_string());
    }

    // The outsider got nothing of that: the first event they see is their own.
    let own = EventEnvelope::new(DomainEvent::AccountCreated { user_id: outsider_id, company_id: Some::<CompanyId>(other), created_by: None }, chrono::Utc::now());
    assert_eq!(app.state.notifications.handle_event(&own).await.unwrap(), 1);
    let event = next_json(&mut outsider_ws).await;
    assert_eq!(event["channel"], format!("user:{}", outsider_id.0));
    assert_eq!(event["data"]["unread_count"], 1);

    // A second notification for the newbie counts two unread.
    let again = EventEnvelope::new(DomainEvent::AccountCreated { user_id: newbie_id, company_id: None, created_by: None }, chrono::Utc::now());
    app.state.notifications.handle_event(&again).await.unwrap();
    assert_eq!(next_json(&mut newbie_ws).await["data"]["unread_count"], 2);
}

#[tokio::test]
async fn the_upgrade_needs_a_valid_unexpired_access_token() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let email = unique_email("recruiter");
    let user = app.create_user(&email, "recruiter", Some(acme)).await;

    assert_eq!(upgrade_status(ws_url(&app.base_url, None)).await, 401, "no token");
    assert_eq!(upgrade_status(ws_url(&app.base_url, Some("not-a-token"))).await, 401, "garbage");
    let config = &app.state.config;
    let codec = JwtCodec::new(JwtKeys::from_pem(&config.jwt_key_id, &config.jwt_private_key_pem).unwrap(), &config.jwt_issuer, &config.jwt_audience);
    let past = chrono::Utc::now() - chrono::Duration::hours(1);
    let expired = codec.issue(user, SessionFamilyId::new(), past, past - chrono::Duration::minutes(15)).unwrap();
    assert_eq!(upgrade_status(ws_url(&app.base_url, Some(&expired))).await, 401, "expired");

    // The token may also come as the `bearer, <token>` subprotocol.
    let token = token_of(&app.sign_in(&email).await);
    let mut request = ws_url(&app.base_url, None).into_client_request().unwrap();
    request.headers_mut().insert("sec-websocket-protocol", format!("bearer, {token}").parse().unwrap());
    let (mut socket, response) = tokio_tungstenite::connect_async(request).await.expect("upgrade with the subprotocol");
    assert_eq!(response.headers()["sec-websocket-protocol"], "bearer");
    assert_eq!(next_json(&mut socket).await["channel"], format!("user:{}", user.0));
}

#[tokio::test]
async fn only_ones_own_channel_may_be_subscribed() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let (mine, theirs) = (unique_email("me"), unique_email("them"));
    let me = app.create_user(&mine, "recruiter", Some(acme)).await;
    let them = app.create_user(&theirs, "recruiter", Some(acme)).await;
    let mut socket = connect(&app.base_url, &token_of(&app.sign_in(&mine).await), me).await;

    let ask = |channel: String| Message::Text(json!({"type": "subscribe", "channel": channel}).to_string().into());
    socket.send(ask(format!("user:{}", them.0))).await.unwrap();
    assert_eq!(next_json(&mut socket).await, json!({"type": "error", "code": "channel_forbidden", "channel": format!("user:{}", them.0)}));
    socket.send(ask(format!("conversation:{}", uuid::Uuid::now_v7()))).await.unwrap();
    assert_eq!(next_json(&mut socket).await["code"], "channel_forbidden");
    // `join` names the conversation instead of its channel; the answer is the same.
    let conversation = uuid::Uuid::now_v7();
    socket.send(Message::Text(json!({"type": "join", "conversation_id": conversation}).to_string().into())).await.unwrap();
    assert_eq!(next_json(&mut socket).await, json!({"type": "error", "code": "channel_forbidden", "channel": format!("conversation:{conversation}")}));
    socket.send(ask("nonsense".into())).await.unwrap();
    assert_eq!(next_json(&mut socket).await["code"], "invalid_channel");
    socket.send(ask(format!("user:{}", me.0))).await.unwrap();
    assert_eq!(next_json(&mut socket).await, json!({"type": "subscribed", "channel": format!("user:{}", me.0)}));

    // Their notification does not reach me; mine does.
    let theirs_event = EventEnvelope::new(DomainEvent::AccountCreated { user_id: them, company_id: None, created_by: None }, chrono::Utc::now());
    app.state.notifications.handle_event(&theirs_event).await.unwrap();
    let mine_event = EventEnvelope::new(DomainEvent::AccountCreated { user_id: me, company_id: None, created_by: None }, chrono::Utc::now());
    app.state.notifications.handle_event(&mine_event).await.unwrap();
    let event = next_json(&mut socket).await;
    assert_eq!(event["channel"], format!("user:{}", me.0));
    assert_eq!(event["type"], "notification.created");
}

#[tokio::test]
async fn the_socket_closes_when_its_token_expires() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let email = unique_email("recruiter");
    let user = app.create_user(&email, "recruiter", Some(acme)).await;
    let config = &app.state.config;
    let codec = JwtCodec::new(JwtKeys::from_pem(&config.jwt_key_id, &config.jwt_private_key_pem).unwrap(), &config.jwt_issuer, &config.jwt_audience);
    // A live session's token, re-issued to expire in two seconds.
    let session = codec.verify(&token_of(&app.sign_in(&email).await), chrono::Utc::now()).expect("claims").session;
    let now = chrono::Utc::now();
    let short = codec.issue(user, session, now + chrono::Duration::seconds(2), now).unwrap();
    let mut socket = connect(&app.base_url, &short, user).await;
    let closed = loop {
        match tokio::time::timeout(Duration::from_secs(10), socket.next()).await.expect("closed within 10 s") {
            Some(Ok(Message::Close(frame))) => break frame,
            Some(Ok(_)) => continue,
            other => panic!("expected a close frame, got {other:?}"),
        }
    };
    let frame = closed.expect("a close frame with a reason");
    assert_eq!(frame.reason.as_str(), "token_expired");
}
