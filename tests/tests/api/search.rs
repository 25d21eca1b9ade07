//! `GET /api/search`: ranked FULLTEXT search over the candidates and jobs the
//! caller may see, with filters, snippets and the parameter rules.

use crate::admin_support::{call, fields, send, token};
use crate::recruiting_support::{insert_application, insert_job};
use hireops_adapters::mysql::{refresh_candidate_search_text, refresh_job_search_text};
use hireops_domain::identity::CompanyType;
use hireops_domain::ids::{CandidateId, CompanyId, JobId};
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::Value;
use uuid::Uuid;

#[derive(Default)]
struct Cand<'a> {
    name: &'a str,
    title: Option<&'a str>,
    employer: Option<&'a str>,
    location: Option<&'a str>,
    years: Option<f64>,
    tags: &'a [&'a str],
    skills: &'a [&'a str],
    /// Extracted text of a resume file and its scan status.
    resume: Option<(&'a str, &'a str)>,
}

/// A candidate of `company` with skills and a resume, its search text
/// refreshed the way every writer does it.
async fn candidate(app: &TestApp, company: CompanyId, c: Cand<'_>) -> Uuid {
    let id = Uuid::now_v7();
    let email = unique_email("cand");
    sqlx::query(
        "INSERT INTO candidates (id, company_id, full_name, email, email_normalized, current_title, current_company, location,
                                 total_experience_years, links, tags, search_text, source, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, '', 'sourced', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
    )
    .bind(id)
    .bind(company.0)
    .bind(c.name)
    .bind(&email)
    .bind(&email)
    .bind(c.title)
    .bind(c.employer)
    .bind(c.location)
    .bind(c.years)
    .bind(serde_json::to_string(c.tags).unwrap())
    .execute(&app.pool)
    .await
    .expect("insert candidate");
    for s in c.skills {
        sqlx::query("INSERT INTO candidate_skills (id, candidate_id, name, created_at, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")
            .bind(Uuid::now_v7())
            .bind(id)
            .bind(s)
            .execute(&app.pool)
            .await
            .expect("insert skill");
    }
    if let Some((text, status)) = c.resume {
        let file = Uuid::now_v7();
        sqlx::query(
            "INSERT INTO stored_files (id, company_id, purpose, object_key, file_name, declared_type, max_size, virus_status, extracted_text, created_at, updated_at)
             VALUES (?, ?, 'resume', ?, 'cv.pdf', 'application/pdf', 1048576, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
        )
        .bind(file)
        .bind(company.0)
        .bind(format!("resumes/{file}"))
        .bind(status)
        .bind(text)
        .execute(&app.pool)
        .await
        .expect("insert file");
        sqlx::query("INSERT INTO candidate_documents (candidate_id, file_id, kind, added_at) VALUES (?, ?, 'resume', UTC_TIMESTAMP(6))")
            .bind(id)
            .bind(file)
            .execute(&app.pool)
            .await
            .expect("insert document");
    }
    let mut conn = app.pool.acquire().await.unwrap();
    refresh_candidate_search_text(&mut conn, CandidateId(id)).await.expect("refresh search text");
    id
}

/// A signed-in member (non-admin role) of `company`.
async fn member(app: &TestApp, company: Option<CompanyId>, role: &str) -> String {
    let email = unique_email(role);
    app.create_user(&email, role, company).await;
    token(&app.sign_in(&email).await)
}

async fn search(app: &TestApp, token: &str, query: &str) -> (u16, Value) {
    send(app, Method::GET, &format!("/api/search?{query}"), token, None).await
}

fn ids(body: &Value) -> Vec<String> {
    body["items"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

/// The highlighted parts of a hit's snippet, lower-cased.
fn highlighted(hit: &Value) -> Vec<String> {
    let text: Vec<char> = hit["snippet"]["text"].as_str().unwrap().chars().collect();
    hit["snippet"]["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let (a, b) = (h[0].as_u64().unwrap() as usize, h[1].as_u64().unwrap() as usize);
            text[a..b].iter().collect::<String>().to_lowercase()
        })
        .collect()
}

/// Fillers without the searched words: InnoDB's relevance is 0 for a word found
/// in every row, so the ranking tests need rows that do not have it.
async fn fillers(app: &TestApp, company: CompanyId) {
    for (name, title) in [("Carol Filler", "Graphic Designer"), ("Dave Filler", "Plumber"), ("Erin Filler", "Accountant")] {
        candidate(app, company, Cand { name, title: Some(title), ..Default::default() }).await;
    }
}

#[tokio::test]
async fn candidates_rank_by_relevance_and_resume_text_is_searchable() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Search Agency", "agency").await;
    // The strong match is written first: the tie-breakers (newest first) would
    // put it last, so only relevance can rank it first.
    let strong = candidate(
        &app,
        agency,
        Cand { name: "Alice Strong", title: Some("Rust Engineer"), employer: Some("Ferrous"), location: Some("Pune"), skills: &["Rust", "Kubernetes"], ..Default::default() },
    )
    .await;
    let weak = candidate(
        &app,
        agency,
        Cand { name: "Bob Weak", title: Some("Bookkeeper"), resume: Some(("Ledgers, audits and a little Rust at weekends. Blockchain curious.", "clean")), ..Default::default() },
    )
    .await;
    let infected = candidate(&app, agency, Cand { name: "Ivan Infected", resume: Some(("Zanzibar expert", "infected")), ..Default::default() }).await;
    fillers(&app, agency).await;
    let t = member(&app, Some(agency), "recruiter").await;

    let (status, body) = search(&app, &t, "q=rust").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(ids(&body), [strong.to_string(), weak.to_string()], "title + skill outranks resume only: {body}");
    assert_eq!(body["total"], 2);
    let first = &body["items"][0];
    assert_eq!(first["type"], "candidate");
    assert_eq!(first["title"], "Alice Strong");
    assert_eq!(first["subtitle"], "Rust Engineer @ Ferrous · Pune");
    assert!(first["score"].as_f64().unwrap() > body["items"][1]["score"].as_f64().unwrap(), "{body}");
    assert!(highlighted(first).iter().all(|w| w == "rust"), "{first}");
    assert!(!highlighted(first).is_empty());
    let second = &body["items"][1];
    assert!(second["snippet"]["text"].as_str().unwrap().contains("little Rust"), "{second}");
    assert_eq!(highlighted(second), ["rust"]);

    // The resume text is found; an infected file's text is not.
    let (_, body) = search(&app, &t, "q=blockchain").await;
    assert_eq!(ids(&body), [weak.to_string()]);
    let (_, body) = search(&app, &t, "q=zanzibar").await;
    assert_eq!(body["total"], 0, "an infected resume is not searchable ({infected}): {body}");

    // Every word is required, each as a prefix; operators are ignored.
    let (_, body) = search(&app, &t, "q=kube").await;
    assert_eq!(ids(&body), [strong.to_string()]);
    assert_eq!(highlighted(&body["items"][0]), ["kubernetes"]);
    let (_, body) = search(&app, &t, "q=rust%20engin").await;
    assert_eq!(ids(&body), [strong.to_string()]);
    let (_, body) = search(&app, &t, "q=%2Brust%20-%22engineer%22%20(bookkeep*)").await;
    assert_eq!(ids(&body), [] as [String; 0], "all three words required, none as an operator: {body}");
    let (_, body) = search(&app, &t, "q=rust%20bookkeep").await;
    assert_eq!(ids(&body), [weak.to_string()]);

    // Pagination.
    let (_, body) = search(&app, &t, "q=rust&per_page=1&page=2").await;
    assert_eq!((ids(&body), body["total"].as_u64(), body["page"].as_u64()), (vec![weak.to_string()], Some(2), Some(2)));
}

#[tokio::test]
async fn short_words_and_stopwords_never_make_a_query_match_nothing() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Short Agency", "agency").await;
    let go = candidate(&app, agency, Cand { name: "Gopi Gopher", title: Some("Go Developer"), ..Default::default() }).await;
    let java = candidate(&app, agency, Cand { name: "Jane Bean", title: Some("Java Developer"), ..Default::default() }).await;
    fillers(&app, agency).await;
    let t = member(&app, Some(agency), "recruiter").await;

    // "go" and "in"/"the" are not indexed: they are not required.
    let (status, body) = search(&app, &t, "q=go%20developer%20in%20the%20team").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["total"], 0, "`team` is required and nobody has it: {body}");
    let (_, body) = search(&app, &t, "q=go%20developer").await;
    let mut found = ids(&body);
    found.sort();
    let mut expected = vec![go.to_string(), java.to_string()];
    expected.sort();
    assert_eq!(found, expected, "{body}");
    // Only short words: matched as substrings.
    let (_, body) = search(&app, &t, "q=go").await;
    assert_eq!(ids(&body), [go.to_string()], "{body}");
    assert_eq!(body["items"][0]["score"], 0.0);
    // Only one-letter words: nothing to search for.
    let (status, body) = search(&app, &t, "q=a%20b").await;
    assert_eq!((status, fields(&body)), (422, vec![("q".to_string(), "too_short".to_string())]));
}

