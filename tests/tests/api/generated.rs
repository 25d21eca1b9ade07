//! Files derived from the route table must match it: the OpenAPI document,
//! template.yaml's functions, the Lambda bins. `HIREOPS_BLESS=1` rewrites them.

use hireops_functions::generate::*;
use hireops_functions::{openapi, routes, tasks};
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
    let root = root();
    let mut drift = Vec::new();

    drift.extend(check(&root.join("docs/openapi.json"), &openapi::document_json(&routes)));
    drift.extend(check(&root.join("docs/roles-and-permissions.md"), &permissions_doc(&routes)));

    let template_path = root.join("template.yaml");
    let template = std::fs::read_to_string(&template_path).expect("template.yaml");
    let spliced = splice(&template, FUNCTIONS_BEGIN, FUNCTIONS_END, &template_functions(&routes, &tasks)).expect("template markers");
    drift.extend(check(&template_path, &spliced));

    let cargo_path = root.join("functions/Cargo.toml");
    let cargo = std::fs::read_to_string(&cargo_path).expect("functions/Cargo.toml");
    let spliced = splice(&cargo, BINS_BEGIN, BINS_END, &cargo_bins(&routes, &tasks)).expect("Cargo.toml markers");
    drift.extend(check(&cargo_path, &spliced));

    let bin_dir = root.join("functions/src/bin");
    let mut expected_bins = BTreeSet::from(["local.rs".to_string()]);
    for (name, is_task) in routes.iter().map(|r| (r.name, false)).chain(tasks.iter().map(|t| (t.name, true))) {
        let file = format!("{name}.rs");
        drift.extend(check(&bin_dir.join(&file), &bin_source(name, is_task)));
        expected_bins.insert(file);
    }
    let present: BTreeSet<String> = std::fs::read_dir(&bin_dir).expect("bin dir").map(|e| e.expect("entry").file_name().to_string_lossy().to_string()).collect();
    for stale in present.difference(&expected_bins) {
        if bless() {
            std::fs::remove_file(bin_dir.join(stale)).expect("remove stale bin");
        } else {
            drift.push(format!("functions/src/bin/{stale} has no route or task"));
        }
    }
    assert!(drift.is_empty(), "{}", drift.join("\n"));
}

#[test]
fn template_declares_exactly_one_function_per_route_and_task() {
    let text = std::fs::read_to_string(root().join("template.yaml")).expect("template.yaml");
    // CloudFormation tags (!Ref, !Sub, !GetAtt) are plain YAML tags to the parser.
    let doc: serde_norway::Value = serde_norway::from_str(&text).expect("template.yaml is YAML");
    let resources = doc["Resources"].as_mapping().expect("Resources");
    let functions: Vec<(&serde_norway::Value, &serde_norway::Value)> =
        resources.iter().filter(|(_, r)| r["Type"].as_str() == Some("AWS::Serverless::Function")).collect();
    let routes = routes::all();
    let tasks = tasks::all();
    assert_eq!(functions.len(), routes.len() + tasks.len(), "one function per route and per task");

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
