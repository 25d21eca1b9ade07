//! `ApiGatewayPush` against a real database and a fake API Gateway
//! Management API (`hireops_tests::fake_apigw`).

use super::ws_registry::{connection, rows};
use chrono::{Duration, Utc};
use hireops_adapters::apigw_push::ApiGatewayPush;
use hireops_adapters::mysql::MySqlWsConnections;
use hireops_domain::ports::RealtimePush;
use hireops_domain::realtime::{Channel, NotificationCreated, RealtimeEvent};
use hireops_tests::fake_apigw::FakeManagementApi;
use hireops_tests::{unique_email, TestApp};
use serde_json::json;

/// A client of the fake management API, signed with dummy keys.
async fn push_to(fake: &FakeManagementApi, registry: MySqlWsConnections) -> ApiGatewayPush {
    let sdk = hireops_adapters::aws::sdk_config(None, "eu-west-1").await;
    let creds = aws_sdk_sqs::config::Credentials::new("AKIDTEST", "secret", None, None, "hireops-tests");
    let sdk = sdk.to_builder().credentials_provider(aws_sdk_sqs::config::SharedCredentialsProvider::new(creds)).build();
    ApiGatewayPush::new(&sdk, &fake.url, registry)
}

#[tokio::test]
async fn events_reach_exactly_the_subscribed_unexpired_connections_and_gone_ones_are_forgotten() {
    let app = TestApp::spawn().await;
    let fake = FakeManagementApi::start("live").await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let (me, other) = (app.create_user(&unique_email("me"), "recruiter", Some(acme)).await, app.create_user(&unique_email("other"), "recruiter", Some(acme)).await);
    let registry = MySqlWsConnections::new(app.pool.clone());
    let conversation = Channel::Conversation(uuid::Uuid::now_v7());
    registry.register(&connection("phone=", me, Duration::minutes(15)), Utc::now()).await.unwrap();
    registry.register(&connection("laptop=", me, Duration::minutes(15)), Utc::now()).await.unwrap();
    registry.register(&connection("stale=", me, -Duration::seconds(1)), Utc::now()).await.unwrap();
    registry.register(&connection("closed=", me, Duration::minutes(15)), Utc::now()).await.unwrap();
    registry.register(&connection("theirs=", other, Duration::minutes(15)), Utc::now()).await.unwrap();
    registry.subscribe("theirs=", &conversation, 32).await.unwrap();
    fake.mark_gone("closed=");
    let push = push_to(&fake, registry.clone()).await;

    let event = NotificationCreated { id: Some(uuid::Uuid::now_v7()), kind: "application.created".into(), title: "New application".into(), unread_count: 2 }.into_event(me, Utc::now());
    push.publish(Channel::User(me), event.clone()).await.expect("a push never fails for a connection");

    let requests = fake.requests();
    let mut reached: Vec<&str> = requests.iter().map(|r| r.connection_id.as_str()).collect();
    reached.sort();
    assert_eq!(reached, ["closed=", "laptop=", "phone="], "subscribed and unexpired only");
    for r in &requests {
        assert_eq!(r.stage, "live");
        assert_eq!(r.json(), serde_json::to_value(&event).unwrap(), "the envelope, as is");
        let auth = r.authorization.as_deref().expect("signed");
        assert!(auth.starts_with("AWS4-HMAC-SHA256 Credential=AKIDTEST/"), "{auth}");
        assert!(auth.contains("/eu-west-1/execute-api/aws4_request"), "SigV4 for execute-api: {auth}");
    }
    assert_eq!(rows(&app, "ws_connections", "closed=").await, 0, "a 410 connection is forgotten");
    assert_eq!(rows(&app, "ws_subscriptions", "closed=").await, 0);
    assert_eq!(rows(&app, "ws_connections", "phone=").await, 1);

    fake.clear();
    let nobody = Channel::Conversation(uuid::Uuid::now_v7());
    push.publish(nobody, RealtimeEvent::new("message.created", nobody, json!({}), Utc::now())).await.unwrap();
    assert!(fake.requests().is_empty(), "an unsubscribed channel reaches nobody");

    push.publish(conversation, RealtimeEvent::new("message.created", conversation, json!({"n": 1}), Utc::now())).await.unwrap();
    assert_eq!(fake.frames_to("theirs=").len(), 1);
    assert_eq!(fake.requests().len(), 1);
}
