//! `GET /api/dashboard`: one variant per kind of caller, with exact numbers
//! from data written straight into the database.

use crate::admin_support::{call, fields, send, token};
use crate::recruiting_support::{add_to_team, insert_application, insert_candidate, insert_job, move_application, set_job_opened_at, set_submitted_at, JobFixture};
use chrono::{Duration, Utc};
use hireops_domain::identity::CompanyType;
use hireops_domain::ids::CompanyId;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::Value;
use uuid::Uuid;

async fn dashboard(app: &TestApp, token: &str, query: &str) -> Value {
    let (status, body) = send(app, Method::GET, &format!("/api/dashboard{query}"), token, None).await;
    assert_eq!(status, 200, "{body}");
    body
}

/// `[{key, count}]` as pairs.
fn pairs(v: &Value) -> Vec<(String, u64)> {
    v.as_array().unwrap().iter().map(|k| (k["key"].as_str().unwrap().to_string(), k["count"].as_u64().unwrap())).collect()
}

fn count_of(v: &Value, key: &str) -> u64 {
    pairs(v).into_iter().find(|(k, _)| k == key).map_or(0, |(_, n)| n)
}

/// A user of `company` with `role` and a display name; returns (id, email).
pub async fn person(app: &TestApp, company: Option<CompanyId>, role: &str, name: &str) -> (Uuid, String) {
    let email = unique_email(role);
    let id = app.create_user(&email, role, company).await.0;
    sqlx::query("UPDATE users SET full_name = ? WHERE id = ?").bind(name).bind(id).execute(&app.pool).await.unwrap();
    (id, email)
}

pub async fn set_job(app: &TestApp, job: Uuid, status: &str, priority: &str, client: Option<&str>) {
    sqlx::query("UPDATE jobs SET status = ?, priority = ?, client_name = ?, kind = IF(? IS NULL, 'opening', 'requirement') WHERE id = ?")
        .bind(status)
        .bind(priority)
        .bind(client)
        .bind(client)
        .bind(job)
        .execute(&app.pool)
        .await
        .unwrap();
}

pub async fn applicant(app: &TestApp, job: &JobFixture, company: CompanyId, recruiter: Option<Uuid>, submitted_days_ago: f64) -> Uuid {
    let candidate = insert_candidate(app, company, "Applicant", &unique_email("applicant")).await;
    let id = insert_application(app, job, candidate, Some(company), recruiter).await;
    set_submitted_at(app, id, Utc::now() - Duration::minutes((submitted_days_ago * 1440.0) as i64)).await;
    id
}

pub fn ago(days: f64) -> chrono::DateTime<Utc> {
    Utc::now() - Duration::minutes((days * 1440.0) as i64)
}

#[tokio::test]
async fn super_admins_get_platform_counts() {
    let app = TestApp::spawn().await;
    let root = token(&app.sign_in_admin(&app.super_admin_email).await);
    let before = dashboard(&app, &root, "").await;
    assert_eq!(before["kind"], "platform");

    let agency = app.create_company("Platform Agency", "agency").await;
    let suspended = app.create_company("Sleeping Agency", "agency").await;
    sqlx::query("UPDATE companies SET status = 'suspended' WHERE id = ?").bind(suspended.0).execute(&app.pool).await.unwrap();
    let employer = app.create_company("Platform Employer", "employer").await;
    let (hm, _) = person(&app, Some(employer), "hiring_manager", "Hana").await;
    let (gone, _) = person(&app, Some(agency), "recruiter", "Gone").await;
    sqlx::query("UPDATE users SET status = 'deactivated' WHERE id = ?").bind(gone).execute(&app.pool).await.unwrap();
    let open = insert_job(&app, employer, CompanyType::Employer, hm, "Open").await;
    let closed = insert_job(&app, employer, CompanyType::Employer, hm, "Closed").await;
    set_job(&app, closed.id, "closed", "medium", None).await;
    applicant(&app, &open, employer, None, 0.1).await;
    applicant(&app, &open, employer, None, 6.0).await;
    applicant(&app, &closed, employer, None, 10.0).await;

    let after = dashboard(&app, &root, "").await;
    let delta = |path: &str, key: &str| count_of(&after[path], key) - count_of(&before[path], key);
    assert_eq!((delta("companies_by_type", "agency"), delta("companies_by_type", "employer")), (2, 1));
    assert_eq!((delta("companies_by_status", "active"), delta("companies_by_status", "suspended")), (2, 1));
    assert_eq!((delta("users_by_status", "active"), delta("users_by_status", "deactivated")), (1, 1));
    let num = |v: &Value, k: &str| v[k].as_u64().unwrap();
    assert_eq!(num(&after, "open_jobs") - num(&before, "open_jobs"), 1);
    assert_eq!(num(&after, "applications_total") - num(&before, "applications_total"), 3);
    assert_eq!(num(&after, "applications_last_7_days") - num(&before, "applications_last_7_days"), 2);
}

