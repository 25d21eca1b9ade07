//! Conversations, participants, messages and read receipts (MySQL).

use super::{infra, visibility::push_application_visible};
use chrono::{DateTime, Utc};
use hireops_domain::identity::{CompanyType, Scope};
use hireops_domain::ids::{ApplicationId, CompanyId, ConversationId, FileId, MessageId, UserId};
use hireops_domain::messaging::{
    Attachment, AttachmentInfo, Contact, ConversationScope, ConversationSummary, Family, Message, NewConversation, Participant, Party,
};
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::ports::{ConversationStore, PortResult};
use sqlx::mysql::MySqlRow;
use sqlx::{MySql, MySqlPool, QueryBuilder, Row};
use uuid::Uuid;

pub struct MySqlConversations {
    pool: MySqlPool,
}

impl MySqlConversations {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

const PEOPLE: &str = "SELECT u.id, u.full_name, u.status, u.company_id, c.company_type,
        EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                WHERE ur.user_id = u.id AND r.company_id IS NULL AND r.name = 'super_admin') AS is_super_admin
    FROM users u LEFT JOIN companies c ON c.id = u.company_id";

fn participant(row: &MySqlRow) -> PortResult<Participant> {
    let kind: Option<String> = row.try_get("company_type").map_err(infra)?;
    let super_admin: bool = row.try_get::<i64, _>("is_super_admin").map_err(infra)? != 0;
    let family = if super_admin {
        Family::SuperAdmin
    } else {
        match kind.as_deref().and_then(CompanyType::parse) {
            Some(CompanyType::Agency) => Family::Recruiter,
            Some(CompanyType::Employer) => Family::Employer,
            None => Family::Candidate,
        }
    };
    let status: String = row.try_get("status").map_err(infra)?;
    Ok(Participant {
        user_id: UserId(row.try_get("id").map_err(infra)?),
        full_name: row.try_get("full_name").map_err(infra)?,
        family,
        company_id: row.try_get::<Option<Uuid>, _>("company_id").map_err(infra)?.map(CompanyId),
        active: status == "active",
        last_read_message_id: optional_column(row, "last_read_message_id")?.map(MessageId),
        last_delivered_message_id: optional_column(row, "last_delivered_message_id")?.map(MessageId),
    })
}

/// A receipt column, present only when the row came from a conversation's members.
fn optional_column(row: &MySqlRow, name: &str) -> PortResult<Option<Uuid>> {
    use sqlx::Column;
    if row.columns().iter().any(|c| c.name() == name) { row.try_get(name).map_err(infra) } else { Ok(None) }
}

fn message(row: &MySqlRow) -> PortResult<Message> {
    Ok(Message {
        id: MessageId(row.try_get("id").map_err(infra)?),
        conversation_id: ConversationId(row.try_get("conversation_id").map_err(infra)?),
        sender_id: UserId(row.try_get("sender_id").map_err(infra)?),
        body: row.try_get("body").map_err(infra)?,
        created_at: row.try_get("created_at").map_err(infra)?,
        attachments: Vec::new(),
    })
}

impl MySqlConversations {
    async fn participants_of(&self, ids: &[Uuid]) -> PortResult<Vec<(Uuid, Participant)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut qb = QueryBuilder::<MySql>::new(PEOPLE.replace("FROM users u", ", p.conversation_id, p.last_read_message_id, p.last_delivered_message_id FROM conversation_participants p JOIN users u ON u.id = p.user_id"));
        qb.push(" WHERE p.conversation_id IN (");
        let mut sep = qb.separated(", ");
        for id in ids {
            sep.push_bind(*id);
        }
        qb.push(") ORDER BY p.joined_at, u.id");
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        rows.iter().map(|r| Ok((r.try_get("conversation_id").map_err(infra)?, participant(r)?))).collect()
    }

    /// The attachments of these messages, in upload order.
    async fn attachments_of(&self, messages: &mut [Message]) -> PortResult<()> {
        if messages.is_empty() {
            return Ok(());
        }
        let mut qb = QueryBuilder::<MySql>::new(format!(
            "SELECT a.message_id AS attached_to, a.conversation_id AS attachment_conversation, {} FROM message_attachments a
             JOIN stored_files f ON f.id = a.file_id WHERE a.message_id IN (",
            super::files::COLUMNS
        ));
        let mut sep = qb.separated(", ");
        for m in messages.iter() {
            sep.push_bind(m.id.0);
        }
        qb.push(") ORDER BY a.created_at, a.file_id");
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        for row in &rows {
            let to: Uuid = row.try_get("attached_to").map_err(infra)?;
            let file = super::files::file(row)?;
            if let Some(m) = messages.iter_mut().find(|m| m.id.0 == to) {
                m.attachments.push(AttachmentInfo::of(&file));
            }
        }
        Ok(())
    }
}

