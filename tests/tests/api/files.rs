//! Files: presigned POST uploads to the real S3 emulator, the clamd scan
//! (real clamd), quarantine, type checks, text extraction into candidate
//! search, metadata visibility and clean-only downloads.

use crate::admin_support::{call, send, tenant, token};
use crate::recruiting_support::{insert_application, insert_candidate, insert_job};
use hireops_domain::identity::CompanyType;
use hireops_domain::ids::CompanyId;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::time::{Duration, Instant};
use uuid::Uuid;

const PDF: &str = "application/pdf";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub(crate) const EICAR: &[u8] = br"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

/// A one-page PDF showing `text` (Helvetica), with a correct xref table.
pub(crate) fn pdf_with(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}

pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut out);
    for (name, data) in entries {
        w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
    out.into_inner()
}

/// A minimal DOCX with one paragraph.
fn docx_with(text: &str) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"#
    );
    zip_of(&[
        ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#),
        ("word/document.xml", doc.as_bytes()),
    ])
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn user_id(app: &TestApp, email: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM users WHERE email = ?").bind(email).fetch_one(&app.pool).await.expect("user id")
}

/// An open, published job of a fresh employer, and that employer's admin token.
async fn employer_job(app: &TestApp, name: &str) -> (Uuid, CompanyId, String) {
    let t = tenant(app, name, "employer").await;
    let creator = user_id(app, &t.admin_email).await;
    let job = insert_job(app, t.company, CompanyType::Employer, creator, "Platform Engineer").await;
    (job.id, t.company, t.admin_token)
}

async fn presign_resume(app: &TestApp, job: Uuid, name: &str, ty: &str, size: usize) -> (u16, Value) {
    let r = call(app, Method::POST, &format!("/api/public/jobs/{job}/resume-upload"), None, Some(json!({"file_name": name, "content_type": ty, "size": size}))).await;
    let status = r.status().as_u16();
    (status, r.json().await.expect("json"))
}

/// POST the bytes to the presigned form, as a browser would.
pub(crate) async fn upload(app: &TestApp, form: &Value, bytes: &[u8], ty: &str) {
    let mut multipart = reqwest::multipart::Form::new();
    for (k, v) in form["fields"].as_object().expect("fields") {
        multipart = multipart.text(k.clone(), v.as_str().expect("field value").to_string());
    }
    multipart = multipart.part("file", reqwest::multipart::Part::bytes(bytes.to_vec()).file_name("upload").mime_str(ty).unwrap());
    let r = app.http.post(form["url"].as_str().expect("url")).multipart(multipart).send().await.expect("upload");
    let status = r.status();
    assert!(status.is_success(), "upload answered {status}: {}", r.text().await.unwrap_or_default());
}

async fn confirm(app: &TestApp, form: &Value) -> (u16, Value) {
    let id = form["file_id"].as_str().unwrap();
    let r = call(app, Method::POST, &format!("/api/files/{id}/uploaded"), None, Some(json!({"upload_token": form["upload_token"]}))).await;
    let status = r.status().as_u16();
    (status, r.json().await.expect("json"))
}

