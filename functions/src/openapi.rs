//! The OpenAPI document, generated from the route table.

use crate::routes::Route;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{ComponentsBuilder, InfoBuilder, OpenApi, OpenApiBuilder, Paths};

pub fn document(routes: &[Route]) -> OpenApi {
    let mut paths = Paths::new();
    let mut components = ComponentsBuilder::new()
        .security_scheme("bearer", SecurityScheme::Http(Http::builder().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build()))
        .schema_from::<crate::http::error::Problem>()
        .schema_from::<crate::http::error::ProblemField>();
    let mut schemas: Vec<_> = routes.iter().flat_map(|r| r.schemas.clone()).collect();
    schemas.sort_by(|a, b| a.0.cmp(&b.0));
    schemas.dedup_by(|a, b| a.0 == b.0);
    for (name, schema) in schemas {
        components = components.schema(name, schema);
    }
    let mut sorted: Vec<&Route> = routes.iter().collect();
    sorted.sort_by(|a, b| (&a.path, a.method.as_str()).cmp(&(&b.path, b.method.as_str())));
    for r in sorted {
        let method = match r.method.as_str() {
            "GET" => utoipa::openapi::HttpMethod::Get,
            "POST" => utoipa::openapi::HttpMethod::Post,
            "PUT" => utoipa::openapi::HttpMethod::Put,
            "PATCH" => utoipa::openapi::HttpMethod::Patch,
            "DELETE" => utoipa::openapi::HttpMethod::Delete,
            other => panic!("unsupported method {other}"),
        };
        paths.add_path_operation(r.path.clone(), vec![method], r.operation.clone());
    }
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("HireOps API")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some("Recruitment for agencies, employers and candidates. Errors are RFC 9457 problem+json.")),
        )
        .paths(paths)
        .components(Some(components.build()))
        .build()
}

pub fn document_json(routes: &[Route]) -> String {
    let mut s = document(routes).to_pretty_json().expect("the document serializes");
    s.push('\n');
    s
}
