//! Jobs and client requirements: creation, validation, lists, sharing with
//! agencies, team, lifecycle and deletion.

use crate::admin_support::*;
use crate::recruiting_support::{insert_application, insert_candidate, JobFixture};
use hireops_domain::ids::CompanyId;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let (status, job) = send(app, Method::POST, "/api/jobs", token, Some(body)).await;
    assert_eq!(status, 201, "{job}");
    job
}

fn id_of(v: &Value) -> String {
    v["id"].as_str().expect("id").to_string()
}

/// A non-admin member of `company` with a password sign-in.
async fn member(app: &TestApp, role: &str, company: CompanyId) -> (Uuid, String) {
    let email = unique_email(role);
    let id = app.create_user(&email, role, Some(company)).await;
    (id.0, token(&app.sign_in(&email).await))
}

fn titles(list: &Value) -> Vec<String> {
    list["items"].as_array().unwrap().iter().map(|j| j["title"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn an_agency_records_a_requirement_and_an_opening_with_generated_references() {
    let app = TestApp::spawn().await;
    let agency = tenant(&app, "Req Agency", "agency").await;
    let (manager_id, _) = member(&app, "manager", agency.company).await;

    let req = create(
        &app,
        &agency.admin_token,
        json!({
            "kind": "requirement", "title": " Java Lead ", "description": "Lead a team.", "client_name": "Globex",
            "client_spoc": "Hank", "end_customer": "Initrode", "account": "Retail", "employment_type": "contract",
            "work_mode": "hybrid", "location": "Pune", "positions": 3, "budget_min": 100000, "budget_max": 150000.5,
            "budget_currency": "inr", "budget_period": "year", "experience_min": 5, "experience_max": 8.5,
            "priority": "high", "manager_id": manager_id, "notes": "Urgent", "status": "open", "tags": ["java", " Java", "spring"]
        }),
    )
    .await;
    assert_eq!(req["reference"], "REQ-0001");
    assert_eq!((req["kind"].as_str(), req["title"].as_str(), req["status"].as_str()), (Some("requirement"), Some("Java Lead"), Some("open")));
    assert_eq!((req["client_name"].as_str(), req["budget_currency"].as_str(), req["budget_max"].as_f64()), (Some("Globex"), Some("INR"), Some(150000.5)));
    assert_eq!(req["tags"], json!(["java", "spring"]));
    assert_eq!(req["manager"]["id"], manager_id.to_string());
    assert_eq!((req["ageing_days"].as_i64(), req["published"].as_bool(), req["shared"].as_bool()), (Some(0), Some(false), Some(false)));
    assert!(req["opened_at"].is_string());
    assert_eq!(req["shared_with"], json!([]));
    let stages: Vec<&str> = req["stages"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(stages.first(), Some(&"Submitted"));
    assert_eq!(stages.len(), 10);
    assert_eq!(req["company"]["id"], agency.company.to_string());
    assert_eq!(audit_of(&app, "jobs.create", &id_of(&req)).await.len(), 1);

    // The counter is per company; a draft opening gets the next number.
    let opening = create(&app, &agency.admin_token, json!({"title": "Recruiter"})).await;
    assert_eq!((opening["reference"].as_str(), opening["status"].as_str(), opening["kind"].as_str()), (Some("JOB-0002"), Some("draft"), Some("opening")));
    assert!(opening["opened_at"].is_null());
    let (status, taken) = send(&app, Method::POST, "/api/jobs", &agency.admin_token, Some(json!({"title": "Dup", "reference": "REQ-0001"}))).await;
    assert_eq!((status, taken["code"].as_str()), (409, Some("reference_taken")));
    let own_ref = create(&app, &agency.admin_token, json!({"title": "Own ref", "reference": "ACME-7"})).await;
    assert_eq!(own_ref["reference"], "ACME-7");

    let (status, got) = send(&app, Method::GET, &format!("/api/jobs/{}", id_of(&req)), &agency.admin_token, None).await;
    assert_eq!((status, got["notes"].as_str(), got["positions"].as_i64()), (200, Some("Urgent"), Some(3)));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM job_stages").await, 30);
}

#[tokio::test]
async fn bad_input_names_every_field_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let employer = tenant(&app, "Bad Input Employer", "employer").await;
    let other = app.create_company("Elsewhere", "agency").await;
    let outsider = app.create_user(&unique_email("outsider"), "recruiter", Some(other)).await;

    let (status, problem) = send(&app, Method::POST, "/api/jobs", &employer.admin_token, Some(json!({"kind": "requirement", "title": "Req"}))).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem), [("kind".to_string(), "requirement_agency_only".to_string()), ("client_name".to_string(), "required".to_string())]);

    let (status, problem) = send(
        &app,
        Method::POST,
        "/api/jobs",
        &employer.admin_token,
        Some(json!({
            "title": "", "positions": 0, "budget_min": 10, "experience_min": 9, "experience_max": 3, "tags": [""],
            "work_mode": "moon", "priority": "asap", "status": "closed", "reference": "bad ref", "manager_id": outsider.0
        })),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    let named: Vec<String> = fields(&problem).into_iter().map(|(f, _)| f).collect();
    for f in ["title", "positions", "budget_currency", "experience_max", "tags[0]", "work_mode", "priority", "status", "reference", "manager_id"] {
        assert!(named.contains(&f.to_string()), "{f} missing from {named:?}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM jobs").await, 0);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM job_stages").await, 0);

    let job = create(&app, &employer.admin_token, json!({"title": "Backend engineer", "status": "open"})).await;
    assert_eq!(job["reference"], "JOB-0001");
    let stages: Vec<&str> = job["stages"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(stages, ["Applied", "Screening", "Interview", "Offer", "Hired", "Rejected"]);
}

#[tokio::test]
async fn the_list_filters_sorts_and_pages() {
    let app = TestApp::spawn().await;
    let agency = tenant(&app, "List Agency", "agency").await;
    let t = &agency.admin_token;
    let (recruiter, _) = member(&app, "recruiter", agency.company).await;
    let (manager, _) = member(&app, "manager", agency.company).await;
    let old = create(&app, t, json!({"kind": "requirement", "title": "Alpha kubernetes", "client_name": "Globex Corp", "priority": "low", "status": "open"})).await;
    let mid = create(&app, t, json!({"title": "Bravo designer", "priority": "critical", "status": "open", "manager_id": manager})).await;
    let draft = create(&app, t, json!({"title": "Charlie tester"})).await;
    for (job, days) in [(&old, 10), (&mid, 2)] {
        sqlx::query("UPDATE jobs SET opened_at = UTC_TIMESTAMP(6) - INTERVAL ? DAY WHERE id = ?")
            .bind(days)
            .bind(Uuid::parse_str(&id_of(job)).unwrap())
            .execute(&app.pool)
            .await
            .unwrap();
    }
    assert_eq!(send(&app, Method::POST, &format!("/api/jobs/{}/publish", id_of(&mid)), t, None).await.0, 200);
    let (status, _) = send(&app, Method::PUT, &format!("/api/jobs/{}/team", id_of(&old)), t, Some(json!({"members": [{"user_id": recruiter, "role": "recruiter"}]}))).await;
    assert_eq!(status, 200);

    let list = |q: &str| {
        let path = format!("/api/jobs{q}");
        let app = &app;
        async move {
            let (status, body) = send(app, Method::GET, &path, t, None).await;
            assert_eq!(status, 200, "{path}: {body}");
            body
        }
    };
    let all = list("").await;
    assert_eq!(titles(&all), ["Charlie tester", "Bravo designer", "Alpha kubernetes"], "newest first");
    assert_eq!(all["total"], 3);
    let alpha = &all["items"][2];
    assert_eq!((alpha["ageing_days"].as_i64(), alpha["team_size"].as_u64(), alpha["client_name"].as_str()), (Some(10), Some(1), Some("Globex Corp")));
    assert_eq!(all["items"][1]["manager"]["id"], manager.to_string());
    assert_eq!(all["items"][1]["published"], true);
    assert_eq!(all["items"][0]["company"]["id"], agency.company.to_string());

    assert_eq!(titles(&list("?status=draft").await), ["Charlie tester"]);
    assert_eq!(titles(&list("?kind=requirement").await), ["Alpha kubernetes"]);
    assert_eq!(titles(&list("?client=globex").await), ["Alpha kubernetes"]);
    assert_eq!(titles(&list(&format!("?recruiter={recruiter}")).await), ["Alpha kubernetes"]);
    assert_eq!(titles(&list(&format!("?manager={manager}")).await), ["Bravo designer"]);
    assert_eq!(titles(&list("?priority=critical").await), ["Bravo designer"]);
    assert_eq!(titles(&list("?ageing_min=5").await), ["Alpha kubernetes"]);
    assert_eq!(titles(&list("?ageing_min=1&ageing_max=5").await), ["Bravo designer"]);
    assert_eq!(titles(&list("?q=kuber").await), ["Alpha kubernetes"]);
    assert_eq!(titles(&list("?q=%2Bdesig%2A%22").await), ["Bravo designer"]);
    assert_eq!(titles(&list("?published=true").await), ["Bravo designer"]);
    assert_eq!(list("?published=false").await["total"], 2);
    assert_eq!(list("?owner=mine").await["total"], 3);
    assert_eq!(list("?owner=shared").await["total"], 0);
    assert_eq!(titles(&list("?sort=ageing").await), ["Alpha kubernetes", "Bravo designer", "Charlie tester"]);
    assert_eq!(titles(&list("?sort=priority").await), ["Bravo designer", "Charlie tester", "Alpha kubernetes"]);
    assert_eq!(titles(&list("?sort=oldest").await), ["Alpha kubernetes", "Bravo designer", "Charlie tester"]);
    assert_eq!(titles(&list("?sort=title").await), ["Alpha kubernetes", "Bravo designer", "Charlie tester"]);
    let page2 = list("?sort=title&per_page=2&page=2").await;
    assert_eq!((titles(&page2), page2["total"].as_u64(), page2["per_page"].as_u64()), (vec!["Charlie tester".to_string()], Some(3), Some(2)));
    let _ = draft;

    let (status, problem) = send(&app, Method::GET, "/api/jobs?status=gone&sort=random&ageing_min=x", t, None).await;
    assert_eq!(status, 422);
    let named: Vec<String> = fields(&problem).into_iter().map(|(f, _)| f).collect();
    assert_eq!(named, ["status", "ageing_min", "sort"]);
}

#[tokio::test]
async fn employers_find_the_active_agencies_to_share_with_by_name() {
    let app = TestApp::spawn().await;
    let employer = tenant(&app, "Directory Employer", "employer").await;
    let agency = tenant(&app, "Zenith Talent", "agency").await;
    app.create_company("Acorn Staffing", "agency").await;
    let suspended = app.create_company("Asleep Agency", "agency").await;
    sqlx::query("UPDATE companies SET status = 'suspended' WHERE id = ?").bind(suspended.0).execute(&app.pool).await.unwrap();
    app.create_company("Other Employer", "employer").await;
    let names = |page: &Value| page["items"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect::<Vec<_>>();

    // Active agencies only, alphabetically, ids usable for the share.
    let (status, all) = send(&app, Method::GET, "/api/agencies", &employer.admin_token, None).await;
    assert_eq!(status, 200, "{all}");
    assert_eq!(names(&all), ["Acorn Staffing", "Zenith Talent"]);
    assert_eq!(all["total"], 2);
    assert_eq!(all["items"][1], json!({"id": agency.company.to_string(), "name": "Zenith Talent"}), "no counts, no status");
    let (_, found) = send(&app, Method::GET, "/api/agencies?q=zEN", &employer.admin_token, None).await;
    assert_eq!(names(&found), ["Zenith Talent"]);
    let (_, paged) = send(&app, Method::GET, "/api/agencies?per_page=1&page=2", &employer.admin_token, None).await;
    assert_eq!((names(&paged), paged["total"].as_u64()), (vec!["Zenith Talent".to_string()], Some(2)));

    // Agencies never browse their rivals; employers who may not share get 403 too.
    let (status, refused) = send(&app, Method::GET, "/api/agencies", &agency.admin_token, None).await;
    assert_eq!((status, refused["code"].as_str()), (403, Some("employers_only")));
    let (_, interviewer) = member(&app, "interviewer", employer.company).await;
    assert_eq!(send(&app, Method::GET, "/api/agencies", &interviewer, None).await.0, 403);
    assert_eq!(call(&app, Method::GET, "/api/agencies", None, None).await.status(), 401);
}

#[tokio::test]
async fn a_shared_job_is_seen_and_staffed_by_its_agency_but_not_edited() {
    let app = TestApp::spawn().await;
    let employer = tenant(&app, "Share Employer", "employer").await;
    let agency = tenant(&app, "Share Agency", "agency").await;
    let rival = tenant(&app, "Rival Agency", "agency").await;
    let other_employer = app.create_company("Not An Agency", "employer").await;
    let (agency_recruiter, recruiter_token) = member(&app, "recruiter", agency.company).await;
    let (hiring_manager, _) = member(&app, "hiring_manager", employer.company).await;

    let job = create(&app, &employer.admin_token, json!({"title": "Shared role", "status": "open"})).await;
    let path = format!("/api/jobs/{}", id_of(&job));
    assert_eq!(send(&app, Method::GET, &path, &agency.admin_token, None).await.0, 404, "not shared yet");

    let (status, shared) = send(&app, Method::PUT, &format!("{path}/agencies"), &employer.admin_token, Some(json!({"agency_ids": [agency.company]}))).await;
    assert_eq!(status, 200, "{shared}");
    assert_eq!(shared["shared_with"], json!([{"id": agency.company.to_string(), "name": "Share Agency"}]));
    assert_eq!(audit_of(&app, "jobs.share", &id_of(&job)).await.len(), 1);
    let (status, bad) =
        send(&app, Method::PUT, &format!("{path}/agencies"), &employer.admin_token, Some(json!({"agency_ids": [agency.company, other_employer, Uuid::now_v7()]}))).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&bad), [("agency_ids[1]".to_string(), "unknown_agency".to_string()), ("agency_ids[2]".to_string(), "unknown_agency".to_string())]);

    // The agency sees it (without the share list), the rival does not.
    let (status, seen) = send(&app, Method::GET, &path, &agency.admin_token, None).await;
    assert_eq!((status, seen["shared"].as_bool()), (200, Some(true)));
    assert!(seen.get("shared_with").is_none(), "{seen}");
    assert_eq!(send(&app, Method::GET, &path, &recruiter_token, None).await.0, 200);
    assert_eq!(send(&app, Method::GET, &path, &rival.admin_token, None).await.0, 404);
    let (_, listed) = send(&app, Method::GET, "/api/jobs?owner=shared", &agency.admin_token, None).await;
    assert_eq!((titles(&listed), listed["items"][0]["shared"].as_bool()), (vec!["Shared role".to_string()], Some(true)));
    assert_eq!(send(&app, Method::GET, "/api/jobs?owner=mine", &agency.admin_token, None).await.1["total"], 0);
    assert_eq!(send(&app, Method::GET, "/api/jobs", &rival.admin_token, None).await.1["total"], 0);

    // It cannot edit, publish, close, share or delete it.
    for (method, suffix, body) in [
        (Method::PATCH, "", Some(json!({"title": "Mine now"}))),
        (Method::POST, "/publish", None),
        (Method::POST, "/close", Some(json!({"reason": "filled"}))),
        (Method::PUT, "/agencies", Some(json!({"agency_ids": []}))),
        (Method::DELETE, "", None),
    ] {
        let (status, problem) = send(&app, method.clone(), &format!("{path}{suffix}"), &agency.admin_token, body.clone()).await;
        assert_eq!((status, problem["code"].as_str()), (403, Some("not_job_owner")), "{method} {suffix}");
        assert_eq!(send(&app, method, &format!("{path}{suffix}"), &rival.admin_token, body).await.0, 404, "rival {suffix}");
    }

    // Each side staffs its own people.
    let (status, team) =
        send(&app, Method::PUT, &format!("{path}/team"), &agency.admin_token, Some(json!({"members": [{"user_id": agency_recruiter, "role": "recruiter"}]}))).await;
    assert_eq!(status, 200, "{team}");
    let (status, bad) =
        send(&app, Method::PUT, &format!("{path}/team"), &agency.admin_token, Some(json!({"members": [{"user_id": hiring_manager, "role": "recruiter"}]}))).await;
    assert_eq!((status, fields(&bad)), (422, vec![("members[0].user_id".to_string(), "not_company_member".to_string())]));
    let (status, team) = send(
        &app,
        Method::PUT,
        &format!("{path}/team"),
        &employer.admin_token,
        Some(json!({"members": [{"user_id": hiring_manager, "role": "hiring_manager"}]})),
    )
    .await;
    assert_eq!(status, 200);
    let members: Vec<(String, String)> =
        team["members"].as_array().unwrap().iter().map(|m| (m["user_id"].as_str().unwrap().to_string(), m["role"].as_str().unwrap().to_string())).collect();
    assert_eq!(members, [(agency_recruiter.to_string(), "recruiter".to_string()), (hiring_manager.to_string(), "hiring_manager".to_string())]);
    assert_eq!(send(&app, Method::GET, &format!("/api/jobs?recruiter={agency_recruiter}"), &recruiter_token, None).await.1["total"], 1);
    assert_eq!(audit_of(&app, "jobs.team", &id_of(&job)).await.len(), 2);

    // Unsharing takes the agency's people off the team and the job out of its sight.
    let (status, shared) = send(&app, Method::PUT, &format!("{path}/agencies"), &employer.admin_token, Some(json!({"agency_ids": []}))).await;
    assert_eq!((status, shared["shared_with"].clone()), (200, json!([])));
    let (_, after) = send(&app, Method::GET, &path, &employer.admin_token, None).await;
    assert_eq!(after["team"].as_array().unwrap().len(), 1);
    assert_eq!(after["team"][0]["user_id"], hiring_manager.to_string());
    assert_eq!(send(&app, Method::GET, &path, &agency.admin_token, None).await.0, 404);

    // An agency's own job is not shareable.
    let own = create(&app, &agency.admin_token, json!({"title": "Agency role"})).await;
    let (status, problem) =
        send(&app, Method::PUT, &format!("/api/jobs/{}/agencies", id_of(&own)), &agency.admin_token, Some(json!({"agency_ids": [rival.company]}))).await;
    assert_eq!((status, fields(&problem)), (422, vec![("agency_ids".to_string(), "not_shareable".to_string())]));
}

#[tokio::test]
async fn team_members_are_known_unique_and_of_the_callers_company() {
    let app = TestApp::spawn().await;
    let agency = tenant(&app, "Team Agency", "agency").await;
    let stranger_company = app.create_company("Stranger Co", "agency").await;
    let stranger = app.create_user(&unique_email("stranger"), "recruiter", Some(stranger_company)).await;
    let (mine, _) = member(&app, "recruiter", agency.company).await;
    let job = create(&app, &agency.admin_token, json!({"title": "Staffed"})).await;
    let path = format!("/api/jobs/{}/team", id_of(&job));
    let (status, problem) = send(
        &app,
        Method::PUT,
        &path,
        &agency.admin_token,
        Some(json!({"members": [
            {"user_id": mine, "role": "recruiter"},
            {"user_id": mine, "role": "boss"},
            {"user_id": stranger.0, "role": "recruiter"}
        ]})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem), [("members[1].role".to_string(), "invalid_choice".to_string()), ("members[1].user_id".to_string(), "duplicate".to_string())]);
    let (status, problem) = send(&app, Method::PUT, &path, &agency.admin_token, Some(json!({"members": [{"user_id": stranger.0, "role": "recruiter"}]}))).await;
    assert_eq!((status, fields(&problem)), (422, vec![("members[0].user_id".to_string(), "not_company_member".to_string())]));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM job_team").await, 0);
    let (status, team) = send(&app, Method::PUT, &path, &agency.admin_token, Some(json!({"members": [{"user_id": mine, "role": "recruiter"}]}))).await;
    assert_eq!((status, team["members"].as_array().unwrap().len()), (200, 1));
    let (status, team) = send(&app, Method::PUT, &path, &agency.admin_token, Some(json!({"members": []}))).await;
    assert_eq!((status, team["members"].clone()), (200, json!([])));
}

#[tokio::test]
async fn patch_changes_only_what_is_sent_and_is_audited() {
    let app = TestApp::spawn().await;
    let agency = tenant(&app, "Patch Agency", "agency").await;
    let other = app.create_company("Other Patch", "agency").await;
    let outsider = app.create_user(&unique_email("outsider"), "manager", Some(other)).await;
    let job = create(&app, &agency.admin_token, json!({"title": "Old title", "location": "Pune", "department": "Eng", "notes": "n"})).await;
    let path = format!("/api/jobs/{}", id_of(&job));

    let (status, after) = send(&app, Method::PATCH, &path, &agency.admin_token, Some(json!({"title": "New title", "location": null, "status": "open"}))).await;
    assert_eq!(status, 200, "{after}");
    assert_eq!((after["title"].as_str(), after["location"].as_str(), after["department"].as_str(), after["status"].as_str()), (Some("New title"), None, Some("Eng"), Some("open")));
    assert!(after["opened_at"].is_string());
    let rows = audit_of(&app, "jobs.update", &id_of(&job)).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["changes"]["title"], json!({"before": "Old title", "after": "New title"}));
    assert_eq!(rows[0].1["changes"]["location"], json!({"before": "Pune", "after": null}));

    let (status, held) = send(&app, Method::PATCH, &path, &agency.admin_token, Some(json!({"status": "on_hold"}))).await;
    assert_eq!((status, held["status"].as_str()), (200, Some("on_hold")));
    let (status, problem) =
        send(&app, Method::PATCH, &path, &agency.admin_token, Some(json!({"status": "closed", "positions": 0, "manager_id": outsider.0, "kind": "requirement"}))).await;
    assert_eq!(status, 422);
    let named: Vec<String> = fields(&problem).into_iter().map(|(f, _)| f).collect();
    assert_eq!(named, ["status", "positions", "manager_id"]);
    let (_, unchanged) = send(&app, Method::GET, &path, &agency.admin_token, None).await;
    assert_eq!((unchanged["status"].as_str(), unchanged["positions"].as_i64()), (Some("on_hold"), Some(1)));

    let other_job = create(&app, &agency.admin_token, json!({"title": "Other", "reference": "TAKEN-1"})).await;
    let (status, problem) = send(&app, Method::PATCH, &path, &agency.admin_token, Some(json!({"reference": "TAKEN-1"}))).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("reference_taken")));
    let _ = other_job;
    assert_eq!(send(&app, Method::PATCH, &format!("/api/jobs/{}", Uuid::now_v7()), &agency.admin_token, Some(json!({}))).await.0, 404);
}

