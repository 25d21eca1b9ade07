//! Stored files, candidate documents and the scan results.

use super::visibility::{push_application_visible, push_candidate_visible};
use super::{infra, refresh_candidate_search_text};
use chrono::{DateTime, Utc};
use hireops_domain::files::{CandidateDocument, DocumentKind, FileLink, FilePurpose, ScanOutcome, StoredFile, VirusStatus};
use hireops_domain::identity::CompanyFilter;
use hireops_domain::ids::{CandidateId, CompanyId, FileId, JobId, UserId};
use hireops_domain::ports::{CandidateRef, FileRepository, PortResult};
use hireops_domain::DomainError;
use sqlx::mysql::MySqlRow;
use sqlx::{MySql, MySqlPool, QueryBuilder, Row};
use uuid::Uuid;

pub struct MySqlFiles {
    pool: MySqlPool,
}

impl MySqlFiles {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

pub(super) const COLUMNS: &str = "f.id, f.company_id, f.uploaded_by, f.purpose, f.object_key, f.file_name, f.declared_type, f.max_size,
    f.size, f.sha256, f.sniffed_type, f.virus_status, f.scan_detail, f.scanned_at, (f.extracted_text IS NOT NULL) AS has_text,
    f.created_at, f.updated_at";

pub(super) fn file(row: &MySqlRow) -> PortResult<StoredFile> {
    let purpose: String = row.try_get("purpose").map_err(infra)?;
    let status: String = row.try_get("virus_status").map_err(infra)?;
    Ok(StoredFile {
        id: FileId(row.try_get("id").map_err(infra)?),
        company_id: row.try_get::<Option<Uuid>, _>("company_id").map_err(infra)?.map(CompanyId),
        uploaded_by: row.try_get::<Option<Uuid>, _>("uploaded_by").map_err(infra)?.map(UserId),
        purpose: FilePurpose::parse(&purpose).ok_or_else(|| DomainError::infra(format!("unknown file purpose {purpose}")))?,
        object_key: row.try_get("object_key").map_err(infra)?,
        file_name: row.try_get("file_name").map_err(infra)?,
        declared_type: row.try_get("declared_type").map_err(infra)?,
        max_size: row.try_get("max_size").map_err(infra)?,
        size: row.try_get("size").map_err(infra)?,
        sha256: row.try_get("sha256").map_err(infra)?,
        sniffed_type: row.try_get("sniffed_type").map_err(infra)?,
        virus_status: VirusStatus::parse(&status).ok_or_else(|| DomainError::infra(format!("unknown virus status {status}")))?,
        scan_detail: row.try_get("scan_detail").map_err(infra)?,
        scanned_at: row.try_get("scanned_at").map_err(infra)?,
        has_text: row.try_get::<i64, _>("has_text").map_err(infra)? != 0,
        created_at: row.try_get("created_at").map_err(infra)?,
        updated_at: row.try_get("updated_at").map_err(infra)?,
    })
}


#[async_trait::async_trait]
impl FileRepository for MySqlFiles {
    async fn create(&self, f: &StoredFile, link: Option<FileLink>, at: DateTime<Utc>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        sqlx::query(
            "INSERT INTO stored_files (id, company_id, uploaded_by, purpose, object_key, file_name, declared_type, max_size,
                virus_status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(f.id.0)
        .bind(f.company_id.map(|c| c.0))
        .bind(f.uploaded_by.map(|u| u.0))
        .bind(f.purpose.as_str())
        .bind(&f.object_key)
        .bind(&f.file_name)
        .bind(&f.declared_type)
        .bind(f.max_size)
        .bind(f.virus_status.as_str())
        .bind(at)
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(infra)?;
        match link {
            Some(FileLink::CandidateDocument(candidate, kind)) => {
                sqlx::query("INSERT INTO candidate_documents (candidate_id, file_id, kind, added_at) VALUES (?, ?, ?, ?)")
                    .bind(candidate.0)
                    .bind(f.id.0)
                    .bind(kind.as_str())
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err(infra)?;
            }
            Some(FileLink::MessageAttachment(conversation)) => {
                let uploader = f.uploaded_by.ok_or_else(|| DomainError::infra("an attachment needs its uploader"))?;
                sqlx::query("INSERT INTO message_attachments (file_id, conversation_id, uploaded_by, created_at) VALUES (?, ?, ?, ?)")
                    .bind(f.id.0)
                    .bind(conversation.0)
                    .bind(uploader.0)
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err(infra)?;
            }
            None => {}
        }
        tx.commit().await.map_err(infra)
    }

    async fn find(&self, id: FileId) -> PortResult<Option<StoredFile>> {
        let sql = format!("SELECT {COLUMNS} FROM stored_files f WHERE f.id = ?");
        let row = sqlx::query(&sql).bind(id.0).fetch_optional(&self.pool).await.map_err(infra)?;
        row.as_ref().map(file).transpose()
    }

    async fn find_by_key(&self, object_key: &str) -> PortResult<Option<StoredFile>> {
        let sql = format!("SELECT {COLUMNS} FROM stored_files f WHERE f.object_key = ?");
        let row = sqlx::query(&sql).bind(object_key).fetch_optional(&self.pool).await.map_err(infra)?;
        row.as_ref().map(file).transpose()
    }

    async fn find_visible(&self, id: FileId, companies: CompanyFilter) -> PortResult<Option<StoredFile>> {
        let mut qb: QueryBuilder<'_, MySql> = QueryBuilder::new(format!("SELECT {COLUMNS} FROM stored_files f WHERE f.id = "));
        qb.push_bind(id.0);
        // Attachments are seen through their conversation only.
        qb.push(" AND f.purpose <> 'message_attachment'");
        match companies {
            CompanyFilter::Any => {}
            CompanyFilter::Nothing => return Ok(None),
            CompanyFilter::Only(me) => {
                qb.push(" AND (f.company_id = ").push_bind(me.0);
                qb.push(" OR EXISTS (SELECT 1 FROM candidate_documents d JOIN candidates c ON c.id = d.candidate_id WHERE d.file_id = f.id");
                push_candidate_visible(&mut qb, "c", companies);
                qb.push(") OR EXISTS (SELECT 1 FROM applications a WHERE a.resume_file_id = f.id");
                push_application_visible(&mut qb, "a", companies);
                qb.push("))");
            }
        }
        let row = qb.build().fetch_optional(&self.pool).await.map_err(infra)?;
        row.as_ref().map(file).transpose()
    }

    async fn mark_pending(&self, id: FileId, at: DateTime<Utc>) -> PortResult<bool> {
        let done = sqlx::query("UPDATE stored_files SET virus_status = 'pending', updated_at = ? WHERE id = ? AND virus_status = 'awaiting_upload'")
            .bind(at)
            .bind(id.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(done.rows_affected() == 1)
    }

    async fn finish_scan(&self, id: FileId, o: &ScanOutcome, at: DateTime<Utc>) -> PortResult<bool> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let done = sqlx::query(
            "UPDATE stored_files SET virus_status = ?, scan_detail = ?, size = ?, sha256 = ?, sniffed_type = ?,
                object_key = COALESCE(?, object_key), extracted_text = ?, scanned_at = ?, updated_at = ?
             WHERE id = ? AND virus_status = 'pending'",
        )
        .bind(o.status.as_str())
        .bind(&o.detail)
        .bind(o.size)
        .bind(&o.sha256)
        .bind(o.sniffed_type.as_deref().map(|t| t.chars().take(127).collect::<String>()))
        .bind(&o.object_key)
        .bind(&o.extracted_text)
        .bind(at)
        .bind(at)
        .bind(id.0)
        .execute(&mut *tx)
        .await
        .map_err(infra)?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        let linked: Vec<Uuid> = sqlx::query_scalar("SELECT candidate_id FROM candidate_documents WHERE file_id = ? ORDER BY candidate_id")
            .bind(id.0)
            .fetch_all(&mut *tx)
            .await
            .map_err(infra)?;
        for candidate in linked {
            refresh_candidate_search_text(&mut tx, CandidateId(candidate)).await.map_err(infra)?;
        }
        tx.commit().await.map_err(infra)?;
        Ok(true)
    }

    async fn public_job_company(&self, job: JobId) -> PortResult<Option<CompanyId>> {
        let company: Option<Uuid> = sqlx::query_scalar(
            "SELECT company_id FROM jobs WHERE id = ? AND status = 'open' AND published_at IS NOT NULL AND deleted_at IS NULL",
        )
        .bind(job.0)
        .fetch_optional(&self.pool)
        .await
        .map_err(infra)?;
        Ok(company.map(CompanyId))
    }

    async fn visible_candidate(&self, id: CandidateId, companies: CompanyFilter) -> PortResult<Option<CandidateRef>> {
        let mut qb: QueryBuilder<'_, MySql> = QueryBuilder::new("SELECT c.id, c.company_id FROM candidates c WHERE c.id = ");
        qb.push_bind(id.0);
        if !push_candidate_visible(&mut qb, "c", companies) {
            return Ok(None);
        }
        let row = qb.build().fetch_optional(&self.pool).await.map_err(infra)?;
        row.map(|r| {
            Ok(CandidateRef {
                id: CandidateId(r.try_get("id").map_err(infra)?),
                company_id: r.try_get::<Option<Uuid>, _>("company_id").map_err(infra)?.map(CompanyId),
            })
        })
        .transpose()
    }

    async fn candidate_documents(&self, candidate: CandidateId) -> PortResult<Vec<CandidateDocument>> {
        let sql = format!(
            "SELECT {COLUMNS}, d.kind, d.added_at FROM candidate_documents d JOIN stored_files f ON f.id = d.file_id
             WHERE d.candidate_id = ? ORDER BY d.added_at DESC, f.id DESC"
        );
        let rows = sqlx::query(&sql).bind(candidate.0).fetch_all(&self.pool).await.map_err(infra)?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind").map_err(infra)?;
                Ok(CandidateDocument {
                    file: file(row)?,
                    kind: DocumentKind::parse(&kind).ok_or_else(|| DomainError::infra(format!("unknown document kind {kind}")))?,
                    added_at: row.try_get("added_at").map_err(infra)?,
                })
            })
            .collect()
    }
}
