use hireops_domain::ids::CompanyId;
use hireops_tests::{unique_email, Consumer, TestApp};
use serde_json::Value;
use std::time::{Duration, Instant};

async fn admin_of(app: &TestApp, company: CompanyId, role: &str) -> (String, String) {
    let email = unique_email("admin");
    app.create_user(&email, role, Some(company)).await;
    let token = app.sign_in_admin(&email).await["access_token"].as_str().unwrap().to_string();
    (email, token)
}

async fn upload(app: &TestApp, token: &str, name: &str, bytes: Vec<u8>, company: Option<CompanyId>) -> (u16, Value) {
    let mut form = reqwest::multipart::Form::new().part("file", reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()).mime_str("text/csv").unwrap());
    if let Some(c) = company {
        form = form.text("company_id", c.to_string());
    }
    let r = app.http.post(app.url("/api/admin/users/bulk")).bearer_auth(token).multipart(form).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// Poll the report until the import completes.
async fn finished(app: &TestApp, token: &str, id: &Value, within: Duration) -> Value {
    let deadline = Instant::now() + within;
    loop {
        let r = app.get_with_token(&format!("/api/admin/users/bulk/{}", id.as_str().unwrap()), token).await;
        assert_eq!(r.status(), 200);
        let report: Value = r.json().await.unwrap();
        if report["status"] == "completed" {
            return report;
        }
        assert!(Instant::now() < deadline, "import not finished in time: {report}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

async fn users_in(app: &TestApp, company: CompanyId) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE company_id = ?").bind(company.0).fetch_one(&app.pool).await.unwrap();
    n
}

#[tokio::test]
async fn bad_rows_are_reported_and_good_rows_created_once() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme", "agency").await;
    let (_, token) = admin_of(&app, acme, "agency_admin").await;
    let existing = unique_email("existing");
    app.create_user(&existing, "recruiter", Some(acme)).await;
    let (ann, bob, cid) = (unique_email("ann"), unique_email("bob"), unique_email("cid"));
    let csv = format!(
        "email,full_name,role\n\
         {ann},Ann Lee,recruiter\n\
         not-an-email,Broken,recruiter\n\
         {bob},\"Bob, Jr.\",manager\n\
         {existing},Already Here,recruiter\n\
         {cid},Cid,wizard\n\
         {},Dee,super_admin\n\
         {},Eve,hiring_manager\n\
         {},,recruiter\n\
         {ann},Ann Again,sales\n",
        unique_email("dee"),
        unique_email("eve"),
        unique_email("noname"),
    );
    let before = users_in(&app, acme).await;
    let (status, started) = upload(&app, &token, "team.csv", csv.clone().into_bytes(), None).await;
    assert_eq!(status, 202, "{started}");
    assert_eq!(started["total"], 9);
    assert_eq!(started["file_name"], "team.csv");
    let report = finished(&app, &token, &started["import_id"], Duration::from_secs(30)).await;
    assert_eq!((report["created"].as_u64(), report["skipped"].as_u64(), report["failed"].as_u64()), (Some(2), Some(1), Some(6)), "{report}");
    assert_eq!(report["pending"], 0);
    let problems: Vec<(u64, String, String)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["field"].as_str().unwrap().to_string(), e["outcome"].as_str().unwrap().to_string()))
        .collect();
    let expected: Vec<(u64, String, String)> = [
        (3, "email", "failed"),
        (5, "email", "skipped"),
        (6, "role", "failed"),
        (7, "role", "failed"),
        (8, "role", "failed"),
        (9, "full_name", "failed"),
        (10, "email", "failed"),
    ]
    .into_iter()
    .map(|(r, f, o)| (r, f.to_string(), o.to_string()))
    .collect();
    assert_eq!(problems, expected, "{report}");
    assert!(report["errors"][6]["message"].as_str().unwrap().contains("row 2"), "{report}");
    assert_eq!(users_in(&app, acme).await, before + 2);

    // Every created user is pending activation and gets the activation email.
    for address in [&ann, &bob] {
        let (status, company): (String, uuid::Uuid) =
            sqlx::query_as("SELECT status, company_id FROM users WHERE email = ?").bind(address).fetch_one(&app.pool).await.unwrap();
        assert_eq!((status.as_str(), company), ("pending_activation", acme.0));
        app.mail.wait_for_token(address, "activate").await;
    }
    let (name,): (String,) = sqlx::query_as("SELECT full_name FROM users WHERE email = ?").bind(&bob).fetch_one(&app.pool).await.unwrap();
    assert_eq!(name, "Bob, Jr.");

    // Audited: the upload, each account and the completion.
    assert_eq!(app.audit_rows("users.import").await.len(), 1);
    let done = app.audit_rows("users.import_completed").await;
    assert_eq!(done.len(), 1);
    assert_eq!((done[0].1["created"].as_u64(), done[0].1["failed"].as_u64()), (Some(2), Some(6)));

    // The same file again creates nobody twice.
    let (status, again) = upload(&app, &token, "team.csv", csv.into_bytes(), None).await;
    assert_eq!(status, 202);
    let report = finished(&app, &token, &again["import_id"], Duration::from_secs(30)).await;
    assert_eq!((report["created"].as_u64(), report["skipped"].as_u64(), report["failed"].as_u64()), (Some(0), Some(3), Some(6)), "{report}");
    assert_eq!(users_in(&app, acme).await, before + 2);
}