#[tokio::test]
async fn publish_unpublish_close_and_reopen() {
    let app = TestApp::spawn().await;
    let employer = tenant(&app, "Lifecycle Employer", "employer").await;
    let t = &employer.admin_token;
    let job = create(&app, t, json!({"title": "Cycle"})).await;
    let path = format!("/api/jobs/{}", id_of(&job));

    let (status, published) = send(&app, Method::POST, &format!("{path}/publish"), t, None).await;
    assert_eq!(status, 200);
    assert_eq!((published["status"].as_str(), published["published"].as_bool()), (Some("open"), Some(true)));
    assert!(published["opened_at"].is_string() && published["published_at"].is_string());
    let (_, unpublished) = send(&app, Method::POST, &format!("{path}/unpublish"), t, None).await;
    assert_eq!((unpublished["published"].as_bool(), unpublished["status"].as_str()), (Some(false), Some("open")));

    let (status, problem) = send(&app, Method::POST, &format!("{path}/close"), t, Some(json!({"reason": "bored"}))).await;
    assert_eq!((status, fields(&problem)), (422, vec![("reason".to_string(), "invalid_choice".to_string())]));
    send(&app, Method::POST, &format!("{path}/publish"), t, None).await;
    let (status, closed) = send(&app, Method::POST, &format!("{path}/close"), t, Some(json!({"reason": "filled", "note": "Hired Ann"}))).await;
    assert_eq!(status, 200);
    assert_eq!((closed["status"].as_str(), closed["close_reason"].as_str(), closed["published"].as_bool()), (Some("closed"), Some("filled"), Some(false)));
    assert!(closed["closed_at"].is_string());
    let rows = audit_of(&app, "jobs.close", &id_of(&job)).await;
    assert_eq!((rows.len(), rows[0].1["note"].as_str()), (1, Some("Hired Ann")));
    assert_eq!(send(&app, Method::POST, &format!("{path}/close"), t, Some(json!({"reason": "filled"}))).await.1["code"], "job_closed");
    assert_eq!(send(&app, Method::POST, &format!("{path}/publish"), t, None).await.1["code"], "job_closed");
    let (status, problem) = send(&app, Method::PATCH, &path, t, Some(json!({"status": "open"}))).await;
    assert_eq!((status, fields(&problem)), (422, vec![("status".to_string(), "job_closed".to_string())]));

    let (status, reopened) = send(&app, Method::POST, &format!("{path}/reopen"), t, None).await;
    assert_eq!(status, 200);
    assert_eq!((reopened["status"].as_str(), reopened["closed_at"].is_null(), reopened["close_reason"].is_null()), (Some("open"), true, true));
    assert_eq!(reopened["opened_at"], published["opened_at"], "ageing counts from the first opening");
    let (status, problem) = send(&app, Method::POST, &format!("{path}/reopen"), t, None).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("job_not_closed")));
    for action in ["jobs.publish", "jobs.unpublish", "jobs.reopen"] {
        assert!(!audit_of(&app, action, &id_of(&job)).await.is_empty(), "{action}");
    }
}

