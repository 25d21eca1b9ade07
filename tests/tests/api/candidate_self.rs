//! A candidate user's own profile, its items, and saved jobs.

use crate::admin_support::*;
use crate::recruiting_support::insert_job;
use hireops_domain::identity::CompanyType;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::json;
use uuid::Uuid;

async fn candidate(app: &TestApp) -> (String, String) {
    let email = unique_email("candidate");
    app.create_user(&email, "candidate", None).await;
    (email.clone(), token(&app.sign_in(&email).await))
}

#[tokio::test]
async fn candidates_keep_their_own_profile_and_items() {
    let app = TestApp::spawn().await;
    let (email, me) = candidate(&app).await;

    let (status, profile) = send(&app, Method::GET, "/api/candidate/profile", &me, None).await;
    assert_eq!(status, 200, "{profile}");
    assert_eq!((profile["email"].as_str(), profile["owner"].is_null(), profile["editable"].as_bool()), (Some(email.as_str()), true, Some(true)));
    assert!(profile["full_name"].as_str().is_some_and(|n| !n.is_empty()));
    let (_, again) = send(&app, Method::GET, "/api/candidate/profile", &me, None).await;
    assert_eq!(again["id"], profile["id"], "created once");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM candidates WHERE company_id IS NULL").await, 1);

    let (status, bad) = send(
        &app,
        Method::PUT,
        "/api/candidate/profile",
        &me,
        Some(json!({"full_name": "Asha Rao", "notice_period_days": 400, "links": {"portfolio": "not a url"}})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&bad),
        [("email", "contact_required"), ("notice_period_days", "out_of_range"), ("links.portfolio", "invalid_url")].map(|(f, c)| (f.to_string(), c.to_string()))
    );
    let (_, unchanged) = send(&app, Method::GET, "/api/candidate/profile", &me, None).await;
    assert_eq!(unchanged["email"], email.as_str());

    let (status, put) = send(
        &app,
        Method::PUT,
        "/api/candidate/profile",
        &me,
        Some(json!({"full_name": "Asha Rao", "email": email, "headline": "Data analyst", "location": "Chennai",
                    "skills": [{"name": "SQL", "proficiency": "advanced"}]})),
    )
    .await;
    assert_eq!(status, 200, "{put}");
    assert_eq!((put["full_name"].as_str(), put["headline"].as_str(), put["skills"][0]["name"].as_str()), (Some("Asha Rao"), Some("Data analyst"), Some("SQL")));
    let (_, put) = send(&app, Method::PUT, "/api/candidate/profile", &me, Some(json!({"full_name": "Asha Rao", "email": email}))).await;
    assert_eq!((put["headline"].as_str(), put["skills"].as_array().unwrap().len()), (None, 1), "scalars replaced, absent lists kept");

    // Skills one at a time.
    let (status, skill) = send(&app, Method::POST, "/api/candidate/skills", &me, Some(json!({"name": "Python", "years_experience": 3}))).await;
    assert_eq!(status, 201, "{skill}");
    let skill_path = format!("/api/candidate/skills/{}", skill["id"].as_str().unwrap());
    let (status, dup) = send(&app, Method::POST, "/api/candidate/skills", &me, Some(json!({"name": "python"}))).await;
    assert_eq!((status, fields(&dup)), (422, vec![("name".to_string(), "duplicate_skill".to_string())]));
    let (status, bad) = send(&app, Method::POST, "/api/candidate/skills", &me, Some(json!({"name": "R", "proficiency": "wizard"}))).await;
    assert_eq!((status, fields(&bad)), (422, vec![("proficiency".to_string(), "invalid_proficiency".to_string())]));
    let (status, updated) = send(&app, Method::PUT, &skill_path, &me, Some(json!({"name": "Python", "proficiency": "expert", "years_experience": 4}))).await;
    assert_eq!((status, updated["proficiency"].as_str(), updated["years_experience"].as_f64()), (200, Some("expert"), Some(4.0)));
    let (_, skills) = send(&app, Method::GET, "/api/candidate/skills", &me, None).await;
    assert_eq!(skills.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect::<Vec<_>>(), ["SQL", "Python"]);

    // Experience and education with their date rules.
    let (status, bad) = send(
        &app,
        Method::POST,
        "/api/candidate/experience",
        &me,
        Some(json!({"company_name": "Zoho", "job_title": "Analyst", "start_date": "2021-01-01", "end_date": "2022-01-01", "is_current": true})),
    )
    .await;
    assert_eq!((status, fields(&bad)), (422, vec![("end_date".to_string(), "current_has_no_end".to_string())]));
    let (status, job) = send(&app, Method::POST, "/api/candidate/experience", &me, Some(json!({"company_name": "Zoho", "job_title": "Analyst", "start_date": "2021-01-01", "is_current": true}))).await;
    assert_eq!(status, 201, "{job}");
    let exp_path = format!("/api/candidate/experience/{}", job["id"].as_str().unwrap());
    let (status, job) = send(&app, Method::PUT, &exp_path, &me, Some(json!({"company_name": "Zoho", "job_title": "Analyst", "start_date": "2021-01-01", "end_date": "2023-03-31"}))).await;
    assert_eq!((status, job["end_date"].as_str(), job["is_current"].as_bool()), (200, Some("2023-03-31"), Some(false)));
    let (status, degree) = send(&app, Method::POST, "/api/candidate/education", &me, Some(json!({"institution": "Anna University", "degree": "BE", "grade": "8.1"}))).await;
    assert_eq!(status, 201, "{degree}");
    let edu_path = format!("/api/candidate/education/{}", degree["id"].as_str().unwrap());
    let (_, profile) = send(&app, Method::GET, "/api/candidate/profile", &me, None).await;
    assert_eq!((profile["experience"].as_array().unwrap().len(), profile["education"][0]["grade"].as_str()), (1, Some("8.1")));
    let search: String = sqlx::query_scalar("SELECT search_text FROM candidates WHERE company_id IS NULL").fetch_one(&app.pool).await.unwrap();
    assert!(search.contains("Python") && search.contains("Anna University") && search.contains("Zoho"), "{search}");

    // Another candidate cannot touch these items.
    let (_, other) = candidate(&app).await;
    for path in [&skill_path, &exp_path, &edu_path] {
        assert_eq!(send(&app, Method::DELETE, path, &other, None).await.0, 404, "{path}");
    }
    assert_eq!(send(&app, Method::PUT, &skill_path, &other, Some(json!({"name": "Hacked"}))).await.0, 404);
    assert_eq!(send(&app, Method::GET, "/api/candidate/skills", &other, None).await.1, json!([]));
    assert_eq!(send(&app, Method::PUT, &format!("/api/candidate/skills/{}", Uuid::now_v7()), &me, Some(json!({"name": "X"}))).await.0, 404);

    for path in [&skill_path, &exp_path, &edu_path] {
        assert_eq!(send(&app, Method::DELETE, path, &me, None).await.0, 204);
        assert_eq!(send(&app, Method::DELETE, path, &me, None).await.0, 404);
    }

    // Company members and anonymous callers are refused.
    let acme = tenant(&app, "Acme", "agency").await;
    assert_eq!(send(&app, Method::GET, "/api/candidate/profile", &acme.admin_token, None).await.0, 403);
    assert_eq!(send(&app, Method::POST, "/api/candidate/skills", &acme.admin_token, Some(json!({"name": "X"}))).await.0, 403);
    assert_eq!(call(&app, Method::GET, "/api/candidate/profile", None, None).await.status().as_u16(), 401);
    // A personal profile is not a company's candidate.
    assert_eq!(send(&app, Method::GET, &format!("/api/candidates/{}", profile["id"].as_str().unwrap()), &acme.admin_token, None).await.0, 404);
    assert_eq!(send(&app, Method::GET, "/api/candidates", &acme.admin_token, None).await.1["total"], 0);
}