/// The file's status once it left `awaiting_upload`/`pending` (the worker runs in the app).
async fn scanned(app: &TestApp, id: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let status: String = sqlx::query_scalar("SELECT virus_status FROM stored_files WHERE id = ?")
            .bind(Uuid::parse_str(id).unwrap())
            .fetch_one(&app.pool)
            .await
            .expect("file row");
        if status != "pending" && status != "awaiting_upload" {
            return status;
        }
        assert!(Instant::now() < deadline, "file {id} still {status}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn row(app: &TestApp, id: &str) -> (String, Option<u64>, Option<String>, Option<String>, Option<String>, String, Option<String>) {
    sqlx::query_as("SELECT virus_status, size, sha256, sniffed_type, extracted_text, object_key, scan_detail FROM stored_files WHERE id = ?")
        .bind(Uuid::parse_str(id).unwrap())
        .fetch_one(&app.pool)
        .await
        .expect("file row")
}

/// Presign, upload and confirm a resume for `job`; answers the presign.
async fn uploaded_resume(app: &TestApp, job: Uuid, name: &str, ty: &str, bytes: &[u8]) -> Value {
    let (status, form) = presign_resume(app, job, name, ty, bytes.len()).await;
    assert_eq!(status, 201, "{form}");
    upload(app, &form, bytes, ty).await;
    let (status, body) = confirm(app, &form).await;
    assert_eq!((status, body["virus_status"].as_str()), (200, Some("pending")), "{body}");
    form
}

#[tokio::test]
async fn resumes_are_scanned_clean_with_text_and_download_with_a_disposition() {
    let app = TestApp::spawn().await;
    let (job, company, admin) = employer_job(&app, "Files Clean Co").await;
    let pdf = pdf_with("Kubernetes Rustacean Zanzibar");

    let (status, form) = presign_resume(&app, job, "Jane Doe CV.pdf", PDF, pdf.len()).await;
    assert_eq!(status, 201, "{form}");
    assert_eq!(form["max_size"], 10 * 1024 * 1024);
    assert_eq!(form["fields"]["Content-Type"], PDF);
    let key = form["fields"]["key"].as_str().unwrap().to_string();
    let id = form["file_id"].as_str().unwrap().to_string();
    assert_eq!(key, format!("uploads/{}/{id}/Jane_Doe_CV.pdf", company));
    assert!(form["fields"]["policy"].is_string() && form["fields"]["x-amz-signature"].is_string());
    let (status, body) = send(&app, Method::GET, &format!("/api/files/{id}/download"), &admin, None).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("file_not_clean")));

    upload(&app, &form, &pdf, PDF).await;
    assert_eq!(app.state.objects.get_bytes(&key).await.unwrap().as_deref(), Some(pdf.as_slice()));
    let (status, body) = confirm(&app, &form).await;
    assert_eq!((status, body["virus_status"].as_str()), (200, Some("pending")), "{body}");
    assert_eq!(scanned(&app, &id).await, "clean");
    let (status, size, sha, sniffed, text, stored_key, _) = row(&app, &id).await;
    assert_eq!(status, "clean");
    assert_eq!(size, Some(pdf.len() as u64));
    assert_eq!(sha.as_deref(), Some(hex(&Sha256::digest(&pdf)).as_str()));
    assert_eq!(sniffed.as_deref(), Some(PDF));
    assert!(text.unwrap_or_default().contains("Kubernetes Rustacean Zanzibar"));
    assert_eq!(stored_key, key);

    // Confirming again changes nothing.
    let (status, body) = confirm(&app, &form).await;
    assert_eq!((status, body["virus_status"].as_str()), (200, Some("clean")));

    let (status, meta) = send(&app, Method::GET, &format!("/api/files/{id}"), &admin, None).await;
    assert_eq!(status, 200, "{meta}");
    assert_eq!((meta["virus_status"].as_str(), meta["has_text"].as_bool(), meta["purpose"].as_str()), (Some("clean"), Some(true), Some("resume")));
    assert_eq!(meta["sniffed_type"], PDF);

    let (status, link) = send(&app, Method::GET, &format!("/api/files/{id}/download"), &admin, None).await;
    assert_eq!(status, 200, "{link}");
    let got = app.http.get(link["url"].as_str().unwrap()).send().await.expect("download");
    assert_eq!(got.status().as_u16(), 200);
    let disposition = got.headers().get("content-disposition").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    assert!(disposition.starts_with("attachment; filename=\"Jane Doe CV.pdf\""), "{disposition}");
    assert_eq!(got.bytes().await.unwrap().as_ref(), pdf.as_slice());

    // A DOCX: the zip must hold word/document.xml; its text is extracted.
    let docx = docx_with("Distributed systems &amp; Postgres");
    let form = uploaded_resume(&app, job, "cv.docx", DOCX, &docx).await;
    let id2 = form["file_id"].as_str().unwrap();
    assert_eq!(scanned(&app, id2).await, "clean");
    let (_, _, _, sniffed, text, _, _) = row(&app, id2).await;
    assert_eq!(sniffed.as_deref(), Some(DOCX));
    assert_eq!(text.as_deref().map(str::trim), Some("Distributed systems & Postgres"));

    // Another company sees nothing; no token is 401.
    let other = tenant(&app, "Files Other Co", "employer").await;
    for path in [format!("/api/files/{id}"), format!("/api/files/{id}/download")] {
        let (status, _) = send(&app, Method::GET, &path, &other.admin_token, None).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(call(&app, Method::GET, &path, None, None).await.status().as_u16(), 401);
    }
}

