use super::{infra, is_foreign_key_violation};
use chrono::{DateTime, Utc};
use hireops_domain::ids::{CompanyId, UserId, UserImportId};
use hireops_domain::imports::{ImportChunk, ImportRowRecord, ImportStatus, NewUserImport, RowOutcome, UserImport};
use hireops_domain::ports::{PortResult, UserImportRepository};
use hireops_domain::DomainError;
use sqlx::mysql::MySqlRow;
use sqlx::{MySql, MySqlPool, QueryBuilder, Row};
use uuid::Uuid;

pub struct MySqlUserImports {
    pool: MySqlPool,
}

impl MySqlUserImports {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

/// Rows per multi-row INSERT: 4,500 bound values, far below MySQL's 65,535 per statement.
const INSERT_BATCH: usize = 500;

fn row_record(r: &MySqlRow) -> Result<ImportRowRecord, sqlx::Error> {
    let outcome: String = r.try_get("outcome")?;
    Ok(ImportRowRecord {
        row: r.try_get("row_no")?,
        email: r.try_get("email")?,
        full_name: r.try_get("full_name")?,
        role: r.try_get("role")?,
        user_id: UserId(r.try_get("user_id")?),
        outcome: RowOutcome::from_parts(&outcome, r.try_get("error_field")?, r.try_get("error_message")?)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown row outcome {outcome}").into()))?,
    })
}

#[async_trait::async_trait]
impl UserImportRepository for MySqlUserImports {
    async fn create(&self, import: &NewUserImport) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let inserted = sqlx::query(
            "INSERT INTO user_imports (id, company_id, created_by, file_name, file_sha256, status, total, created_at)
             VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)",
        )
        .bind(import.id.0)
        .bind(import.company_id.0)
        .bind(import.created_by.0)
        .bind(&import.file_name)
        .bind(&import.file_sha256)
        .bind(import.rows.len() as u32)
        .bind(import.created_at)
        .execute(&mut *tx)
        .await;
        match inserted {
            Err(e) if is_foreign_key_violation(&e) => return Err(DomainError::field("company_id", "unknown", "No such company.")),
            other => other.map_err(infra)?,
        };
        for batch in import.rows.chunks(INSERT_BATCH) {
            let mut qb = QueryBuilder::<MySql>::new(
                "INSERT INTO user_import_rows (import_id, row_no, email, full_name, role, user_id, outcome, error_field, error_message) ",
            );
            qb.push_values(batch, |mut b, r| {
                let problem = r.outcome.problem();
                b.push_bind(import.id.0)
                    .push_bind(r.row)
                    .push_bind(&r.email)
                    .push_bind(&r.full_name)
                    .push_bind(&r.role)
                    .push_bind(r.user_id.0)
                    .push_bind(r.outcome.code())
                    .push_bind(problem.map(|(f, _)| f.to_string()))
                    .push_bind(problem.map(|(_, m)| m.chars().take(500).collect::<String>()));
            });
            qb.build().execute(&mut *tx).await.map_err(infra)?;
        }
        tx.commit().await.map_err(infra)
    }

    async fn find(&self, id: UserImportId) -> PortResult<Option<UserImport>> {
        let Some(r) = sqlx::query(
            "SELECT i.id, i.company_id, i.created_by, i.file_name, i.file_sha256, i.status, i.total, i.created_at, i.started_at, i.finished_at,
                    CAST(COALESCE(SUM(r.outcome = 'created'), 0) AS UNSIGNED) AS created,
                    CAST(COALESCE(SUM(r.outcome = 'skipped'), 0) AS UNSIGNED) AS skipped,
                    CAST(COALESCE(SUM(r.outcome = 'failed'), 0) AS UNSIGNED) AS failed
             FROM user_imports i LEFT JOIN user_import_rows r ON r.import_id = i.id
             WHERE i.id = ? GROUP BY i.id",
        )
        .bind(id.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(infra)?
        else {
            return Ok(None);
        };
        let status: String = r.get("status");
        let count = |name: &str| -> PortResult<u32> { Ok(r.try_get::<u64, _>(name).map_err(infra)? as u32) };
        Ok(Some(UserImport {
            id,
            company_id: CompanyId(r.get::<Uuid, _>("company_id")),
            created_by: UserId(r.get::<Uuid, _>("created_by")),
            file_name: r.get("file_name"),
            file_sha256: r.get("file_sha256"),
            status: ImportStatus::parse(&status).ok_or_else(|| DomainError::infra(format!("unknown import status {status}")))?,
            total: r.get("total"),
            created: count("created")?,
            skipped: count("skipped")?,
            failed: count("failed")?,
            created_at: r.get::<DateTime<Utc>, _>("created_at"),
            started_at: r.get("started_at"),
            finished_at: r.get("finished_at"),
        }))
    }

    async fn pending_rows(&self, chunk: &ImportChunk) -> PortResult<Vec<ImportRowRecord>> {
        let rows = sqlx::query(
            "SELECT row_no, email, full_name, role, user_id, outcome, error_field, error_message FROM user_import_rows
             WHERE import_id = ? AND row_no BETWEEN ? AND ? AND outcome = 'pending' ORDER BY row_no",
        )
        .bind(chunk.import_id.0)
        .bind(chunk.first_row)
        .bind(chunk.last_row)
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        rows.iter().map(row_record).collect::<Result<_, _>>().map_err(infra)
    }

    async fn record_outcome(&self, id: UserImportId, row: u32, outcome: &RowOutcome) -> PortResult<()> {
        let problem = outcome.problem();
        sqlx::query(
            "UPDATE user_import_rows SET outcome = ?, error_field = ?, error_message = ?
             WHERE import_id = ? AND row_no = ? AND outcome = 'pending'",
        )
        .bind(outcome.code())
        .bind(problem.map(|(f, _)| f.to_string()))
        .bind(problem.map(|(_, m)| m.chars().take(500).collect::<String>()))
        .bind(id.0)
        .bind(row)
        .execute(&self.pool)
        .await
        .map_err(infra)?;
        Ok(())
    }

    async fn mark_started(&self, id: UserImportId, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("UPDATE user_imports SET status = 'processing', started_at = ? WHERE id = ? AND status = 'queued'")
            .bind(at)
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn complete_if_done(&self, id: UserImportId, at: DateTime<Utc>) -> PortResult<bool> {
        let done = sqlx::query(
            "UPDATE user_imports SET status = 'completed', finished_at = ?, started_at = COALESCE(started_at, ?)
             WHERE id = ? AND status <> 'completed'
               AND NOT EXISTS (SELECT 1 FROM user_import_rows WHERE import_id = ? AND outcome = 'pending')",
        )
        .bind(at)
        .bind(at)
        .bind(id.0)
        .bind(id.0)
        .execute(&self.pool)
        .await
        .map_err(infra)?;
        Ok(done.rows_affected() == 1)
    }

    async fn problems(&self, id: UserImportId) -> PortResult<Vec<ImportRowRecord>> {
        let rows = sqlx::query(
            "SELECT row_no, email, full_name, role, user_id, outcome, error_field, error_message FROM user_import_rows
             WHERE import_id = ? AND outcome IN ('skipped', 'failed') ORDER BY row_no",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        rows.iter().map(row_record).collect::<Result<_, _>>().map_err(infra)
    }
}