#[tokio::test]
async fn malformed_files_are_refused_before_anything_is_created() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme", "agency").await;
    let (_, token) = admin_of(&app, acme, "agency_admin").await;
    let before = users_in(&app, acme).await;

    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        ("image.png", png, 422, "not_csv"),
        ("wrong.csv", b"mail,name,role\na@example.com,A,recruiter\n".to_vec(), 422, "wrong_header"),
        ("empty.csv", Vec::new(), 422, "empty"),
        ("header-only.csv", b"email,full_name,role\n".to_vec(), 422, "empty"),
        ("ragged.csv", b"email,full_name,role\na@example.com,A\n".to_vec(), 422, "not_csv"),
    ];
    for (name, bytes, status, code) in cases {
        let (got, problem) = upload(&app, &token, name, bytes, None).await;
        assert_eq!(got, status, "{name}: {problem}");
        assert_eq!(problem["errors"][0]["field"], "file", "{name}: {problem}");
        assert_eq!(problem["errors"][0]["code"], code, "{name}: {problem}");
    }
    let mut rows = String::from("email,full_name,role\n");
    for i in 0..10_001 {
        rows.push_str(&format!("u{i}@example.com,U {i},recruiter\n"));
    }
    let (got, problem) = upload(&app, &token, "big.csv", rows.into_bytes(), None).await;
    assert_eq!((got, problem["errors"][0]["code"].as_str()), (422, Some("too_many_rows")), "{problem}");

    let huge = format!("email,full_name,role\n{}", "x".repeat(6 * 1024 * 1024)).into_bytes();
    let (got, problem) = upload(&app, &token, "huge.csv", huge, None).await;
    assert_eq!((got, problem["code"].as_str()), (413, Some("file_too_large")), "{problem}");

    let r = app.http.post(app.url("/api/admin/users/bulk")).bearer_auth(&token).json(&serde_json::json!({"file": "x"})).send().await.unwrap();
    assert_eq!(r.status(), 400);
    let form = reqwest::multipart::Form::new().text("something", "else");
    let r = app.http.post(app.url("/api/admin/users/bulk")).bearer_auth(&token).multipart(form).send().await.unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "missing_file");

    let (imports,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM user_imports").fetch_one(&app.pool).await.unwrap();
    assert_eq!(imports, 0);
    assert_eq!(users_in(&app, acme).await, before);
}