#[tokio::test]
async fn viruses_are_quarantined_and_never_served() {
    let app = TestApp::spawn().await;
    let (job, _, admin) = employer_job(&app, "Files Virus Co").await;

    let plain = uploaded_resume(&app, job, "notes.txt", "text/plain", EICAR).await;
    let zipped_bytes = zip_of(&[("word/document.xml", b"<w:document/>"), ("eicar.txt", EICAR)]);
    let zipped = uploaded_resume(&app, job, "cv.docx", DOCX, &zipped_bytes).await;
    for form in [&plain, &zipped] {
        let id = form["file_id"].as_str().unwrap();
        let key = form["fields"]["key"].as_str().unwrap();
        assert_eq!(scanned(&app, id).await, "infected");
        let (_, _, _, _, text, stored_key, detail) = row(&app, id).await;
        assert!(detail.unwrap_or_default().contains("EICAR"));
        assert_eq!(text, None);
        assert_eq!(stored_key, key.replacen("uploads/", "quarantine/", 1));
        assert!(app.state.objects.get_bytes(key).await.unwrap().is_none(), "the original is gone");
        assert!(app.state.objects.get_bytes(&stored_key).await.unwrap().is_some(), "kept in quarantine");
        let (status, body) = send(&app, Method::GET, &format!("/api/files/{id}/download"), &admin, None).await;
        assert_eq!((status, body["code"].as_str()), (403, Some("file_blocked")));
    }
}

#[tokio::test]
async fn content_that_is_not_the_declared_type_is_rejected() {
    let app = TestApp::spawn().await;
    let (job, _, admin) = employer_job(&app, "Files Type Co").await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde".to_vec();
    let form = uploaded_resume(&app, job, "cv.pdf", PDF, &png).await;
    let id = form["file_id"].as_str().unwrap();
    assert_eq!(scanned(&app, id).await, "rejected");
    let (_, size, _, sniffed, text, _, detail) = row(&app, id).await;
    assert_eq!((size, sniffed.as_deref(), text), (Some(png.len() as u64), Some("image/png"), None));
    assert_eq!(detail.as_deref(), Some("type_mismatch: declared application/pdf, found image/png"));
    let (status, body) = send(&app, Method::GET, &format!("/api/files/{id}/download"), &admin, None).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("file_blocked")));
}

