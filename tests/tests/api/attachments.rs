//! Message attachments end to end against the real stack: presigned POST to
//! the S3 emulator, clamd, states pushed over the conversation's WebSocket,
//! downloads only when clean and only for participants, the external
//! scanner's service credential, and the scan consumer's batch reporting.

use crate::admin_support::{call, send};
use crate::messaging_support::{person, Person, CONVERSATIONS};
use crate::files::{hex, pdf_with, upload, zip_of, EICAR};
use crate::ws_support::{join, next_where, open_conversation};
use hireops_tests::TestApp;
use reqwest::Method;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};
use uuid::Uuid;

const ATTACHMENTS: &str = "/api/messaging/attachments";

async fn conversation(app: &TestApp, who: &Person, others: &[Uuid]) -> String {
    let (status, created) = send(app, Method::POST, CONVERSATIONS, &who.token, Some(json!({"participant_ids": others}))).await;
    assert_eq!(status, 201, "{created}");
    created["id"].as_str().unwrap().to_string()
}

async fn presign(app: &TestApp, who: &Person, conversation: &str, name: &str, ty: &str, size: usize) -> (u16, Value) {
    let body = json!({"file_name": name, "content_type": ty, "size": size});
    send(app, Method::POST, &format!("{CONVERSATIONS}/{conversation}/attachments/presign"), &who.token, Some(body)).await
}

/// Presign, POST the bytes to the emulator, confirm: the attachment id.
async fn attach(app: &TestApp, who: &Person, conversation: &str, name: &str, ty: &str, bytes: &[u8]) -> String {
    attach_declaring(app, who, conversation, name, ty, bytes, bytes.len()).await
}

/// The same, declaring `size` at the presign (a client may lie).
async fn attach_declaring(app: &TestApp, who: &Person, conversation: &str, name: &str, ty: &str, bytes: &[u8], size: usize) -> String {
    let (status, form) = presign(app, who, conversation, name, ty, size).await;
    assert_eq!(status, 201, "{form}");
    upload(app, &form, bytes, ty).await;
    let id = form["attachment_id"].as_str().unwrap().to_string();
    let (status, confirmed) = send(app, Method::POST, &format!("{ATTACHMENTS}/{id}/uploaded"), &who.token, None).await;
    assert_eq!(status, 200, "{confirmed}");
    assert_eq!(confirmed["status"], "pending");
    id
}

