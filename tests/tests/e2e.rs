//! End to end against a running `local` bin, as a client would use it.
//! `scripts/test` starts the bin and runs these with `--ignored`.

use hireops_tests::mail_catcher::MailCatcher;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is set by scripts/test"))
}

async fn wait_healthy(http: &reqwest::Client, base: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Ok(r) = http.get(format!("{base}/api/health")).send().await
            && r.status() == 200 {
                return r.json().await.unwrap();
            }
        assert!(Instant::now() < deadline, "the local bin never became healthy");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// POST the bytes to a presigned form, as a browser would: every field, then the file.
async fn upload_to_bucket(http: &reqwest::Client, form: &Value, name: &str, ty: &str, bytes: &[u8]) {
    let mut multipart = reqwest::multipart::Form::new();
    for (k, v) in form["fields"].as_object().expect("presigned fields") {
        multipart = multipart.text(k.clone(), v.as_str().expect("field value").to_string());
    }
    multipart = multipart.part("file", reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string()).mime_str(ty).unwrap());
    let stored = http.post(form["url"].as_str().expect("url")).multipart(multipart).send().await.unwrap();
    assert!(stored.status().is_success(), "upload to the bucket: {}", stored.status());
}

/// The next text frame of a socket, as JSON.
async fn next_frame(socket: &mut tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>) -> Value {
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(60), futures_util::StreamExt::next(socket)).await.expect("a frame within 60 s");
        if let tokio_tungstenite::tungstenite::Message::Text(text) = frame.expect("open").expect("frame") {
            return serde_json::from_str(text.as_str()).expect("json frame");
        }
    }
}

async fn post(http: &reqwest::Client, url: String, body: Value) -> Value {
    http.post(url).json(&body).send().await.expect("request").json().await.expect("json")
}