#[tokio::test]
async fn a_job_with_applications_is_closed_not_deleted() {
    let app = TestApp::spawn().await;
    let agency = tenant(&app, "Delete Agency", "agency").await;
    let t = &agency.admin_token;
    let job = create(&app, t, json!({"title": "Has applicants", "status": "open"})).await;
    let fixture = JobFixture {
        id: Uuid::parse_str(&id_of(&job)).unwrap(),
        company: agency.company,
        stages: job["stages"].as_array().unwrap().iter().map(|s| Uuid::parse_str(s["id"].as_str().unwrap()).unwrap()).collect(),
    };
    let candidate = insert_candidate(&app, agency.company, "Ann Applicant", &unique_email("ann")).await;
    insert_application(&app, &fixture, candidate, Some(agency.company), None).await;

    let (_, listed) = send(&app, Method::GET, "/api/jobs", t, None).await;
    assert_eq!(listed["items"][0]["application_count"], 1);
    let path = format!("/api/jobs/{}", id_of(&job));
    let (status, problem) = send(&app, Method::DELETE, &path, t, None).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("job_has_applications")));

    let empty = create(&app, t, json!({"title": "No applicants"})).await;
    let empty_path = format!("/api/jobs/{}", id_of(&empty));
    assert_eq!(send(&app, Method::DELETE, &empty_path, t, None).await.0, 204);
    assert_eq!(send(&app, Method::GET, &empty_path, t, None).await.0, 404);
    assert_eq!(send(&app, Method::DELETE, &empty_path, t, None).await.0, 404);
    assert_eq!(titles(&send(&app, Method::GET, "/api/jobs", t, None).await.1), ["Has applicants"]);
    assert_eq!(audit_of(&app, "jobs.delete", &id_of(&empty)).await.len(), 1);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM jobs WHERE deleted_at IS NOT NULL").await, 1);
}

