use super::csv_file::{self, CsvRow};
use super::{ImportChunk, ImportRowRecord, NewUserImport, RowOutcome, UserImport};
use crate::audit::{AuditEntry, Outcome, RequestMeta};
use crate::auth::principal_of;
use crate::clock::Clock;
use crate::error::{DomainError, DomainResult};
use crate::identity::{Permission, Principal};
use crate::ids::{CompanyId, SessionFamilyId, UserId, UserImportId};
use crate::events::EventEnvelope;
use crate::mail::OutgoingMail;
use crate::ports::{AuditLog, EventPublisher, ImportWorkQueue, MailOutbox, PortResult, UserImportRepository, UserRepository};
use futures_util::{StreamExt, TryStreamExt};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// Rows per queue message: small enough to finish well inside a Lambda timeout.
pub const CHUNK_ROWS: usize = 250;
/// Rows of one chunk created at the same time.
pub const PARALLEL_ROWS: usize = 8;

/// One account to create, as an admin would by hand.
#[derive(Clone, Copy, Debug)]
pub struct ImportAccount<'a> {
    /// Chosen at upload, so a retried row recognises the user it created.
    pub user_id: UserId,
    pub company_id: CompanyId,
    pub email: &'a str,
    pub full_name: &'a str,
    pub role: &'a str,
}

/// Creates accounts with exactly the rules, activation email, audit row and
/// event of the admin "create user" use case, sending mail and events through
/// the given outboxes.
#[async_trait::async_trait]
pub trait AccountCreator: Send + Sync {
    async fn create_account(&self, actor: &Principal, account: ImportAccount<'_>, meta: &RequestMeta, outbox: &ChunkOutbox) -> DomainResult<()>;
    /// A fresh activation email for an account this import created earlier
    /// whose email may not have left before a crash.
    async fn resend_activation(&self, actor: &Principal, user: UserId, meta: &RequestMeta, outbox: &ChunkOutbox) -> DomainResult<()>;
}

/// Collects one chunk's emails and events, so they leave in batches of ten
/// once the chunk's accounts exist.
#[derive(Default)]
pub struct ChunkOutbox {
    mails: std::sync::Mutex<Vec<OutgoingMail>>,
    events: std::sync::Mutex<Vec<EventEnvelope>>,
}

impl ChunkOutbox {
    fn take(&self) -> (Vec<OutgoingMail>, Vec<EventEnvelope>) {
        let mails = std::mem::take(&mut *self.mails.lock().unwrap_or_else(|p| p.into_inner()));
        let events = std::mem::take(&mut *self.events.lock().unwrap_or_else(|p| p.into_inner()));
        (mails, events)
    }
}

#[async_trait::async_trait]
impl MailOutbox for ChunkOutbox {
    async fn enqueue(&self, mail: OutgoingMail) -> PortResult<()> {
        self.mails.lock().unwrap_or_else(|p| p.into_inner()).push(mail);
        Ok(())
    }
}

#[async_trait::async_trait]
impl EventPublisher for ChunkOutbox {
    async fn publish(&self, event: EventEnvelope) -> PortResult<()> {
        self.events.lock().unwrap_or_else(|p| p.into_inner()).push(event);
        Ok(())
    }
}

pub struct UserImportService {
    pub imports: Arc<dyn UserImportRepository>,
    pub users: Arc<dyn UserRepository>,
    pub queue: Arc<dyn ImportWorkQueue>,
    pub creator: Arc<dyn AccountCreator>,
    pub mail: Arc<dyn MailOutbox>,
    pub events: Arc<dyn EventPublisher>,
    pub audit: Arc<dyn AuditLog>,
    pub clock: Arc<dyn Clock>,
}

fn clean_file_name(name: Option<&str>) -> String {
    let name: String = name.unwrap_or("").chars().filter(|c| !c.is_control()).collect();
    let name = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    if name.is_empty() { "users.csv".to_string() } else { name.chars().take(255).collect() }
}

/// Split the rows still to process into queue messages.
fn chunks(id: UserImportId, rows: &[ImportRowRecord], meta: &RequestMeta) -> Vec<ImportChunk> {
    let pending: Vec<u32> = rows.iter().filter(|r| r.outcome == RowOutcome::Pending).map(|r| r.row).collect();
    pending
        .chunks(CHUNK_ROWS)
        .map(|c| ImportChunk {
            import_id: id,
            first_row: c[0],
            last_row: c[c.len() - 1],
            ip: meta.ip.clone(),
            request_id: meta.request_id.clone(),
        })
        .collect()
}

impl UserImportService {
    /// Check the file, store its rows and queue them. A malformed file is
    /// refused here, before anything is stored.
    pub async fn start(
        &self,
        actor: &Principal,
        company_id: Option<CompanyId>,
        file_name: Option<&str>,
        bytes: &[u8],
        meta: &RequestMeta,
    ) -> DomainResult<UserImport> {
        let company_id = actor.scope().owning_company(company_id)?;
        let rows = csv_file::parse(bytes)?;
        let id = UserImportId::new();
        let rows: Vec<ImportRowRecord> = rows
            .into_iter()
            .map(|CsvRow { row, email, full_name, role, problem }| ImportRowRecord {
                row,
                email,
                full_name,
                role,
                user_id: UserId::new(),
                outcome: match problem {
                    Some(p) => RowOutcome::Failed { field: p.field, message: p.message },
                    None => RowOutcome::Pending,
                },
            })
            .collect();
        let import = NewUserImport {
            id,
            company_id,
            created_by: actor.user_id,
            file_name: clean_file_name(file_name),
            file_sha256: hex::encode(Sha256::digest(bytes)),
            created_at: self.clock.now(),
            rows,
        };
        self.imports.create(&import).await?;
        let work = chunks(id, &import.rows, meta);
        self.audit
            .record(
                AuditEntry::by(actor, "users.import", meta)
                    .company(Some(company_id))
                    .target("user_import", id)
                    .detail("file_name", &import.file_name)
                    .detail("file_sha256", &import.file_sha256)
                    .detail("rows", import.rows.len())
                    .detail("refused_on_upload", import.rows.iter().filter(|r| r.outcome != RowOutcome::Pending).count()),
            )
            .await?;
        if work.is_empty() {
            self.finish(id, meta).await?;
        } else {
            self.queue.enqueue(work).await?;
        }
        self.imports.find(id).await?.ok_or_else(|| DomainError::infra("the import vanished after it was stored"))
    }

