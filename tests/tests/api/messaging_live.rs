//! Live messaging over WebSockets on two `local` processes sharing Redis:
//! messages sent over REST or the socket reach every open session of every
//! participant, typing and receipts travel, outsiders can't join, and the
//! blocked pair can't talk over the socket either.

use crate::admin_support::{count, send};
use crate::messaging_support::{person, personal_profile, share_job, Person, CONVERSATIONS};
use crate::recruiting_support::{insert_application, insert_job};
use crate::ws_support::{join, next_json, next_of, next_where, open_conversation, quiet_about, send_json};
use hireops_domain::identity::CompanyType;
use hireops_tests::TestApp;
use reqwest::Method;
use serde_json::{json, Value};
use std::time::Duration;
use uuid::Uuid;

fn on_thread(cid: &str) -> impl Fn(&Value) -> bool + '_ {
    move |f: &Value| f["channel"] == format!("conversation:{cid}")
}

#[tokio::test]
async fn two_users_on_two_processes_see_messages_typing_and_receipts() {
    let app = TestApp::spawn().await;
    let peer = app.spawn_peer().await;
    let agency = app.create_company("Live Agency", "agency").await;
    let employer = app.create_company("Live Employer", "employer").await;
    let recruiter = person(&app, "rec", "recruiter", Some(agency)).await;
    let hiring = person(&app, "hm", "hiring_manager", Some(employer)).await;
    // The bridge: the employer shared a job with the agency.
    let job = insert_job(&app, employer, CompanyType::Employer, hiring.id, "Live role").await;
    share_job(&app, job.id, agency, hiring.id).await;
    let (status, created) = send(&app, Method::POST, CONVERSATIONS, &recruiter.token, Some(json!({"participant_ids": [hiring.id]}))).await;
    assert_eq!(status, 201, "{created}");
    let cid = created["id"].as_str().unwrap().to_string();

    // The recruiter has two sessions (one per process); the manager one, on the peer.
    let mut rec_a = join(&app.base_url, &cid, &recruiter.token, recruiter.id).await;
    let mut rec_b = join(&peer, &cid, &recruiter.token, recruiter.id).await;
    let mut hm = join(&peer, &cid, &hiring.token, hiring.id).await;

    // Over the socket: the sender gets `message.sent`, every session `message.created`.
    send_json(&mut rec_a, json!({"type": "message.send", "body": "Shortlist attached <b>soon</b>", "request_id": "r1"})).await;
    let sent = next_of(&mut rec_a, "message.sent").await;
    assert_eq!(sent["request_id"], "r1");
    let message = sent["message"].clone();
    assert_eq!(message["body"], "Shortlist attached <b>soon</b>", "plain text, untouched");
    for socket in [&mut rec_a, &mut rec_b, &mut hm] {
        let created = next_where(socket, |f| f["type"] == "message.created" && on_thread(&cid)(f)).await;
        assert_eq!(created["data"], message);
    }
    // Over REST: the same.
    let (status, rest) = send(&app, Method::POST, &format!("{CONVERSATIONS}/{cid}/messages"), &hiring.token, Some(json!({"body": "Thanks!"}))).await;
    assert_eq!(status, 201);
    for socket in [&mut rec_a, &mut rec_b, &mut hm] {
        let created = next_where(socket, |f| f["type"] == "message.created" && on_thread(&cid)(f)).await;
        assert_eq!(created["data"], rest);
    }

    // Typing, from the peer to the first process.
    send_json(&mut hm, json!({"type": "typing.start"})).await;
    let typing = next_of(&mut rec_a, "typing.started").await;
    assert_eq!(typing["data"], json!({"conversation_id": cid, "user_id": hiring.id}));
    send_json(&mut hm, json!({"type": "typing.stop", "conversation_id": cid})).await;
    assert_eq!(next_of(&mut rec_a, "typing.stopped").await["data"]["user_id"], hiring.id.to_string());

    // Receipts: delivered, then read; each pushed once, and stored.
    let first = message["id"].as_str().unwrap();
    send_json(&mut hm, json!({"type": "message.delivered", "message_id": first})).await;
    let delivered = next_of(&mut rec_b, "message.delivered").await;
    assert_eq!((delivered["data"]["user_id"].as_str(), delivered["data"]["message_id"].as_str()), (Some(hiring.id.to_string().as_str()), Some(first)));
    send_json(&mut hm, json!({"type": "message.delivered", "message_id": first})).await;
    send_json(&mut hm, json!({"type": "message.read", "message_id": first})).await;
    // The repeated delivery receipt did not move, so nothing was pushed before the read.
    let read = loop {
        let frame = next_json(&mut rec_b).await;
        assert_ne!(frame["type"], "message.delivered", "a receipt that did not move is not pushed: {frame}");
        if frame["type"] == "message.read" {
            break frame;
        }
    };
    assert_eq!(read["data"]["message_id"], first);
    assert_eq!(next_of(&mut rec_a, "message.read").await["data"]["message_id"], first);
    let (_, view) = send(&app, Method::GET, &format!("{CONVERSATIONS}/{cid}"), &recruiter.token, None).await;
    let manager = view["participants"].as_array().unwrap().iter().find(|p| p["id"] == hiring.id.to_string()).unwrap().clone();
    assert_eq!((manager["last_read_message_id"].as_str(), manager["last_delivered_message_id"].as_str()), (Some(first), Some(first)));
    // A read over REST moves both receipts and is pushed too.
    let (status, _) = send(&app, Method::POST, &format!("{CONVERSATIONS}/{cid}/read"), &recruiter.token, Some(json!({"message_id": rest["id"]}))).await;
    assert_eq!(status, 204);
    let read = next_where(&mut hm, |f| f["type"] == "message.read" && f["data"]["user_id"] == recruiter.id.to_string()).await;
    assert_eq!(read["data"]["message_id"], rest["id"]);

    // Socket errors answer the REST codes.
    send_json(&mut rec_a, json!({"type": "message.send", "body": "", "request_id": "r2"})).await;
    let error = next_of(&mut rec_a, "error").await;
    assert_eq!((error["code"].as_str(), error["request_id"].as_str(), error["fields"][0]["field"].as_str()), (Some("validation_failed"), Some("r2"), Some("body")));
    send_json(&mut rec_a, json!({"type": "message.read", "message_id": Uuid::now_v7()})).await;
    assert_eq!(next_of(&mut rec_a, "error").await["fields"][0]["code"], "unknown_message");
    send_json(&mut rec_a, json!({"type": "dance"})).await;
    assert_eq!(next_of(&mut rec_a, "error").await["code"], "unknown_type");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM messages").await, 2);
}

