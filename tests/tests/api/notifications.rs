use hireops_domain::events::{DomainEvent, EventEnvelope};
use hireops_domain::ids::{CompanyId, UserId};
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

async fn call(app: &TestApp, method: Method, path: &str, token: Option<&str>, body: Option<Value>) -> reqwest::Response {
    let mut r = app.http.request(method, app.url(path));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    if let Some(b) = body {
        r = r.json(&b);
    }
    r.send().await.expect("request")
}

async fn count_of(app: &TestApp, email: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = ?")
        .bind(email)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    n
}

/// Wait until the events consumer has handled `events` events and both the
/// events and the mail queue are drained: every effect of those events has happened.
async fn settle(app: &TestApp, events: i64) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (done,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM processed_messages WHERE consumer = 'events'").fetch_one(&app.pool).await.unwrap();
        let mut pending = 0;
        for queue in [&app.mail_queue, &*app.state.events_queue] {
            let attrs = queue
                .client()
                .get_queue_attributes()
                .queue_url(queue.url())
                .attribute_names(aws_sdk_sqs::types::QueueAttributeName::ApproximateNumberOfMessages)
                .attribute_names(aws_sdk_sqs::types::QueueAttributeName::ApproximateNumberOfMessagesNotVisible)
                .send()
                .await
                .unwrap();
            pending += attrs.attributes().map(|a| a.values().filter_map(|v| v.parse::<i64>().ok()).sum::<i64>()).unwrap_or(0);
        }
        if done >= events && pending == 0 {
            return;
        }
        assert!(Instant::now() < deadline, "events handled {done}/{events}, mail pending {pending}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn reset_mails(app: &TestApp, email: &str) -> usize {
    app.mail.messages_to(email).await.iter().filter(|m| m.subject.starts_with("Password reset request")).count()
}

#[tokio::test]
async fn reset_requests_reach_the_approvers_feed_through_the_queue() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let other = app.create_company("Other Agency", "agency").await;
    let admin = unique_email("admin");
    let stranger = unique_email("stranger");
    app.create_user(&admin, "agency_admin", Some(acme)).await;
    app.create_user(&stranger, "agency_admin", Some(other)).await;
    let mut recruiters = vec![];
    for _ in 0..3 {
        let r = unique_email("rec");
        app.create_user(&r, "recruiter", Some(acme)).await;
        assert_eq!(app.post_json("/api/auth/password-reset/request", json!({"email": r})).await.status(), 202);
        recruiters.push(r);
    }
    settle(&app, 3).await;
    assert_eq!(count_of(&app, &admin).await, 3);
    assert_eq!(count_of(&app, &stranger).await, 0);
    assert_eq!(reset_mails(&app, &admin).await, 3, "approvers email by default");

    let token = app.sign_in_admin(&admin).await["access_token"].as_str().unwrap().to_string();
    let count: Value = call(&app, Method::GET, "/api/notifications/unread-count", Some(&token), None).await.json().await.unwrap();
    assert_eq!(count, json!({"count": 3}));

    let page: Value = call(&app, Method::GET, "/api/notifications?per_page=2", Some(&token), None).await.json().await.unwrap();
    assert_eq!((page["total"].clone(), page["page"].clone(), page["per_page"].clone()), (json!(3), json!(1), json!(2)));
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["kind"], "password_reset.requested");
    assert_eq!(items[0]["link"], "/admin/password-resets");
    assert_eq!(items[0]["read_at"], Value::Null);
    assert!(items[0]["body"].as_str().unwrap().contains(&recruiters[2]), "newest first: {}", items[0]);
    let newest = items[0]["id"].as_str().unwrap().to_string();
    let page2: Value = call(&app, Method::GET, "/api/notifications?per_page=2&page=2", Some(&token), None).await.json().await.unwrap();
    assert_eq!(page2["items"].as_array().unwrap().len(), 1);

    // Reading the newest moves it behind the unread ones, but not in `newest` order.
    assert_eq!(call(&app, Method::POST, &format!("/api/notifications/{newest}/read"), Some(&token), None).await.status(), 204);
    assert_eq!(call(&app, Method::POST, &format!("/api/notifications/{newest}/read"), Some(&token), None).await.status(), 204, "again is fine");
    let unread_first: Value = call(&app, Method::GET, "/api/notifications", Some(&token), None).await.json().await.unwrap();
    assert_eq!(unread_first["items"][2]["id"], newest.as_str());
    assert!(unread_first["items"][2]["read_at"].is_string());
    let by_time: Value = call(&app, Method::GET, "/api/notifications?order=newest", Some(&token), None).await.json().await.unwrap();
    assert_eq!(by_time["items"][0]["id"], newest.as_str());
    let unread: Value = call(&app, Method::GET, "/api/notifications?unread_only=true", Some(&token), None).await.json().await.unwrap();
    assert_eq!(unread["total"], 2);
    assert_eq!(call(&app, Method::GET, "/api/notifications?order=oldest", Some(&token), None).await.status(), 422);

    // Someone else's notification, a made-up id and a malformed one.
    let stranger_token = app.sign_in_admin(&stranger).await["access_token"].as_str().unwrap().to_string();
    let other_id = unread["items"][0]["id"].as_str().unwrap();
    assert_eq!(call(&app, Method::POST, &format!("/api/notifications/{other_id}/read"), Some(&stranger_token), None).await.status(), 404);
    let theirs: Value = call(&app, Method::GET, "/api/notifications", Some(&stranger_token), None).await.json().await.unwrap();
    assert_eq!(theirs["total"], 0);
    assert_eq!(call(&app, Method::POST, &format!("/api/notifications/{}/read", uuid::Uuid::now_v7()), Some(&token), None).await.status(), 404);
    assert_eq!(call(&app, Method::POST, "/api/notifications/not-an-id/read", Some(&token), None).await.status(), 400);
    let count: Value = call(&app, Method::GET, "/api/notifications/unread-count", Some(&token), None).await.json().await.unwrap();
    assert_eq!(count["count"], 2, "the stranger's attempt changed nothing");

    let all: Value = call(&app, Method::POST, "/api/notifications/read-all", Some(&token), None).await.json().await.unwrap();
    assert_eq!(all, json!({"updated": 2}));
    let all: Value = call(&app, Method::POST, "/api/notifications/read-all", Some(&token), None).await.json().await.unwrap();
    assert_eq!(all, json!({"updated": 0}));
    let count: Value = call(&app, Method::GET, "/api/notifications/unread-count", Some(&token), None).await.json().await.unwrap();
    assert_eq!(count["count"], 0);
    for path in ["/api/notifications", "/api/notifications/unread-count", "/api/me/notification-preferences"] {
        assert_eq!(call(&app, Method::GET, path, None, None).await.status(), 401, "{path}");
    }
}

