//! The audit log viewer and its CSV export (company admins: their company;
//! super admins: everything).

use crate::http::{ApiError, ApiQuery, ApiResult, Caller, ClientMeta, PageQuery, Paginated};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::Bytes;
use futures_util::StreamExt;
use chrono::{DateTime, Utc};
use hireops_domain::audit::{AuditCursor, AuditQuery, AuditRecord, EXPORT_MAX_ROWS};
use hireops_domain::ids::{CompanyId, UserId};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditLogFilters {
    /// Who acted.
    pub actor_id: Option<Uuid>,
    /// An exact action (`users.update`) or a prefix ending in a dot (`users.`).
    pub action: Option<String>,
    /// The kind of entity acted on, e.g. `user`, `role`, `company`.
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    /// `success`, `failure` or `denied`.
    pub outcome: Option<String>,
    /// From this instant (RFC 3339), inclusive.
    pub from: Option<DateTime<Utc>>,
    /// Up to this instant (RFC 3339), inclusive.
    pub to: Option<DateTime<Utc>>,
    /// Super admins: one company only.
    pub company_id: Option<Uuid>,
}

impl AuditLogFilters {
    fn query(self) -> AuditQuery {
        let blank = |s: Option<String>| s.map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        AuditQuery {
            actor_id: self.actor_id.map(UserId),
            action: blank(self.action),
            target_type: blank(self.entity_type),
            target_id: blank(self.entity_id),
            outcome: blank(self.outcome),
            from: self.from,
            to: self.to,
            company_id: self.company_id.map(CompanyId),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AuditActor {
    pub id: Uuid,
    pub email: Option<String>,
    pub full_name: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditLogEntry {
    pub id: Uuid,
    pub occurred_at: DateTime<Utc>,
    /// A stable dotted code, e.g. `users.update`.
    pub action: String,
    pub outcome: String,
    pub actor: Option<AuditActor>,
    pub company_id: Option<Uuid>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
    /// Field-by-field `{before, after}` for changes, when the action changed something.
    #[schema(value_type = Object)]
    pub changes: Option<serde_json::Value>,
    /// Everything recorded with the action.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

fn view(r: AuditRecord) -> AuditLogEntry {
    AuditLogEntry {
        id: r.id,
        occurred_at: r.occurred_at,
        action: r.action,
        outcome: r.outcome,
        actor: r.actor_id.map(|id| AuditActor { id: id.0, email: r.actor_email, full_name: r.actor_name }),
        company_id: r.company_id.map(|c| c.0),
        entity_type: r.target_type,
        entity_id: r.target_id,
        ip: r.ip,
        user_agent: r.user_agent,
        request_id: r.request_id,
        changes: r.details.get("changes").cloned(),
        details: r.details,
    }
}

/// The audit log, newest first, filtered and paginated.
#[utoipa::path(get, path = "/api/admin/audit-logs", tag = "admin", security(("bearer" = [])),
    params(AuditLogFilters, PageQuery),
    responses(
        (status = 200, body = Paginated<AuditLogEntry>),
        (status = 422, description = "A malformed filter", body = crate::http::error::Problem),
    ))]
pub async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(filters): ApiQuery<AuditLogFilters>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<AuditLogEntry>>> {
    let page = state.audit_trail.list(&caller, filters.query(), page.request()).await?;
    Ok(Json(Paginated::from_page(page, view)))
}

const CSV_HEADER: [&str; 14] = [
    "occurred_at", "action", "outcome", "actor_id", "actor_email", "actor_name", "company_id", "entity_type", "entity_id", "ip",
    "user_agent", "request_id", "changes", "details",
];

/// Spreadsheets run cells starting with these as formulas; prefix them so an
/// attacker-controlled value (a name, a user agent) stays text.
fn cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() }
}

fn csv_rows(records: &[AuditRecord], header: bool) -> Result<Bytes, ApiError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    if header {
        w.write_record(CSV_HEADER).map_err(ApiError::internal)?;
    }
    for r in records {
        let opt = |v: &Option<String>| cell(v.as_deref().unwrap_or(""));
        let changes = r.details.get("changes").map(|c| c.to_string()).unwrap_or_default();
        w.write_record([
            r.occurred_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            cell(&r.action),
            r.outcome.clone(),
            r.actor_id.map(|a| a.to_string()).unwrap_or_default(),
            opt(&r.actor_email),
            opt(&r.actor_name),
            r.company_id.map(|c| c.to_string()).unwrap_or_default(),
            opt(&r.target_type),
            opt(&r.target_id),
            opt(&r.ip),
            opt(&r.user_agent),
            opt(&r.request_id),
            cell(&changes),
            cell(&r.details.to_string()),
        ])
        .map_err(ApiError::internal)?;
    }
    w.into_inner().map(Bytes::from).map_err(ApiError::internal)
}

/// The filtered audit log as CSV (newest first, at most 100,000 rows), streamed
/// in chunks. The export itself is audited.
#[utoipa::path(get, path = "/api/admin/audit-logs/export", tag = "admin", security(("bearer" = [])),
    params(AuditLogFilters),
    responses(
        (status = 200, description = "CSV with a header row", content_type = "text/csv", body = String),
        (status = 422, description = "A malformed filter", body = crate::http::error::Problem),
    ))]
pub async fn export(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ClientMeta(meta): ClientMeta,
    ApiQuery(filters): ApiQuery<AuditLogFilters>,
) -> ApiResult<Response> {
    let filter = state.audit_trail.start_export(&caller, filters.query(), &meta).await?;
    // The first chunk is fetched before answering, so a failure is still a problem document.
    let first = state.audit_trail.export_chunk(&filter, None).await?;
    let head = csv_rows(&first, true)?;
    struct Cursor {
        state: AppState,
        filter: hireops_domain::audit::AuditFilter,
        after: Option<AuditCursor>,
        sent: u64,
        done: bool,
    }
    let cursor = Cursor {
        after: first.last().map(|r| AuditCursor { occurred_at: r.occurred_at, id: r.id }),
        sent: first.len() as u64,
        done: (first.len() as u32) < hireops_domain::audit::EXPORT_CHUNK,
        state,
        filter,
    };
    let rest = futures_util::stream::unfold(cursor, |mut c| async move {
        if c.done || c.sent >= EXPORT_MAX_ROWS {
            return None;
        }
        let chunk = match c.state.audit_trail.export_chunk(&c.filter, c.after).await {
            Ok(chunk) => chunk,
            Err(e) => {
                tracing::error!(error = ?e, "audit export failed mid-stream");
                return Some((Err(std::io::Error::other("audit export failed")), Cursor { done: true, ..c }));
            }
        };
        let keep = ((EXPORT_MAX_ROWS - c.sent) as usize).min(chunk.len());
        c.done = (chunk.len() as u32) < hireops_domain::audit::EXPORT_CHUNK || keep < chunk.len();
        c.sent += keep as u64;
        c.after = chunk[..keep].last().map(|r| AuditCursor { occurred_at: r.occurred_at, id: r.id });
        let bytes = csv_rows(&chunk[..keep], false).map_err(|_| std::io::Error::other("csv"));
        Some((bytes, c))
    });
    let body = futures_util::stream::once(async move { Ok::<Bytes, std::io::Error>(head) }).chain(rest);
    let filename = format!("attachment; filename=\"audit-log-{}.csv\"", Utc::now().format("%Y%m%d-%H%M%S"));
    let mut response = Body::from_stream(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    headers.insert(header::CONTENT_DISPOSITION, HeaderValue::from_str(&filename).map_err(ApiError::internal)?);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("users.update"), "users.update");
    }
}