    /// The import's progress and per-row problems, within the caller's scope.
    pub async fn status(&self, caller: &Principal, id: UserImportId) -> DomainResult<(UserImport, Vec<ImportRowRecord>)> {
        let import = caller.scoped(self.imports.find(id).await?)?;
        let problems = self.imports.problems(id).await?;
        Ok((import, problems))
    }

    /// Process one chunk (the queue consumer). Rows already done are skipped,
    /// so a redelivered chunk repeats nothing.
    pub async fn process(&self, chunk: &ImportChunk) -> DomainResult<()> {
        let Some(import) = self.imports.find(chunk.import_id).await? else {
            return Err(DomainError::infra(format!("import {} does not exist", chunk.import_id)));
        };
        let meta = RequestMeta { ip: chunk.ip.clone(), user_agent: Some("csv-import".into()), request_id: chunk.request_id.clone() };
        self.imports.mark_started(import.id, self.clock.now()).await?;
        let actor = self.importer(import.created_by).await?;
        let rows = self.imports.pending_rows(chunk).await?;
        let outbox = ChunkOutbox::default();
        let outcomes: Vec<(u32, RowOutcome)> = futures_util::stream::iter(rows)
            .map(|row| {
                let (actor, meta, import, outbox) = (actor.as_ref(), &meta, &import, &outbox);
                async move {
                    let outcome = match actor {
                        Some(actor) => self.create_row(actor, import, &row, meta, outbox).await?,
                        None => RowOutcome::Failed {
                            field: "row".into(),
                            message: "The admin who uploaded the file may no longer create users.".into(),
                        },
                    };
                    Ok::<_, DomainError>((row.row, outcome))
                }
            })
            .buffer_unordered(PARALLEL_ROWS)
            .try_collect()
            .await?;
        // Emails and events leave before the rows count as done: a crash in
        // between re-runs the rows, which then resend the activation email.
        let (mails, events) = outbox.take();
        self.mail.enqueue_many(mails).await?;
        self.events.publish_many(events).await?;
        for (row, outcome) in &outcomes {
            self.imports.record_outcome(import.id, *row, outcome).await?;
        }
        self.finish(import.id, &meta).await
    }

    /// The uploader as a principal, if they may still create users.
    async fn importer(&self, id: UserId) -> DomainResult<Option<Principal>> {
        Ok(self
            .users
            .find_by_id(id)
            .await?
            .filter(|u| u.may_hold_session() && u.permissions.contains(&Permission::UsersCreate))
            .map(|u| principal_of(&u, SessionFamilyId::new())))
    }

