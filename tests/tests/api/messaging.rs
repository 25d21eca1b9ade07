//! Messaging core: conversations, the who-may-talk-to-whom rules on every
//! path (create, add participants, send), cursor paging and read receipts.

use crate::admin_support::{audit_of, call, count, fields, root_token, send};
use crate::messaging_support::{person, personal_profile, share_job, Person, CONVERSATIONS};
use crate::recruiting_support::{insert_application, insert_job};
use hireops_domain::identity::CompanyType;
use hireops_tests::TestApp;
use reqwest::Method;
use serde_json::{json, Value};
use uuid::Uuid;

async fn create(app: &TestApp, who: &Person, others: &[Uuid]) -> (u16, Value) {
    send(app, Method::POST, CONVERSATIONS, &who.token, Some(json!({"participant_ids": others}))).await
}

async fn say(app: &TestApp, who: &Person, conversation: &str, body: &str) -> (u16, Value) {
    send(app, Method::POST, &format!("{CONVERSATIONS}/{conversation}/messages"), &who.token, Some(json!({"body": body}))).await
}

async fn blocked_audits(app: &TestApp, actor: Uuid) -> Vec<Value> {
    let rows: Vec<(String, sqlx::types::Json<Value>)> =
        sqlx::query_as("SELECT outcome, details FROM audit_log WHERE action = 'messaging.blocked' AND actor_id = ? ORDER BY occurred_at, id")
            .bind(actor)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    rows.into_iter()
        .map(|(outcome, d)| {
            assert_eq!(outcome, "denied");
            d.0
        })
        .collect()
}