#[tokio::test]
async fn writes_need_jobs_write_and_every_route_a_token() {
    let app = TestApp::spawn().await;
    let agency = tenant(&app, "Perm Agency", "agency").await;
    let job = create(&app, &agency.admin_token, json!({"title": "Guarded"})).await;
    let path = format!("/api/jobs/{}", id_of(&job));
    let (_, sales) = member(&app, "sales", agency.company).await;
    let (_, recruiter) = member(&app, "recruiter", agency.company).await;
    let candidate_email = unique_email("candidate");
    app.create_user(&candidate_email, "candidate", None).await;
    let candidate = token(&app.sign_in(&candidate_email).await);

    for t in [&sales, &recruiter, &candidate] {
        assert_eq!(send(&app, Method::POST, "/api/jobs", t, Some(json!({"title": "Nope"}))).await.0, 403);
        assert_eq!(send(&app, Method::PATCH, &path, t, Some(json!({"title": "Nope"}))).await.0, 403);
        assert_eq!(send(&app, Method::POST, &format!("{path}/publish"), t, None).await.0, 403);
        assert_eq!(send(&app, Method::DELETE, &path, t, None).await.0, 403);
    }
    assert_eq!(send(&app, Method::GET, &path, &sales, None).await.0, 200);
    assert_eq!(send(&app, Method::GET, "/api/jobs", &recruiter, None).await.0, 200);
    assert_eq!(send(&app, Method::GET, "/api/jobs", &candidate, None).await.0, 403);
    assert_eq!(call(&app, Method::GET, "/api/jobs", None, None).await.status(), 401);
    assert_eq!(call(&app, Method::POST, "/api/jobs", None, Some(json!({"title": "x"}))).await.status(), 401);
    assert_eq!(call(&app, Method::GET, &path, None, None).await.status(), 401);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM jobs").await, 1);
}