#[tokio::test]
async fn parameters_are_validated_and_permissions_follow_the_type() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Rules Agency", "agency").await;
    let t = member(&app, Some(agency), "recruiter").await;
    for (query, field, code) in [
        ("", "q", "required"),
        ("q=%20%20", "q", "required"),
        (&format!("q={}", "x".repeat(201)) as &str, "q", "too_long"),
        ("q=rust&type=people", "type", "invalid_value"),
        ("q=rust&experience_min=lots", "experience_min", "invalid_number"),
        ("q=rust&type=jobs&status=gone", "status", "invalid_value"),
        ("q=rust&type=jobs&priority=urgent", "priority", "invalid_value"),
        ("q=rust&type=jobs&kind=gig", "kind", "invalid_value"),
    ] {
        let (status, body) = search(&app, &t, query).await;
        assert_eq!(status, 422, "{query}: {body}");
        assert_eq!(fields(&body), [(field.to_string(), code.to_string())], "{query}");
    }
    let (status, _) = search(&app, &t, &format!("q={}", "x".repeat(200))).await;
    assert_eq!(status, 200);

    // A candidate user may search neither; a super admin neither.
    let cand = member(&app, None, "candidate").await;
    for kind in ["candidates", "jobs"] {
        let (status, body) = search(&app, &cand, &format!("q=rust&type={kind}")).await;
        assert_eq!((status, body["code"].as_str()), (403, Some("missing_permission")), "{body}");
    }
    let root = token(&app.sign_in_admin(&app.super_admin_email).await);
    let (status, _) = search(&app, &root, "q=rust&type=jobs").await;
    assert_eq!(status, 403);
    let r = call(&app, Method::GET, "/api/search?q=rust", None, None).await;
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn candidates_of_other_companies_are_found_only_through_applications() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Scope Agency", "agency").await;
    let other_agency = app.create_company("Rival Agency", "agency").await;
    let employer = app.create_company("Scope Employer", "employer").await;
    let applied = candidate(&app, agency, Cand { name: "Applied Rustacean", title: Some("Rust Engineer"), ..Default::default() }).await;
    let not_applied = candidate(&app, agency, Cand { name: "Kept Rustacean", title: Some("Rust Engineer"), ..Default::default() }).await;
    let rival = candidate(&app, other_agency, Cand { name: "Rival Rustacean", title: Some("Rust Engineer"), ..Default::default() }).await;
    fillers(&app, agency).await;
    let hm_email = unique_email("hm");
    let hm = app.create_user(&hm_email, "hiring_manager", Some(employer)).await;
    let job = insert_job(&app, employer, CompanyType::Employer, hm.0, "Rust Platform").await;
    insert_application(&app, &job, applied, Some(agency), None).await;

    let agency_token = member(&app, Some(agency), "recruiter").await;
    let (_, body) = search(&app, &agency_token, "q=rustacean").await;
    let mut found = ids(&body);
    found.sort();
    let mut expected = vec![applied.to_string(), not_applied.to_string()];
    expected.sort();
    assert_eq!(found, expected, "never the rival agency's candidate: {body}");

    let employer_token = token(&app.sign_in(&hm_email).await);
    let (_, body) = search(&app, &employer_token, "q=rustacean").await;
    assert_eq!(ids(&body), [applied.to_string()], "the employer sees the agency candidate that applied only: {body}");

    let rival_token = member(&app, Some(other_agency), "recruiter").await;
    let (_, body) = search(&app, &rival_token, "q=rustacean").await;
    assert_eq!(ids(&body), [rival.to_string()]);
}

