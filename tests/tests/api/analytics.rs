//! `GET /api/analytics/pipeline` and `GET /api/analytics/requirements`:
//! exact numbers from stage history and opening dates set in the database.

use crate::admin_support::{call, fields, send, token};
use crate::dashboards::{ago, applicant, person, set_job};
use crate::recruiting_support::{add_to_team, insert_job, move_application, set_job_opened_at, set_submitted_at};
use chrono::{Duration, Utc};
use hireops_domain::identity::CompanyType;
use reqwest::Method;
use serde_json::{json, Value};

async fn get(app: &hireops_tests::TestApp, token: &str, path: &str) -> Value {
    let (status, body) = send(app, Method::GET, path, token, None).await;
    assert_eq!(status, 200, "{path}: {body}");
    body
}

/// (stage, kind, current, reached, conversion, avg days, median days)
fn stages(report: &Value) -> Vec<(String, String, u64, u64, Value, Value, Value)> {
    report["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["stage"].as_str().unwrap().to_string(),
                s["kind"].as_str().unwrap().to_string(),
                s["current"].as_u64().unwrap(),
                s["reached"].as_u64().unwrap(),
                s["conversion_from_previous"].clone(),
                s["avg_days_in_stage"].clone(),
                s["median_days_in_stage"].clone(),
            )
        })
        .collect()
}

fn st(name: &str, kind: &str, current: u64, reached: u64, conv: Value, avg: Value, median: Value) -> (String, String, u64, u64, Value, Value, Value) {
    (name.to_string(), kind.to_string(), current, reached, conv, avg, median)
}

#[tokio::test]
async fn pipeline_conversion_and_time_in_stage_from_history() {
    let app = hireops_tests::TestApp::spawn().await;
    let employer = app.create_company("Analytics Employer", "employer").await;
    let other = app.create_company("Other Employer", "employer").await;
    let (hm, email) = person(&app, Some(employer), "hiring_manager", "Hana").await;
    let (other_hm, _) = person(&app, Some(other), "hiring_manager", "Otto").await;
    let j1 = insert_job(&app, employer, CompanyType::Employer, hm, "Backend").await;
    let j2 = insert_job(&app, employer, CompanyType::Employer, hm, "Frontend").await;
    let j3 = insert_job(&app, employer, CompanyType::Employer, hm, "Closed").await;
    set_job(&app, j3.id, "closed", "medium", None).await;
    let foreign = insert_job(&app, other, CompanyType::Employer, other_hm, "Foreign").await;
    // Stages: 0 Applied, 1 Screening, 2 Interview, 3 Offer, 4 Hired, 5 Rejected.
    let base = Utc::now() - Duration::days(20);
    let at = |days: i64| base + Duration::days(days);
    // a: Applied 0 → Screening 2 → Interview 5, still there (15 days up to now).
    let a = applicant(&app, &j1, employer, None, 0.0).await;
    set_submitted_at(&app, a, at(0)).await;
    move_application(&app, a, j1.stages[1], at(2)).await;
    move_application(&app, a, j1.stages[2], at(5)).await;
    // b: Applied 0 → Screening 4 → Rejected 5.
    let b = applicant(&app, &j1, employer, None, 0.0).await;
    set_submitted_at(&app, b, at(0)).await;
    move_application(&app, b, j1.stages[1], at(4)).await;
    move_application(&app, b, j1.stages[5], at(5)).await;
    // c: Applied 1 → Screening 2 → back to Applied 3 → Screening 6 → Hired 7.
    let c = applicant(&app, &j1, employer, None, 0.0).await;
    set_submitted_at(&app, c, at(1)).await;
    move_application(&app, c, j1.stages[1], at(2)).await;
    move_application(&app, c, j1.stages[0], at(3)).await;
    move_application(&app, c, j1.stages[1], at(6)).await;
    move_application(&app, c, j1.stages[4], at(7)).await;
    // d: on the second open job, Applied since day 10.
    let d = applicant(&app, &j2, employer, None, 0.0).await;
    set_submitted_at(&app, d, at(10)).await;
    // On the closed job and on another company's job: never counted.
    applicant(&app, &j3, employer, None, 1.0).await;
    applicant(&app, &foreign, other, None, 1.0).await;

    let t = token(&app.sign_in(&email).await);
    let r = get(&app, &t, &format!("/api/analytics/pipeline?job_id={}", j1.id)).await;
    assert_eq!(r["job_id"], j1.id.to_string());
    assert_eq!(
        stages(&r),
        [
            st("Applied", "active", 0, 3, Value::Null, json!(3.33), json!(4.0)),
            st("Screening", "active", 0, 3, json!(1.0), json!(2.0), json!(2.0)),
            st("Interview", "active", 1, 1, json!(0.33), json!(15.0), json!(15.0)),
            st("Offer", "active", 0, 0, json!(0.0), Value::Null, Value::Null),
            st("Hired", "hired", 1, 1, Value::Null, Value::Null, Value::Null),
            st("Rejected", "rejected", 1, 1, json!(1.0), Value::Null, Value::Null),
        ],
        "{r}"
    );
    assert_eq!(r["totals"], json!({"applications": 3, "hired": 1, "rejected": 1, "active": 1}));

    // All open jobs, merged by stage name.
    let r = get(&app, &t, "/api/analytics/pipeline").await;
    assert_eq!(r["job_id"], Value::Null);
    let all = stages(&r);
    assert_eq!(all[0], st("Applied", "active", 1, 4, Value::Null, json!(5.0), json!(4.0)), "{r}");
    assert_eq!(all[1], st("Screening", "active", 0, 3, json!(0.75), json!(2.0), json!(2.0)));
    assert_eq!(r["totals"], json!({"applications": 4, "hired": 1, "rejected": 1, "active": 2}));

    // Another company's job, an unknown one, a malformed id.
    for path in [format!("/api/analytics/pipeline?job_id={}", foreign.id), format!("/api/analytics/pipeline?job_id={}", uuid::Uuid::now_v7())] {
        let (status, _) = send(&app, Method::GET, &path, &t, None).await;
        assert_eq!(status, 404, "{path}");
    }
    let (status, body) = send(&app, Method::GET, "/api/analytics/pipeline?job_id=nope", &t, None).await;
    assert_eq!((status, fields(&body).first().map(|f| f.0.clone())), (422, Some("job_id".to_string())), "{body}");
    // Without reports:read, and without a token.
    let (_, interviewer) = person(&app, Some(employer), "interviewer", "Ivy").await;
    let it = token(&app.sign_in(&interviewer).await);
    let (status, body) = send(&app, Method::GET, "/api/analytics/pipeline", &it, None).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("missing_permission")));
    assert_eq!(call(&app, Method::GET, "/api/analytics/pipeline", None, None).await.status(), 401);
}

