//! Files derived from the route table must match it: the OpenAPI document,
//! template.yaml's functions (and WebSocket routes), the Lambda bins.
//! `HIREOPS_BLESS=1` rewrites them.

use hireops_functions::generate::*;
use hireops_functions::{openapi, routes, sockets, tasks};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

fn bless() -> bool {
    std::env::var("HIREOPS_BLESS").is_ok_and(|v| v == "1")
}

/// Compare, or rewrite when blessing. Returns a drift message.
fn check(path: &Path, expected: &str) -> Option<String> {
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    if actual == expected {
        return None;
    }
    if bless() {
        std::fs::write(path, expected).expect("write");
        return None;
    }
    Some(format!("{} is out of date; run HIREOPS_BLESS=1 cargo test -p hireops-tests --test api generated", path.display()))
}

#[test]
fn derived_files_match_the_route_table() {
    let routes = routes::all();
    let tasks = tasks::all();
    let sockets = sockets::all();
    let root = root();
    let mut drift = Vec::new();

    drift.extend(check(&root.join("docs/openapi.json"), &openapi::document_json(&routes)));
    drift.extend(check(&root.join("docs/roles-and-permissions.md"), &permissions_doc(&routes)));

    let template_path = root.join("template.yaml");
    let template = std::fs::read_to_string(&template_path).expect("template.yaml");
    let spliced = splice(&template, FUNCTIONS_BEGIN, FUNCTIONS_END, &template_functions(&routes, &tasks, &sockets)).expect("template markers");
    drift.extend(check(&template_path, &spliced));

    let cargo_path = root.join("functions/Cargo.toml");
    let cargo = std::fs::read_to_string(&cargo_path).expect("functions/Cargo.toml");
    let spliced = splice(&cargo, BINS_BEGIN, BINS_END, &cargo_bins(&routes, &tasks, &sockets)).expect("Cargo.toml markers");
    drift.extend(check(&cargo_path, &spliced));

    let bin_dir = root.join("functions/src/bin");
    let mut expected_bins = BTreeSet::from(["local.rs".to_string()]);
    for (name, kind) in bins(&routes, &tasks, &sockets) {
        let file = format!("{name}.rs");
        drift.extend(check(&bin_dir.join(&file), &bin_source(name, kind)));
        expected_bins.insert(file);
    }
    let present: BTreeSet<String> = std::fs::read_dir(&bin_dir).expect("bin dir").map(|e| e.expect("entry").file_name().to_string_lossy().to_string()).collect();
    for stale in present.difference(&expected_bins) {
        if bless() {
            std::fs::remove_file(bin_dir.join(stale)).expect("remove stale bin");
        } else {
            drift.push(format!("functions/src/bin/{stale} has no route, task or socket route"));
        }
    }
    assert!(drift.is_empty(), "{}", drift.join("\n"));
}

