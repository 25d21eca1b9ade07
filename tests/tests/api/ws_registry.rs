//! The cloud's WebSocket connection registry against a real database.

use chrono::{Duration, Utc};
use hireops_adapters::mysql::{MySqlWsConnections, SubscribeOutcome, WsConnection};
use hireops_domain::ids::{SessionFamilyId, UserId};
use hireops_domain::realtime::Channel;
use hireops_tests::{unique_email, TestApp};

pub fn connection(id: &str, user: UserId, ttl: Duration) -> WsConnection {
    WsConnection { connection_id: id.into(), user_id: user, session: SessionFamilyId::new(), expires_at: Utc::now() + ttl }
}

pub async fn rows(app: &TestApp, table: &str, connection_id: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE connection_id = ?")).bind(connection_id).fetch_one(&app.pool).await.unwrap()
}

#[tokio::test]
async fn the_registry_keeps_each_connections_channels_within_the_limit() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let user = app.create_user(&unique_email("me"), "recruiter", Some(acme)).await;
    let registry = MySqlWsConnections::new(app.pool.clone());
    let own = Channel::User(user);

    // Connection ids are case-sensitive: these are two connections.
    registry.register(&connection("AbC=", user, Duration::minutes(15)), Utc::now()).await.unwrap();
    registry.register(&connection("abc=", user, Duration::minutes(15)), Utc::now()).await.unwrap();
    assert_eq!(registry.channels_of("AbC=").await.unwrap(), vec![own.to_string()], "subscribed to its own channel at connect");
    let found = registry.find("AbC=").await.unwrap().expect("registered");
    assert_eq!(found.user_id, user);
    assert!(registry.find("ABC=").await.unwrap().is_none());

    let conversations: Vec<Channel> = (0..31).map(|_| Channel::Conversation(uuid::Uuid::now_v7())).collect();
    for c in &conversations {
        assert_eq!(registry.subscribe("AbC=", c, 32).await.unwrap(), SubscribeOutcome::Subscribed);
    }
    let one_more = Channel::Conversation(uuid::Uuid::now_v7());
    assert_eq!(registry.subscribe("AbC=", &one_more, 32).await.unwrap(), SubscribeOutcome::TooManyChannels);
    assert_eq!(registry.subscribe("AbC=", &conversations[0], 32).await.unwrap(), SubscribeOutcome::Subscribed, "again is fine");
    registry.unsubscribe("AbC=", &conversations[0]).await.unwrap();
    assert_eq!(registry.subscribe("AbC=", &one_more, 32).await.unwrap(), SubscribeOutcome::Subscribed);
    assert_eq!(registry.subscribe("nobody", &one_more, 32).await.unwrap(), SubscribeOutcome::UnknownConnection);
    assert_eq!(registry.connections_for(&one_more, Utc::now()).await.unwrap(), vec!["AbC=".to_string()]);

    assert!(registry.remove("AbC=").await.unwrap());
    assert!(!registry.remove("AbC=").await.unwrap());
    assert_eq!(rows(&app, "ws_subscriptions", "AbC=").await, 0, "subscriptions go with the connection");
    assert_eq!(registry.channels_of("abc=").await.unwrap(), vec![own.to_string()], "the other connection is untouched");

    // A row older than API Gateway lets any connection live is a missed $disconnect; the next connect clears it.
    sqlx::query("UPDATE ws_connections SET connected_at = ? WHERE connection_id = 'abc='").bind(Utc::now() - Duration::hours(3)).execute(&app.pool).await.unwrap();
    registry.register(&connection("fresh=", user, Duration::minutes(15)), Utc::now()).await.unwrap();
    assert!(registry.find("abc=").await.unwrap().is_none());
}