#[tokio::test]
#[ignore = "needs the running local bin; scripts/test runs it"]
async fn the_local_bin_serves_health_docs_admin_a_csv_import_a_hire_pipeline_and_live_messaging() {
    let base = var("E2E_BASE_URL");
    let http = reqwest::Client::new();
    let health = wait_healthy(&http, &base).await;
    assert_eq!(health["status"], "ok", "{health}");

    let docs = http.get(format!("{base}/api/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), 200);
    let openapi: Value = http.get(format!("{base}/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(openapi["info"]["title"], "HireOps API");

    // The bootstrapped super admin signs in with the emailed code, read from the mail catcher.
    let email = var("E2E_SUPERADMIN_EMAIL");
    let mail = MailCatcher::new(var("E2E_MAIL_CATCHER_URL"));
    let seen = mail.codes(&email).await.len();
    let first = post(&http, format!("{base}/api/auth/login"), json!({"email": email, "password": var("E2E_SUPERADMIN_PASSWORD")})).await;
    assert_eq!(first["require_2fa"], true, "{first}");
    let code = mail.wait_for_code(&email, seen).await;
    let tokens = post(&http, format!("{base}/api/auth/2fa/verify"), json!({"challenge_id": first["challenge_id"], "code": code})).await;
    let me: Value = http.get(format!("{base}/api/me")).bearer_auth(tokens["access_token"].as_str().unwrap()).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["roles"], json!(["super_admin"]));
    let root = tokens["access_token"].as_str().unwrap().to_string();

    // The super admin creates an agency and its admin, who activates the account.
    let run = uuid::Uuid::new_v4().simple().to_string();
    let company = http.post(format!("{base}/api/admin/companies")).bearer_auth(&root).json(&json!({"name": format!("E2E Agency {run}"), "type": "agency"})).send().await.unwrap();
    assert_eq!(company.status(), 201);
    let company: Value = company.json().await.unwrap();
    let admin_email = format!("e2e-admin-{run}@example.com");
    let created = http
        .post(format!("{base}/api/admin/users"))
        .bearer_auth(&root)
        .json(&json!({"email": admin_email, "full_name": "E2E Admin", "role": "agency_admin", "company_id": company["id"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let token = mail.wait_for_token(&admin_email, "activate").await;
    let password = "amber-quartz-violin-1987";
    let activated = http.post(format!("{base}/api/auth/activate")).json(&json!({"token": token, "password": password})).send().await.unwrap();
    assert_eq!(activated.status(), 204);

    // The company admin signs in (with a code) and imports users from CSV.
    let first = post(&http, format!("{base}/api/auth/login"), json!({"email": admin_email, "password": password})).await;
    assert_eq!(first["require_2fa"], true, "{first}");
    let code = mail.wait_for_code(&admin_email, 0).await;
    let tokens = post(&http, format!("{base}/api/auth/2fa/verify"), json!({"challenge_id": first["challenge_id"], "code": code})).await;
    let admin = tokens["access_token"].as_str().unwrap().to_string();
    let csv = format!("email,full_name,role\ne2e-a-{run}@example.com,Ann,recruiter\ne2e-b-{run}@example.com,Bob,sales\nbroken,Nobody,recruiter\n");
    let form = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(csv.into_bytes()).file_name("team.csv"));
    let upload = http.post(format!("{base}/api/admin/users/bulk")).bearer_auth(&admin).multipart(form).send().await.unwrap();
    assert_eq!(upload.status(), 202);
    let upload: Value = upload.json().await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let report = loop {
        let report: Value = http.get(format!("{base}/api/admin/users/bulk/{}", upload["import_id"].as_str().unwrap())).bearer_auth(&admin).send().await.unwrap().json().await.unwrap();
        if report["status"] == "completed" {
            break report;
        }
        assert!(Instant::now() < deadline, "the import never completed: {report}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    };
    assert_eq!((report["created"].as_u64(), report["failed"].as_u64()), (Some(2), Some(1)), "{report}");
    mail.wait_for_token(&format!("e2e-a-{run}@example.com"), "activate").await;

    // The admin's own welcome notification arrived through the events queue,
    // and the audit log shows the import.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let feed: Value = http.get(format!("{base}/api/notifications")).bearer_auth(&admin).send().await.unwrap().json().await.unwrap();
        if feed["items"].as_array().unwrap().iter().any(|n| n["kind"] == "account.created") {
            break;
        }
        assert!(Instant::now() < deadline, "no welcome notification: {feed}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let audit: Value = http.get(format!("{base}/api/admin/audit-logs?action=users.import")).bearer_auth(&admin).send().await.unwrap().json().await.unwrap();
    assert_eq!(audit["total"], 1, "{audit}");

    // Recruiting, end to end: the admin posts a requirement and publishes it;
    // a candidate uploads a resume through the presigned POST, clamd scans it,
    // the candidate applies on the public board; the admin moves the
    // application, its history records both steps, and search finds the
    // candidate by a word only the resume contains.
    let auth = |r: reqwest::RequestBuilder| r.bearer_auth(&admin);
    let job = auth(http.post(format!("{base}/api/jobs")))
        .json(&json!({"kind": "requirement", "title": "Rust Platform Engineer", "description": "Async Rust services.", "client_name": "Initech", "status": "open"}))
        .send()
        .await
        .unwrap();
    assert_eq!(job.status(), 201);
    let job: Value = job.json().await.unwrap();
    let job_id = job["id"].as_str().unwrap().to_string();
    assert_eq!(auth(http.post(format!("{base}/api/jobs/{job_id}/publish"))).send().await.unwrap().status(), 200);
    let board: Value = http.get(format!("{base}/api/public/jobs?q=platform")).send().await.unwrap().json().await.unwrap();
    assert!(board["items"].as_array().unwrap().iter().any(|j| j["id"] == job_id.as_str()), "{board}");
    assert!(board["items"][0].get("client_name").is_none(), "the board never shows the client");

    let resume = format!("Dana Scully\nSenior engineer: Rust, Kubernetes, zettabyte{run} pipelines.\n");
    let presign = post(
        &http,
        format!("{base}/api/public/jobs/{job_id}/resume-upload"),
        json!({"file_name": "dana.txt", "content_type": "text/plain", "size": resume.len()}),
    )
    .await;
    upload_to_bucket(&http, &presign, "dana.txt", "text/plain", resume.as_bytes()).await;
    let file_id = presign["file_id"].as_str().unwrap().to_string();
    let uploaded = http.post(format!("{base}/api/files/{file_id}/uploaded")).json(&json!({"upload_token": presign["upload_token"]})).send().await.unwrap();
    assert_eq!(uploaded.status(), 200);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let file: Value = auth(http.get(format!("{base}/api/files/{file_id}"))).send().await.unwrap().json().await.unwrap();
        if file["virus_status"] == "clean" {
            break;
        }
        assert!(Instant::now() < deadline, "clamd never cleared the resume: {file}");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let applied = http
        .post(format!("{base}/api/public/jobs/{job_id}/apply"))
        .json(&json!({"full_name": "Dana Scully", "email": format!("dana-{run}@example.com"), "resume_file_id": file_id, "website": ""}))
        .send()
        .await
        .unwrap();
    assert_eq!(applied.status(), 201);
    let application: Value = applied.json().await.unwrap();
    let application_id = application["application_id"].as_str().unwrap().to_string();

    let board: Value = auth(http.get(format!("{base}/api/jobs/{job_id}/pipeline"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(board["stages"][0]["count"], 1, "{board}");
    let next_stage = board["stages"][1]["id"].clone();
    let moved = auth(http.post(format!("{base}/api/applications/{application_id}/move")))
        .json(&json!({"to_stage_id": next_stage, "remarks": "Client wants an L1 this week"}))
        .send()
        .await
        .unwrap();
    assert_eq!(moved.status(), 200);
    let history: Value = auth(http.get(format!("{base}/api/applications/{application_id}/history"))).send().await.unwrap().json().await.unwrap();
    let steps: Vec<(Value, Value)> = history.as_array().unwrap().iter().map(|h| (h["to_stage"]["name"].clone(), h["remarks"].clone())).collect();
    assert_eq!(steps.len(), 2, "{history}");
    assert_eq!(steps[1], (board["stages"][1]["name"].clone(), json!("Client wants an L1 this week")));
    let found: Value = auth(http.get(format!("{base}/api/search?type=candidates&q=zettabyte{run}"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(found["items"][0]["title"], "Dana Scully", "the resume text is searchable: {found}");

    // Messaging, end to end: the admin and a new recruiter talk live over the
    // bin's WebSocket; attachments go through the presigned POST and clamd,
    // their states arrive live, and only the clean one downloads.
    let recruiter_email = format!("e2e-rec-{run}@example.com");
    let created = auth(http.post(format!("{base}/api/admin/users")))
        .json(&json!({"email": recruiter_email, "full_name": "E2E Recruiter", "role": "recruiter"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let recruiter_id = created.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let token = mail.wait_for_token(&recruiter_email, "activate").await;
    assert_eq!(http.post(format!("{base}/api/auth/activate")).json(&json!({"token": token, "password": password})).send().await.unwrap().status(), 204);
    let signed_in = post(&http, format!("{base}/api/auth/login"), json!({"email": recruiter_email, "password": password})).await;
    let recruiter = signed_in["access_token"].as_str().unwrap_or_else(|| panic!("recruiters sign in without a code: {signed_in}")).to_string();
    let conversation: Value = auth(http.post(format!("{base}/api/messaging/conversations")))
        .json(&json!({"participant_ids": [recruiter_id], "subject": "Initech shortlist"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let cid = conversation["id"].as_str().unwrap().to_string();
    let ws = base.replacen("http://", "ws://", 1);
    let (mut watcher, _) = tokio_tungstenite::connect_async(format!("{ws}/ws/conversations/{cid}?access_token={recruiter}")).await.expect("recruiter socket");
    let (mut sender, _) = tokio_tungstenite::connect_async(format!("{ws}/ws/conversations/{cid}?access_token={admin}")).await.expect("admin socket");
    for socket in [&mut watcher, &mut sender] {
        for _ in 0..2 {
            assert_eq!(next_frame(socket).await["type"], "subscribed");
        }
    }

    let eicar: &[u8] = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
    let zipped = {
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("eicar.com", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zip, eicar).unwrap();
        zip.finish().unwrap();
        out.into_inner()
    };
    let note = format!("Shortlist for Initech, run {run}\n");
    let mut verdicts = Vec::new();
    for (name, ty, bytes) in [("shortlist.txt", "text/plain", note.as_bytes()), ("eicar.txt", "text/plain", eicar), ("eicar.zip", "application/zip", zipped.as_slice())] {
        let form = auth(http.post(format!("{base}/api/messaging/conversations/{cid}/attachments/presign")))
            .json(&json!({"file_name": name, "content_type": ty, "size": bytes.len()}))
            .send()
            .await
            .unwrap();
        assert_eq!(form.status(), 201);
        let form: Value = form.json().await.unwrap();
        upload_to_bucket(&http, &form, name, ty, bytes).await;
        let id = form["attachment_id"].as_str().unwrap().to_string();
        assert_eq!(auth(http.post(format!("{base}/api/messaging/attachments/{id}/uploaded"))).send().await.unwrap().status(), 200);
        verdicts.push(id);
    }
    // The recruiter watches every state change live: pending, then the verdict.
    let mut finals = std::collections::HashMap::new();
    while finals.len() < 3 {
        let frame = next_frame(&mut watcher).await;
        if frame["type"] == "attachment.status_changed" && frame["data"]["status"] != "pending" {
            finals.insert(frame["data"]["id"].as_str().unwrap().to_string(), frame["data"]["status"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(
        [finals[&verdicts[0]].as_str(), finals[&verdicts[1]].as_str(), finals[&verdicts[2]].as_str()],
        ["clean", "infected", "infected"]
    );
    // The message with the clean file arrives live; only the clean file downloads.
    futures_util::SinkExt::send(
        &mut sender,
        tokio_tungstenite::tungstenite::Message::Text(json!({"type": "message.send", "body": "Shortlist attached", "attachment_ids": [verdicts[0]]}).to_string().into()),
    )
    .await
    .unwrap();
    let message = loop {
        let frame = next_frame(&mut watcher).await;
        if frame["type"] == "message.created" {
            break frame;
        }
    };
    assert_eq!(message["data"]["attachments"][0]["status"], "clean", "{message}");
    let link: Value = http.get(format!("{base}/api/messaging/attachments/{}/download", verdicts[0])).bearer_auth(&recruiter).send().await.unwrap().json().await.unwrap();
    let body = http.get(link["url"].as_str().unwrap()).send().await.unwrap().text().await.unwrap();
    assert_eq!(body, note);
    for blocked in &verdicts[1..] {
        let refused = http.get(format!("{base}/api/messaging/attachments/{blocked}/download")).bearer_auth(&recruiter).send().await.unwrap();
        assert_eq!(refused.status(), 403);
    }
    // Too large, or a type off the allow-list, is refused at the presign.
    for (ty, size) in [("application/pdf", 26 * 1024 * 1024), ("text/html", 10)] {
        let refused = auth(http.post(format!("{base}/api/messaging/conversations/{cid}/attachments/presign")))
            .json(&json!({"file_name": "x", "content_type": ty, "size": size}))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 422);
    }

    // Leave nothing behind: the run's database goes.
    use sqlx::migrate::MigrateDatabase;
    sqlx::MySql::drop_database(&var("E2E_DATABASE_URL")).await.expect("drop the e2e database");
}