#[tokio::test]
async fn candidates_see_their_own_applications() {
    let app = TestApp::spawn().await;
    let employer = app.create_company("Cand Employer", "employer").await;
    let (hm, _) = person(&app, Some(employer), "hiring_manager", "Hana").await;
    let (me, email) = person(&app, None, "candidate", "Casey").await;
    let (someone, _) = person(&app, None, "candidate", "Other").await;
    let backend = insert_job(&app, employer, CompanyType::Employer, hm, "Backend Engineer").await;
    let data = insert_job(&app, employer, CompanyType::Employer, hm, "Data Analyst").await;
    let design = insert_job(&app, employer, CompanyType::Employer, hm, "Designer").await;

    // My profile at the employer, and my personal profile.
    let linked = insert_candidate(&app, employer, "Casey", &unique_email("casey")).await;
    sqlx::query("UPDATE candidates SET user_id = ? WHERE id = ?").bind(me).bind(linked).execute(&app.pool).await.unwrap();
    let personal = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO candidates (id, company_id, user_id, full_name, links, tags, search_text, created_at, updated_at)
         VALUES (?, NULL, ?, 'Casey', '{}', '[]', 'Casey', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
    )
    .bind(personal)
    .bind(me)
    .execute(&app.pool)
    .await
    .unwrap();
    let a1 = insert_application(&app, &backend, linked, Some(employer), None).await;
    set_submitted_at(&app, a1, ago(1.0)).await;
    move_application(&app, a1, backend.stages[2], ago(0.5)).await; // Interview
    let a2 = insert_application(&app, &data, linked, Some(employer), None).await;
    set_submitted_at(&app, a2, ago(5.0)).await;
    move_application(&app, a2, data.stages[4], ago(2.0)).await; // Hired
    let a3 = insert_application(&app, &design, personal, None, None).await;
    set_submitted_at(&app, a3, ago(10.0)).await;
    move_application(&app, a3, design.stages[5], ago(3.0)).await; // Rejected
    // Someone else's application.
    let theirs = insert_candidate(&app, employer, "Other", &unique_email("other")).await;
    sqlx::query("UPDATE candidates SET user_id = ? WHERE id = ?").bind(someone).bind(theirs).execute(&app.pool).await.unwrap();
    insert_application(&app, &backend, theirs, Some(employer), None).await;
    for job in [backend.id, data.id] {
        sqlx::query("INSERT INTO saved_jobs (user_id, job_id, saved_at) VALUES (?, ?, UTC_TIMESTAMP(6))").bind(me).bind(job).execute(&app.pool).await.unwrap();
    }

    let t = token(&app.sign_in(&email).await);
    let d = dashboard(&app, &t, "").await;
    assert_eq!(d["kind"], "candidate");
    let apps: Vec<(String, String, String, String, String)> = d["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let s = |k: &str| a[k].as_str().unwrap().to_string();
            (s("id"), s("job_title"), s("company_name"), s("stage"), s("stage_kind"))
        })
        .collect();
    let row = |id: Uuid, title: &str, stage: &str, kind: &str| (id.to_string(), title.to_string(), "Cand Employer".to_string(), stage.to_string(), kind.to_string());
    assert_eq!(
        apps,
        [row(a1, "Backend Engineer", "Interview", "active"), row(a2, "Data Analyst", "Hired", "hired"), row(a3, "Designer", "Rejected", "rejected")]
    );
    assert_eq!(d["counts"], serde_json::json!({"active": 1, "hired": 1, "rejected": 1}));
    assert_eq!(d["saved_jobs"], 2);
}

