//! Files derived from the route, task and socket tables: the Lambda bins,
//! their `[[bin]]` entries and `cargo lambda watch` router, the functions of
//! `template.yaml` (with the WebSocket API's routes), and the OpenAPI
//! document. A test in `tests/` fails when a committed copy drifts;
//! `HIREOPS_BLESS=1` rewrites them.

use crate::routes::{Access, Route};
use crate::sockets::{SocketEvent, SocketRoute};
use crate::tasks::{Task, TaskKind};
use std::fmt::Write;

pub const BINS_BEGIN: &str = "# BEGIN GENERATED BINS";
pub const BINS_END: &str = "# END GENERATED BINS";
pub const FUNCTIONS_BEGIN: &str = "  # BEGIN GENERATED FUNCTIONS";
pub const FUNCTIONS_END: &str = "  # END GENERATED FUNCTIONS";

/// `ws_connect` → `WsConnect`, the stem of a bin's CloudFormation logical ids.
fn pascal(bin: &str) -> String {
    bin.split('_')
        .map(|part| {
            let mut c = part.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect::<String>()).unwrap_or_default()
        })
        .collect()
}

pub fn logical_id(bin: &str) -> String {
    format!("{}Function", pascal(bin))
}

/// Which table a Lambda bin comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinKind {
    Route,
    Task,
    Socket,
}

/// The source of one Lambda bin.
pub fn bin_source(name: &str, kind: BinKind) -> String {
    let (doc, call) = match kind {
        BinKind::Task => ("background task", format!("hireops_functions::runtime::lambda::run_task(\"{name}\")")),
        BinKind::Route => ("API route", format!("hireops_functions::runtime::lambda::run_route(\"{name}\")")),
        BinKind::Socket => ("WebSocket route", format!("hireops_functions::runtime::socket_lambda::run_socket(\"{name}\")")),
    };
    format!(
        "//! Lambda for the {doc} `{name}` (generated from the route table; see docs/development.md).\n\nfn main() -> Result<(), lambda_runtime::Error> {{\n    {call}\n}}\n"
    )
}

/// Every Lambda bin: its name and kind.
pub fn bins(routes: &[Route], tasks: &[Task], sockets: &[SocketRoute]) -> Vec<(&'static str, BinKind)> {
    routes
        .iter()
        .map(|r| (r.name, BinKind::Route))
        .chain(tasks.iter().map(|t| (t.name, BinKind::Task)))
        .chain(sockets.iter().map(|s| (s.name, BinKind::Socket)))
        .collect()
}

/// The `[[bin]]` entries and the `cargo lambda watch` router, for functions/Cargo.toml.
pub fn cargo_bins(routes: &[Route], tasks: &[Task], sockets: &[SocketRoute]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{BINS_BEGIN}");
    s.push_str("[[bin]]\nname = \"local\"\npath = \"src/bin/local.rs\"\ntest = false\n\n");
    for (name, _) in bins(routes, tasks, sockets) {
        let _ = writeln!(s, "[[bin]]\nname = \"{name}\"\npath = \"src/bin/{name}.rs\"\ntest = false\n");
    }
    s.push_str("# `cargo lambda watch` serves each path through its own function.\n[package.metadata.lambda.watch.router]\n");
    let mut paths: Vec<&str> = routes.iter().map(|r| r.path.as_str()).collect();
    paths.sort();
    paths.dedup();
    for path in paths {
        let entries: Vec<String> = routes
            .iter()
            .filter(|r| r.path == path)
            .map(|r| format!("{{ method = \"{}\", function = \"{}\" }}", r.method, r.name))
            .collect();
        let _ = writeln!(s, "\"{path}\" = [{}]", entries.join(", "));
    }
    let _ = write!(s, "{BINS_END}");
    s
}

/// Posting to (and closing) connections of the WebSocket API.
const MANAGE_CONNECTIONS: &str = "      - Statement:\n          - Effect: Allow\n            Action: execute-api:ManageConnections\n            Resource: !Sub arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/*";