#[tokio::test]
async fn presigns_check_the_job_the_type_and_the_size_and_confirmations_the_token() {
    let app = TestApp::spawn().await;
    let (job, company, admin) = employer_job(&app, "Files Rules Co").await;

    let (status, body) = presign_resume(&app, job, "cv.pdf", PDF, 10 * 1024 * 1024 + 1).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["field"], "size");
    let (status, body) = presign_resume(&app, job, "cv.exe", "application/x-msdownload", 10).await;
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["field"], "content_type");
    let (status, body) = presign_resume(&app, job, "", "image/png", 0).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["file_name", "content_type", "size"]);
    let written: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM stored_files").fetch_one(&app.pool).await.unwrap();
    assert_eq!(written, 0);

    // Unknown, unpublished or closed jobs take no uploads.
    let (status, _) = presign_resume(&app, Uuid::now_v7(), "cv.pdf", PDF, 10).await;
    assert_eq!(status, 404);
    sqlx::query("UPDATE jobs SET published_at = NULL WHERE id = ?").bind(job).execute(&app.pool).await.unwrap();
    let (status, _) = presign_resume(&app, job, "cv.pdf", PDF, 10).await;
    assert_eq!(status, 404);
    sqlx::query("UPDATE jobs SET published_at = UTC_TIMESTAMP(6) WHERE id = ?").bind(job).execute(&app.pool).await.unwrap();

    let (status, form) = presign_resume(&app, job, "cv.pdf", PDF, 10).await;
    assert_eq!(status, 201);
    let id = form["file_id"].as_str().unwrap();
    // Nothing uploaded yet.
    let (status, body) = confirm(&app, &form).await;
    assert_eq!((status, body["code"].as_str()), (409, Some("upload_missing")));
    // A wrong token looks like no file at all.
    let r = call(&app, Method::POST, &format!("/api/files/{id}/uploaded"), None, Some(json!({"upload_token": "0".repeat(64)}))).await;
    assert_eq!(r.status().as_u16(), 404);
    let r = call(&app, Method::POST, &format!("/api/files/{}/uploaded", Uuid::now_v7()), None, Some(json!({"upload_token": form["upload_token"]}))).await;
    assert_eq!(r.status().as_u16(), 404);
    let (status, meta) = send(&app, Method::GET, &format!("/api/files/{id}"), &admin, None).await;
    assert_eq!((status, meta["virus_status"].as_str()), (200, Some("awaiting_upload")));
    let owner: Option<Uuid> = sqlx::query_scalar("SELECT company_id FROM stored_files WHERE id = ?").bind(Uuid::parse_str(id).unwrap()).fetch_one(&app.pool).await.unwrap();
    assert_eq!(owner, Some(company.0));
}

#[tokio::test]
async fn an_unreachable_clamd_leaves_the_file_pending_and_the_message_retried() {
    let app = TestApp::spawn_with(|c| c.clamd_addr = "127.0.0.1:1".into()).await;
    let (job, _, _) = employer_job(&app, "Files Clamd Down Co").await;
    let form = uploaded_resume(&app, job, "notes.txt", "text/plain", b"plain words").await;
    let id = form["file_id"].as_str().unwrap();
    // The test queue dead-letters after 3 receives: the message was retried.
    let dlq = hireops_adapters::queue::SqsQueue::connect(app.scan_queue.client().clone(), &format!("{}-dlq", app.scan_queue.url())).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(90);
    while dlq.approximate_depth().await.unwrap() == 0 {
        assert!(Instant::now() < deadline, "the failing scan message never reached the DLQ");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let (status, size, sha, _, _, _, _) = row(&app, id).await;
    assert_eq!((status.as_str(), size, sha), ("pending", None, None));
}

#[tokio::test]
async fn a_redelivered_message_scans_once_and_s3_events_are_understood() {
    use hireops_domain::files::VirusStatus;
    let app = TestApp::spawn_with_consumers(|c| c != hireops_functions::tasks::Consumer::FileScan).await;
    let (job, _, _) = employer_job(&app, "Files Redelivery Co").await;
    let form = uploaded_resume(&app, job, "notes.txt", "text/plain", b"Elixir and Erlang").await;
    let id = form["file_id"].as_str().unwrap();
    let messages = app.scan_queue.receive(10, 2).await.unwrap();
    assert_eq!(messages.len(), 1);
    let body = &messages[0].body;
    hireops_functions::tasks::file_scan::handle(&app.state, "m1", body).await.expect("first delivery");
    let first: (String, chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) =
        sqlx::query_as("SELECT virus_status, scanned_at, updated_at FROM stored_files WHERE id = ?").bind(Uuid::parse_str(id).unwrap()).fetch_one(&app.pool).await.unwrap();
    assert_eq!(first.0, "clean");
    hireops_functions::tasks::file_scan::handle(&app.state, "m1", body).await.expect("redelivery");
    let second: (String, chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) =
        sqlx::query_as("SELECT virus_status, scanned_at, updated_at FROM stored_files WHERE id = ?").bind(Uuid::parse_str(id).unwrap()).fetch_one(&app.pool).await.unwrap();
    assert_eq!(first, second, "the second delivery must not scan again");

    // The bucket's ObjectCreated event for a never-confirmed upload scans it too.
    let (_, form) = presign_resume(&app, job, "my cv.txt", "text/plain", 5).await;
    upload(&app, &form, b"Scala", "text/plain").await;
    let key = form["fields"]["key"].as_str().unwrap();
    let event = json!({"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Post", "s3": {"bucket": {"name": "b"}, "object": {"key": key.replace(' ', "+"), "size": 5}}}]});
    hireops_functions::tasks::file_scan::handle(&app.state, "m2", &event.to_string()).await.expect("S3 event");
    let (status, _, _, _, text, _, _) = row(&app, form["file_id"].as_str().unwrap()).await;
    assert_eq!((status.as_str(), text.as_deref()), (VirusStatus::Clean.as_str(), Some("Scala")));
    // S3's test event and unknown keys are no-ops; garbage fails (and would be dead-lettered).
    hireops_functions::tasks::file_scan::handle(&app.state, "m3", r#"{"Event":"s3:TestEvent"}"#).await.expect("test event");
    let unknown = json!({"Records": [{"s3": {"object": {"key": "uploads/x/y/z.pdf"}}}]});
    hireops_functions::tasks::file_scan::handle(&app.state, "m4", &unknown.to_string()).await.expect("unknown key");
    assert!(hireops_functions::tasks::file_scan::handle(&app.state, "m5", "garbage").await.is_err());
}