#[tokio::test]
async fn employers_see_their_open_jobs_pipeline_and_hires() {
    let app = TestApp::spawn().await;
    let employer = app.create_company("KPI Employer", "employer").await;
    let other = app.create_company("Other Employer", "employer").await;
    let (hm, email) = person(&app, Some(employer), "hiring_manager", "Hana").await;
    let (other_hm, _) = person(&app, Some(other), "hiring_manager", "Otto").await;
    let j1 = insert_job(&app, employer, CompanyType::Employer, hm, "Backend").await;
    let j2 = insert_job(&app, employer, CompanyType::Employer, hm, "Frontend").await;
    let j3 = insert_job(&app, employer, CompanyType::Employer, hm, "Closed role").await;
    set_job(&app, j3.id, "closed", "medium", None).await;
    // Stages: Applied, Screening, Interview, Offer, Hired, Rejected.
    let a1 = applicant(&app, &j1, employer, None, 1.0 / 24.0).await;
    let a2 = applicant(&app, &j1, employer, None, 2.0).await;
    move_application(&app, a2, j1.stages[1], ago(0.02)).await;
    let a3 = applicant(&app, &j1, employer, None, 3.0).await;
    move_application(&app, a3, j1.stages[4], Utc::now()).await;
    let a4 = applicant(&app, &j2, employer, None, 10.0).await;
    let a5 = applicant(&app, &j3, employer, None, 2.0 / 24.0).await;
    let a6 = applicant(&app, &j2, employer, None, 60.0).await;
    move_application(&app, a6, j2.stages[4], ago(40.0)).await;
    // Another employer's activity never shows.
    let foreign = insert_job(&app, other, CompanyType::Employer, other_hm, "Foreign").await;
    let f = applicant(&app, &foreign, other, None, 0.0).await;
    move_application(&app, f, foreign.stages[4], Utc::now()).await;

    let t = token(&app.sign_in(&email).await);
    let d = dashboard(&app, &t, "").await;
    assert_eq!(d["kind"], "employer", "{d}");
    assert_eq!(d["open_jobs"], 2);
    let stage = |n: &str, c: u64| (n.to_string(), c);
    assert_eq!(
        pairs(&d["applicants_by_stage"]),
        [stage("Applied", 2), stage("Screening", 1), stage("Interview", 0), stage("Offer", 0), stage("Hired", 2), stage("Rejected", 0)]
    );
    assert_eq!(d["new_applications_this_week"], 4);
    assert_eq!(d["hires_this_month"], 1);
    let recent: Vec<&str> = d["recent_applications"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    let expected: Vec<String> = [a1, a5, a2, a3, a4, a6].iter().map(Uuid::to_string).collect();
    assert_eq!(recent, expected);
    assert_eq!(d["recent_applications"][0]["job_title"], "Backend");
    assert_eq!(d["recent_applications"][0]["stage"], "Applied");
    assert_eq!(d["recent_applications"][2]["stage"], "Screening");

    // Every employer role gets the employer view.
    let (_, interviewer) = person(&app, Some(employer), "interviewer", "Ivy").await;
    let t = token(&app.sign_in(&interviewer).await);
    assert_eq!(dashboard(&app, &t, "").await["open_jobs"], 2);
}

struct Agency {
    app: TestApp,
    manager: String,
    ann: (Uuid, String),
    bob: (Uuid, String),
    sales: String,
    jobs: Vec<Uuid>,
}

/// An agency with three open requirements, a closed one, two recruiters and
/// five applications moved through the staffing stages:
/// Submitted, L1 Scheduled, L1 Cleared, L2 Scheduled, L2 Cleared,
/// Client Interview, Offered, Joined (hired), Rejected, On hold.
async fn agency_with_activity() -> Agency {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Funnel Agency", "agency").await;
    let rival = app.create_company("Rival Agency", "agency").await;
    let (_, manager) = person(&app, Some(agency), "manager", "Maya Manager").await;
    let ann = person(&app, Some(agency), "recruiter", "Ann Recruiter").await;
    let bob = person(&app, Some(agency), "recruiter", "Bob Recruiter").await;
    let (_, sales) = person(&app, Some(agency), "sales", "Sam Sales").await;
    let (rival_recruiter, _) = person(&app, Some(rival), "recruiter", "Rita Rival").await;

    let r1 = insert_job(&app, agency, CompanyType::Agency, ann.0, "Java Lead").await;
    set_job(&app, r1.id, "open", "high", Some("Acme")).await;
    set_job_opened_at(&app, r1.id, ago(3.0)).await;
    add_to_team(&app, r1.id, ann.0, "recruiter").await;
    let r2 = insert_job(&app, agency, CompanyType::Agency, ann.0, "SRE").await;
    set_job(&app, r2.id, "open", "critical", Some("Globex")).await;
    set_job_opened_at(&app, r2.id, ago(20.0)).await;
    add_to_team(&app, r2.id, ann.0, "recruiter").await;
    add_to_team(&app, r2.id, bob.0, "recruiter").await;
    let r3 = insert_job(&app, agency, CompanyType::Agency, ann.0, "QA").await;
    set_job(&app, r3.id, "on_hold", "low", Some("Acme")).await;
    set_job_opened_at(&app, r3.id, ago(70.0)).await;
    sqlx::query("UPDATE jobs SET manager_id = ? WHERE id = ?").bind(ann.0).bind(r3.id).execute(&app.pool).await.unwrap();
    let r4 = insert_job(&app, agency, CompanyType::Agency, ann.0, "Closed").await;
    set_job(&app, r4.id, "closed", "high", Some("Acme")).await;
    add_to_team(&app, r4.id, ann.0, "recruiter").await;

    let s = |job: &JobFixture, name: &str| job.stages[["Submitted", "L1 Scheduled", "L1 Cleared", "L2 Scheduled", "L2 Cleared", "Client Interview", "Offered", "Joined", "Rejected", "On hold"].iter().position(|n| *n == name).unwrap()];
    let a1 = applicant(&app, &r1, agency, Some(ann.0), 2.0).await;
    move_application(&app, a1, s(&r1, "L1 Scheduled"), ago(1.0)).await;
    move_application(&app, a1, s(&r1, "L2 Scheduled"), ago(0.5)).await;
    move_application(&app, a1, s(&r1, "Offered"), ago(0.25)).await;
    let a2 = applicant(&app, &r2, agency, Some(ann.0), 10.0).await;
    move_application(&app, a2, s(&r2, "Client Interview"), ago(5.0)).await;
    move_application(&app, a2, s(&r2, "Joined"), ago(1.0)).await;
    let a3 = applicant(&app, &r2, agency, Some(bob.0), 3.0).await;
    move_application(&app, a3, s(&r2, "Rejected"), ago(2.0)).await;
    let a4 = applicant(&app, &r1, agency, Some(bob.0), 40.0).await;
    move_application(&app, a4, s(&r1, "L1 Scheduled"), ago(1.0)).await;
    let a5 = applicant(&app, &r2, agency, Some(ann.0), 1.0).await;
    move_application(&app, a5, s(&r2, "L2 Scheduled"), ago(1.0 / 24.0)).await;
    // The rival agency's activity never counts.
    let foreign = insert_job(&app, rival, CompanyType::Agency, rival_recruiter, "Rival req").await;
    let f = applicant(&app, &foreign, rival, Some(rival_recruiter), 1.0).await;
    move_application(&app, f, s(&foreign, "Joined"), ago(0.5)).await;

    Agency { app, manager, ann, bob, sales, jobs: vec![r1.id, r2.id, r3.id] }
}

fn funnel(v: &Value) -> [u64; 5] {
    ["submissions", "interviews", "offers", "hires", "rejections"].map(|k| v[k].as_u64().unwrap())
}

fn performance(v: &Value) -> Vec<(String, [u64; 6])> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let n = |k: &str| r[k].as_u64().unwrap();
            (r["recruiter"]["name"].as_str().unwrap().to_string(), [n("submissions"), n("interviews"), n("offers"), n("hires"), n("rejections"), n("active_requirements")])
        })
        .collect()
}