#[tokio::test]
async fn an_approver_who_turned_email_off_is_notified_in_the_app_only() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let quiet = unique_email("quiet");
    let loud = unique_email("loud");
    let recruiter = unique_email("rec");
    app.create_user(&quiet, "agency_admin", Some(acme)).await;
    app.create_user(&loud, "agency_admin", Some(acme)).await;
    app.create_user(&recruiter, "recruiter", Some(acme)).await;
    let token = app.sign_in_admin(&quiet).await["access_token"].as_str().unwrap().to_string();

    let prefs: Value = call(&app, Method::GET, "/api/me/notification-preferences", Some(&token), None).await.json().await.unwrap();
    let email_of = |p: &Value, kind: &str| p["items"].as_array().unwrap().iter().find(|i| i["kind"] == kind).unwrap()["email"].clone();
    assert_eq!(email_of(&prefs, "password_reset.requested"), true);
    assert_eq!(email_of(&prefs, "account.created"), false);
    assert!(prefs["items"][0]["description"].is_string());

    let bad = json!({"items": [{"kind": "password_reset.requested", "email": false}, {"kind": "jobs.nonsense", "email": true}]});
    let r = call(&app, Method::PUT, "/api/me/notification-preferences", Some(&token), Some(bad)).await;
    assert_eq!(r.status(), 422);
    assert_eq!(r.json::<Value>().await.unwrap()["errors"][0]["field"], "items[1].kind");
    let unchanged: Value = call(&app, Method::GET, "/api/me/notification-preferences", Some(&token), None).await.json().await.unwrap();
    assert_eq!(email_of(&unchanged, "password_reset.requested"), true, "nothing saved from a refused update");

    let r = call(&app, Method::PUT, "/api/me/notification-preferences", Some(&token), Some(json!({"items": [{"kind": "password_reset.requested", "email": false}]}))).await;
    assert_eq!(r.status(), 200);
    assert_eq!(email_of(&r.json().await.unwrap(), "password_reset.requested"), false);

    app.post_json("/api/auth/password-reset/request", json!({"email": recruiter})).await;
    settle(&app, 1).await;
    assert_eq!(count_of(&app, &quiet).await, 1);
    assert_eq!(count_of(&app, &loud).await, 1);
    assert_eq!(reset_mails(&app, &loud).await, 1);
    assert_eq!(reset_mails(&app, &quiet).await, 0);
}

#[tokio::test]
async fn a_new_account_is_announced_once_even_when_the_event_comes_again() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme Staffing", "agency").await;
    let creator = unique_email("creator");
    let colleague = unique_email("colleague");
    let newbie = unique_email("newbie");
    let creator_id = app.create_user(&creator, "agency_admin", Some(acme)).await;
    app.create_user(&colleague, "agency_admin", Some(acme)).await;
    let new_id: UserId = app.create_user(&newbie, "recruiter", Some(acme)).await;
    let envelope = EventEnvelope::new(
        DomainEvent::AccountCreated { user_id: new_id, company_id: Some::<CompanyId>(acme), created_by: Some(creator_id) },
        chrono::Utc::now(),
    );

    // Handled twice (a retry after a partial failure), then delivered twice by the queue.
    assert_eq!(app.state.notifications.handle_event(&envelope).await.unwrap(), 2);
    assert_eq!(app.state.notifications.handle_event(&envelope).await.unwrap(), 2);
    app.state.events.publish(envelope.clone()).await.unwrap();
    app.state.events.publish(envelope.clone()).await.unwrap();
    settle(&app, 1).await;

    assert_eq!(count_of(&app, &newbie).await, 1, "one welcome");
    assert_eq!(count_of(&app, &colleague).await, 1);
    assert_eq!(count_of(&app, &creator).await, 0, "the creator is not told of their own action");
    let (title,): (String,) = sqlx::query_as("SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = ?")
        .bind(&colleague)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(title, "New account created");
    // account.created does not email by default.
    assert!(app.mail.messages_to(&colleague).await.is_empty());
}