#[tokio::test]
async fn imports_stay_inside_the_company() {
    let app = TestApp::spawn().await;
    let acme = app.create_company("Acme", "agency").await;
    let globex = app.create_company("Globex", "agency").await;
    let (_, acme_token) = admin_of(&app, acme, "agency_admin").await;
    let (_, globex_token) = admin_of(&app, globex, "agency_admin").await;
    let file = || format!("email,full_name,role\n{},New Person,recruiter\n", unique_email("new")).into_bytes();

    // A company admin can't import into another company.
    let (status, problem) = upload(&app, &acme_token, "x.csv", file(), Some(globex)).await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "company_id");

    let (status, started) = upload(&app, &acme_token, "x.csv", file(), None).await;
    assert_eq!(status, 202);
    let id = started["import_id"].as_str().unwrap();
    let r = app.get_with_token(&format!("/api/admin/users/bulk/{id}"), &globex_token).await;
    assert_eq!(r.status(), 404);
    let r = app.get_with_token(&format!("/api/admin/users/bulk/{}", uuid::Uuid::now_v7()), &acme_token).await;
    assert_eq!(r.status(), 404);
    let r = app.get_with_token("/api/admin/users/bulk/not-an-id", &acme_token).await;
    assert_eq!(r.status(), 400);

    // Super admins must say which company; then they may import anywhere.
    let root = app.sign_in_admin(&app.super_admin_email).await["access_token"].as_str().unwrap().to_string();
    let (status, problem) = upload(&app, &root, "x.csv", file(), None).await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (422, Some("company_id")), "{problem}");
    let (status, problem) = upload(&app, &root, "x.csv", file(), Some(CompanyId::new())).await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (422, Some("company_id")), "{problem}");
    let (status, started) = upload(&app, &root, "x.csv", file(), Some(globex)).await;
    assert_eq!(status, 202, "{started}");
    let report = finished(&app, &root, &started["import_id"], Duration::from_secs(30)).await;
    assert_eq!(report["created"], 1, "{report}");
    assert_eq!(report["company_id"], globex.to_string());

    // Without the permission, or without a token.
    let recruiter = unique_email("rec");
    app.create_user(&recruiter, "recruiter", Some(acme)).await;
    let rec_token = app.sign_in(&recruiter).await["access_token"].as_str().unwrap().to_string();
    let (status, _) = upload(&app, &rec_token, "x.csv", file(), None).await;
    assert_eq!(status, 403);
    let r = app.get_with_token(&format!("/api/admin/users/bulk/{id}"), &rec_token).await;
    assert_eq!(r.status(), 403);
    let r = app.http.get(app.url(&format!("/api/admin/users/bulk/{id}"))).send().await.unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn ten_thousand_rows_are_all_created() {
    let rows: usize = std::env::var("IMPORT_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    // Only the import worker runs: the 10,000 activation emails and events are
    // counted in their queues rather than flooding the shared mail catcher.
    let app = TestApp::spawn_with_consumers(|c| c == Consumer::UserImport).await;
    let acme = app.create_company("Acme", "agency").await;
    let email = unique_email("admin");
    app.create_user(&email, "agency_admin", Some(acme)).await;
    // The mail worker is off, so read the sign-in code from the queue instead.
    let token = app.sign_in_admin_from_queue(&email).await;
    let run = uuid::Uuid::new_v4().simple().to_string();
    let mut csv = String::from("email,full_name,role\n");
    for i in 0..rows {
        csv.push_str(&format!("bulk-{run}-{i}@example.com,Bulk User {i},recruiter\n"));
    }
    // Drain the mail and events queues as the import fills them (a backlog of
    // 10,000 slows the emulator to a crawl), recording who got what.
    let drain = |queue: hireops_adapters::queue::SqsQueue| {
        let run = run.clone();
        tokio::spawn(async move {
            let mut seen = std::collections::HashMap::<String, usize>::new();
            let deadline = Instant::now() + Duration::from_secs(600);
            while Instant::now() < deadline {
                let messages = queue.receive(10, 1).await.unwrap();
                for m in &messages {
                    let v: Value = serde_json::from_str(&m.body).unwrap();
                    let key = match (v["message"]["template"].as_str(), v["type"].as_str()) {
                        (Some("activate_account"), _) => v["to"].as_str().unwrap_or_default().to_string(),
                        (_, Some("account.created")) => v["user_id"].as_str().unwrap_or_default().to_string(),
                        _ => continue,
                    };
                    *seen.entry(key).or_default() += 1;
                }
                let handles: Vec<String> = messages.into_iter().map(|m| m.receipt_handle).collect();
                queue.delete_batch(&handles).await.unwrap();
                if seen.len() >= rows && handles.is_empty() {
                    break;
                }
            }
            let _ = run;
            seen
        })
    };
    let mails = drain(app.mail_queue.clone());
    let events = drain(app.events_queue.clone());
    let (status, started) = upload(&app, &token, "ten-thousand.csv", csv.into_bytes(), None).await;
    assert_eq!(status, 202, "{started}");
    assert_eq!(started["total"], rows);
    let t0 = Instant::now();
    let report = finished(&app, &token, &started["import_id"], Duration::from_secs(600)).await;
    eprintln!("import of {rows} rows took {:?}", t0.elapsed());
    assert_eq!((report["created"].as_u64(), report["failed"].as_u64(), report["skipped"].as_u64()), (Some(rows as u64), Some(0), Some(0)), "{report}");
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email LIKE ?").bind(format!("bulk-{run}-%")).fetch_one(&app.pool).await.unwrap();
    assert_eq!(n as usize, rows);
    let mails = mails.await.unwrap();
    assert_eq!(mails.len(), rows, "one activation email per created user");
    assert!(mails.iter().all(|(to, n)| to.starts_with(&format!("bulk-{run}-")) && *n == 1));
    let events = events.await.unwrap();
    assert_eq!(events.len(), rows, "one account.created event per created user");
}