/// Every function that acts for someone may enqueue mail, publish events and
/// queue import work, and push to sockets (notifications, messaging).
fn shared_policies() -> Vec<String> {
    let mut p: Vec<String> = ["MailQueue", "EventsQueue", "ImportQueue"]
        .iter()
        .map(|queue| format!("      - SQSSendMessagePolicy:\n          QueueName: !GetAtt {queue}.QueueName"))
        .collect();
    p.push(MANAGE_CONNECTIONS.into());
    p
}

fn policies(route: Option<&Route>, task: Option<&Task>) -> Vec<String> {
    let mut p = vec![];
    let send = |p: &mut Vec<String>| p.extend(shared_policies());
    match (route, task) {
        (Some(r), _) if r.name == "health" => {
            send(&mut p);
            p.push("      - S3ReadPolicy:\n          BucketName: !Ref UploadsBucket".into());
            p.push("      - Statement:\n          - Effect: Allow\n            Action: ses:GetEmailIdentity\n            Resource: !Sub arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/*".into());
        }
        // File routes presign uploads/downloads, check objects and queue scans.
        (Some(r), _) if crate::handlers::files::uses_uploads(&r.path) => {
            send(&mut p);
            p.push("      - S3CrudPolicy:\n          BucketName: !Ref UploadsBucket".into());
            p.push("      - SQSSendMessagePolicy:\n          QueueName: !GetAtt ScanQueue.QueueName".into());
        }
        (Some(_), _) => send(&mut p),
        (_, Some(t)) if matches!(t.kind, TaskKind::Queue { consumer: crate::tasks::Consumer::FileScan, .. }) => {
            send(&mut p);
            p.push("      - S3CrudPolicy:\n          BucketName: !Ref UploadsBucket".into());
        }
        (_, Some(t)) => match t.kind {
            TaskKind::Queue { .. } => {
                send(&mut p);
                p.push(
                    "      - Statement:\n          - Effect: Allow\n            Action: ses:SendEmail\n            Resource: !Sub arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/*"
                        .into(),
                );
            }
            TaskKind::Migrate => {}
        },
        _ => {}
    }
    p
}

/// `$connect` and `$disconnect` only touch the database; `$default` answers
/// through the management API and performs actions like any route.
fn socket_policies(socket: &SocketRoute) -> Vec<String> {
    match socket.event {
        SocketEvent::Connect | SocketEvent::Disconnect => vec![],
        SocketEvent::Message => shared_policies(),
    }
}

