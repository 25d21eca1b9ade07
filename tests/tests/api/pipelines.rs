//! Pipeline templates and job stage edits.

use crate::admin_support::{audit_of, call, count, fields, send, tenant};
use crate::applications::member;
use crate::recruiting_support::{insert_application, insert_candidate, insert_job};
use hireops_domain::identity::CompanyType;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

fn names(stages: &Value) -> Vec<String> {
    stages.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn the_template_starts_as_the_default_and_saving_it_leaves_existing_jobs_alone() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme Staffing", "agency").await;
    let (s, t) = send(&app, Method::GET, "/api/admin/pipeline-template", &acme.admin_token, None).await;
    assert_eq!((s, t["is_default"].as_bool()), (200, Some(true)));
    assert_eq!(names(&t["stages"])[0], "Submitted");
    assert_eq!(t["stages"].as_array().unwrap().len(), 10);
    let (admin_id,): (uuid::Uuid,) = sqlx::query_as("SELECT id FROM users WHERE email = ?").bind(&acme.admin_email).fetch_one(&app.pool).await.unwrap();
    let job = insert_job(&app, acme.company, CompanyType::Agency, admin_id, "Existing").await;

    let bad = json!({"stages": [{"name": "Won", "kind": "hired"}, {"name": "won ", "kind": "active"}]});
    let (s, p) = send(&app, Method::PUT, "/api/admin/pipeline-template", &acme.admin_token, Some(bad)).await;
    assert_eq!(s, 422);
    assert_eq!(
        fields(&p),
        [
            ("stages[1].name".into(), "duplicate".into()),
            ("stages[0].kind".into(), "must_be_active".into()),
            ("stages".into(), "rejected_stage_required".into())
        ]
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM pipeline_template_stages").await, 0);

    let good = json!({"stages": [{"name": "Sourced", "kind": "active"}, {"name": " Placed ", "kind": "hired"}, {"name": "Dropped", "kind": "rejected"}]});
    let (s, t) = send(&app, Method::PUT, "/api/admin/pipeline-template", &acme.admin_token, Some(good)).await;
    assert_eq!((s, t["is_default"].as_bool()), (200, Some(false)), "{t}");
    assert_eq!(names(&t["stages"]), ["Sourced", "Placed", "Dropped"]);
    let (_, again) = send(&app, Method::GET, "/api/admin/pipeline-template", &acme.admin_token, None).await;
    assert_eq!(names(&again["stages"]), ["Sourced", "Placed", "Dropped"]);
    let audit = audit_of(&app, "pipelines.template_update", &acme.company.to_string()).await;
    assert_eq!(audit.len(), 1);
    assert!(audit[0].1["changes"]["stages"]["before"].as_array().unwrap().len() == 10, "{}", audit[0].1);
    let (_, stages) = send(&app, Method::GET, &format!("/api/jobs/{}/stages", job.id), &acme.admin_token, None).await;
    assert_eq!(names(&stages)[0], "Submitted", "existing jobs keep their stages");

    // Each company its own template; recruiters may not; no token is a 401.
    let other = tenant(&app, "Other Staffing", "agency").await;
    let (_, theirs) = send(&app, Method::GET, "/api/admin/pipeline-template", &other.admin_token, None).await;
    assert_eq!(theirs["is_default"], true);
    let (s, p) = send(&app, Method::GET, &format!("/api/admin/pipeline-template?company_id={}", acme.company), &other.admin_token, None).await;
    assert_eq!((s, fields(&p)), (422, vec![("company_id".into(), "other_company".into())]));
    let recruiter = member(&app, "recruiter", Some(acme.company)).await;
    let (s, _) = send(&app, Method::GET, "/api/admin/pipeline-template", &recruiter.2, None).await;
    assert_eq!(s, 403);
    assert_eq!(call(&app, Method::GET, "/api/admin/pipeline-template", None, None).await.status(), 401);
}

#[tokio::test]
async fn job_stages_keep_identity_and_refuse_to_drop_applications() {
    let app = TestApp::spawn().await;
    let globex = tenant(&app, "Globex", "employer").await;
    let hm = member(&app, "hiring_manager", Some(globex.company)).await;
    let job = insert_job(&app, globex.company, CompanyType::Employer, hm.0, "Designer").await;
    let candidate = insert_candidate(&app, globex.company, "Dana", &unique_email("dana")).await;
    let application = insert_application(&app, &job, candidate, Some(globex.company), Some(hm.0)).await;
    let path = format!("/api/jobs/{}/stages", job.id);
    let token = &globex.admin_token;
    let s = &job.stages; // Applied, Screening, Interview, Offer, Hired, Rejected

    let (st, stages) = send(&app, Method::GET, &path, &hm.2, None).await;
    assert_eq!((st, names(&stages)), (200, ["Applied", "Screening", "Interview", "Offer", "Hired", "Rejected"].map(String::from).to_vec()));
    assert_eq!(stages[0]["count"], 1);

    // Move the application to Screening, then rename/reorder/add/remove around it.
    let (st, _) = send(&app, Method::POST, &format!("/api/applications/{application}/move"), &hm.2, Some(json!({"to_stage_id": s[1]}))).await;
    assert_eq!(st, 200);
    let edit = json!({"stages": [
        {"id": s[0], "name": "New", "kind": "active"},
        {"name": "Phone screen", "kind": "active"},
        {"id": s[2], "name": "Screening", "kind": "active"},
        {"id": s[1], "name": "Interview", "kind": "active"},
        {"id": s[4], "name": "Hired", "kind": "hired"},
        {"id": s[5], "name": "Rejected", "kind": "rejected"}
    ]});
    let (st, stages) = send(&app, Method::PUT, &path, token, Some(edit)).await;
    assert_eq!(st, 200, "{stages}");
    assert_eq!(names(&stages), ["New", "Phone screen", "Screening", "Interview", "Hired", "Rejected"]);
    assert_eq!(stages[3]["id"], s[1].to_string(), "swapped names keep their ids");
    assert_eq!(stages[3]["count"], 1);
    let (_, app_now) = send(&app, Method::GET, &format!("/api/applications/{application}"), token, None).await;
    assert_eq!(app_now["stage"]["name"], "Interview", "renaming moves no application");
    let (_, history) = send(&app, Method::GET, &format!("/api/applications/{application}/history"), token, None).await;
    assert_eq!(history[1]["to_stage"]["name"], "Screening", "history keeps the names of its time");
    assert_eq!(audit_of(&app, "pipelines.job_stages_update", &job.id.to_string()).await.len(), 1);

    // Dropping the stage that holds the application: 409 naming it, nothing changed.
    let drop = json!({"stages": [
        {"id": s[0], "name": "New", "kind": "active"},
        {"id": s[4], "name": "Hired", "kind": "hired"},
        {"id": s[5], "name": "Rejected", "kind": "rejected"}
    ]});
    let (st, p) = send(&app, Method::PUT, &path, token, Some(drop)).await;
    assert_eq!((st, p["code"].as_str()), (409, Some("stage_in_use")));
    assert!(p["detail"].as_str().unwrap().contains("Interview"), "{p}");
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM job_stages WHERE job_id = UNHEX(REPLACE('{}', '-', ''))", job.id)).await, 6);

    // A kind change carries the applications' state along.
    let (_, current) = send(&app, Method::GET, &path, token, None).await;
    let mut edit: Vec<Value> = current.as_array().unwrap().iter().map(|c| json!({"id": c["id"], "name": c["name"], "kind": c["kind"]})).collect();
    edit[3]["kind"] = json!("hired");
    let (st, _) = send(&app, Method::PUT, &path, token, Some(json!({ "stages": edit }))).await;
    assert_eq!(st, 200);
    let (_, app_now) = send(&app, Method::GET, &format!("/api/applications/{application}"), token, None).await;
    assert_eq!(app_now["state"], "hired");

    // Unknown ids and bad names are 422s.
    let (st, p) = send(&app, Method::PUT, &path, token, Some(json!({"stages": [{"id": uuid::Uuid::now_v7(), "name": "X", "kind": "active"}, {"name": "H", "kind": "hired"}, {"name": "R", "kind": "rejected"}]}))).await;
    assert_eq!((st, fields(&p)), (422, vec![("stages[0].id".into(), "unknown_stage".into())]));

    // A sharing agency sees the stages but may not edit them; others see nothing.
    let agency = tenant(&app, "Agency", "agency").await;
    sqlx::query("INSERT INTO job_agencies (job_id, agency_id, shared_by, shared_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
        .bind(job.id)
        .bind(agency.company.0)
        .bind(hm.0)
        .execute(&app.pool)
        .await
        .unwrap();
    let (st, _) = send(&app, Method::GET, &path, &agency.admin_token, None).await;
    assert_eq!(st, 200);
    let (st, p) = send(&app, Method::PUT, &path, &agency.admin_token, Some(json!({ "stages": edit }))).await;
    assert_eq!((st, p["code"].as_str()), (403, Some("not_job_owner")));
    let stranger = tenant(&app, "Initech", "employer").await;
    let (st, _) = send(&app, Method::GET, &path, &stranger.admin_token, None).await;
    assert_eq!(st, 404);
    let (st, _) = send(&app, Method::PUT, &path, &stranger.admin_token, Some(json!({ "stages": edit }))).await;
    assert_eq!(st, 404);
    let (st, _) = send(&app, Method::PUT, &path, &hm.2, Some(json!({ "stages": edit }))).await;
    assert_eq!(st, 403, "hiring managers do not hold pipelines:manage");
    assert_eq!(call(&app, Method::GET, &path, None, None).await.status(), 401);
}
