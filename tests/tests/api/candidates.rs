//! Recruiter-managed candidate profiles: create, dedupe, list, view, edit,
//! notes, merge, and who may see or edit what.

use crate::admin_support::*;
use crate::recruiting_support::{insert_application, insert_job};
use hireops_domain::identity::CompanyType;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

async fn member(app: &TestApp, role: &str, company: hireops_domain::ids::CompanyId) -> (Uuid, String) {
    let email = unique_email(role);
    let id = app.create_user(&email, role, Some(company)).await;
    (id.0, token(&app.sign_in(&email).await))
}

/// A member of `company` whose custom role holds candidates:read and candidates:write.
async fn writer_in(app: &TestApp, company: hireops_domain::ids::CompanyId) -> String {
    let email = unique_email("writer");
    let user = app.create_user(&email, "hiring_manager", Some(company)).await;
    let role = Uuid::now_v7();
    sqlx::query("INSERT INTO roles (id, company_id, name, description, is_system, created_at) VALUES (?, ?, 'Candidate editors', '', 0, UTC_TIMESTAMP(6))")
        .bind(role)
        .bind(company.0)
        .execute(&app.pool)
        .await
        .unwrap();
    for p in ["candidates:read", "candidates:write"] {
        sqlx::query("INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)").bind(role).bind(p).execute(&app.pool).await.unwrap();
    }
    sqlx::query("INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)").bind(user.0).bind(role).execute(&app.pool).await.unwrap();
    token(&app.sign_in(&email).await)
}

async fn create(app: &TestApp, token: &str, body: Value) -> Value {
    let (status, created) = send(app, Method::POST, "/api/candidates", token, Some(body)).await;
    assert_eq!(status, 201, "{created}");
    created
}