#[tokio::test]
async fn requirements_are_bucketed_by_age_per_client_and_recruiter() {
    let app = hireops_tests::TestApp::spawn().await;
    let agency = app.create_company("Ageing Agency", "agency").await;
    let rival = app.create_company("Rival Agency", "agency").await;
    let employer = app.create_company("Sharing Employer", "employer").await;
    let (maya, manager) = person(&app, Some(agency), "manager", "Maya Manager").await;
    let (ann, _) = person(&app, Some(agency), "recruiter", "Ann Recruiter").await;
    let (bob, _) = person(&app, Some(agency), "recruiter", "Bob Recruiter").await;
    let (rita, _) = person(&app, Some(rival), "recruiter", "Rita").await;
    let (hm, _) = person(&app, Some(employer), "hiring_manager", "Hana").await;

    let job = |title: &'static str, company, kind, creator| {
        let app = &app;
        async move { insert_job(app, company, kind, creator, title).await.id }
    };
    let r1 = job("Java Lead", agency, CompanyType::Agency, maya).await;
    set_job(&app, r1, "open", "high", Some("Acme")).await;
    set_job_opened_at(&app, r1, ago(3.0)).await;
    add_to_team(&app, r1, ann, "recruiter").await;
    let r2 = job("SRE", agency, CompanyType::Agency, maya).await;
    set_job(&app, r2, "open", "critical", Some("Globex")).await;
    set_job_opened_at(&app, r2, ago(20.0)).await;
    add_to_team(&app, r2, ann, "recruiter").await;
    add_to_team(&app, r2, bob, "recruiter").await;
    add_to_team(&app, r2, maya, "hiring_manager").await;
    let r3 = job("QA", agency, CompanyType::Agency, maya).await;
    set_job(&app, r3, "on_hold", "low", Some("Acme")).await;
    set_job_opened_at(&app, r3, ago(70.0)).await;
    for status in ["closed", "draft"] {
        let r = job("Not open", agency, CompanyType::Agency, maya).await;
        set_job(&app, r, status, "high", Some("Acme")).await;
        add_to_team(&app, r, ann, "recruiter").await;
    }
    let shared = job("Shared opening", employer, CompanyType::Employer, hm).await;
    set_job_opened_at(&app, shared, ago(10.0)).await;
    sqlx::query("INSERT INTO job_agencies (job_id, agency_id, shared_by, shared_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
        .bind(shared)
        .bind(agency.0)
        .bind(hm)
        .execute(&app.pool)
        .await
        .unwrap();
    job("Unshared opening", employer, CompanyType::Employer, hm).await;
    let rival_job = job("Rival req", rival, CompanyType::Agency, rita).await;
    set_job(&app, rival_job, "open", "high", Some("Acme")).await;

    let t = token(&app.sign_in(&manager).await);
    let r = get(&app, &t, "/api/analytics/requirements").await;
    let b = |d0: u64, d8: u64, d16: u64, d31: u64, d61: u64| json!({"days_0_7": d0, "days_8_15": d8, "days_16_30": d16, "days_31_60": d31, "days_61_plus": d61, "total": d0 + d8 + d16 + d31 + d61});
    assert_eq!(r["totals"], b(1, 1, 1, 0, 1), "{r}");
    let with = |mut v: Value, key: &str, extra: Value| {
        v.as_object_mut().unwrap().insert(key.to_string(), extra);
        v
    };
    assert_eq!(
        r["by_client"],
        json!([with(b(1, 0, 0, 0, 1), "client", json!("Acme")), with(b(0, 0, 1, 0, 0), "client", json!("Globex")), with(b(0, 1, 0, 0, 0), "client", json!("Sharing Employer"))]),
        "an employer's shared job is worked for that employer"
    );
    assert_eq!(
        r["by_recruiter"],
        json!([
            with(b(1, 0, 1, 0, 0), "recruiter", json!({"id": ann.to_string(), "name": "Ann Recruiter"})),
            with(b(0, 0, 1, 0, 0), "recruiter", json!({"id": bob.to_string(), "name": "Bob Recruiter"})),
            with(b(0, 1, 0, 0, 1), "recruiter", Value::Null),
        ])
    );

    for (query, total) in [("status=on_hold", 1), ("status=open", 3), ("client=Acme", 2), ("client=Sharing%20Employer", 1), ("priority=critical", 1), (&format!("recruiter_id={bob}") as &str, 1)] {
        let r = get(&app, &t, &format!("/api/analytics/requirements?{query}")).await;
        assert_eq!(r["totals"]["total"], total, "{query}: {r}");
    }
    for (query, field) in [("status=closed", "status"), ("priority=urgent", "priority"), ("recruiter_id=zzz", "recruiter_id")] {
        let (status, body) = send(&app, Method::GET, &format!("/api/analytics/requirements?{query}"), &t, None).await;
        assert_eq!(status, 422, "{query}: {body}");
        assert_eq!(fields(&body).first().map(|f| f.0.as_str()), Some(field), "{query}");
    }
    let (_, cand) = person(&app, None, "candidate", "Casey").await;
    let ct = token(&app.sign_in(&cand).await);
    let (status, _) = send(&app, Method::GET, "/api/analytics/requirements", &ct, None).await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn an_agency_counts_only_its_own_submissions_on_a_shared_job() {
    let app = hireops_tests::TestApp::spawn().await;
    let employer = app.create_company("Sharing Employer", "employer").await;
    let agency = app.create_company("Our Agency", "agency").await;
    let competitor = app.create_company("Competitor Agency", "agency").await;
    let (hm, hm_email) = person(&app, Some(employer), "hiring_manager", "Hana").await;
    let (_, manager) = person(&app, Some(agency), "manager", "Maya").await;
    let shared = insert_job(&app, employer, CompanyType::Employer, hm, "Shared").await;
    for a in [agency, competitor] {
        sqlx::query("INSERT INTO job_agencies (job_id, agency_id, shared_by, shared_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
            .bind(shared.id)
            .bind(a.0)
            .bind(hm)
            .execute(&app.pool)
            .await
            .unwrap();
    }
    let ours = applicant(&app, &shared, agency, None, 2.0).await;
    move_application(&app, ours, shared.stages[1], ago(1.0)).await;
    applicant(&app, &shared, competitor, None, 2.0).await;
    applicant(&app, &shared, competitor, None, 1.0).await;

    let t = token(&app.sign_in(&manager).await);
    let r = get(&app, &t, &format!("/api/analytics/pipeline?job_id={}", shared.id)).await;
    assert_eq!(r["totals"], json!({"applications": 1, "hired": 0, "rejected": 0, "active": 1}), "{r}");
    assert_eq!((r["stages"][0]["reached"].as_u64(), r["stages"][1]["current"].as_u64()), (Some(1), Some(1)));
    // Without job_id the shared open job is included, still with our application only.
    let r = get(&app, &t, "/api/analytics/pipeline").await;
    assert_eq!(r["totals"]["applications"], 1, "{r}");
    // The employer sees all three.
    let t = token(&app.sign_in(&hm_email).await);
    let r = get(&app, &t, &format!("/api/analytics/pipeline?job_id={}", shared.id)).await;
    assert_eq!(r["totals"]["applications"], 3, "{r}");
}