#[tokio::test]
async fn colleagues_converse_with_cursor_paging_and_read_receipts() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Talk Agency", "agency").await;
    let a = person(&app, "a", "recruiter", Some(agency)).await;
    let b = person(&app, "b", "manager", Some(agency)).await;
    let outsider = person(&app, "c", "recruiter", Some(agency)).await;

    let (status, created) =
        send(&app, Method::POST, CONVERSATIONS, &a.token, Some(json!({"participant_ids": [b.id, a.id, b.id], "subject": " Shortlist "}))).await;
    assert_eq!(status, 201, "{created}");
    let cid = created["id"].as_str().unwrap().to_string();
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM conversation_participants WHERE conversation_id = UNHEX(REPLACE('{cid}', '-', ''))")).await, 2);

    let (status, got) = send(&app, Method::GET, &format!("{CONVERSATIONS}/{cid}"), &b.token, None).await;
    assert_eq!(status, 200);
    assert_eq!(got["subject"], "Shortlist");
    let families: Vec<&str> = got["participants"].as_array().unwrap().iter().map(|p| p["role_family"].as_str().unwrap()).collect();
    assert_eq!(families, ["recruiter", "recruiter"]);

    // A colleague who is not a participant sees nothing, on every route.
    for (method, path, body) in [
        (Method::GET, format!("{CONVERSATIONS}/{cid}"), None),
        (Method::GET, format!("{CONVERSATIONS}/{cid}/messages"), None),
        (Method::POST, format!("{CONVERSATIONS}/{cid}/messages"), Some(json!({"body": "hi"}))),
        (Method::POST, format!("{CONVERSATIONS}/{cid}/read"), Some(json!({"message_id": Uuid::nil()}))),
        (Method::POST, format!("{CONVERSATIONS}/{cid}/participants"), Some(json!({"user_ids": [outsider.id]}))),
    ] {
        let (status, _) = send(&app, method.clone(), &path, &outsider.token, body).await;
        assert_eq!(status, 404, "{method} {path}");
    }
    let (_, list) = send(&app, Method::GET, CONVERSATIONS, &outsider.token, None).await;
    assert_eq!(list["total"], 0);

    // Three messages; bodies are trimmed and cleaned of control characters.
    let (status, first) = say(&app, &a, &cid, "  hello\u{7} there \n").await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["body"], "hello there");
    let (_, second) = say(&app, &a, &cid, "<b>second</b>").await;
    assert_eq!(second["body"], "<b>second</b>", "stored as plain text");
    let (_, third) = say(&app, &a, &cid, &"x".repeat(300)).await;

    let (_, list) = send(&app, Method::GET, CONVERSATIONS, &b.token, None).await;
    assert_eq!(list["total"], 1);
    let item = &list["items"][0];
    assert_eq!(item["unread_count"], 3);
    assert_eq!(item["last_message"]["id"], third["id"]);
    assert_eq!(item["last_message"]["body"].as_str().unwrap().chars().count(), 200);
    assert_eq!(item["last_message"]["sender_id"], a.id.to_string());
    let (_, mine) = send(&app, Method::GET, CONVERSATIONS, &a.token, None).await;
    assert_eq!(mine["items"][0]["unread_count"], 0, "own messages are not unread");

    // Cursor paging, newest first.
    let (status, page) = send(&app, Method::GET, &format!("{CONVERSATIONS}/{cid}/messages?limit=2"), &b.token, None).await;
    assert_eq!(status, 200);
    let ids: Vec<&Value> = page["items"].as_array().unwrap().iter().map(|m| &m["id"]).collect();
    assert_eq!(ids, [&third["id"], &second["id"]]);
    assert_eq!(page["next_before"], second["id"]);
    let before = page["next_before"].as_str().unwrap();
    let (_, older) = send(&app, Method::GET, &format!("{CONVERSATIONS}/{cid}/messages?limit=2&before={before}"), &b.token, None).await;
    assert_eq!(older["items"].as_array().unwrap().len(), 1);
    assert_eq!(older["items"][0]["id"], first["id"]);
    assert!(older["next_before"].is_null());
    let (status, _) = send(&app, Method::GET, &format!("{CONVERSATIONS}/{cid}/messages?limit=0"), &b.token, None).await;
    assert_eq!(status, 422);

    // Read receipts move forward only.
    let read = format!("{CONVERSATIONS}/{cid}/read");
    let (status, _) = send(&app, Method::POST, &read, &b.token, Some(json!({"message_id": second["id"]}))).await;
    assert_eq!(status, 204);
    let (_, list) = send(&app, Method::GET, CONVERSATIONS, &b.token, None).await;
    assert_eq!(list["items"][0]["unread_count"], 1);
    let (status, _) = send(&app, Method::POST, &read, &b.token, Some(json!({"message_id": first["id"]}))).await;
    assert_eq!(status, 204);
    let (_, list) = send(&app, Method::GET, CONVERSATIONS, &b.token, None).await;
    assert_eq!(list["items"][0]["unread_count"], 1, "the receipt never moves back");
    let (_, unread) = send(&app, Method::GET, &format!("{CONVERSATIONS}?scope=unread"), &b.token, None).await;
    assert_eq!(unread["total"], 1);
    send(&app, Method::POST, &read, &b.token, Some(json!({"message_id": third["id"]}))).await;
    let (_, unread) = send(&app, Method::GET, &format!("{CONVERSATIONS}?scope=unread"), &b.token, None).await;
    assert_eq!(unread["total"], 0);

    // A message of another conversation is not a receipt for this one.
    let (_, other) = create(&app, &a, &[outsider.id]).await;
    let other_id = other["id"].as_str().unwrap().to_string();
    let (_, foreign) = say(&app, &a, &other_id, "elsewhere").await;
    let (status, problem) = send(&app, Method::POST, &read, &b.token, Some(json!({"message_id": foreign["id"]}))).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem), [("message_id".to_string(), "unknown_message".to_string())]);

    // Adding a colleague is audited.
    let (status, added) = send(&app, Method::POST, &format!("{CONVERSATIONS}/{cid}/participants"), &a.token, Some(json!({"user_ids": [outsider.id]}))).await;
    assert_eq!(status, 200, "{added}");
    assert_eq!(added["participants"].as_array().unwrap().len(), 3);
    assert_eq!(audit_of(&app, "messaging.participants_added", &cid).await.len(), 1);
    let (status, _) = send(&app, Method::GET, &format!("{CONVERSATIONS}/{cid}/messages"), &outsider.token, None).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn candidate_and_employer_are_blocked_on_every_path_and_audited() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Bridge Agency", "agency").await;
    let employer = app.create_company("Bridge Employer", "employer").await;
    let recruiter = person(&app, "rec", "recruiter", Some(agency)).await;
    let hiring = person(&app, "hm", "hiring_manager", Some(employer)).await;
    let candidate = person(&app, "cand", "candidate", None).await;

    // Bridges exist for recruiter↔employer and recruiter↔candidate, never for candidate↔employer.
    let employer_job = insert_job(&app, employer, CompanyType::Employer, hiring.id, "Shared").await;
    share_job(&app, employer_job.id, agency, hiring.id).await;
    let profile = personal_profile(&app, candidate.id).await;
    insert_application(&app, &employer_job, profile, None, None).await;
    let agency_job = insert_job(&app, agency, CompanyType::Agency, recruiter.id, "Agency req").await;
    insert_application(&app, &agency_job, profile, None, None).await;

    // Create, both directions.
    let (status, problem) = create(&app, &hiring, &[candidate.id]).await;
    assert_eq!((status, problem["code"].as_str()), (403, Some("messaging_pair_blocked")), "{problem}");
    let (status, problem) = create(&app, &candidate, &[hiring.id]).await;
    assert_eq!((status, problem["code"].as_str()), (403, Some("messaging_pair_blocked")), "{problem}");
    // A group holding both.
    let (status, problem) = create(&app, &recruiter, &[candidate.id, hiring.id]).await;
    assert_eq!((status, problem["code"].as_str()), (403, Some("messaging_pair_blocked")), "{problem}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM conversations").await, 0);

    let audits = blocked_audits(&app, hiring.id).await;
    assert_eq!(audits.len(), 1);
    assert_eq!(audits[0]["reason"], "messaging_pair_blocked");
    let pair = [audits[0]["user_id"].as_str().unwrap(), audits[0]["other_user_id"].as_str().unwrap()];
    assert!(pair.contains(&hiring.id.to_string().as_str()) && pair.contains(&candidate.id.to_string().as_str()));
    assert_eq!(blocked_audits(&app, recruiter.id).await.len(), 1);

    // Add participant: the employer into a recruiter↔candidate conversation.
    let (status, created) = create(&app, &recruiter, &[candidate.id]).await;
    assert_eq!(status, 201, "{created}");
    let cid = created["id"].as_str().unwrap();
    let (status, problem) =
        send(&app, Method::POST, &format!("{CONVERSATIONS}/{cid}/participants"), &recruiter.token, Some(json!({"user_ids": [hiring.id]}))).await;
    assert_eq!((status, problem["code"].as_str()), (403, Some("messaging_pair_blocked")), "{problem}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM conversation_participants").await, 2);
    assert_eq!(blocked_audits(&app, recruiter.id).await.len(), 2);
    assert_eq!(audit_of(&app, "messaging.blocked", cid).await.len(), 1);

    // Send: a candidate slipped into an employer conversation (by SQL) cannot post there.
    let (status, created) = create(&app, &recruiter, &[hiring.id]).await;
    assert_eq!(status, 201, "{created}");
    let eid = created["id"].as_str().unwrap().to_string();
    sqlx::query("INSERT INTO conversation_participants (conversation_id, user_id, joined_at) VALUES (UNHEX(REPLACE(?, '-', '')), ?, UTC_TIMESTAMP(6))")
        .bind(&eid)
        .bind(candidate.id)
        .execute(&app.pool)
        .await
        .unwrap();
    let (status, problem) = say(&app, &candidate, &eid, "hello").await;
    assert_eq!((status, problem["code"].as_str()), (403, Some("messaging_pair_blocked")), "{problem}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM messages").await, 0);
    assert_eq!(audit_of(&app, "messaging.blocked", &eid).await.len(), 1);
    // The recruiter and the candidate talk in their own conversation.
    let (status, _) = say(&app, &candidate, cid, "thanks").await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn other_companies_and_candidates_need_a_shared_job_or_application() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Ctx Agency", "agency").await;
    let employer = app.create_company("Ctx Employer", "employer").await;
    let other_agency = app.create_company("Ctx Other Agency", "agency").await;
    let recruiter = person(&app, "rec", "recruiter", Some(agency)).await;
    let interviewer = person(&app, "int", "interviewer", Some(employer)).await;
    let rival = person(&app, "rival", "recruiter", Some(other_agency)).await;
    let candidate = person(&app, "cand", "candidate", None).await;

    for (who, whom) in [(&recruiter, interviewer.id), (&interviewer, recruiter.id), (&recruiter, candidate.id), (&candidate, recruiter.id), (&recruiter, rival.id)] {
        let (status, problem) = create(&app, who, &[whom]).await;
        assert_eq!((status, problem["code"].as_str()), (403, Some("no_shared_context")), "{problem}");
    }
    assert_eq!(count(&app, "SELECT COUNT(*) FROM conversations").await, 0);
    let audits = blocked_audits(&app, recruiter.id).await;
    assert_eq!(audits.len(), 3);
    assert!(audits.iter().all(|a| a["reason"] == "no_shared_context"));

    // The employer shares a job with the agency: recruiter ↔ employer user opens.
    let job = insert_job(&app, employer, CompanyType::Employer, interviewer.id, "Shared").await;
    share_job(&app, job.id, agency, interviewer.id).await;
    let (status, created) = create(&app, &interviewer, &[recruiter.id]).await;
    assert_eq!(status, 201, "{created}");
    // Still no bridge to the other agency.
    let (status, _) = create(&app, &interviewer, &[rival.id]).await;
    assert_eq!(status, 403);

    // The candidate's own profile applies to the agency's requirement: recruiter ↔ candidate opens.
    let profile = personal_profile(&app, candidate.id).await;
    let requirement = insert_job(&app, agency, CompanyType::Agency, recruiter.id, "Req").await;
    let application = insert_application(&app, &requirement, profile, None, None).await;
    let (status, created) = send(
        &app,
        Method::POST,
        CONVERSATIONS,
        &candidate.token,
        Some(json!({"participant_ids": [recruiter.id], "subject": "My application"})),
    )
    .await;
    assert_eq!(status, 201, "{created}");
    // The application link is only for those who see it.
    let (status, created) =
        send(&app, Method::POST, CONVERSATIONS, &recruiter.token, Some(json!({"participant_ids": [candidate.id], "application_id": application}))).await;
    assert_eq!(status, 201, "{created}");
    let (_, by_app) = send(&app, Method::GET, &format!("{CONVERSATIONS}?scope=application&application_id={application}"), &recruiter.token, None).await;
    assert_eq!(by_app["total"], 1);
    assert_eq!(by_app["items"][0]["id"], created["id"]);
    let (status, problem) =
        send(&app, Method::POST, CONVERSATIONS, &rival.token, Some(json!({"participant_ids": [recruiter.id], "application_id": application}))).await;
    assert_eq!(status, 422);
    assert!(fields(&problem).contains(&("application_id".to_string(), "unknown_application".to_string())), "{problem}");
}