#[test]
fn template_declares_exactly_one_function_per_route_task_and_socket_route() {
    let text = std::fs::read_to_string(root().join("template.yaml")).expect("template.yaml");
    // CloudFormation tags (!Ref, !Sub, !GetAtt) are plain YAML tags to the parser.
    let doc: serde_norway::Value = serde_norway::from_str(&text).expect("template.yaml is YAML");
    let resources = doc["Resources"].as_mapping().expect("Resources");
    let functions: Vec<(&serde_norway::Value, &serde_norway::Value)> =
        resources.iter().filter(|(_, r)| r["Type"].as_str() == Some("AWS::Serverless::Function")).collect();
    let routes = routes::all();
    let tasks = tasks::all();
    let sockets = sockets::all();
    assert_eq!(functions.len(), routes.len() + tasks.len() + sockets.len(), "one function per route, per task and per socket route");

    for route in &routes {
        let matching: Vec<_> = functions
            .iter()
            .filter(|(_, f)| {
                f["Properties"]["Events"].as_mapping().is_some_and(|events| {
                    events.values().any(|e| {
                        e["Type"].as_str() == Some("HttpApi")
                            && e["Properties"]["Path"].as_str() == Some(route.path.as_str())
                            && e["Properties"]["Method"].as_str() == Some(route.method.as_str())
                    })
                })
            })
            .collect();
        assert_eq!(matching.len(), 1, "{} {} must be served by exactly one function", route.method, route.path);
        let (_, f) = matching[0];
        assert_eq!(f["Metadata"]["BuildProperties"]["Binary"].as_str(), Some(route.name), "{} is built from its own bin", route.path);
    }
    for task in &tasks {
        let f = &resources[&serde_norway::Value::String(logical_id(task.name))];
        assert_eq!(f["Metadata"]["BuildProperties"]["Binary"].as_str(), Some(task.name));
        if let tasks::TaskKind::Queue { .. } = task.kind {
            let events = f["Properties"]["Events"].as_mapping().expect("queue tasks have an SQS event");
            let sqs = events.values().find(|e| e["Type"].as_str() == Some("SQS")).expect("an SQS event");
            assert_eq!(sqs["Properties"]["FunctionResponseTypes"][0].as_str(), Some("ReportBatchItemFailures"));
        }
    }
    // Each socket route reaches its own function through a Lambda proxy integration.
    let of_type = |t: &str| resources.iter().filter(move |(_, r)| r["Type"].as_str() == Some(t)).map(|(_, r)| r).collect::<Vec<_>>();
    let ws_routes = of_type("AWS::ApiGatewayV2::Route");
    assert_eq!(ws_routes.len(), sockets.len());
    let api = resources[&serde_norway::Value::String("WebSocketApi".into())]["Properties"].clone();
    assert_eq!(api["ProtocolType"].as_str(), Some("WEBSOCKET"));
    for socket in &sockets {
        let route = ws_routes.iter().find(|r| r["Properties"]["RouteKey"].as_str() == Some(socket.route_key)).expect("a route per socket route");
        let target = format!("{:?}", route["Properties"]["Target"]);
        let integration = target.split("integrations/${").nth(1).and_then(|t| t.split('}').next()).expect("an integration target");
        let integration = &resources[&serde_norway::Value::String(integration.into())]["Properties"];
        assert_eq!(integration["IntegrationType"].as_str(), Some("AWS_PROXY"));
        assert!(format!("{:?}", integration["IntegrationUri"]).contains(&format!("${{{}.Arn}}", logical_id(socket.name))), "{} integrates its own function", socket.route_key);
        let f = &resources[&serde_norway::Value::String(logical_id(socket.name))];
        assert_eq!(f["Metadata"]["BuildProperties"]["Binary"].as_str(), Some(socket.name));
    }
    assert_eq!(of_type("AWS::Lambda::Permission").len(), sockets.len(), "API Gateway may invoke each socket function");
    // Every function that acts for someone may push to sockets.
    for (name, f) in resources.iter().filter(|(_, r)| r["Type"].as_str() == Some("AWS::Serverless::Function")) {
        let name = name.as_str().unwrap_or_default();
        let may_push = format!("{:?}", f["Properties"]["Policies"]).contains("execute-api:ManageConnections");
        let needs = !matches!(name, "TaskMigrateFunction" | "WsConnectFunction" | "WsDisconnectFunction");
        assert_eq!(may_push, needs, "{name}: execute-api:ManageConnections");
    }

    // Every queue has a dead-letter queue.
    for (name, r) in resources.iter().filter(|(_, r)| r["Type"].as_str() == Some("AWS::SQS::Queue")) {
        let name = name.as_str().unwrap_or_default();
        if !name.contains("DeadLetter") {
            assert!(!r["Properties"]["RedrivePolicy"]["deadLetterTargetArn"].is_null(), "{name} has no DLQ");
        }
    }
}

#[test]
fn route_names_and_paths_are_unique() {
    let routes = routes::all();
    let names: BTreeSet<_> = routes.iter().map(|r| r.name).collect();
    assert_eq!(names.len(), routes.len());
    let endpoints: BTreeSet<_> = routes.iter().map(|r| (r.method.to_string(), r.path.clone())).collect();
    assert_eq!(endpoints.len(), routes.len());
}

/// Two payload types with one name would collapse into one schema in the
/// OpenAPI document (one route's answer then documents another's), so every
/// schema name must stand for one shape.
#[test]
fn schema_names_are_unambiguous() {
    let mut seen: std::collections::BTreeMap<String, (String, &'static str)> = std::collections::BTreeMap::new();
    let mut clashes = Vec::new();
    for route in routes::all() {
        for (name, schema) in &route.schemas {
            let shape = serde_json::to_string(schema).expect("schema as JSON");
            match seen.get(name) {
                Some((other, by)) if *other != shape => clashes.push(format!("{name}: {by} and {}", route.name)),
                Some(_) => {}
                None => {
                    seen.insert(name.clone(), (shape, route.name));
                }
            }
        }
    }
    assert!(clashes.is_empty(), "one name, two shapes (rename one of the Rust types):\n{}", clashes.join("\n"));
}
