use hireops_tests::TestApp;
use serde_json::Value;

#[tokio::test]
async fn health_reports_every_dependency() {
    let app = TestApp::spawn().await;
    let r = app.http.get(app.url("/api/health")).send().await.unwrap();
    let status = r.status();
    let body: Value = r.json().await.unwrap();
    assert_eq!(status, 200, "{body}");
    for dep in ["database", "queue", "object_store", "clamd", "mailer", "cache"] {
        assert_eq!(body["checks"][dep]["status"], "ok", "{dep}: {body}");
    }
}

#[tokio::test]
async fn health_says_which_dependency_is_down() {
    let app = TestApp::spawn_with(|c| c.clamd_addr = "127.0.0.1:1".into()).await;
    let r = app.http.get(app.url("/api/health")).send().await.unwrap();
    assert_eq!(r.status(), 503);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["status"], "degraded");
    assert_eq!(body["checks"]["clamd"]["status"], "error");
    assert_eq!(body["checks"]["database"]["status"], "ok");
}

#[tokio::test]
async fn the_openapi_document_and_docs_ui_are_served() {
    let app = TestApp::spawn().await;
    let doc: Value = app.http.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert!(doc["paths"]["/api/auth/login"]["post"].is_object());
    let ui = app.http.get(app.url("/api/docs/")).send().await.unwrap();
    assert_eq!(ui.status(), 200);
}