/// The functions of template.yaml, one per route, per task and per socket
/// route, and the WebSocket API's integrations, routes and stage.
pub fn template_functions(routes: &[Route], tasks: &[Task], sockets: &[SocketRoute]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{FUNCTIONS_BEGIN}");
    for r in routes {
        let access = match r.access {
            Access::Public => "public".to_string(),
            Access::Authenticated => "signed-in".to_string(),
            Access::Requires(p) => format!("requires {}", p.code()),
            Access::Service => "service credential".to_string(),
        };
        let _ = writeln!(s, "  {}:", logical_id(r.name));
        let _ = writeln!(s, "    Type: AWS::Serverless::Function");
        let _ = writeln!(s, "    Metadata:\n      BuildMethod: rust-cargolambda\n      BuildProperties:\n        Binary: {}", r.name);
        let _ = writeln!(s, "    Properties:");
        let _ = writeln!(s, "      FunctionName: !Sub ${{AWS::StackName}}-{}", r.name.replace('_', "-"));
        let _ = writeln!(s, "      Description: {} {} ({access})", r.method, r.path);
        let _ = writeln!(s, "      CodeUri: .\n      Handler: bootstrap");
        let _ = writeln!(s, "      Policies:\n{}", policies(Some(r), None).join("\n"));
        let _ = writeln!(
            s,
            "      Events:\n        Api:\n          Type: HttpApi\n          Properties:\n            ApiId: !Ref HttpApi\n            Path: {}\n            Method: {}",
            r.path, r.method
        );
    }
    for t in tasks {
        let _ = writeln!(s, "  {}:", logical_id(t.name));
        let _ = writeln!(s, "    Type: AWS::Serverless::Function");
        let _ = writeln!(s, "    Metadata:\n      BuildMethod: rust-cargolambda\n      BuildProperties:\n        Binary: {}", t.name);
        let _ = writeln!(s, "    Properties:");
        let _ = writeln!(s, "      FunctionName: !Sub ${{AWS::StackName}}-{}", t.name.replace('_', "-"));
        let _ = writeln!(s, "      Description: {}", t.description);
        let _ = writeln!(s, "      CodeUri: .\n      Handler: bootstrap");
        let policies = policies(None, Some(t));
        if !policies.is_empty() {
            let _ = writeln!(s, "      Policies:\n{}", policies.join("\n"));
        }
        match t.kind {
            TaskKind::Queue { queue, consumer } => {
                let batch = consumer.batch_size();
                if consumer == crate::tasks::Consumer::FileScan {
                    let _ = writeln!(s, "      Timeout: 120\n      MemorySize: 1024");
                }
                let _ = writeln!(
                    s,
                    "      Events:\n        Queue:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt {queue}Queue.Arn\n            BatchSize: {batch}\n            FunctionResponseTypes:\n              - ReportBatchItemFailures"
                );
            }
            TaskKind::Migrate => {
                let _ = writeln!(s, "      Timeout: 300");
            }
        }
    }
    s.push_str(&websocket_resources(sockets));
    let _ = write!(s, "{FUNCTIONS_END}");
    s
}

/// Per socket route: its function, its Lambda proxy integration and route on
/// `WebSocketApi`, and API Gateway's permission to invoke it; then the stage,
/// deployed automatically on every change once the routes exist.
fn websocket_resources(sockets: &[SocketRoute]) -> String {
    let mut s = String::new();
    for socket in sockets {
        let stem = pascal(socket.name);
        let function = logical_id(socket.name);
        let _ = writeln!(s, "  {function}:");
        let _ = writeln!(s, "    Type: AWS::Serverless::Function");
        let _ = writeln!(s, "    Metadata:\n      BuildMethod: rust-cargolambda\n      BuildProperties:\n        Binary: {}", socket.name);
        let _ = writeln!(s, "    Properties:");
        let _ = writeln!(s, "      FunctionName: !Sub ${{AWS::StackName}}-{}", socket.name.replace('_', "-"));
        let _ = writeln!(s, "      Description: {}", socket.description);
        let _ = writeln!(s, "      CodeUri: .\n      Handler: bootstrap");
        let policies = socket_policies(socket);
        if !policies.is_empty() {
            let _ = writeln!(s, "      Policies:\n{}", policies.join("\n"));
        }
        let _ = writeln!(s, "  {stem}Integration:\n    Type: AWS::ApiGatewayV2::Integration\n    Properties:\n      ApiId: !Ref WebSocketApi\n      IntegrationType: AWS_PROXY");
        let _ = writeln!(s, "      IntegrationUri: !Sub arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}:lambda:path/2015-03-31/functions/${{{function}.Arn}}/invocations");
        let _ = writeln!(s, "  {stem}Route:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: !Ref WebSocketApi");
        let _ = writeln!(s, "      RouteKey: \"{}\"\n      AuthorizationType: NONE\n      OperationName: {}", socket.route_key, socket.name);
        let _ = writeln!(s, "      Target: !Sub integrations/${{{stem}Integration}}");
        let _ = writeln!(s, "  {stem}Permission:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction");
        let _ = writeln!(s, "      FunctionName: !Ref {function}\n      Principal: apigateway.amazonaws.com");
        let _ = writeln!(s, "      SourceArn: !Sub arn:${{AWS::Partition}}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:${{WebSocketApi}}/*/{}", socket.route_key);
    }
    // Auto-deploy, not a pinned Deployment: a stage may not name a deployment
    // and auto-deploy both, and a pinned one would not follow route changes.
    let _ = writeln!(s, "  WebSocketStage:\n    Type: AWS::ApiGatewayV2::Stage\n    DependsOn:");
    for socket in sockets {
        let _ = writeln!(s, "      - {}Route", pascal(socket.name));
    }
    let _ = writeln!(s, "    Properties:\n      ApiId: !Ref WebSocketApi\n      StageName: !Ref WebSocketStageName\n      AutoDeploy: true");
    s
}