#[tokio::test]
async fn agencies_on_the_same_job_do_not_see_each_others_recruiters() {
    let app = TestApp::spawn().await;
    let employer = tenant(&app, "Two Agency Employer", "employer").await;
    let first = tenant(&app, "First Agency", "agency").await;
    let second = tenant(&app, "Second Agency", "agency").await;
    let (first_recruiter, _) = member(&app, "recruiter", first.company).await;
    let (second_recruiter, _) = member(&app, "recruiter", second.company).await;
    let (interviewer, _) = member(&app, "interviewer", employer.company).await;
    let job = create(&app, &employer.admin_token, json!({"title": "Contested", "status": "open"})).await;
    let path = format!("/api/jobs/{}", id_of(&job));
    let (status, _) = send(&app, Method::PUT, &format!("{path}/agencies"), &employer.admin_token, Some(json!({"agency_ids": [first.company, second.company]}))).await;
    assert_eq!(status, 200);
    for (t, user, role) in
        [(&first.admin_token, first_recruiter, "recruiter"), (&second.admin_token, second_recruiter, "recruiter"), (&employer.admin_token, interviewer, "interviewer")]
    {
        let (status, body) = send(&app, Method::PUT, &format!("{path}/team"), t, Some(json!({"members": [{"user_id": user, "role": role}]}))).await;
        assert_eq!(status, 200, "{body}");
    }
    let team_of = |v: &Value| {
        let mut ids: Vec<String> = v["team"].as_array().unwrap().iter().map(|m| m["user_id"].as_str().unwrap().to_string()).collect();
        ids.sort();
        ids
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    let (_, owner_view) = send(&app, Method::GET, &path, &employer.admin_token, None).await;
    assert_eq!(team_of(&owner_view), sorted(vec![first_recruiter.to_string(), second_recruiter.to_string(), interviewer.to_string()]));
    let (_, first_view) = send(&app, Method::GET, &path, &first.admin_token, None).await;
    assert_eq!(team_of(&first_view), sorted(vec![first_recruiter.to_string(), interviewer.to_string()]));
    let (_, second_view) = send(&app, Method::PUT, &format!("{path}/team"), &second.admin_token, Some(json!({"members": [{"user_id": second_recruiter, "role": "recruiter"}]}))).await;
    let mut second_ids: Vec<String> = second_view["members"].as_array().unwrap().iter().map(|m| m["user_id"].as_str().unwrap().to_string()).collect();
    second_ids.sort();
    assert_eq!(second_ids, sorted(vec![second_recruiter.to_string(), interviewer.to_string()]));
    assert_eq!(send(&app, Method::GET, "/api/jobs", &first.admin_token, None).await.1["items"][0]["team_size"], 2);
    assert_eq!(send(&app, Method::GET, "/api/jobs", &employer.admin_token, None).await.1["items"][0]["team_size"], 3);
}