    async fn create_row(
        &self,
        actor: &Principal,
        import: &UserImport,
        row: &ImportRowRecord,
        meta: &RequestMeta,
        outbox: &ChunkOutbox,
    ) -> DomainResult<RowOutcome> {
        let account =
            ImportAccount { user_id: row.user_id, company_id: import.company_id, email: &row.email, full_name: &row.full_name, role: &row.role };
        Ok(match self.creator.create_account(actor, account, meta, outbox).await {
            Ok(()) => RowOutcome::Created,
            Err(DomainError::Conflict("email_taken")) => {
                // An earlier delivery of this very row created it; its email may
                // not have left, so send a fresh one (at least once).
                if self.users.find_by_id(row.user_id).await?.is_some() {
                    match self.creator.resend_activation(actor, row.user_id, meta, outbox).await {
                        Ok(()) | Err(DomainError::Conflict(_)) => {}
                        Err(e) => return Err(e),
                    }
                    RowOutcome::Created
                } else {
                    RowOutcome::Skipped { field: "email".into(), message: "A user with this email already exists.".into() }
                }
            }
            Err(DomainError::Validation(errors)) => {
                let first = errors.into_iter().next();
                RowOutcome::Failed {
                    field: first.as_ref().map_or("row".into(), |e| e.field.clone()),
                    message: first.map_or("The row is invalid.".into(), |e| e.message),
                }
            }
            Err(DomainError::Infrastructure(cause)) => return Err(DomainError::Infrastructure(cause)),
            Err(other) => RowOutcome::Failed { field: "row".into(), message: format!("Refused: {other}.") },
        })
    }

    async fn finish(&self, id: UserImportId, meta: &RequestMeta) -> DomainResult<()> {
        if !self.imports.complete_if_done(id, self.clock.now()).await? {
            return Ok(());
        }
        let Some(import) = self.imports.find(id).await? else { return Ok(()) };
        self.audit
            .record(
                AuditEntry::new("users.import_completed", Outcome::Success, meta)
                    .actor(import.created_by, Some(import.company_id))
                    .target("user_import", id)
                    .detail("total", import.total)
                    .detail("created", import.created)
                    .detail("skipped", import.skipped)
                    .detail("failed", import.failed),
            )
            .await
    }
}

/// Imported accounts are created exactly like hand-made ones.
#[async_trait::async_trait]
impl AccountCreator for crate::admin::AdminService {
    async fn create_account(&self, actor: &Principal, account: ImportAccount<'_>, meta: &RequestMeta, outbox: &ChunkOutbox) -> DomainResult<()> {
        let input = crate::admin::CreateUser {
            email: account.email.to_string(),
            full_name: account.full_name.to_string(),
            role: account.role.to_string(),
            company_id: Some(account.company_id),
        };
        self.create_user_via(actor, input, account.user_id, meta, outbox, outbox).await.map(|_| ())
    }

    async fn resend_activation(&self, actor: &Principal, user: UserId, meta: &RequestMeta, outbox: &ChunkOutbox) -> DomainResult<()> {
        self.resend_activation_via(actor, user, meta, outbox).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(row: u32, outcome: RowOutcome) -> ImportRowRecord {
        ImportRowRecord { row, email: String::new(), full_name: String::new(), role: String::new(), user_id: UserId::new(), outcome }
    }

    #[test]
    fn only_pending_rows_are_queued_in_bounded_chunks() {
        let mut rows: Vec<ImportRowRecord> = (2..=601).map(|r| record(r, RowOutcome::Pending)).collect();
        rows[0].outcome = RowOutcome::Failed { field: "email".into(), message: "bad".into() };
        let id = UserImportId::new();
        let c = chunks(id, &rows, &RequestMeta::default());
        assert_eq!(c.len(), 3);
        assert_eq!((c[0].first_row, c[0].last_row), (3, 252));
        assert_eq!((c[1].first_row, c[1].last_row), (253, 502));
        assert_eq!((c[2].first_row, c[2].last_row), (503, 601));
        assert!(chunks(id, &rows[..1], &RequestMeta::default()).is_empty());
    }

    #[test]
    fn file_names_are_cleaned() {
        assert_eq!(clean_file_name(Some("C:\\Users\\ann\\team.csv")), "team.csv");
        assert_eq!(clean_file_name(Some("../../etc/passwd")), "passwd");
        assert_eq!(clean_file_name(Some("a\r\nb.csv")), "ab.csv");
        assert_eq!(clean_file_name(None), "users.csv");
        assert_eq!(clean_file_name(Some("  ")), "users.csv");
    }
}