/// Replace the text between two marker lines (markers included).
pub fn splice(text: &str, begin: &str, end: &str, replacement: &str) -> Option<String> {
    let start = text.find(begin)?;
    let stop = text[start..].find(end)? + start + end.len();
    Some(format!("{}{}{}", &text[..start], replacement, &text[stop..]))
}

/// `docs/roles-and-permissions.md`: the permission catalogue, the matrix of
/// system roles, and what every route requires.
pub fn permissions_doc(routes: &[Route]) -> String {
    use hireops_domain::identity::{Permission, ALL_SYSTEM_ROLES};
    let mut s = String::new();
    s.push_str("# Roles and permissions\n\n<!-- Generated from domain/src/identity/{permission,role}.rs and functions/src/routes.rs.\n     Do not edit: run HIREOPS_BLESS=1 cargo test -p hireops-tests --test api generated -->\n\n");
    s.push_str("Every route requires one permission (or is public, or open to any signed-in user); a role is a set of\npermissions. Company admins can define custom roles from this catalogue (`/api/admin/roles`), but only with\npermissions they hold themselves; `companies:manage` and `candidate:self` are never grantable.\n\n");
    s.push_str("Status rules, applied by the route table and the domain's scope check for every route:\n\n");
    s.push_str("- no or invalid token on a non-public route: **401**\n- signed in without the route's permission: **403**\n- another company's resource (or one that does not exist): **404**, never told apart\n\n");
    s.push_str("Holding any permission marked *admin* makes sign-in require the emailed second factor.\n\n## Catalogue\n\n| permission | admin | what it allows |\n|---|---|---|\n");
    for p in Permission::ALL {
        let _ = writeln!(s, "| `{}` | {} | {} |", p.code(), if p.is_administrative() { "admin" } else { "" }, p.description());
    }
    s.push_str("\n## System roles\n\n| permission |");
    for r in ALL_SYSTEM_ROLES {
        let _ = write!(s, " `{}` |", r.name());
    }
    s.push_str("\n|---|");
    for _ in ALL_SYSTEM_ROLES {
        s.push_str(":---:|");
    }
    s.push('\n');
    for p in Permission::ALL {
        let _ = write!(s, "| `{}` |", p.code());
        for r in ALL_SYSTEM_ROLES {
            s.push_str(if r.permissions().contains(p) { " ✓ |" } else { " |" });
        }
        s.push('\n');
    }
    s.push_str("\nCompany of each role: ");
    let kinds: Vec<String> = ALL_SYSTEM_ROLES
        .iter()
        .map(|r| format!("`{}` ({})", r.name(), r.company_type().map_or("no company", |t| t.as_str())))
        .collect();
    s.push_str(&kinds.join(", "));
    s.push_str(".\n\n## Routes\n\n| method | path | function | access |\n|---|---|---|---|\n");
    for r in routes {
        let access = match r.access {
            Access::Public => "public".to_string(),
            Access::Authenticated => "any signed-in user".to_string(),
            Access::Requires(p) => format!("`{}`", p.code()),
            Access::Service => "the service credential (`SCAN_SERVICE_TOKEN`), not a user".to_string(),
        };
        let _ = writeln!(s, "| {} | `{}` | `{}` | {access} |", r.method, r.path, r.name);
    }
    s
}