#[tokio::test]
async fn bad_input_is_refused_with_nothing_written() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Input Agency", "agency").await;
    let a = person(&app, "a", "recruiter", Some(agency)).await;
    let b = person(&app, "b", "recruiter", Some(agency)).await;
    let gone = person(&app, "gone", "recruiter", Some(agency)).await;
    sqlx::query("UPDATE users SET status = 'deactivated' WHERE id = ?").bind(gone.id).execute(&app.pool).await.unwrap();

    let (status, problem) = create(&app, &a, &[]).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem), [("participant_ids".to_string(), "invalid_count".to_string())]);
    let (status, problem) = create(&app, &a, &[b.id, Uuid::now_v7(), gone.id]).await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&problem),
        [("participant_ids[1]".to_string(), "unknown_user".to_string()), ("participant_ids[2]".to_string(), "unknown_user".to_string())]
    );
    let many: Vec<Uuid> = (0..21).map(|_| Uuid::now_v7()).collect();
    let (status, _) = create(&app, &a, &many).await;
    assert_eq!(status, 422);
    let (status, problem) = send(
        &app,
        Method::POST,
        CONVERSATIONS,
        &a.token,
        Some(json!({"participant_ids": [b.id], "subject": "x".repeat(201), "application_id": Uuid::now_v7()})),
    )
    .await;
    assert_eq!(status, 422);
    let named: Vec<String> = fields(&problem).into_iter().map(|(f, _)| f).collect();
    assert_eq!(named, ["subject", "application_id"]);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM conversations").await, 0);

    let (_, created) = create(&app, &a, &[b.id]).await;
    let cid = created["id"].as_str().unwrap();
    for body in ["   ", "a\u{0}b", &"y".repeat(5001)] {
        let (status, problem) = say(&app, &a, cid, body).await;
        assert_eq!(status, 422);
        assert_eq!(fields(&problem)[0].0, "body");
    }
    let (status, _) = say(&app, &a, cid, &"é".repeat(5000)).await;
    assert_eq!(status, 201);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM messages").await, 1);
    let (status, problem) =
        send(&app, Method::POST, &format!("{CONVERSATIONS}/{cid}/participants"), &a.token, Some(json!({"user_ids": [gone.id]}))).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem), [("user_ids[0]".to_string(), "unknown_user".to_string())]);
    let (status, problem) = send(&app, Method::GET, &format!("{CONVERSATIONS}?scope=bogus"), &a.token, None).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem)[0].0, "scope");
    let (status, _) = send(&app, Method::GET, &format!("{CONVERSATIONS}/not-a-uuid"), &a.token, None).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn tokens_and_permissions_are_required() {
    let app = TestApp::spawn().await;
    let r = call(&app, Method::GET, CONVERSATIONS, None, None).await;
    assert_eq!(r.status(), 401);
    let r = call(&app, Method::POST, CONVERSATIONS, None, Some(json!({"participant_ids": [Uuid::now_v7()]}))).await;
    assert_eq!(r.status(), 401);
    // The super admin (platform support) may talk to anyone, candidates and employers alike.
    let root = root_token(&app).await;
    let employer = app.create_company("Support Employer", "employer").await;
    let hiring = person(&app, "hm", "hiring_manager", Some(employer)).await;
    let candidate = person(&app, "cand", "candidate", None).await;
    for other in [hiring.id, candidate.id] {
        let (status, created) = send(&app, Method::POST, CONVERSATIONS, &root, Some(json!({"participant_ids": [other]}))).await;
        assert_eq!(status, 201, "{created}");
    }
    // A custom role without messaging:use is refused.
    let role = Uuid::now_v7();
    sqlx::query("INSERT INTO roles (id, company_id, name, description, is_system, created_at) VALUES (?, ?, 'Readers', '', 0, UTC_TIMESTAMP(6))")
        .bind(role)
        .bind(employer.0)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO role_permissions (role_id, permission) VALUES (?, 'jobs:read')").bind(role).execute(&app.pool).await.unwrap();
    sqlx::query("DELETE FROM user_roles WHERE user_id = ?").bind(hiring.id).execute(&app.pool).await.unwrap();
    sqlx::query("INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)").bind(hiring.id).bind(role).execute(&app.pool).await.unwrap();
    // Permissions are loaded on every request, so the same token now lacks it.
    let (status, problem) = send(&app, Method::GET, CONVERSATIONS, &hiring.token, None).await;
    assert_eq!((status, problem["code"].as_str()), (403, Some("missing_permission")), "{problem}");
}

