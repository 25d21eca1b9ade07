use super::{infra, is_duplicate_key, like};
use chrono::{DateTime, Utc};
use hireops_domain::admin::{CompanyQuery, CompanyRecord};
use hireops_domain::identity::{Company, CompanyFilter, CompanyStatus, CompanyType};
use hireops_domain::ids::CompanyId;
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::ports::{CompanyRepository, PortResult};
use hireops_domain::DomainError;
use sqlx::mysql::MySqlRow;
use sqlx::{MySql, MySqlPool, QueryBuilder, Row};

pub struct MySqlCompanies {
    pool: MySqlPool,
}

impl MySqlCompanies {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

const SELECT: &str = "SELECT c.id, c.name, c.company_type, c.status, c.created_at, c.updated_at,
        (SELECT COUNT(*) FROM users u WHERE u.company_id = c.id) AS user_count
    FROM companies c";

fn record(row: &MySqlRow) -> PortResult<CompanyRecord> {
    let kind: String = row.try_get("company_type").map_err(infra)?;
    let status: String = row.try_get("status").map_err(infra)?;
    Ok(CompanyRecord {
        company: Company {
            id: CompanyId(row.try_get("id").map_err(infra)?),
            name: row.try_get("name").map_err(infra)?,
            kind: CompanyType::parse(&kind).ok_or_else(|| DomainError::infra(format!("unknown company type {kind}")))?,
            status: CompanyStatus::parse(&status).ok_or_else(|| DomainError::infra(format!("unknown company status {status}")))?,
        },
        created_at: row.try_get("created_at").map_err(infra)?,
        updated_at: row.try_get("updated_at").map_err(infra)?,
        user_count: row.try_get::<i64, _>("user_count").map_err(infra)? as u64,
    })
}

/// Appends ` WHERE …`; false when the filter can match nothing.
fn push_where(qb: &mut QueryBuilder<'_, MySql>, q: &CompanyQuery, companies: CompanyFilter) -> bool {
    qb.push(" WHERE 1 = 1");
    match companies {
        CompanyFilter::Any => {}
        CompanyFilter::Only(id) => {
            qb.push(" AND c.id = ").push_bind(id.0);
        }
        CompanyFilter::Nothing => return false,
    }
    if let Some(kind) = q.kind {
        qb.push(" AND c.company_type = ").push_bind(kind.as_str());
    }
    if let Some(status) = q.status {
        qb.push(" AND c.status = ").push_bind(status.as_str());
    }
    if let Some(text) = &q.text {
        qb.push(" AND c.name LIKE ").push_bind(like::contains(text));
    }
    true
}

fn name_conflict(e: sqlx::Error) -> DomainError {
    if is_duplicate_key(&e) { DomainError::Conflict("company_name_taken") } else { infra(e) }
}

#[async_trait::async_trait]
impl CompanyRepository for MySqlCompanies {
    async fn create(&self, c: &Company, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("INSERT INTO companies (id, name, company_type, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
            .bind(c.id.0)
            .bind(&c.name)
            .bind(c.kind.as_str())
            .bind(c.status.as_str())
            .bind(at)
            .bind(at)
            .execute(&self.pool)
            .await
            .map_err(name_conflict)?;
        Ok(())
    }

    async fn find(&self, id: CompanyId) -> PortResult<Option<CompanyRecord>> {
        let row = sqlx::query(&format!("{SELECT} WHERE c.id = ?")).bind(id.0).fetch_optional(&self.pool).await.map_err(infra)?;
        row.as_ref().map(record).transpose()
    }

    async fn list(&self, q: &CompanyQuery, companies: CompanyFilter, page: PageRequest) -> PortResult<Page<CompanyRecord>> {
        let mut count = QueryBuilder::new("SELECT COUNT(*) FROM companies c");
        if !push_where(&mut count, q, companies) {
            return Ok(Page::new(vec![], 0, page));
        }
        let total: i64 = count.build_query_scalar().fetch_one(&self.pool).await.map_err(infra)?;
        let mut qb = QueryBuilder::new(SELECT);
        push_where(&mut qb, q, companies);
        qb.push(if q.by_name { " ORDER BY c.name ASC, c.id ASC" } else { " ORDER BY c.created_at DESC, c.id DESC" });
        qb.push(" LIMIT ").push_bind(page.limit()).push(" OFFSET ").push_bind(page.offset());
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        let items = rows.iter().map(record).collect::<PortResult<Vec<_>>>()?;
        Ok(Page::new(items, total as u64, page))
    }

    async fn update(&self, c: &Company, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("UPDATE companies SET name = ?, status = ?, updated_at = ? WHERE id = ?")
            .bind(&c.name)
            .bind(c.status.as_str())
            .bind(at)
            .bind(c.id.0)
            .execute(&self.pool)
            .await
            .map_err(name_conflict)?;
        Ok(())
    }

    async fn end_sessions(&self, id: CompanyId, reason: &str, at: DateTime<Utc>) -> PortResult<u64> {
        let done = sqlx::query(
            "UPDATE session_families f JOIN users u ON u.id = f.user_id
             SET f.revoked_at = ?, f.revoke_reason = ? WHERE u.company_id = ? AND f.revoked_at IS NULL",
        )
        .bind(at)
        .bind(reason)
        .bind(id.0)
        .execute(&self.pool)
        .await
        .map_err(infra)?;
        Ok(done.rows_affected())
    }
}