#[tokio::test]
async fn recruiters_create_dedupe_list_view_and_edit_profiles() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme Staffing", "agency").await;
    let (recruiter_id, recruiter) = member(&app, "recruiter", acme.company).await;

    let priya = create(
        &app,
        &recruiter,
        json!({
            "full_name": "  Priya Sharma ", "email": "Priya.Sharma@Example.com", "phone": "+91 98765-43210",
            "headline": "Backend engineer", "current_title": "Senior Engineer", "location": "Pune, India",
            "total_experience_years": 7.5, "notice_period_days": 30, "expected_salary": 3500000, "salary_currency": "inr",
            "summary": "Builds payment systems.", "source": "linkedin",
            "links": {"linkedin": "https://linkedin.com/in/priya", "github": "https://github.com/priya"},
            "tags": ["Rust", "rust", " Remote "],
            "skills": [{"name": "Rust", "proficiency": "expert", "years_experience": 5}, {"name": "PostgreSQL"}],
            "experience": [{"company_name": "PayCo", "job_title": "Engineer", "start_date": "2019-04-01", "is_current": true}],
            "education": [{"institution": "COEP", "degree": "BTech", "start_date": "2011-07-01", "end_date": "2015-06-30"}]
        }),
    )
    .await;
    let priya_id = priya["id"].as_str().unwrap().to_string();
    assert_eq!(priya["full_name"], "Priya Sharma");
    assert_eq!(priya["tags"], json!(["Rust", "Remote"]));
    assert_eq!(priya["salary_currency"], "INR");
    assert_eq!(priya["total_experience_years"], 7.5);
    assert_eq!(priya["skills"].as_array().unwrap().len(), 2);
    assert!(priya["skills"][0]["id"].is_string());
    assert_eq!(priya["experience"][0]["is_current"], true);
    assert_eq!(priya["education"][0]["end_date"], "2015-06-30");
    assert_eq!(priya["links"]["github"], "https://github.com/priya");
    assert_eq!((priya["editable"].as_bool(), priya["owner"]["name"].as_str()), (Some(true), Some("Acme Staffing")));
    assert_eq!(priya["created_by"], recruiter_id.to_string());

    // Same person again: email in another case, or phone in another format.
    let (status, dup) = send(&app, Method::POST, "/api/candidates", &recruiter, Some(json!({"full_name": "P S", "email": "priya.sharma@EXAMPLE.com"}))).await;
    assert_eq!((status, dup["code"].as_str(), dup["existing_id"].as_str()), (409, Some("duplicate_candidate"), Some(priya_id.as_str())));
    let (status, dup) = send(&app, Method::POST, "/api/candidates", &recruiter, Some(json!({"full_name": "P S", "phone": "+919876543210"}))).await;
    assert_eq!((status, dup["existing_id"].as_str()), (409, Some(priya_id.as_str())));

    // Bad input: every bad field named, nothing written.
    let before = count(&app, "SELECT COUNT(*) FROM candidates").await;
    let (status, bad) = send(
        &app,
        Method::POST,
        "/api/candidates",
        &recruiter,
        Some(json!({"full_name": "", "source": "fax", "links": {"website": "ftp://x.com"}, "total_experience_years": 80,
                    "experience": [{"company_name": "X", "job_title": "Y", "start_date": "2020-01-01", "end_date": "2019-01-01"}]})),
    )
    .await;
    assert_eq!(status, 422, "{bad}");
    let got = fields(&bad);
    for expected in [
        ("full_name", "required"),
        ("email", "contact_required"),
        ("total_experience_years", "out_of_range"),
        ("source", "invalid_source"),
        ("links.website", "invalid_url"),
        ("experience[0].end_date", "before_start"),
    ] {
        assert!(got.contains(&(expected.0.to_string(), expected.1.to_string())), "{expected:?} in {got:?}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM candidates").await, before);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM candidate_experience").await, 1);

    let arjun = create(
        &app,
        &acme.admin_token,
        json!({"full_name": "Arjun Mehta", "email": "arjun@example.com", "location": "Mumbai", "total_experience_years": 2,
               "source": "referral", "tags": ["Frontend"], "skills": [{"name": "TypeScript"}], "summary": "Kubernetes operator"}),
    )
    .await;
    let arjun_id = arjun["id"].as_str().unwrap().to_string();
    create(&app, &acme.admin_token, json!({"full_name": "Zoe Adams", "phone": "020 7946 0958", "source": "job_board"})).await;

    // Filters, sort and paging.
    let list = |q: &str| {
        let (app, token, q) = (&app, recruiter.clone(), q.to_string());
        async move {
            let (status, page) = send(app, Method::GET, &format!("/api/candidates{q}"), &token, None).await;
            assert_eq!(status, 200, "{q}: {page}");
            page
        }
    };
    let names = |page: &Value| page["items"].as_array().unwrap().iter().map(|i| i["full_name"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    let all = list("").await;
    assert_eq!((all["total"].as_u64(), names(&all)), (Some(3), vec!["Zoe Adams".to_string(), "Arjun Mehta".into(), "Priya Sharma".into()]));
    let first = &all["items"][2];
    assert_eq!((first["skills"].clone(), first["application_count"].as_u64()), (json!(["PostgreSQL", "Rust"]), Some(0)));
    assert_eq!(first["owner"]["id"], acme.company.to_string());
    assert_eq!(names(&list("?sort=name&per_page=2").await), ["Arjun Mehta", "Priya Sharma"]);
    let page2 = list("?sort=name&per_page=2&page=2").await;
    assert_eq!((page2["total"].as_u64(), names(&page2)), (Some(3), vec!["Zoe Adams".to_string()]));
    assert_eq!(names(&list("?q=payme").await), ["Priya Sharma"], "prefix of a summary word");
    assert_eq!(names(&list("?q=kubernetes%20operat").await), ["Arjun Mehta"]);
    assert_eq!(names(&list("?q=%2Bkubernetes%20(operator)%22*").await), ["Arjun Mehta"], "operators are not passed through");
    assert_eq!(names(&list("?tag=remote").await), ["Priya Sharma"]);
    assert_eq!(names(&list("?skill=typescript").await), ["Arjun Mehta"]);
    assert_eq!(names(&list("?skill=type").await), Vec::<String>::new(), "skill is an exact name");
    assert_eq!(names(&list("?source=referral").await), ["Arjun Mehta"]);
    assert_eq!(names(&list("?location=pune").await), ["Priya Sharma"]);
    assert_eq!(names(&list("?experience_min=3").await), ["Priya Sharma"]);
    assert_eq!(names(&list("?experience_max=3").await), ["Arjun Mehta"]);
    assert_eq!(names(&list(&format!("?created_by={recruiter_id}")).await), ["Priya Sharma"]);
    let today = chrono::Utc::now().date_naive();
    assert_eq!(list(&format!("?created_from={today}&created_to={today}")).await["total"], 3);
    assert_eq!(list(&format!("?created_to={}", today.pred_opt().unwrap())).await["total"], 0);
    for bad in ["?sort=age", "?source=fax", "?experience_min=5&experience_max=1"] {
        assert_eq!(send(&app, Method::GET, &format!("/api/candidates{bad}"), &recruiter, None).await.0, 422, "{bad}");
    }

    // PATCH: absent unchanged, null clears, lists replace; audited with a diff.
    let path = format!("/api/candidates/{priya_id}");
    let (status, patched) = send(
        &app,
        Method::PATCH,
        &path,
        &recruiter,
        Some(json!({"headline": "Staff engineer", "location": null, "skills": [{"name": "Go", "years_experience": 1}], "tags": ["Go"]})),
    )
    .await;
    assert_eq!(status, 200, "{patched}");
    assert_eq!((patched["headline"].as_str(), patched["location"].as_str(), patched["current_title"].as_str()), (Some("Staff engineer"), None, Some("Senior Engineer")));
    assert_eq!(patched["skills"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect::<Vec<_>>(), ["Go"]);
    assert_eq!((patched["tags"].clone(), patched["experience"].as_array().unwrap().len()), (json!(["Go"]), 1));
    assert_eq!(names(&list("?skill=go").await), ["Priya Sharma"]);
    assert_eq!(names(&list("?q=postgresql").await), Vec::<String>::new(), "search text follows the edit");
    let rows = audit_of(&app, "candidates.update", &priya_id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["changes"]["headline"], json!({"before": "Backend engineer", "after": "Staff engineer"}));
    assert_eq!(rows[0].1["changes"]["location"], json!({"before": "Pune, India", "after": null}));
    assert!(rows[0].1["changes"].get("current_title").is_none());

    // Dedupe again on change; clearing both contacts is refused.
    let (status, dup) = send(&app, Method::PATCH, &path, &recruiter, Some(json!({"email": "ARJUN@example.com"}))).await;
    assert_eq!((status, dup["existing_id"].as_str()), (409, Some(arjun_id.as_str())));
    let (status, bad) = send(&app, Method::PATCH, &path, &recruiter, Some(json!({"email": null, "phone": null}))).await;
    assert_eq!((status, fields(&bad)), (422, vec![("email".to_string(), "contact_required".to_string())]));
    let (_, still) = send(&app, Method::GET, &path, &recruiter, None).await;
    assert_eq!(still["email"], "Priya.Sharma@Example.com");

    // Another company sees nothing of it.
    let other = tenant(&app, "Other Agency", "agency").await;
    assert_eq!(send(&app, Method::GET, &path, &other.admin_token, None).await.0, 404);
    assert_eq!(send(&app, Method::PATCH, &path, &other.admin_token, Some(json!({"headline": "x"}))).await.0, 404);
    assert_eq!(send(&app, Method::GET, "/api/candidates", &other.admin_token, None).await.1["total"], 0);
    // Same email in another company is a different person.
    create(&app, &other.admin_token, json!({"full_name": "Priya", "email": "priya.sharma@example.com"})).await;

    // Permissions and tokens.
    let (_, sales) = member(&app, "sales", acme.company).await;
    assert_eq!(send(&app, Method::GET, "/api/candidates", &sales, None).await.0, 200);
    assert_eq!(send(&app, Method::POST, "/api/candidates", &sales, Some(json!({"full_name": "X", "email": "x@y.com"}))).await.0, 403);
    assert_eq!(send(&app, Method::PATCH, &path, &sales, Some(json!({}))).await.0, 403);
    let email = unique_email("cand");
    app.create_user(&email, "candidate", None).await;
    let candidate = token(&app.sign_in(&email).await);
    assert_eq!(send(&app, Method::GET, "/api/candidates", &candidate, None).await.0, 403);
    assert_eq!(call(&app, Method::GET, "/api/candidates", None, None).await.status().as_u16(), 401);
    assert_eq!(call(&app, Method::GET, &path, None, None).await.status().as_u16(), 401);

    // Super admins hold no candidate permission.
    let root = root_token(&app).await;
    assert_eq!(send(&app, Method::POST, "/api/candidates", &root, Some(json!({"full_name": "X", "email": "x@y.com"}))).await.0, 403);
}

#[tokio::test]
async fn an_employer_sees_an_applicant_from_an_agency_read_only() {
    let app = TestApp::spawn().await;
    let agency = tenant(&app, "Talent Hub", "agency").await;
    let employer = tenant(&app, "Globex", "employer").await;
    let rival = tenant(&app, "Initech", "employer").await;
    let (hm_id, hm) = member(&app, "hiring_manager", employer.company).await;
    let cand = create(&app, &agency.admin_token, json!({"full_name": "Ravi Kumar", "email": "ravi@example.com"})).await;
    let cand_id: Uuid = cand["id"].as_str().unwrap().parse().unwrap();
    let path = format!("/api/candidates/{cand_id}");
    assert_eq!(send(&app, Method::GET, &path, &hm, None).await.0, 404, "not applied yet");

    let job = insert_job(&app, employer.company, CompanyType::Employer, hm_id, "Data Engineer").await;
    let own_job = insert_job(&app, agency.company, CompanyType::Agency, hm_id, "Agency Role").await;
    let app_id = insert_application(&app, &job, cand_id, Some(agency.company), None).await;
    insert_application(&app, &own_job, cand_id, Some(agency.company), None).await;

    let (status, seen) = send(&app, Method::GET, &path, &hm, None).await;
    assert_eq!(status, 200, "{seen}");
    assert_eq!(seen["editable"], false);
    let apps = seen["applications"].as_array().unwrap();
    assert_eq!(apps.len(), 1, "only the application to the employer's job");
    assert_eq!((apps[0]["id"].as_str(), apps[0]["job"]["title"].as_str()), (Some(app_id.to_string().as_str()), Some("Data Engineer")));
    assert_eq!(apps[0]["stage"]["kind"], "active");
    let (_, listed) = send(&app, Method::GET, "/api/candidates", &hm, None).await;
    assert_eq!((listed["total"].as_u64(), listed["items"][0]["application_count"].as_u64()), (Some(1), Some(1)));
    let (_, owner_view) = send(&app, Method::GET, &path, &agency.admin_token, None).await;
    assert_eq!((owner_view["editable"].as_bool(), owner_view["applications"].as_array().unwrap().len()), (Some(true), 2));

    // Employer roles cannot write candidates at all; a custom role that can
    // still only reads a profile its company does not own.
    assert_eq!(send(&app, Method::PATCH, &path, &employer.admin_token, Some(json!({"headline": "x"}))).await.0, 403);
    let writer = writer_in(&app, employer.company).await;
    let (status, denied) = send(&app, Method::PATCH, &path, &writer, Some(json!({"headline": "x"}))).await;
    assert_eq!((status, denied["code"].as_str()), (403, Some("not_candidate_owner")));
    let (status, denied) = send(&app, Method::POST, &format!("{path}/merge"), &writer, Some(json!({"duplicate_id": Uuid::nil()}))).await;
    assert_eq!((status, denied["code"].as_str()), (403, Some("not_candidate_owner")));
    assert_eq!(send(&app, Method::POST, &format!("{path}/notes"), &writer, Some(json!({"body": "hi"}))).await.0, 403);
    assert_eq!(send(&app, Method::GET, &format!("{path}/notes"), &writer, None).await.0, 404);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'candidates.update'").await, 0);
    assert_eq!(send(&app, Method::GET, &path, &rival.admin_token, None).await.0, 404);
}

#[tokio::test]
async fn notes_belong_to_the_owning_company() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let (_, recruiter) = member(&app, "recruiter", acme.company).await;
    let cand = create(&app, &recruiter, json!({"full_name": "Meera", "email": "meera@example.com"})).await;
    let notes = format!("/api/candidates/{}/notes", cand["id"].as_str().unwrap());
    let (status, bad) = send(&app, Method::POST, &notes, &recruiter, Some(json!({"body": "   "}))).await;
    assert_eq!((status, fields(&bad)), (422, vec![("body".to_string(), "invalid_length".to_string())]));
    for body in ["First call went well", "Prefers remote"] {
        let (status, note) = send(&app, Method::POST, &notes, &recruiter, Some(json!({"body": body}))).await;
        assert_eq!(status, 201, "{note}");
        assert_eq!((note["body"].as_str(), note["author"]["full_name"].as_str().is_some()), (Some(body), true));
    }
    let (status, page) = send(&app, Method::GET, &format!("{notes}?per_page=1"), &recruiter, None).await;
    assert_eq!((status, page["total"].as_u64(), page["items"][0]["body"].as_str()), (200, Some(2), Some("Prefers remote")));
    let other = tenant(&app, "Other", "agency").await;
    assert_eq!(send(&app, Method::GET, &notes, &other.admin_token, None).await.0, 404);
    assert_eq!(send(&app, Method::POST, &notes, &other.admin_token, Some(json!({"body": "x"}))).await.0, 404);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM candidate_notes").await, 2);
}

#[tokio::test]
async fn merging_folds_a_duplicate_into_the_survivor() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let (recruiter_id, recruiter) = member(&app, "recruiter", acme.company).await;
    let survivor = create(
        &app,
        &recruiter,
        json!({"full_name": "Priya Sharma", "email": "priya@example.com", "tags": ["Rust"], "skills": [{"name": "Rust", "years_experience": 3}]}),
    )
    .await;
    let duplicate = create(
        &app,
        &recruiter,
        json!({"full_name": "Priya S.", "email": "p.sharma@example.com", "phone": "+91 98765 43210", "headline": "Backend", "tags": ["rust", "Remote"],
               "skills": [{"name": "rust", "years_experience": 5}, {"name": "Go"}],
               "experience": [{"company_name": "PayCo", "job_title": "Engineer", "start_date": "2019-04-01", "is_current": true}]}),
    )
    .await;
    let (s, d) = (survivor["id"].as_str().unwrap().to_string(), duplicate["id"].as_str().unwrap().to_string());
    let (su, du): (Uuid, Uuid) = (s.parse().unwrap(), d.parse().unwrap());
    send(&app, Method::POST, &format!("/api/candidates/{d}/notes"), &recruiter, Some(json!({"body": "Met at a meetup"}))).await;

    let job1 = insert_job(&app, acme.company, CompanyType::Agency, recruiter_id, "Backend").await;
    let job2 = insert_job(&app, acme.company, CompanyType::Agency, recruiter_id, "Platform").await;
    let s_app = insert_application(&app, &job1, su, Some(acme.company), Some(recruiter_id)).await;
    let d_app1 = insert_application(&app, &job1, du, Some(acme.company), Some(recruiter_id)).await;
    let d_app2 = insert_application(&app, &job2, du, Some(acme.company), Some(recruiter_id)).await;
    // The duplicate's application moved on a stage later.
    sqlx::query(
        "INSERT INTO application_history (id, application_id, from_stage_id, from_stage_name, to_stage_id, to_stage_name, changed_by, changed_at)
         VALUES (?, ?, ?, 'Sourced', ?, 'Screening', ?, UTC_TIMESTAMP(6) + INTERVAL 1 SECOND)",
    )
    .bind(Uuid::now_v7())
    .bind(d_app1)
    .bind(job1.stages[0])
    .bind(job1.stages[1])
    .bind(recruiter_id)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO application_feedback (id, application_id, author_id, feedback_type, rating, created_at) VALUES (?, ?, ?, 'screening', 4, UTC_TIMESTAMP(6))")
        .bind(Uuid::now_v7())
        .bind(d_app1)
        .bind(recruiter_id)
        .execute(&app.pool)
        .await
        .unwrap();

    let merge = format!("/api/candidates/{s}/merge");
    let (status, bad) = send(&app, Method::POST, &merge, &recruiter, Some(json!({"duplicate_id": s}))).await;
    assert_eq!((status, fields(&bad)), (422, vec![("duplicate_id".to_string(), "same_candidate".to_string())]));
    let (status, bad) = send(&app, Method::POST, &merge, &recruiter, Some(json!({"duplicate_id": Uuid::nil()}))).await;
    assert_eq!((status, fields(&bad)), (422, vec![("duplicate_id".to_string(), "unknown_candidate".to_string())]));
    let other = tenant(&app, "Other", "agency").await;
    let foreign = create(&app, &other.admin_token, json!({"full_name": "F", "email": "f@example.com"})).await;
    let (status, bad) = send(&app, Method::POST, &merge, &recruiter, Some(json!({"duplicate_id": foreign["id"]}))).await;
    assert_eq!((status, fields(&bad)[0].1.as_str()), (422, "unknown_candidate"));
    assert_eq!(send(&app, Method::POST, &merge, &other.admin_token, Some(json!({"duplicate_id": d}))).await.0, 404);

    let (status, merged) = send(&app, Method::POST, &merge, &recruiter, Some(json!({"duplicate_id": d}))).await;
    assert_eq!(status, 200, "{merged}");
    assert_eq!((merged["full_name"].as_str(), merged["email"].as_str()), (Some("Priya Sharma"), Some("priya@example.com")));
    assert_eq!((merged["phone"].as_str(), merged["headline"].as_str()), (Some("+91 98765 43210"), Some("Backend")));
    assert_eq!(merged["tags"], json!(["Rust", "Remote"]));
    let skills: Vec<(String, Option<f64>)> =
        merged["skills"].as_array().unwrap().iter().map(|k| (k["name"].as_str().unwrap().to_string(), k["years_experience"].as_f64())).collect();
    assert_eq!(skills, [("Rust".to_string(), Some(5.0)), ("Go".to_string(), None)]);
    assert_eq!(merged["experience"].as_array().unwrap().len(), 1);
    let apps: Vec<&str> = merged["applications"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(apps.len(), 2);
    assert!(apps.contains(&s_app.to_string().as_str()) && apps.contains(&d_app2.to_string().as_str()));
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM applications WHERE id = UNHEX(REPLACE('{d_app1}', '-', ''))")).await, 0);
    let history: Vec<(Option<String>, String)> =
        sqlx::query_as("SELECT from_stage_name, to_stage_name FROM application_history WHERE application_id = ? ORDER BY changed_at, id")
            .bind(s_app)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(history.len(), 3, "{history:?}");
    assert_eq!(history[2], (Some("Sourced".to_string()), "Screening".to_string()));
    assert_eq!(count(&app, "SELECT COUNT(*) FROM application_feedback").await, 1);
    let (_, notes) = send(&app, Method::GET, &format!("/api/candidates/{s}/notes"), &recruiter, None).await;
    assert_eq!(notes["items"][0]["body"], "Met at a meetup");

    // The duplicate is gone from view; its keys now lead to the survivor.
    assert_eq!(send(&app, Method::GET, &format!("/api/candidates/{d}"), &recruiter, None).await.0, 404);
    assert_eq!(send(&app, Method::GET, "/api/candidates", &recruiter, None).await.1["total"], 1);
    let (status, dup) = send(&app, Method::POST, "/api/candidates", &recruiter, Some(json!({"full_name": "X", "phone": "+919876543210"}))).await;
    assert_eq!((status, dup["existing_id"].as_str()), (409, Some(s.as_str())));
    let (status, _) = send(&app, Method::POST, "/api/candidates", &recruiter, Some(json!({"full_name": "X", "email": "p.sharma@example.com"}))).await;
    assert_eq!(status, 201, "the duplicate's email is free again (not filled: the survivor had one)");

    let rows = audit_of(&app, "candidates.merge", &s).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["duplicate_id"], d.as_str());
    assert_eq!(rows[0].1["moved"]["applications_moved"], 1);
    assert_eq!(rows[0].1["moved"]["applications_combined"], 1);
    assert_eq!(rows[0].1["moved"]["notes_moved"], 1);
    assert_eq!(send(&app, Method::POST, &merge, &recruiter, Some(json!({"duplicate_id": d}))).await.0, 422, "merged once");
}
