use super::infra;
use hireops_domain::audit::{AuditCursor, AuditEntry, AuditFilter, AuditRecord};
use hireops_domain::identity::CompanyFilter;
use hireops_domain::ids::{CompanyId, UserId};
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::ports::{AuditLog, AuditTrail, PortResult};
use sqlx::mysql::MySqlRow;
use sqlx::{MySql, MySqlPool, QueryBuilder, Row};
use uuid::Uuid;

pub struct MySqlAuditLog {
    pool: MySqlPool,
}

impl MySqlAuditLog {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl AuditLog for MySqlAuditLog {
    async fn record(&self, e: AuditEntry) -> PortResult<()> {
        sqlx::query(
            "INSERT INTO audit_log (id, occurred_at, action, outcome, actor_id, company_id, target_type, target_id, ip, user_agent, request_id, details)
             VALUES (?, UTC_TIMESTAMP(6), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(Uuid::now_v7())
        .bind(e.action)
        .bind(e.outcome.as_str())
        .bind(e.actor_id.map(|a| a.0))
        .bind(e.company_id.map(|c| c.0))
        .bind(e.target_type)
        .bind(e.target_id)
        .bind(e.meta.ip)
        .bind(e.meta.user_agent.map(|ua| ua.chars().take(500).collect::<String>()))
        .bind(e.meta.request_id)
        .bind(sqlx::types::Json(e.details))
        .execute(&self.pool)
        .await
        .map_err(infra)?;
        Ok(())
    }
}

/// Reads the audit log back for the admin viewer and exports.
pub struct MySqlAuditTrail {
    pool: MySqlPool,
}

impl MySqlAuditTrail {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

const SELECT: &str = "SELECT a.id, a.occurred_at, a.action, a.outcome, a.actor_id, u.email AS actor_email, u.full_name AS actor_name,
        a.company_id, a.target_type, a.target_id, a.ip, a.user_agent, a.request_id, a.details
    FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id";

/// Appends ` WHERE …` for the filter; false when the filter can match nothing.
fn push_where(qb: &mut QueryBuilder<'_, MySql>, filter: &AuditFilter) -> bool {
    let q = &filter.query;
    qb.push(" WHERE 1 = 1");
    match filter.companies {
        CompanyFilter::Any => {}
        CompanyFilter::Only(id) => {
            qb.push(" AND a.company_id = ").push_bind(id.0);
        }
        CompanyFilter::Nothing => return false,
    }
    if let Some(actor) = q.actor_id {
        qb.push(" AND a.actor_id = ").push_bind(actor.0);
    }
    if let Some(action) = &q.action {
        if let Some(prefix) = action.strip_suffix('.') {
            qb.push(" AND a.action LIKE ").push_bind(format!("{}.%", prefix.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")));
        } else {
            qb.push(" AND a.action = ").push_bind(action.clone());
        }
    }
    if let Some(t) = &q.target_type {
        qb.push(" AND a.target_type = ").push_bind(t.clone());
    }
    if let Some(t) = &q.target_id {
        qb.push(" AND a.target_id = ").push_bind(t.clone());
    }
    if let Some(o) = &q.outcome {
        qb.push(" AND a.outcome = ").push_bind(o.clone());
    }
    if let Some(from) = q.from {
        qb.push(" AND a.occurred_at >= ").push_bind(from);
    }
    if let Some(to) = q.to {
        qb.push(" AND a.occurred_at <= ").push_bind(to);
    }
    true
}

fn record(row: &MySqlRow) -> Result<AuditRecord, sqlx::Error> {
    Ok(AuditRecord {
        id: row.try_get("id")?,
        occurred_at: row.try_get("occurred_at")?,
        action: row.try_get("action")?,
        outcome: row.try_get("outcome")?,
        actor_id: row.try_get::<Option<Uuid>, _>("actor_id")?.map(UserId),
        actor_email: row.try_get("actor_email")?,
        actor_name: row.try_get("actor_name")?,
        company_id: row.try_get::<Option<Uuid>, _>("company_id")?.map(CompanyId),
        target_type: row.try_get("target_type")?,
        target_id: row.try_get("target_id")?,
        ip: row.try_get("ip")?,
        user_agent: row.try_get("user_agent")?,
        request_id: row.try_get("request_id")?,
        details: row.try_get::<sqlx::types::Json<serde_json::Value>, _>("details")?.0,
    })
}

#[async_trait::async_trait]
impl AuditTrail for MySqlAuditTrail {
    async fn search(&self, filter: &AuditFilter, page: PageRequest) -> PortResult<Page<AuditRecord>> {
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM audit_log a");
        if !push_where(&mut count, filter) {
            return Ok(Page::new(vec![], 0, page));
        }
        let total: i64 = count.build_query_scalar().fetch_one(&self.pool).await.map_err(infra)?;
        let mut qb = QueryBuilder::new(SELECT);
        push_where(&mut qb, filter);
        qb.push(" ORDER BY a.occurred_at DESC, a.id DESC LIMIT ").push_bind(page.limit()).push(" OFFSET ").push_bind(page.offset());
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        let items = rows.iter().map(record).collect::<Result<Vec<_>, _>>().map_err(infra)?;
        Ok(Page::new(items, total as u64, page))
    }

    async fn export(&self, filter: &AuditFilter, after: Option<AuditCursor>, limit: u32) -> PortResult<Vec<AuditRecord>> {
        let mut qb = QueryBuilder::new(SELECT);
        if !push_where(&mut qb, filter) {
            return Ok(vec![]);
        }
        if let Some(c) = after {
            qb.push(" AND (a.occurred_at < ")
                .push_bind(c.occurred_at)
                .push(" OR (a.occurred_at = ")
                .push_bind(c.occurred_at)
                .push(" AND a.id < ")
                .push_bind(c.id)
                .push("))");
        }
        qb.push(" ORDER BY a.occurred_at DESC, a.id DESC LIMIT ").push_bind(limit);
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        rows.iter().map(record).collect::<Result<Vec<_>, _>>().map_err(infra)
    }
}