#[tokio::test]
async fn candidate_documents_feed_the_resume_text_and_stay_in_their_company() {
    let app = TestApp::spawn().await;
    let agency = tenant(&app, "Files Agency", "agency").await;
    let candidate = insert_candidate(&app, agency.company, "Asha Rao", &unique_email("asha")).await;
    let path = format!("/api/candidates/{candidate}/documents");
    let text = b"Asha Rao - Site reliability, Terraform, Quixotic";

    let (status, body) = send(&app, Method::POST, &path, &agency.admin_token, Some(json!({"file_name": "cv.txt", "content_type": "text/plain", "size": 0, "kind": "poster"}))).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["size", "kind"]);
    let written: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM candidate_documents").fetch_one(&app.pool).await.unwrap();
    assert_eq!(written, 0);

    let (status, form) = send(&app, Method::POST, &path, &agency.admin_token, Some(json!({"file_name": "cv.txt", "content_type": "text/plain", "size": text.len(), "kind": "resume"}))).await;
    assert_eq!(status, 201, "{form}");
    upload(&app, &form, text, "text/plain").await;
    assert_eq!(confirm(&app, &form).await.0, 200);
    let id = form["file_id"].as_str().unwrap();
    assert_eq!(scanned(&app, id).await, "clean");
    let (resume_text, search_text): (Option<String>, String) =
        sqlx::query_as("SELECT resume_text, search_text FROM candidates WHERE id = ?").bind(candidate).fetch_one(&app.pool).await.unwrap();
    assert_eq!(resume_text.as_deref(), Some(std::str::from_utf8(text).unwrap()));
    assert!(search_text.contains("Quixotic"));

    let (status, docs) = send(&app, Method::GET, &path, &agency.admin_token, None).await;
    assert_eq!(status, 200, "{docs}");
    assert_eq!(docs.as_array().unwrap().len(), 1);
    assert_eq!((docs[0]["file_id"].as_str(), docs[0]["kind"].as_str(), docs[0]["virus_status"].as_str()), (Some(id), Some("resume"), Some("clean")));
    assert_eq!((docs[0]["size"].as_u64(), docs[0]["sniffed_type"].as_str()), (Some(text.len() as u64), Some("text/plain")));

    // Another company: the candidate and its file do not exist.
    let other = tenant(&app, "Files Other Agency", "agency").await;
    let (status, _) = send(&app, Method::POST, &path, &other.admin_token, Some(json!({"file_name": "cv.txt", "content_type": "text/plain", "size": 3, "kind": "resume"}))).await;
    assert_eq!(status, 404);
    assert_eq!(send(&app, Method::GET, &path, &other.admin_token, None).await.0, 404);
    assert_eq!(send(&app, Method::GET, &format!("/api/files/{id}"), &other.admin_token, None).await.0, 404);
    // A role without candidates:write may list but not add; no token is 401.
    let sales = unique_email("sales");
    app.create_user(&sales, "sales", Some(agency.company)).await;
    let sales_token = token(&app.sign_in(&sales).await);
    let (status, _) = send(&app, Method::POST, &path, &sales_token, Some(json!({"file_name": "cv.txt", "content_type": "text/plain", "size": 3, "kind": "resume"}))).await;
    assert_eq!(status, 403);
    assert_eq!(send(&app, Method::GET, &path, &sales_token, None).await.0, 200);
    assert_eq!(call(&app, Method::GET, &path, None, None).await.status().as_u16(), 401);
}