#[async_trait::async_trait]
impl ConversationStore for MySqlConversations {
    async fn people(&self, ids: &[UserId]) -> PortResult<Vec<Participant>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut qb = QueryBuilder::<MySql>::new(PEOPLE);
        qb.push(" WHERE u.id IN (");
        let mut sep = qb.separated(", ");
        for id in ids {
            sep.push_bind(id.0);
        }
        qb.push(")");
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        rows.iter().map(participant).collect()
    }

    async fn bridged(&self, a: &Party, b: &Party) -> PortResult<bool> {
        let (recruiter, other) = if a.family == Family::Recruiter { (a, b) } else { (b, a) };
        let Some(agency) = recruiter.company_id else { return Ok(false) };
        let found: i64 = match other.family {
            // The candidate user's own profile applied somewhere the agency sees,
            // or the agency owns a profile linked to that user.
            Family::Candidate => sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM applications a JOIN candidates c ON c.id = a.candidate_id
                     WHERE c.user_id = ? AND (a.job_company_id = ? OR a.candidate_company_id = ?))
                  OR EXISTS (SELECT 1 FROM candidates c WHERE c.user_id = ? AND c.company_id = ? AND c.deleted_at IS NULL)",
            )
            .bind(other.user_id.0)
            .bind(agency.0)
            .bind(agency.0)
            .bind(other.user_id.0)
            .bind(agency.0)
            .fetch_one(&self.pool)
            .await
            .map_err(infra)?,
            // The employer shared a job with the agency, or an application joins them.
            Family::Employer => {
                let Some(employer) = other.company_id else { return Ok(false) };
                sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM job_agencies ja JOIN jobs j ON j.id = ja.job_id
                         WHERE j.company_id = ? AND ja.agency_id = ?)
                      OR EXISTS (SELECT 1 FROM applications a WHERE a.job_company_id = ? AND a.candidate_company_id = ?)",
                )
                .bind(employer.0)
                .bind(agency.0)
                .bind(employer.0)
                .bind(agency.0)
                .fetch_one(&self.pool)
                .await
                .map_err(infra)?
            }
            _ => 0,
        };
        Ok(found != 0)
    }

    async fn application_visible(&self, id: ApplicationId, scope: Scope) -> PortResult<bool> {
        let mut qb = QueryBuilder::<MySql>::new("SELECT COUNT(*) FROM applications a WHERE a.id = ");
        qb.push_bind(id.0);
        if !push_application_visible(&mut qb, "a", scope.company_filter()) {
            return Ok(false);
        }
        let n: i64 = qb.build_query_scalar().fetch_one(&self.pool).await.map_err(infra)?;
        Ok(n > 0)
    }

    async fn create(&self, c: &NewConversation, participants: &[UserId], at: DateTime<Utc>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        sqlx::query("INSERT INTO conversations (id, subject, application_id, created_by, created_at, last_message_at) VALUES (?, ?, ?, ?, ?, NULL)")
            .bind(c.id.0)
            .bind(c.subject.as_deref())
            .bind(c.application_id.map(|a| a.0))
            .bind(c.created_by.0)
            .bind(c.created_at)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        for user in participants {
            sqlx::query("INSERT INTO conversation_participants (conversation_id, user_id, joined_at) VALUES (?, ?, ?)")
                .bind(c.id.0)
                .bind(user.0)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(infra)?;
        }
        tx.commit().await.map_err(infra)
    }

    async fn find(&self, id: ConversationId) -> PortResult<Option<(NewConversation, Vec<Participant>)>> {
        let Some(row) = sqlx::query("SELECT id, subject, application_id, created_by, created_at FROM conversations WHERE id = ?")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?
        else {
            return Ok(None);
        };
        let conversation = NewConversation {
            id,
            subject: row.try_get("subject").map_err(infra)?,
            application_id: row.try_get::<Option<Uuid>, _>("application_id").map_err(infra)?.map(ApplicationId),
            created_by: UserId(row.try_get("created_by").map_err(infra)?),
            created_at: row.try_get("created_at").map_err(infra)?,
        };
        let people = self.participants_of(&[id.0]).await?.into_iter().map(|(_, p)| p).collect();
        Ok(Some((conversation, people)))
    }

    async fn list(&self, user: UserId, scope: &ConversationScope, page: PageRequest) -> PortResult<Page<ConversationSummary>> {
        let unread = "(SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.sender_id <> p.user_id
                 AND (p.last_read_message_id IS NULL OR m.id > p.last_read_message_id))";
        let push_from = |qb: &mut QueryBuilder<'_, MySql>, with_last_message: bool| {
            qb.push(" FROM conversations c");
            if with_last_message {
                qb.push(
                    " LEFT JOIN messages lm ON lm.id = (SELECT m2.id FROM messages m2 WHERE m2.conversation_id = c.id ORDER BY m2.id DESC LIMIT 1)",
                );
            }
            qb.push(" JOIN conversation_participants p ON p.conversation_id = c.id AND p.user_id = ");
            qb.push_bind(user.0);
            qb.push(" WHERE 1 = 1");
            match scope {
                ConversationScope::All => {}
                ConversationScope::Unread => {
                    qb.push(format!(" AND {unread} > 0"));
                }
                ConversationScope::Application(app) => {
                    qb.push(" AND c.application_id = ").push_bind(app.0);
                }
            }
        };
        let mut count = QueryBuilder::<MySql>::new("SELECT COUNT(*)");
        push_from(&mut count, false);
        let total: i64 = count.build_query_scalar().fetch_one(&self.pool).await.map_err(infra)?;
        let mut qb = QueryBuilder::<MySql>::new(format!(
            "SELECT c.id, c.subject, c.application_id, c.last_message_at, {unread} AS unread_count,
                 lm.id AS lm_id, lm.sender_id AS lm_sender, LEFT(lm.body, 200) AS lm_body, lm.created_at AS lm_created_at"
        ));
        push_from(&mut qb, true);
        qb.push(" ORDER BY COALESCE(c.last_message_at, c.created_at) DESC, c.id DESC LIMIT ")
            .push_bind(page.limit())
            .push(" OFFSET ")
            .push_bind(page.offset());
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.try_get("id").map_err(infra)).collect::<PortResult<_>>()?;
        let mut people = self.participants_of(&ids).await?;
        let mut items = Vec::with_capacity(rows.len());
        for row in &rows {
            let id: Uuid = row.try_get("id").map_err(infra)?;
            let last_message = match row.try_get::<Option<Uuid>, _>("lm_id").map_err(infra)? {
                Some(mid) => Some(Message {
                    id: MessageId(mid),
                    conversation_id: ConversationId(id),
                    sender_id: UserId(row.try_get("lm_sender").map_err(infra)?),
                    body: row.try_get("lm_body").map_err(infra)?,
                    created_at: row.try_get("lm_created_at").map_err(infra)?,
                    attachments: Vec::new(),
                }),
                None => None,
            };
            let (mine, rest): (Vec<_>, Vec<_>) = people.into_iter().partition(|(c, _)| *c == id);
            people = rest;
            items.push(ConversationSummary {
                id: ConversationId(id),
                subject: row.try_get("subject").map_err(infra)?,
                application_id: row.try_get::<Option<Uuid>, _>("application_id").map_err(infra)?.map(ApplicationId),
                participants: mine.into_iter().map(|(_, p)| p).collect(),
                last_message,
                unread_count: row.try_get::<i64, _>("unread_count").map_err(infra)? as u64,
                last_message_at: row.try_get("last_message_at").map_err(infra)?,
            });
        }
        Ok(Page::new(items, total as u64, page))
    }

    async fn add_participants(&self, id: ConversationId, users: &[UserId], at: DateTime<Utc>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        for user in users {
            sqlx::query("INSERT IGNORE INTO conversation_participants (conversation_id, user_id, joined_at) VALUES (?, ?, ?)")
                .bind(id.0)
                .bind(user.0)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(infra)?;
        }
        tx.commit().await.map_err(infra)
    }

    async fn insert_message(&self, m: &Message) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        sqlx::query("INSERT INTO messages (id, conversation_id, sender_id, body, created_at) VALUES (?, ?, ?, ?, ?)")
            .bind(m.id.0)
            .bind(m.conversation_id.0)
            .bind(m.sender_id.0)
            .bind(&m.body)
            .bind(m.created_at)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        for a in &m.attachments {
            // Only an unsent attachment of this conversation joins; a
            // concurrent send that took it first makes this one fail whole.
            let linked = sqlx::query("UPDATE message_attachments SET message_id = ? WHERE file_id = ? AND conversation_id = ? AND message_id IS NULL")
                .bind(m.id.0)
                .bind(a.id.0)
                .bind(m.conversation_id.0)
                .execute(&mut *tx)
                .await
                .map_err(infra)?;
            if linked.rows_affected() != 1 {
                return Err(hireops_domain::DomainError::Conflict("attachment_already_sent"));
            }
        }
        sqlx::query("UPDATE conversations SET last_message_at = ? WHERE id = ?")
            .bind(m.created_at)
            .bind(m.conversation_id.0)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        tx.commit().await.map_err(infra)
    }

    async fn messages(&self, id: ConversationId, before: Option<MessageId>, limit: u32) -> PortResult<Vec<Message>> {
        let mut qb = QueryBuilder::<MySql>::new("SELECT id, conversation_id, sender_id, body, created_at FROM messages WHERE conversation_id = ");
        qb.push_bind(id.0);
        if let Some(b) = before {
            qb.push(" AND id < ").push_bind(b.0);
        }
        qb.push(" ORDER BY id DESC LIMIT ").push_bind(limit);
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        let mut items = rows.iter().map(message).collect::<PortResult<Vec<_>>>()?;
        self.attachments_of(&mut items).await?;
        Ok(items)
    }

    async fn message_exists(&self, id: ConversationId, message: MessageId) -> PortResult<bool> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages WHERE id = ? AND conversation_id = ?")
            .bind(message.0)
            .bind(id.0)
            .fetch_one(&self.pool)
            .await
            .map_err(infra)?;
        Ok(n > 0)
    }

    async fn mark_read(&self, id: ConversationId, user: UserId, message: MessageId, at: DateTime<Utc>) -> PortResult<bool> {
        self.advance(id, user, message, at, "last_read_message_id", "last_read_at").await
    }

    async fn mark_delivered(&self, id: ConversationId, user: UserId, message: MessageId, at: DateTime<Utc>) -> PortResult<bool> {
        self.advance(id, user, message, at, "last_delivered_message_id", "last_delivered_at").await
    }

    async fn is_participant(&self, id: ConversationId, user: UserId) -> PortResult<bool> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM conversation_participants WHERE conversation_id = ? AND user_id = ?")
            .bind(id.0)
            .bind(user.0)
            .fetch_one(&self.pool)
            .await
            .map_err(infra)?;
        Ok(n > 0)
    }

    async fn contacts(&self, caller: &Party, search: Option<&str>, limit: u32) -> PortResult<Vec<Contact>> {
        let is_super_admin = "EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                WHERE ur.user_id = u.id AND r.company_id IS NULL AND r.name = 'super_admin')";
        let mut qb = QueryBuilder::<MySql>::new(PEOPLE.replace("FROM users u", ", c.name AS company_name FROM users u"));
        qb.push(" WHERE u.status = 'active' AND u.id <> ").push_bind(caller.user_id.0);
        if let Some(q) = search {
            let like = super::like::contains(q);
            qb.push(" AND (u.full_name LIKE ").push_bind(like.clone()).push(" OR u.email LIKE ").push_bind(like).push(")");
        }
        if caller.family != Family::SuperAdmin {
            qb.push(format!(" AND NOT {is_super_admin} AND ("));
            // Colleagues.
            match caller.company_id {
                Some(mine) => qb.push("u.company_id = ").push_bind(mine.0),
                None => qb.push("FALSE"),
            };
            // Across companies, the bridges of `bridged`, seen from the caller's side.
            match (caller.family, caller.company_id) {
                (Family::Recruiter, Some(agency)) => {
                    qb.push(" OR (u.company_id IS NULL AND (EXISTS (SELECT 1 FROM applications a JOIN candidates cd ON cd.id = a.candidate_id WHERE cd.user_id = u.id AND (a.job_company_id = ")
                        .push_bind(agency.0)
                        .push(" OR a.candidate_company_id = ")
                        .push_bind(agency.0)
                        .push(")) OR EXISTS (SELECT 1 FROM candidates cd WHERE cd.user_id = u.id AND cd.deleted_at IS NULL AND cd.company_id = ")
                        .push_bind(agency.0)
                        .push(")))");
                    qb.push(" OR (c.company_type = 'employer' AND (EXISTS (SELECT 1 FROM job_agencies ja JOIN jobs j ON j.id = ja.job_id WHERE j.company_id = u.company_id AND ja.agency_id = ")
                        .push_bind(agency.0)
                        .push(") OR EXISTS (SELECT 1 FROM applications a WHERE a.job_company_id = u.company_id AND a.candidate_company_id = ")
                        .push_bind(agency.0)
                        .push(")))");
                }
                (Family::Employer, Some(employer)) => {
                    qb.push(" OR (c.company_type = 'agency' AND (EXISTS (SELECT 1 FROM job_agencies ja JOIN jobs j ON j.id = ja.job_id WHERE ja.agency_id = u.company_id AND j.company_id = ")
                        .push_bind(employer.0)
                        .push(") OR EXISTS (SELECT 1 FROM applications a WHERE a.candidate_company_id = u.company_id AND a.job_company_id = ")
                        .push_bind(employer.0)
                        .push(")))");
                }
                (Family::Candidate, _) => {
                    qb.push(" OR (c.company_type = 'agency' AND (EXISTS (SELECT 1 FROM applications a JOIN candidates cd ON cd.id = a.candidate_id WHERE cd.user_id = ")
                        .push_bind(caller.user_id.0)
                        .push(" AND (a.job_company_id = u.company_id OR a.candidate_company_id = u.company_id)) OR EXISTS (SELECT 1 FROM candidates cd WHERE cd.company_id = u.company_id AND cd.deleted_at IS NULL AND cd.user_id = ")
                        .push_bind(caller.user_id.0)
                        .push(")))");
                }
                _ => {}
            }
            qb.push(")");
        }
        qb.push(" ORDER BY u.full_name, u.id LIMIT ").push_bind(limit);
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        rows.iter().map(|row| Ok(Contact { person: participant(row)?, company_name: row.try_get("company_name").map_err(infra)? })).collect()
    }

    async fn attachments(&self, ids: &[FileId]) -> PortResult<Vec<Attachment>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut qb = QueryBuilder::<MySql>::new(format!(
            "SELECT a.message_id AS attached_to, a.conversation_id AS attachment_conversation, {} FROM message_attachments a
             JOIN stored_files f ON f.id = a.file_id WHERE a.file_id IN (",
            super::files::COLUMNS
        ));
        let mut sep = qb.separated(", ");
        for id in ids {
            sep.push_bind(id.0);
        }
        qb.push(")");
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        rows.iter()
            .map(|row| {
                Ok(Attachment {
                    file: super::files::file(row)?,
                    conversation_id: ConversationId(row.try_get("attachment_conversation").map_err(infra)?),
                    message_id: row.try_get::<Option<Uuid>, _>("attached_to").map_err(infra)?.map(MessageId),
                })
            })
            .collect()
    }
}

impl MySqlConversations {
    /// Move one receipt forward. Monotonic: only a later message (UUIDv7 ids
    /// sort by time) moves it. `column`/`at_column` are fixed names, never input.
    async fn advance(&self, id: ConversationId, user: UserId, message: MessageId, at: DateTime<Utc>, column: &str, at_column: &str) -> PortResult<bool> {
        let sql = format!(
            "UPDATE conversation_participants SET {column} = ?, {at_column} = ?
             WHERE conversation_id = ? AND user_id = ? AND ({column} IS NULL OR {column} < ?)"
        );
        let done = sqlx::query(&sql).bind(message.0).bind(at).bind(id.0).bind(user.0).bind(message.0).execute(&self.pool).await.map_err(infra)?;
        Ok(done.rows_affected() == 1)
    }
}