#[tokio::test]
async fn outsiders_cannot_join_or_act_on_a_conversation() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Closed Agency", "agency").await;
    let alice = person(&app, "alice", "recruiter", Some(agency)).await;
    let bob = person(&app, "bob", "recruiter", Some(agency)).await;
    let eve = person(&app, "eve", "recruiter", Some(agency)).await;
    let (_, created) = send(&app, Method::POST, CONVERSATIONS, &alice.token, Some(json!({"participant_ids": [bob.id]}))).await;
    let cid = created["id"].as_str().unwrap().to_string();

    assert_eq!(open_conversation(&app.base_url, &cid, &eve.token).await.err(), Some(404));
    assert_eq!(open_conversation(&app.base_url, &Uuid::now_v7().to_string(), &alice.token).await.err(), Some(404));
    assert_eq!(open_conversation(&app.base_url, "not-an-id", &alice.token).await.err(), Some(404));
    assert_eq!(open_conversation(&app.base_url, &cid, "garbage").await.err(), Some(401));

    // On the general socket, Eve can neither listen nor act on it; Bob can listen.
    let mut eve_ws = join_general(&app, &eve).await;
    send_json(&mut eve_ws, json!({"type": "subscribe", "channel": format!("conversation:{cid}")})).await;
    assert_eq!(next_json(&mut eve_ws).await["code"], "channel_forbidden");
    send_json(&mut eve_ws, json!({"type": "message.send", "conversation_id": cid, "body": "let me in"})).await;
    assert_eq!(next_json(&mut eve_ws).await["code"], "not_found");
    send_json(&mut eve_ws, json!({"type": "typing.start", "conversation_id": cid})).await;
    assert_eq!(next_json(&mut eve_ws).await["code"], "not_found");
    let mut bob_ws = join_general(&app, &bob).await;
    send_json(&mut bob_ws, json!({"type": "subscribe", "channel": format!("conversation:{cid}")})).await;
    assert_eq!(next_json(&mut bob_ws).await["type"], "subscribed");
    let (status, _) = send(&app, Method::POST, &format!("{CONVERSATIONS}/{cid}/messages"), &alice.token, Some(json!({"body": "hi bob"}))).await;
    assert_eq!(status, 201);
    // Bob hears it on both his channels; Eve on neither.
    let first = next_of(&mut bob_ws, "message.created").await;
    let second = next_of(&mut bob_ws, "message.created").await;
    let mut channels = [first["channel"].as_str().unwrap().to_string(), second["channel"].as_str().unwrap().to_string()];
    channels.sort();
    assert_eq!(channels, [format!("conversation:{cid}"), format!("user:{}", bob.id)]);
    quiet_about(&mut eve_ws, "message.created", Duration::from_millis(500)).await;
    assert_eq!(count(&app, "SELECT COUNT(*) FROM messages").await, 1);
}