/// A clean file row of `company` (no object needed for metadata).
async fn clean_file(app: &TestApp, company: CompanyId) -> Uuid {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO stored_files (id, company_id, purpose, object_key, file_name, declared_type, max_size, size, virus_status, created_at, updated_at)
         VALUES (?, ?, 'candidate_document', ?, 'cv.txt', 'text/plain', 100, 3, 'clean', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
    )
    .bind(id)
    .bind(company.0)
    .bind(format!("uploads/{company}/{id}/cv.txt"))
    .execute(&app.pool)
    .await
    .expect("file row");
    id
}

#[tokio::test]
async fn files_are_visible_through_the_candidates_and_applications_they_belong_to() {
    let app = TestApp::spawn().await;
    let (job, employer, employer_token) = employer_job(&app, "Files Visibility Employer").await;
    let agency = tenant(&app, "Files Visibility Agency", "agency").await;
    let stranger = tenant(&app, "Files Visibility Stranger", "agency").await;
    let candidate = insert_candidate(&app, agency.company, "Ravi Iyer", &unique_email("ravi")).await;
    let job_fixture = crate::recruiting_support::JobFixture { id: job, company: employer, stages: sqlx::query_scalar("SELECT id FROM job_stages WHERE job_id = ? ORDER BY position").bind(job).fetch_all(&app.pool).await.unwrap() };
    let application = insert_application(&app, &job_fixture, candidate, Some(agency.company), None).await;

    // The agency's document on its candidate: the employer sees it because the candidate applied to its job.
    let document = clean_file(&app, agency.company).await;
    sqlx::query("INSERT INTO candidate_documents (candidate_id, file_id, kind, added_at) VALUES (?, ?, 'resume', UTC_TIMESTAMP(6))")
        .bind(candidate)
        .bind(document)
        .execute(&app.pool)
        .await
        .unwrap();
    // The employer's resume file on the application: the agency sees it through the application.
    let resume = clean_file(&app, employer).await;
    sqlx::query("UPDATE applications SET resume_file_id = ? WHERE id = ?").bind(resume).bind(application).execute(&app.pool).await.unwrap();
    let unrelated = clean_file(&app, employer).await;

    for (token, file, expected) in [
        (&employer_token, document, 200),
        (&agency.admin_token, resume, 200),
        (&agency.admin_token, unrelated, 404),
        (&stranger.admin_token, document, 404),
        (&stranger.admin_token, resume, 404),
    ] {
        let (status, body) = send(&app, Method::GET, &format!("/api/files/{file}"), token, None).await;
        assert_eq!(status, expected, "{file}: {body}");
        let (status, _) = send(&app, Method::GET, &format!("/api/files/{file}/download"), token, None).await;
        assert_eq!(status, expected, "download {file}");
    }
    // The employer may list the documents of a candidate who applied to its job.
    let path = format!("/api/candidates/{candidate}/documents");
    assert_eq!(send(&app, Method::GET, &path, &employer_token, None).await.0, 200);
}
