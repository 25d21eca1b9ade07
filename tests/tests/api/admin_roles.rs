use crate::admin_support::*;
use hireops_tests::{unique_email, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

async fn role_id(app: &TestApp, token: &str, name: &str) -> String {
    let (status, list) = send(app, Method::GET, "/api/admin/roles", token, None).await;
    assert_eq!(status, 200, "{list}");
    list["items"].as_array().unwrap().iter().find(|r| r["name"] == name).unwrap_or_else(|| panic!("no role {name} in {list}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn names(list: &Value) -> Vec<String> {
    list["items"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn a_custom_role_grants_its_permissions_to_holders_as_it_changes() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;

    let (status, catalogue) = send(&app, Method::GET, "/api/admin/permissions", &acme.admin_token, None).await;
    assert_eq!(status, 200);
    let users_create = catalogue["items"].as_array().unwrap().iter().find(|p| p["code"] == "users:create").unwrap();
    assert_eq!(users_create["administrative"], true);
    assert!(users_create["description"].as_str().is_some_and(|d| !d.is_empty()));

    let body = json!({"name": "Sourcer", "description": "Finds people", "permissions": ["jobs:read", "users:read"]});
    let (status, role) = send(&app, Method::POST, "/api/admin/roles", &acme.admin_token, Some(body)).await;
    assert_eq!(status, 201, "{role}");
    assert_eq!((role["is_system"].as_bool(), role["company_id"].as_str()), (Some(false), Some(acme.company.to_string().as_str())));
    assert_eq!(role["permissions"], json!(["users:read", "jobs:read"]));
    let id = role["id"].as_str().unwrap().to_string();

    // A user holding it can do what it grants, and nothing else.
    let sourcer = unique_email("sourcer");
    app.create_user(&sourcer, "Sourcer", Some(acme.company)).await;
    let sourcer_token = token(&app.sign_in(&sourcer).await);
    assert_eq!(app.get_with_token("/api/admin/users", &sourcer_token).await.status(), 200);
    assert_eq!(app.get_with_token("/api/admin/roles", &sourcer_token).await.status(), 403);
    let (_, listed) = send(&app, Method::GET, "/api/admin/roles", &acme.admin_token, None).await;
    let listed_role = listed["items"].as_array().unwrap().iter().find(|r| r["id"] == id.as_str()).unwrap().clone();
    assert_eq!(listed_role["user_count"], 1);

    // Narrowing the role bites on the holder's next request, with the same token.
    let path = format!("/api/admin/roles/{id}");
    let (status, updated) =
        send(&app, Method::PUT, &path, &acme.admin_token, Some(json!({"name": "Senior Sourcer", "permissions": ["jobs:read"]}))).await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!((updated["name"].as_str(), updated["description"].as_str()), (Some("Senior Sourcer"), Some("Finds people")));
    assert_eq!(app.get_with_token("/api/admin/users", &sourcer_token).await.status(), 403);
    let me: Value = app.get_with_token("/api/me", &sourcer_token).await.json().await.unwrap();
    assert_eq!(me["permissions"], json!(["jobs:read"]));
    let (status, perms) = send(&app, Method::GET, &format!("{path}/permissions"), &acme.admin_token, None).await;
    assert_eq!(status, 200);
    assert_eq!(perms["items"].as_array().unwrap().iter().map(|p| p["code"].clone()).collect::<Vec<_>>(), [json!("jobs:read")]);

    let rows = audit_of(&app, "roles.update", &id).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1["changes"]["permissions"], json!({"before": ["users:read", "jobs:read"], "after": ["jobs:read"]}));
    assert_eq!(rows[0].1["changes"]["name"], json!({"before": "Sourcer", "after": "Senior Sourcer"}));

    // In use: can't be deleted.
    let (status, in_use) = send(&app, Method::DELETE, &path, &acme.admin_token, None).await;
    assert_eq!((status, in_use["code"].as_str()), (409, Some("role_in_use")));
    assert_eq!(count(&app, &format!("SELECT COUNT(*) FROM roles WHERE id = UNHEX(REPLACE('{id}', '-', ''))")).await, 1);
    assert_eq!(audit_of(&app, "roles.create", &id).await.len(), 1);
}

#[tokio::test]
async fn system_roles_are_fixed_and_other_companies_roles_are_invisible() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let rival = tenant(&app, "Rival", "agency").await;
    let globex = tenant(&app, "Globex", "employer").await;

    let (_, list) = send(&app, Method::GET, "/api/admin/roles", &acme.admin_token, None).await;
    assert_eq!(names(&list), ["agency_admin", "manager", "recruiter", "sales"], "agency system roles only");
    let (_, list) = send(&app, Method::GET, "/api/admin/roles", &globex.admin_token, None).await;
    assert_eq!(names(&list), ["employer_admin", "hiring_manager", "interviewer"]);

    let recruiter = role_id(&app, &acme.admin_token, "recruiter").await;
    let system = format!("/api/admin/roles/{recruiter}");
    let (status, body) = send(&app, Method::PUT, &system, &acme.admin_token, Some(json!({"permissions": ["jobs:read"]}))).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("system_role_immutable")));
    let (status, body) = send(&app, Method::DELETE, &system, &acme.admin_token, None).await;
    assert_eq!((status, body["code"].as_str()), (403, Some("system_role_immutable")));
    let root = root_token(&app).await;
    assert_eq!(send(&app, Method::DELETE, &system, &root, None).await.0, 403, "not even the super admin");
    assert_eq!(send(&app, Method::GET, &format!("{system}/permissions"), &acme.admin_token, None).await.0, 200);
    let hiring_manager = role_id(&app, &globex.admin_token, "hiring_manager").await;
    assert_eq!(send(&app, Method::GET, &format!("/api/admin/roles/{hiring_manager}/permissions"), &acme.admin_token, None).await.0, 404);

    let (_, role) = send(&app, Method::POST, "/api/admin/roles", &acme.admin_token, Some(json!({"name": "Sourcer", "permissions": ["jobs:read"]}))).await;
    let custom = format!("/api/admin/roles/{}", role["id"].as_str().unwrap());
    assert_eq!(send(&app, Method::GET, &format!("{custom}/permissions"), &rival.admin_token, None).await.0, 404);
    assert_eq!(send(&app, Method::PUT, &custom, &rival.admin_token, Some(json!({"permissions": []}))).await.0, 404);
    assert_eq!(send(&app, Method::DELETE, &custom, &rival.admin_token, None).await.0, 404);
    let (_, theirs) = send(&app, Method::GET, "/api/admin/roles", &rival.admin_token, None).await;
    assert!(!names(&theirs).contains(&"Sourcer".to_string()));
    // The rival company may use the same name for its own role.
    assert_eq!(send(&app, Method::POST, "/api/admin/roles", &rival.admin_token, Some(json!({"name": "Sourcer", "permissions": []}))).await.0, 201);

    // The super admin sees every role, or one company's custom roles.
    let (_, all) = send(&app, Method::GET, "/api/admin/roles", &root, None).await;
    assert_eq!(names(&all).iter().filter(|n| *n == "Sourcer").count(), 2);
    assert!(names(&all).contains(&"super_admin".to_string()));
    let (_, one) = send(&app, Method::GET, &format!("/api/admin/roles?company_id={}", acme.company), &root, None).await;
    assert_eq!(one["items"].as_array().unwrap().iter().filter(|r| r["is_system"] == false).count(), 1);

    // Unused custom roles go, audited.
    assert_eq!(send(&app, Method::DELETE, &custom, &acme.admin_token, None).await.0, 204);
    assert_eq!(send(&app, Method::GET, &format!("{custom}/permissions"), &acme.admin_token, None).await.0, 404);
    let rows = audit_of(&app, "roles.delete", role["id"].as_str().unwrap()).await;
    assert_eq!(rows[0].1["changes"]["permissions"], json!({"before": ["jobs:read"], "after": null}));

    // Without the permission or a token.
    let recruiter_email = unique_email("rec");
    app.create_user(&recruiter_email, "recruiter", Some(acme.company)).await;
    let recruiter_token = token(&app.sign_in(&recruiter_email).await);
    for (method, path) in [(Method::GET, "/api/admin/roles"), (Method::GET, "/api/admin/permissions"), (Method::POST, "/api/admin/roles")] {
        let body = (method == Method::POST).then(|| json!({"name": "Sneaky", "permissions": []}));
        assert_eq!(call(&app, method.clone(), path, Some(&recruiter_token), body.clone()).await.status(), 403, "{method} {path}");
        assert_eq!(call(&app, method.clone(), path, None, body).await.status(), 401, "{method} {path}");
    }
}