/// The attachment's status once the scan has ended (the app's worker scans).
async fn scanned(app: &TestApp, who: &Person, id: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let (status, details) = send(app, Method::GET, &format!("{ATTACHMENTS}/{id}"), &who.token, None).await;
        assert_eq!(status, 200, "{details}");
        if details["status"] != "pending" {
            return details;
        }
        assert!(Instant::now() < deadline, "attachment {id} still pending");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn status_of(frame: &Value, id: &str) -> Option<String> {
    (frame["type"] == "attachment.status_changed" && frame["data"]["id"] == id).then(|| frame["data"]["status"].as_str().unwrap().to_string())
}

#[tokio::test]
async fn attachments_are_scanned_live_and_only_clean_ones_are_served_to_participants() {
    let app = TestApp::spawn().await;
    let peer = app.spawn_peer().await;
    let agency = app.create_company("Attach Agency", "agency").await;
    let rival = app.create_company("Attach Rival", "agency").await;
    let alice = person(&app, "alice", "recruiter", Some(agency)).await;
    let bob = person(&app, "bob", "recruiter", Some(agency)).await;
    let carol = person(&app, "carol", "recruiter", Some(agency)).await;
    let mallory = person(&app, "mallory", "recruiter", Some(rival)).await;
    let cid = conversation(&app, &alice, &[bob.id]).await;
    // Bob watches from another process.
    let mut bob_ws = join(&peer, &cid, &bob.token, bob.id).await;

    let pdf = pdf_with("Offer letter");
    let clean = attach(&app, &alice, &cid, "offer letter.pdf", "application/pdf", &pdf).await;
    let infected = attach(&app, &alice, &cid, "eicar.txt", "text/plain", EICAR).await;
    let zipped = attach(&app, &alice, &cid, "bundle.zip", "application/zip", &zip_of(&[("readme.txt", b"hi"), ("eicar.com", EICAR)])).await;

    // Each goes pending, then to its verdict, live on the other process.
    for (id, verdict) in [(&clean, "clean"), (&infected, "infected"), (&zipped, "infected")] {
        let pending = next_where(&mut bob_ws, |f| status_of(f, id).as_deref() == Some("pending")).await;
        assert_eq!(pending["data"]["conversation_id"], cid.as_str());
        let done = next_where(&mut bob_ws, |f| status_of(f, id).is_some_and(|s| s != "pending")).await;
        assert_eq!(status_of(&done, id).as_deref(), Some(verdict), "{done}");
    }
    let details = scanned(&app, &bob, &clean).await;
    assert_eq!(details["sha256"], hex(&Sha256::digest(&pdf)));
    assert_eq!((details["size"].as_u64(), details["sniffed_type"].as_str()), (Some(pdf.len() as u64), Some("application/pdf")));
    assert!(scanned(&app, &bob, &zipped).await["scan_detail"].as_str().unwrap().to_uppercase().contains("EICAR"));

    // A message carries them; everyone sees the same attachment states.
    let (status, message) = send(
        &app,
        Method::POST,
        &format!("{CONVERSATIONS}/{cid}/messages"),
        &alice.token,
        Some(json!({"body": "", "attachment_ids": [clean]})),
    )
    .await;
    assert_eq!(status, 201, "{message}");
    assert_eq!((message["body"].as_str(), message["attachments"][0]["status"].as_str()), (Some(""), Some("clean")));
    let live = next_where(&mut bob_ws, |f| f["type"] == "message.created" && f["channel"] == format!("conversation:{cid}")).await;
    assert_eq!(live["data"], message, "the pushed message is the REST answer");
    let (_, listed) = send(&app, Method::GET, &format!("{CONVERSATIONS}/{cid}/messages"), &bob.token, None).await;
    assert_eq!(listed["items"][0], message);

    // Blocked files can't be sent, downloaded or seen by outsiders.
    let (status, problem) =
        send(&app, Method::POST, &format!("{CONVERSATIONS}/{cid}/messages"), &alice.token, Some(json!({"body": "x", "attachment_ids": [infected, clean]}))).await;
    assert_eq!(status, 422, "{problem}");
    let codes: Vec<(&str, &str)> = problem["errors"].as_array().unwrap().iter().map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap())).collect();
    assert_eq!(codes, [("attachment_ids[0]", "attachment_blocked"), ("attachment_ids[1]", "attachment_already_sent")]);

    let (status, link) = send(&app, Method::GET, &format!("{ATTACHMENTS}/{clean}/download"), &bob.token, None).await;
    assert_eq!(status, 200, "{link}");
    let got = app.http.get(link["url"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(got.status(), 200);
    let disposition = got.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment; filename=\"offer letter.pdf\""), "{disposition}");
    assert_eq!(got.bytes().await.unwrap().as_ref(), pdf.as_slice());
    for id in [&infected, &zipped] {
        let (status, problem) = send(&app, Method::GET, &format!("{ATTACHMENTS}/{id}/download"), &bob.token, None).await;
        assert_eq!((status, problem["code"].as_str()), (403, Some("file_blocked")));
    }
    let key: String = sqlx::query_scalar("SELECT object_key FROM stored_files WHERE id = ?").bind(Uuid::parse_str(&infected).unwrap()).fetch_one(&app.pool).await.unwrap();
    assert!(key.starts_with("quarantine/"), "{key}");

    // Not uploaded yet: not downloadable, not sendable.
    let (_, waiting) = presign(&app, &alice, &cid, "later.pdf", "application/pdf", 10).await;
    let waiting = waiting["attachment_id"].as_str().unwrap().to_string();
    let (status, problem) = send(&app, Method::GET, &format!("{ATTACHMENTS}/{waiting}/download"), &alice.token, None).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("file_not_clean")));
    let (status, problem) = send(&app, Method::POST, &format!("{ATTACHMENTS}/{waiting}/uploaded"), &alice.token, None).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("upload_missing")));
    let (status, problem) = send(&app, Method::POST, &format!("{ATTACHMENTS}/{waiting}/uploaded"), &bob.token, None).await;
    assert_eq!((status, problem["code"].as_str()), (403, Some("not_uploader")));

    // Outsiders: a colleague outside the conversation and another company see nothing, by any route.
    for stranger in [&carol, &mallory] {
        for path in [format!("{ATTACHMENTS}/{clean}"), format!("{ATTACHMENTS}/{clean}/download"), format!("/api/files/{clean}")] {
            let (status, _) = send(&app, Method::GET, &path, &stranger.token, None).await;
            assert_eq!(status, 404, "{path}");
        }
        let (status, _) = presign(&app, stranger, &cid, "x.pdf", "application/pdf", 10).await;
        assert_eq!(status, 404);
        assert_eq!(open_conversation(&app.base_url, &cid, &stranger.token).await.err(), Some(404));
    }
    // Attachments never show through the company file routes, even to the uploader.
    let (status, _) = send(&app, Method::GET, &format!("/api/files/{clean}"), &alice.token, None).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn sizes_types_and_lies_are_refused() {
    let app = TestApp::spawn_with(|c| c.message_attachment_max_bytes = 4096).await;
    let agency = app.create_company("Limits Agency", "agency").await;
    let alice = person(&app, "alice", "recruiter", Some(agency)).await;
    let bob = person(&app, "bob", "recruiter", Some(agency)).await;
    let cid = conversation(&app, &alice, &[bob.id]).await;

    let (status, problem) = presign(&app, &alice, &cid, "big.pdf", "application/pdf", 4097).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "size");
    for ty in ["text/html", "image/svg+xml", "application/x-msdownload"] {
        let (status, problem) = presign(&app, &alice, &cid, "page", ty, 10).await;
        assert_eq!((status, problem["errors"][0]["code"].as_str()), (422, Some("unsupported_type")), "{ty}");
    }
    assert_eq!(crate::admin_support::count(&app, "SELECT COUNT(*) FROM stored_files").await, 0, "nothing stored for refused presigns");

    // The POST policy pins the key, the declared type and the limit (S3 enforces it in the cloud).
    let (status, form) = presign(&app, &alice, &cid, "cv.pdf", "application/pdf", 100).await;
    assert_eq!(status, 201);
    assert_eq!(form["max_size"], 4096);
    let policy: Value = serde_json::from_slice(&base64_decode(form["fields"]["policy"].as_str().unwrap())).unwrap();
    let conditions = policy["conditions"].as_array().unwrap();
    assert!(conditions.contains(&json!(["content-length-range", 1, 4096])), "{policy}");
    assert!(conditions.contains(&json!(["eq", "$Content-Type", "application/pdf"])), "{policy}");
    assert!(conditions.contains(&json!(["eq", "$key", form["fields"]["key"]])), "{policy}");

    // The emulator does not enforce policies, so the scan does: too large, and lying types, are rejected.
    let big = attach_declaring(&app, &alice, &cid, "big.txt", "text/plain", &vec![b'a'; 5000], 100).await;
    let png_as_pdf = attach(&app, &alice, &cid, "photo.pdf", "application/pdf", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").await;
    let big = scanned(&app, &alice, &big).await;
    assert_eq!((big["status"].as_str(), big["scan_detail"].as_str()), (Some("rejected"), Some("too_large: over 4096 bytes")));
    let lie = scanned(&app, &alice, &png_as_pdf).await;
    assert_eq!(lie["status"], "rejected");
    assert_eq!(lie["scan_detail"], "type_mismatch: declared application/pdf, found image/png");
    let (status, problem) = send(&app, Method::GET, &format!("{ATTACHMENTS}/{}/download", lie["id"].as_str().unwrap()), &bob.token, None).await;
    assert_eq!((status, problem["code"].as_str()), (403, Some("file_blocked")));
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(s).expect("base64 policy")
}