#[tokio::test]
async fn candidates_save_jobs_from_the_board() {
    let app = TestApp::spawn().await;
    let (_, me) = candidate(&app).await;
    let acme = tenant(&app, "Acme Careers", "employer").await;
    let owner: Uuid = sqlx::query_scalar("SELECT id FROM users WHERE email = ?").bind(&acme.admin_email).fetch_one(&app.pool).await.unwrap();
    let open = insert_job(&app, acme.company, CompanyType::Employer, owner, "Data Analyst").await;
    let second = insert_job(&app, acme.company, CompanyType::Employer, owner, "BI Developer").await;
    let hidden = insert_job(&app, acme.company, CompanyType::Employer, owner, "Unpublished").await;
    sqlx::query("UPDATE jobs SET published_at = NULL WHERE id = ?").bind(hidden.id).execute(&app.pool).await.unwrap();

    let path = |id: Uuid| format!("/api/candidate/saved-jobs/{id}");
    let (status, saved) = send(&app, Method::POST, &path(open.id), &me, None).await;
    assert_eq!(status, 201, "{saved}");
    assert_eq!((saved["job"]["title"].as_str(), saved["job"]["company_name"].as_str(), saved["job"]["published"].as_bool()), (Some("Data Analyst"), Some("Acme Careers"), Some(true)));
    assert_eq!(send(&app, Method::POST, &path(open.id), &me, None).await.0, 200, "idempotent");
    assert_eq!(send(&app, Method::POST, &path(second.id), &me, None).await.0, 201);
    assert_eq!(send(&app, Method::POST, &path(hidden.id), &me, None).await.0, 404);
    assert_eq!(send(&app, Method::POST, &path(Uuid::now_v7()), &me, None).await.0, 404);

    let (status, list) = send(&app, Method::GET, "/api/candidate/saved-jobs", &me, None).await;
    assert_eq!((status, list["total"].as_u64()), (200, Some(2)));
    assert_eq!(list["items"][0]["job"]["title"], "BI Developer", "newest first");
    assert_eq!(send(&app, Method::GET, &path(open.id), &me, None).await.0, 200);
    assert_eq!(send(&app, Method::GET, &path(hidden.id), &me, None).await.0, 404);

    // Taken off the board later: still listed, flagged.
    sqlx::query("UPDATE jobs SET status = 'closed' WHERE id = ?").bind(second.id).execute(&app.pool).await.unwrap();
    assert_eq!(send(&app, Method::GET, &path(second.id), &me, None).await.1["job"]["published"], false);

    // Another candidate's bookmarks are their own.
    let (_, other) = candidate(&app).await;
    assert_eq!(send(&app, Method::GET, &path(open.id), &other, None).await.0, 404);
    assert_eq!(send(&app, Method::DELETE, &path(open.id), &other, None).await.0, 404);
    assert_eq!(send(&app, Method::GET, "/api/candidate/saved-jobs", &other, None).await.1["total"], 0);

    assert_eq!(send(&app, Method::DELETE, &path(open.id), &me, None).await.0, 204);
    assert_eq!(send(&app, Method::DELETE, &path(open.id), &me, None).await.0, 404);
    assert_eq!(send(&app, Method::GET, &path(open.id), &me, None).await.0, 404);
    assert_eq!(send(&app, Method::GET, "/api/candidate/saved-jobs", &acme.admin_token, None).await.0, 403);
    assert_eq!(call(&app, Method::GET, "/api/candidate/saved-jobs", None, None).await.status().as_u16(), 401);
}