/// A job with the requirement fields, its search text refreshed.
#[allow(clippy::too_many_arguments)]
async fn job(app: &TestApp, company: CompanyId, creator: Uuid, title: &str, status: &str, priority: &str, kind: &str, client: Option<&str>, location: Option<&str>) -> Uuid {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO jobs (id, company_id, kind, reference, title, description, location, tags, client_name, status, priority, opened_at,
                           created_by, created_at, updated_at, search_text)
         VALUES (?, ?, ?, ?, ?, 'We build things.', ?, '[\"backend\"]', ?, ?, ?, UTC_TIMESTAMP(6), ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), '')",
    )
    .bind(id)
    .bind(company.0)
    .bind(kind)
    .bind(format!("REQ-{}", &id.simple().to_string()[24..]))
    .bind(title)
    .bind(location)
    .bind(client)
    .bind(status)
    .bind(priority)
    .bind(creator)
    .execute(&app.pool)
    .await
    .expect("insert job");
    let mut conn = app.pool.acquire().await.unwrap();
    refresh_job_search_text(&mut conn, JobId(id)).await.expect("refresh job search text");
    id
}

#[tokio::test]
async fn jobs_are_searched_with_filters_within_the_callers_reach() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Jobs Agency", "agency").await;
    let employer = app.create_company("Sharing Employer", "employer").await;
    let other = app.create_company("Private Employer", "employer").await;
    let email = unique_email("recruiter");
    let me = app.create_user(&email, "recruiter", Some(agency)).await.0;
    let hm = app.create_user(&unique_email("hm"), "hiring_manager", Some(employer)).await.0;
    let other_hm = app.create_user(&unique_email("hm"), "hiring_manager", Some(other)).await.0;
    let senior = job(&app, agency, me, "Senior Rust Engineer", "open", "high", "requirement", Some("Globex"), Some("Pune")).await;
    let intern = job(&app, agency, me, "Rust Intern", "draft", "low", "opening", None, None).await;
    let shared = job(&app, employer, hm, "Rust Platform Lead", "open", "medium", "opening", None, Some("Remote")).await;
    let hidden = job(&app, other, other_hm, "Rust Ninja", "open", "medium", "opening", None, None).await;
    for (title, c) in [("Chef", agency), ("Driver", agency), ("Nurse", employer)] {
        job(&app, c, if c == agency { me } else { hm }, title, "open", "low", "opening", None, None).await;
    }
    sqlx::query("INSERT INTO job_agencies (job_id, agency_id, shared_by, shared_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
        .bind(shared)
        .bind(agency.0)
        .bind(hm)
        .execute(&app.pool)
        .await
        .unwrap();
    let t = token(&app.sign_in(&email).await);

    let (status, body) = search(&app, &t, "type=jobs&q=rust").await;
    assert_eq!(status, 200, "{body}");
    let mut found = ids(&body);
    found.sort();
    let mut expected = vec![senior.to_string(), intern.to_string(), shared.to_string()];
    expected.sort();
    assert_eq!(found, expected, "never the unshared job {hidden}: {body}");
    for (filter, want) in [
        ("status=open", vec![senior, shared]),
        ("priority=high", vec![senior]),
        ("kind=opening", vec![intern, shared]),
        ("client=glob", vec![senior]),
        ("status=closed", vec![]),
    ] {
        let (_, body) = search(&app, &t, &format!("type=jobs&q=rust&{filter}")).await;
        let mut found = ids(&body);
        found.sort();
        let mut want: Vec<String> = want.iter().map(Uuid::to_string).collect();
        want.sort();
        assert_eq!(found, want, "{filter}: {body}");
    }
    let (_, body) = search(&app, &t, "type=jobs&q=globex").await;
    let hit = &body["items"][0];
    assert_eq!((hit["type"].as_str(), hit["title"].as_str(), hit["subtitle"].as_str()), (Some("job"), Some("Senior Rust Engineer"), Some("Globex · Pune")));
    let (_, body) = search(&app, &t, "type=jobs&q=platform").await;
    assert_eq!(body["items"][0]["subtitle"], "Sharing Employer · Remote");
}