/// The ids `GET /api/messaging/contacts` offers `who` (optionally searching).
async fn contacts(app: &TestApp, who: &Person, q: Option<&str>) -> Vec<Uuid> {
    let path = match q {
        Some(q) => format!("/api/messaging/contacts?q={q}"),
        None => "/api/messaging/contacts".to_string(),
    };
    let (status, list) = send(app, Method::GET, &path, &who.token, None).await;
    assert_eq!(status, 200, "{list}");
    let mut ids: Vec<Uuid> = list["items"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().parse().unwrap()).collect();
    ids.sort();
    ids
}

fn sorted(mut ids: Vec<Uuid>) -> Vec<Uuid> {
    ids.sort();
    ids
}

#[tokio::test]
async fn contacts_offer_exactly_whom_the_rules_allow() {
    let app = TestApp::spawn().await;
    let agency = app.create_company("Contacts Agency", "agency").await;
    let rival = app.create_company("Contacts Rival", "agency").await;
    let employer = app.create_company("Contacts Employer", "employer").await;
    let stranger_employer = app.create_company("Contacts Stranger", "employer").await;
    let recruiter = person(&app, "rec", "recruiter", Some(agency)).await;
    let colleague = person(&app, "col", "recruiter", Some(agency)).await;
    let rival_recruiter = person(&app, "rival", "recruiter", Some(rival)).await;
    let hiring = person(&app, "hm", "hiring_manager", Some(employer)).await;
    let stranger = person(&app, "strange", "hiring_manager", Some(stranger_employer)).await;
    let candidate = person(&app, "cand", "candidate", None).await;
    let lonely = person(&app, "lonely", "candidate", None).await;

    // The bridges: the employer shares a job with the agency; the candidate applied to an agency requirement.
    let employer_job = insert_job(&app, employer, CompanyType::Employer, hiring.id, "Shared").await;
    share_job(&app, employer_job.id, agency, hiring.id).await;
    let profile = personal_profile(&app, candidate.id).await;
    let requirement = insert_job(&app, agency, CompanyType::Agency, recruiter.id, "Requirement").await;
    insert_application(&app, &requirement, profile, None, None).await;

    assert_eq!(contacts(&app, &recruiter, None).await, sorted(vec![colleague.id, hiring.id, candidate.id]));
    assert_eq!(contacts(&app, &hiring, None).await, sorted(vec![recruiter.id, colleague.id]), "never the candidate");
    assert_eq!(contacts(&app, &candidate, None).await, sorted(vec![recruiter.id, colleague.id]));
    assert!(contacts(&app, &lonely, None).await.is_empty());
    assert!(contacts(&app, &stranger, None).await.is_empty());
    assert!(contacts(&app, &rival_recruiter, None).await.is_empty());
    // A search narrows by name or email.
    assert_eq!(contacts(&app, &recruiter, Some("cand-")).await, vec![candidate.id]);

    // Everyone offered can be put in a conversation: the list and the rules agree.
    for (who, offered) in [(&recruiter, contacts(&app, &recruiter, None).await), (&hiring, contacts(&app, &hiring, None).await), (&candidate, contacts(&app, &candidate, None).await)] {
        for other in offered {
            let (status, created) = create(&app, who, &[other]).await;
            assert_eq!(status, 201, "{created}");
        }
    }

    // The super admin reaches everyone, but only by searching.
    let root = Person { id: Uuid::nil(), token: root_token(&app).await };
    let (status, problem) = send(&app, Method::GET, "/api/messaging/contacts", &root.token, None).await;
    assert_eq!((status, problem["errors"][0]["field"].as_str()), (422, Some("q")));
    assert_eq!(contacts(&app, &root, Some("lonely-")).await, vec![lonely.id]);
    let (status, _) = send(&app, Method::GET, "/api/messaging/contacts?limit=0", &recruiter.token, None).await;
    assert_eq!(status, 422);
}
