use super::infra;
use super::one_time::consume_in;
use chrono::{DateTime, Utc};
use hireops_domain::auth::{ApproverScope, ResetRequest, ResetRequestStatus};
use hireops_domain::ids::{CompanyId, ResetRequestId, UserId};
use hireops_domain::ports::{OneTimePurpose, PortResult, ResetRequestRepository};
use hireops_domain::DomainError;
use sqlx::mysql::MySqlRow;
use sqlx::{MySqlPool, Row};
use uuid::Uuid;

pub struct MySqlResetRequests {
    pool: MySqlPool,
}

impl MySqlResetRequests {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

const SELECT: &str = "SELECT r.id, r.user_id, u.email, u.full_name, r.approver_company_id, r.status, r.requested_at, r.requested_ip,
                             r.approved_by, r.approved_at
                      FROM password_reset_requests r JOIN users u ON u.id = r.user_id";

fn from_row(r: MySqlRow) -> PortResult<ResetRequest> {
    let status: String = r.get("status");
    Ok(ResetRequest {
        id: ResetRequestId(r.get("id")),
        user_id: UserId(r.get("user_id")),
        user_email: r.get("email"),
        user_full_name: r.get("full_name"),
        approver_company_id: r.get::<Option<Uuid>, _>("approver_company_id").map(CompanyId),
        status: ResetRequestStatus::parse(&status).ok_or_else(|| DomainError::infra(format!("unknown reset status {status}")))?,
        requested_at: r.get("requested_at"),
        requested_ip: r.get("requested_ip"),
        approved_by: r.get::<Option<Uuid>, _>("approved_by").map(UserId),
        approved_at: r.get("approved_at"),
    })
}

#[async_trait::async_trait]
impl ResetRequestRepository for MySqlResetRequests {
    async fn create(&self, id: ResetRequestId, user: UserId, scope: ApproverScope, ip: Option<String>, at: DateTime<Utc>) -> PortResult<()> {
        let company = match scope {
            ApproverScope::Company(c) => Some(c.0),
            ApproverScope::Platform => None,
        };
        sqlx::query(
            "INSERT INTO password_reset_requests (id, user_id, approver_company_id, status, requested_at, requested_ip) VALUES (?, ?, ?, 'pending', ?, ?)",
        )
        .bind(id.0)
        .bind(user.0)
        .bind(company)
        .bind(at)
        .bind(ip)
        .execute(&self.pool)
        .await
        .map_err(infra)?;
        Ok(())
    }

    async fn pending_for_user(&self, user: UserId) -> PortResult<Option<ResetRequestId>> {
        let row: Option<(Uuid,)> = sqlx::query_as("SELECT id FROM password_reset_requests WHERE user_id = ? AND status = 'pending' LIMIT 1")
            .bind(user.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?;
        Ok(row.map(|(id,)| ResetRequestId(id)))
    }

    async fn find(&self, id: ResetRequestId) -> PortResult<Option<ResetRequest>> {
        let row = sqlx::query(&format!("{SELECT} WHERE r.id = ?")).bind(id.0).fetch_optional(&self.pool).await.map_err(infra)?;
        row.map(from_row).transpose()
    }

    async fn list_pending(&self, company: Option<CompanyId>) -> PortResult<Vec<ResetRequest>> {
        let rows = match company {
            Some(c) => sqlx::query(&format!("{SELECT} WHERE r.status = 'pending' AND r.approver_company_id = ? ORDER BY r.requested_at"))
                .bind(c.0)
                .fetch_all(&self.pool)
                .await,
            None => sqlx::query(&format!("{SELECT} WHERE r.status = 'pending' ORDER BY r.requested_at")).fetch_all(&self.pool).await,
        }
        .map_err(infra)?;
        rows.into_iter().map(from_row).collect()
    }

    async fn approve(&self, id: ResetRequestId, by: UserId, at: DateTime<Utc>) -> PortResult<bool> {
        let done = sqlx::query("UPDATE password_reset_requests SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ? AND status = 'pending'")
            .bind(by.0)
            .bind(at)
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(done.rows_affected() == 1)
    }

    async fn complete(&self, token_digest: &str, password_hash: &str, now: DateTime<Utc>) -> PortResult<Option<UserId>> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let Some((user, reference)) = consume_in(&mut tx, OneTimePurpose::PasswordReset, token_digest, now).await.map_err(infra)? else {
            return Ok(None);
        };
        sqlx::query("UPDATE users SET password_hash = ?, failed_login_count = 0, locked_until = NULL, updated_at = ? WHERE id = ?")
            .bind(password_hash)
            .bind(now)
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        if let Some(request) = reference.as_deref().and_then(|r| Uuid::parse_str(r).ok()) {
            sqlx::query("UPDATE password_reset_requests SET status = 'completed', completed_at = ? WHERE id = ?")
                .bind(now)
                .bind(request)
                .execute(&mut *tx)
                .await
                .map_err(infra)?;
        }
        sqlx::query("UPDATE session_families SET revoked_at = ?, revoke_reason = 'password_reset' WHERE user_id = ? AND revoked_at IS NULL")
            .bind(now)
            .bind(user.0)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        tx.commit().await.map_err(infra)?;
        Ok(Some(user))
    }
}