#[tokio::test]
async fn escalation_and_invalid_roles_are_refused_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let acme = tenant(&app, "Acme", "agency").await;
    let custom_roles = "SELECT COUNT(*) FROM roles WHERE is_system = 0";

    // A narrower admin, through a custom role.
    let body = json!({"name": "Team Lead", "permissions": ["roles:manage", "users:read", "users:create", "jobs:read"]});
    assert_eq!(send(&app, Method::POST, "/api/admin/roles", &acme.admin_token, Some(body)).await.0, 201);
    let lead = unique_email("lead");
    app.create_user(&lead, "Team Lead", Some(acme.company)).await;
    let lead_token = token(&app.sign_in_admin(&lead).await);

    let (status, problem) =
        send(&app, Method::POST, "/api/admin/roles", &lead_token, Some(json!({"name": "Writer", "permissions": ["jobs:read", "jobs:write"]}))).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&problem), [("permissions[1]".to_string(), "permission_not_grantable".to_string())]);
    let (status, problem) = send(
        &app,
        Method::POST,
        "/api/admin/roles",
        &acme.admin_token,
        Some(json!({"name": "x", "permissions": ["nope:nope", "companies:manage", "candidate:self"]})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        fields(&problem),
        [
            ("name".to_string(), "invalid_length".to_string()),
            ("permissions[0]".to_string(), "unknown_permission".to_string()),
            ("permissions[1]".to_string(), "permission_not_allowed".to_string()),
            ("permissions[2]".to_string(), "permission_not_allowed".to_string()),
        ]
    );
    let (status, problem) = send(&app, Method::POST, "/api/admin/roles", &acme.admin_token, Some(json!({"name": "Recruiter", "permissions": []}))).await;
    assert_eq!((status, fields(&problem)), (422, vec![("name".to_string(), "reserved_name".to_string())]));
    let (status, problem) = send(&app, Method::POST, "/api/admin/roles", &acme.admin_token, Some(json!({"name": "team lead", "permissions": []}))).await;
    assert_eq!((status, problem["code"].as_str()), (409, Some("role_name_taken")));
    // A company admin can't place a role in another company.
    let other = app.create_company("Other", "agency").await;
    let (status, problem) =
        send(&app, Method::POST, "/api/admin/roles", &acme.admin_token, Some(json!({"name": "Elsewhere", "permissions": [], "company_id": other}))).await;
    assert_eq!((status, fields(&problem)), (422, vec![("company_id".to_string(), "other_company".to_string())]));
    // The super admin must name an existing company.
    let root = root_token(&app).await;
    let (status, problem) = send(&app, Method::POST, "/api/admin/roles", &root, Some(json!({"name": "Floating", "permissions": []}))).await;
    assert_eq!((status, fields(&problem)), (422, vec![("company_id".to_string(), "required".to_string())]));
    let (status, problem) =
        send(&app, Method::POST, "/api/admin/roles", &root, Some(json!({"name": "Floating", "permissions": [], "company_id": uuid::Uuid::now_v7()}))).await;
    assert_eq!((status, fields(&problem)), (422, vec![("company_id".to_string(), "unknown_company".to_string())]));
    assert_eq!(count(&app, custom_roles).await, 1, "only Team Lead was written");

    // Editing refuses escalation too, and leaves the role as it was.
    let id = role_id(&app, &acme.admin_token, "Team Lead").await;
    let (status, _) = send(&app, Method::PUT, &format!("/api/admin/roles/{id}"), &lead_token, Some(json!({"permissions": ["jobs:write"]}))).await;
    assert_eq!(status, 422);
    let (_, perms) = send(&app, Method::GET, &format!("/api/admin/roles/{id}/permissions"), &acme.admin_token, None).await;
    assert_eq!(perms["items"].as_array().unwrap().len(), 4);
    assert!(audit_of(&app, "roles.update", &id).await.is_empty());

    // The super admin defines a role for a company.
    let (status, made) =
        send(&app, Method::POST, "/api/admin/roles", &root, Some(json!({"name": "Auditor", "permissions": ["audit:read"], "company_id": acme.company}))).await;
    assert_eq!((status, made["company_id"].as_str()), (201, Some(acme.company.to_string().as_str())));
}