#[tokio::test]
async fn an_external_scanner_reports_with_the_service_credential_only() {
    let app = TestApp::spawn_with_consumers(|c| c != hireops_functions::tasks::Consumer::FileScan).await;
    let credential = app.state.config.scan_service_token.clone().expect("a test credential");
    let agency = app.create_company("Scanner Agency", "agency").await;
    let alice = person(&app, "alice", "recruiter", Some(agency)).await;
    let bob = person(&app, "bob", "recruiter", Some(agency)).await;
    let cid = conversation(&app, &alice, &[bob.id]).await;
    let mut bob_ws = join(&app.base_url, &cid, &bob.token, bob.id).await;
    let pdf = pdf_with("scanned elsewhere");
    let id = attach(&app, &alice, &cid, "a.pdf", "application/pdf", &pdf).await;
    let path = format!("{ATTACHMENTS}/{id}/scan-complete");
    let clean = json!({"status": "clean", "size": pdf.len(), "sha256": hex(&Sha256::digest(&pdf)), "mime": "application/pdf"});

    // User tokens, a wrong credential and none at all are refused, and change nothing.
    for bearer in [Some(alice.token.as_str()), Some("not-the-credential-but-long-enough-000000"), None] {
        let r = call(&app, Method::POST, &path, bearer, Some(clean.clone())).await;
        assert_eq!(r.status().as_u16(), 401);
        let problem: Value = r.json().await.unwrap();
        assert_eq!(problem["code"], "service_credential_required");
    }
    assert_eq!(scanned_status(&app, &id).await, "pending");

    let (status, problem) = send(&app, Method::POST, &path, &credential, Some(json!({"status": "clean"}))).await;
    assert_eq!(status, 422, "{problem}");
    let fields: Vec<&str> = problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["size", "mime"]);
    let (status, _) = send(&app, Method::POST, &path, &credential, Some(json!({"status": "maybe"}))).await;
    assert_eq!(status, 422);

    let (status, answer) = send(&app, Method::POST, &path, &credential, Some(clean.clone())).await;
    assert_eq!((status, answer), (200, json!({"id": id, "status": "clean", "applied": true})));
    let pushed = next_where(&mut bob_ws, |f| status_of(f, &id).as_deref() == Some("clean")).await;
    assert_eq!(pushed["data"]["size"], pdf.len());
    // A repeated (or contradicting) report changes nothing.
    let (status, answer) = send(&app, Method::POST, &path, &credential, Some(json!({"status": "infected", "detail": "Late.Verdict"}))).await;
    assert_eq!((status, answer["status"].as_str(), answer["applied"].as_bool()), (200, Some("clean"), Some(false)));

    // The scanner's verdicts follow the same rules as ours: a virus is quarantined, a type lie rejected.
    let infected = attach(&app, &alice, &cid, "b.txt", "text/plain", b"payload").await;
    let (_, answer) = send(&app, Method::POST, &format!("{ATTACHMENTS}/{infected}/scan-complete"), &credential, Some(json!({"status": "infected", "detail": "Win.Test.EICAR_HDB-1"}))).await;
    assert_eq!(answer["status"], "infected");
    let key: String = sqlx::query_scalar("SELECT object_key FROM stored_files WHERE id = ?").bind(Uuid::parse_str(&infected).unwrap()).fetch_one(&app.pool).await.unwrap();
    assert!(key.starts_with("quarantine/"), "{key}");
    let lying = attach(&app, &alice, &cid, "c.pdf", "application/pdf", b"plain").await;
    let (_, answer) = send(&app, Method::POST, &format!("{ATTACHMENTS}/{lying}/scan-complete"), &credential, Some(json!({"status": "clean", "size": 5, "mime": "text/plain"}))).await;
    assert_eq!(answer["status"], "rejected");

    // Only attachments: unknown ids and other files are not found.
    let (status, _) = send(&app, Method::POST, &format!("{ATTACHMENTS}/{}/scan-complete", Uuid::now_v7()), &credential, Some(clean.clone())).await;
    assert_eq!(status, 404);
}