async fn join_general(app: &TestApp, who: &Person) -> crate::ws_support::Socket {
    let url = format!("{}/ws?access_token={}", app.base_url.replacen("http://", "ws://", 1), who.token);
    let (mut socket, _) = tokio_tungstenite::connect_async(url).await.expect("upgrade");
    assert_eq!(next_json(&mut socket).await["type"], "subscribed");
    socket
}

#[tokio::test]
async fn the_blocked_pair_cannot_talk_over_the_socket_or_through_attachments() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Block Agency", "agency").await;
    let employer = app.create_company("Block Employer", "employer").await;
    let recruiter = person(&app, "rec", "recruiter", Some(agency)).await;
    let hiring = person(&app, "hm", "hiring_manager", Some(employer)).await;
    let candidate = person(&app, "cand", "candidate", None).await;
    let job = insert_job(&app, employer, CompanyType::Employer, hiring.id, "Block role").await;
    share_job(&app, job.id, agency, hiring.id).await;
    let profile = personal_profile(&app, candidate.id).await;
    insert_application(&app, &job, profile, None, None).await;

    // An employer conversation a candidate was slipped into (by SQL, since no route allows it).
    let (_, created) = send(&app, Method::POST, CONVERSATIONS, &recruiter.token, Some(json!({"participant_ids": [hiring.id]}))).await;
    let cid = created["id"].as_str().unwrap().to_string();
    sqlx::query("INSERT INTO conversation_participants (conversation_id, user_id, joined_at) VALUES (?, ?, UTC_TIMESTAMP(6))")
        .bind(Uuid::parse_str(&cid).unwrap())
        .bind(candidate.id)
        .execute(&app.pool)
        .await
        .unwrap();

    // The candidate's socket may open (they are listed) but every act is refused.
    let mut socket = join(&app.base_url, &cid, &candidate.token, candidate.id).await;
    send_json(&mut socket, json!({"type": "message.send", "body": "hello employer", "request_id": "b1"})).await;
    let error = next_of(&mut socket, "error").await;
    assert_eq!((error["code"].as_str(), error["request_id"].as_str()), (Some("messaging_pair_blocked"), Some("b1")));
    // Nor can they upload into it.
    let (status, problem) = send(
        &app,
        Method::POST,
        &format!("{CONVERSATIONS}/{cid}/attachments/presign"),
        &candidate.token,
        Some(json!({"file_name": "cv.pdf", "content_type": "application/pdf", "size": 10})),
    )
    .await;
    assert_eq!((status, problem["code"].as_str()), (403, Some("messaging_pair_blocked")));
    // The employer can't send into it either while the candidate is there.
    let mut hm = join(&app.base_url, &cid, &hiring.token, hiring.id).await;
    send_json(&mut hm, json!({"type": "message.send", "body": "hello candidate"})).await;
    assert_eq!(next_of(&mut hm, "error").await["code"], "messaging_pair_blocked");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM messages").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM stored_files").await, 0);
    let audited = count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'messaging.blocked'").await;
    assert_eq!(audited, 3, "every refusal is audited");
}