#[tokio::test]
async fn managers_see_the_team_funnel_and_recruiter_performance() {
    let a = agency_with_activity().await;
    let app = &a.app;
    let t = token(&app.sign_in(&a.manager).await);
    let d = dashboard(app, &t, "").await;
    assert_eq!(d["kind"], "manager", "{d}");
    assert_eq!(funnel(&d["funnel"]), [4, 4, 1, 1, 1], "{d}");
    assert_eq!(
        performance(&d["recruiters"]),
        [("Ann Recruiter".to_string(), [3, 3, 1, 1, 0, 2]), ("Bob Recruiter".to_string(), [1, 1, 0, 0, 1, 1])]
    );
    assert_eq!(d["recruiters"][0]["recruiter"]["id"], a.ann.0.to_string());
    let p = |k: &str, n: u64| (k.to_string(), n);
    assert_eq!(pairs(&d["open_requirements_by_priority"]), [p("low", 1), p("medium", 0), p("high", 1), p("critical", 1)]);
    assert_eq!(d["ageing"], serde_json::json!({"days_0_7": 1, "days_8_15": 0, "days_16_30": 1, "days_31_60": 0, "days_61_plus": 1, "total": 3}));
    let today = Utc::now().date_naive();
    assert_eq!(d["period"]["to"], today.to_string());
    assert_eq!(d["period"]["from"], (today - Duration::days(29)).to_string());

    // One recruiter.
    let d = dashboard(app, &t, &format!("?recruiter_id={}", a.bob.0)).await;
    assert_eq!(funnel(&d["funnel"]), [1, 1, 0, 0, 1]);
    assert_eq!(performance(&d["recruiters"]), [("Bob Recruiter".to_string(), [1, 1, 0, 0, 1, 1])]);
    // One client.
    let d = dashboard(app, &t, "?client=Acme").await;
    assert_eq!(funnel(&d["funnel"]), [1, 2, 1, 0, 0]);
    assert_eq!(pairs(&d["open_requirements_by_priority"]), [p("low", 1), p("medium", 0), p("high", 1), p("critical", 0)]);
    assert_eq!(performance(&d["recruiters"])[0].1[5], 1);
    // A period without activity.
    let d = dashboard(app, &t, "?from=2020-01-01&to=2020-01-31").await;
    assert_eq!(funnel(&d["funnel"]), [0, 0, 0, 0, 0]);
    assert_eq!(d["period"], serde_json::json!({"from": "2020-01-01", "to": "2020-01-31"}));

    for (query, field) in [("?from=2026-02-30", "from"), ("?to=tomorrow", "to"), ("?from=2026-03-02&to=2026-03-01", "to"), ("?recruiter_id=nope", "recruiter_id")] {
        let (status, body) = send(app, Method::GET, &format!("/api/dashboard{query}"), &t, None).await;
        assert_eq!(status, 422, "{query}: {body}");
        assert_eq!(fields(&body).first().map(|f| f.0.as_str()), Some(field), "{query}: {body}");
    }
    assert_eq!(call(app, Method::GET, "/api/dashboard", None, None).await.status(), 401);
}