async fn scanned_status(app: &TestApp, id: &str) -> String {
    sqlx::query_scalar("SELECT virus_status FROM stored_files WHERE id = ?").bind(Uuid::parse_str(id).unwrap()).fetch_one(&app.pool).await.unwrap()
}

#[tokio::test]
async fn a_scan_batch_reports_only_its_failing_record() {
    use aws_lambda_events::event::sqs::{SqsEvent, SqsMessage};
    let app = TestApp::spawn_with_consumers(|c| c != hireops_functions::tasks::Consumer::FileScan).await;
    let agency = app.create_company("Batch Agency", "agency").await;
    let alice = person(&app, "alice", "recruiter", Some(agency)).await;
    let bob = person(&app, "bob", "recruiter", Some(agency)).await;
    let cid = conversation(&app, &alice, &[bob.id]).await;
    let good = attach(&app, &alice, &cid, "a.txt", "text/plain", b"fine words").await;
    let bad = attach(&app, &alice, &cid, "b.txt", "text/plain", EICAR).await;

    let record = |id: &str, body: String| {
        let mut m = SqsMessage::default();
        m.message_id = Some(id.to_string());
        m.body = Some(body);
        m
    };
    let mut event = SqsEvent::default();
    event.records = vec![
        record("m-good", json!({"file_id": good}).to_string()),
        record("m-garbage", "not a scan request".to_string()),
        record("m-virus", json!({"file_id": bad}).to_string()),
    ];
    let response = hireops_functions::tasks::handle_batch(hireops_functions::tasks::Consumer::FileScan, &app.state, event).await;
    let failed: Vec<&str> = response.batch_item_failures.iter().map(|f| f.item_identifier.as_str()).collect();
    assert_eq!(failed, ["m-garbage"]);
    assert_eq!(scanned_status(&app, &good).await, "clean");
    assert_eq!(scanned_status(&app, &bad).await, "infected");
}