#[tokio::test]
async fn candidate_filters_narrow_the_matches() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Filter Agency", "agency").await;
    let a = candidate(&app, agency, Cand { name: "Asha Dev", title: Some("Python Developer"), location: Some("Pune, India"), years: Some(3.0), tags: &["hot"], skills: &["Python", "Django"], ..Default::default() }).await;
    let b = candidate(&app, agency, Cand { name: "Bala Dev", title: Some("Python Developer"), location: Some("Chennai"), years: Some(8.5), tags: &["cold"], skills: &["Python"], ..Default::default() }).await;
    fillers(&app, agency).await;
    let t = member(&app, Some(agency), "recruiter").await;
    for (filter, want) in [
        ("", vec![a, b]),
        ("location=pune", vec![a]),
        ("skill=django", vec![a]),
        ("tag=cold", vec![b]),
        ("experience_min=5", vec![b]),
        ("experience_max=5", vec![a]),
        ("experience_min=3&experience_max=8.5", vec![a, b]),
        ("skill=cobol", vec![]),
    ] {
        let (status, body) = search(&app, &t, &format!("q=python&{filter}")).await;
        assert_eq!(status, 200, "{filter}: {body}");
        let mut found = ids(&body);
        found.sort();
        let mut want: Vec<String> = want.iter().map(Uuid::to_string).collect();
        want.sort();
        assert_eq!(found, want, "{filter}: {body}");
    }
}