#[tokio::test]
async fn recruiters_see_their_requirements_and_pipeline() {
    let a = agency_with_activity().await;
    let app = &a.app;
    let t = token(&app.sign_in(&a.ann.1).await);
    let d = dashboard(app, &t, "").await;
    assert_eq!(d["kind"], "recruiter", "{d}");
    let reqs: Vec<(String, String, i64)> = d["open_requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap().to_string(), r["title"].as_str().unwrap().to_string(), r["ageing_days"].as_i64().unwrap()))
        .collect();
    let (r1, r2, r3) = (a.jobs[0].to_string(), a.jobs[1].to_string(), a.jobs[2].to_string());
    assert_eq!(reqs, [(r3, "QA".to_string(), 70), (r2, "SRE".to_string(), 20), (r1, "Java Lead".to_string(), 3)]);
    assert_eq!(d["submissions_this_week"], 2);
    assert_eq!(d["in_interview_stages"], 1);
    let p = |k: &str| (k.to_string(), 1);
    assert_eq!(pairs(&d["pipeline_by_stage"]), [p("L2 Scheduled"), p("Offered"), p("Joined")]);
    let d = dashboard(app, &t, "?client=Globex").await;
    assert_eq!(d["open_requirements"].as_array().unwrap().len(), 1);
    assert_eq!(pairs(&d["pipeline_by_stage"]), [p("L2 Scheduled"), p("Joined")]);

    // Bob: on one requirement's team, one submission this week (the other is 40 days old), one application in L1 Scheduled.
    let t = token(&app.sign_in(&a.bob.1).await);
    let d = dashboard(app, &t, "").await;
    assert_eq!((d["open_requirements"].as_array().unwrap().len(), &d["submissions_this_week"], &d["in_interview_stages"]), (1, &serde_json::json!(1), &serde_json::json!(1)));

    // Sales: the recruiter view, with nothing of their own.
    let t = token(&app.sign_in(&a.sales).await);
    let d = dashboard(app, &t, "").await;
    assert_eq!(d["kind"], "recruiter");
    assert_eq!((d["open_requirements"].as_array().unwrap().len(), &d["submissions_this_week"]), (0, &serde_json::json!(0)));
}
