use super::{infra, MySqlUsers};
use chrono::{DateTime, Utc};
use hireops_domain::identity::{Permission, User};
use hireops_domain::ids::{CompanyId, UserId};
use hireops_domain::notifications::{FeedOrder, FeedQuery, Notification};
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::ports::{
    NewNotification, NotificationPreferenceRepository, NotificationRepository, Notifier, PortResult, RecipientDirectory, UserRepository,
};
use sqlx::types::Json;
use sqlx::MySqlPool;
use uuid::Uuid;

pub struct MySqlNotifier {
    pool: MySqlPool,
}

impl MySqlNotifier {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl Notifier for MySqlNotifier {
    async fn notify(&self, notifications: Vec<NewNotification>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        for n in notifications {
            sqlx::query(
                "INSERT INTO notifications (id, user_id, kind, title, body, link, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
            )
            .bind(Uuid::now_v7())
            .bind(n.user_id.0)
            .bind(n.kind)
            .bind(n.title)
            .bind(n.body)
            .bind(n.link)
            .bind(sqlx::types::Json(n.data))
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        }
        tx.commit().await.map_err(infra)
    }
}

/// The notification feeds (see [`NotificationRepository`]).
pub struct MySqlNotifications {
    pool: MySqlPool,
}

impl MySqlNotifications {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

type FeedRow = (Uuid, Uuid, String, String, String, Option<String>, Option<Json<serde_json::Value>>, DateTime<Utc>, Option<DateTime<Utc>>);

#[async_trait::async_trait]
impl NotificationRepository for MySqlNotifications {
    async fn record_for_event(&self, event_id: Uuid, notifications: &[NewNotification], at: DateTime<Utc>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        for n in notifications {
            // The unique (event_id, user_id, kind) key turns a repeat into a no-op.
            sqlx::query(
                "INSERT INTO notifications (id, user_id, kind, title, body, link, data, created_at, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                 ON DUPLICATE KEY UPDATE id = id",
            )
            .bind(Uuid::now_v7())
            .bind(n.user_id.0)
            .bind(n.kind)
            .bind(&n.title)
            .bind(&n.body)
            .bind(&n.link)
            .bind(Json(&n.data))
            .bind(at)
            .bind(event_id)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        }
        tx.commit().await.map_err(infra)
    }

    async fn feed(&self, user: UserId, query: FeedQuery, page: PageRequest) -> PortResult<Page<Notification>> {
        let unread = if query.unread_only { " AND read_at IS NULL" } else { "" };
        let order = match query.order {
            FeedOrder::UnreadFirst => "(read_at IS NULL) DESC, created_at DESC, id DESC",
            FeedOrder::Newest => "created_at DESC, id DESC",
        };
        let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM notifications WHERE user_id = ?{unread}"))
            .bind(user.0)
            .fetch_one(&self.pool)
            .await
            .map_err(infra)?;
        let rows: Vec<FeedRow> = sqlx::query_as(&format!(
            "SELECT id, user_id, kind, title, body, link, data, created_at, read_at FROM notifications
             WHERE user_id = ?{unread} ORDER BY {order} LIMIT ? OFFSET ?"
        ))
        .bind(user.0)
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        let items = rows
            .into_iter()
            .map(|(id, user_id, kind, title, body, link, data, created_at, read_at)| Notification {
                id,
                user_id: UserId(user_id),
                kind,
                title,
                body,
                link,
                data: data.map(|d| d.0).unwrap_or(serde_json::Value::Null),
                created_at,
                read_at,
            })
            .collect();
        Ok(Page::new(items, total as u64, page))
    }

    async fn unread_count(&self, user: UserId) -> PortResult<u64> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL")
            .bind(user.0)
            .fetch_one(&self.pool)
            .await
            .map_err(infra)?;
        Ok(n as u64)
    }

    async fn mark_read(&self, user: UserId, id: Uuid, at: DateTime<Utc>) -> PortResult<bool> {
        sqlx::query("UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL")
            .bind(at)
            .bind(id)
            .bind(user.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        // Already read counts as done; only someone else's or an unknown id is "not found".
        let exists: Option<(i32,)> =
            sqlx::query_as("SELECT 1 FROM notifications WHERE id = ? AND user_id = ?").bind(id).bind(user.0).fetch_optional(&self.pool).await.map_err(infra)?;
        Ok(exists.is_some())
    }

    async fn mark_all_read(&self, user: UserId, at: DateTime<Utc>) -> PortResult<u64> {
        let done = sqlx::query("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
            .bind(at)
            .bind(user.0)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(done.rows_affected())
    }
}

pub struct MySqlNotificationPreferences {
    pool: MySqlPool,
}

impl MySqlNotificationPreferences {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl NotificationPreferenceRepository for MySqlNotificationPreferences {
    async fn stored(&self, user: UserId) -> PortResult<Vec<(String, bool)>> {
        sqlx::query_as("SELECT kind, email FROM notification_preferences WHERE user_id = ?").bind(user.0).fetch_all(&self.pool).await.map_err(infra)
    }

    async fn save(&self, user: UserId, items: &[(&'static str, bool)], at: DateTime<Utc>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        for (kind, email) in items {
            sqlx::query(
                "INSERT INTO notification_preferences (user_id, kind, email, updated_at) VALUES (?, ?, ?, ?)
                 ON DUPLICATE KEY UPDATE email = VALUES(email), updated_at = VALUES(updated_at)",
            )
            .bind(user.0)
            .bind(*kind)
            .bind(*email)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        }
        tx.commit().await.map_err(infra)
    }
}

/// Finds notification recipients by permission within a company.
pub struct MySqlRecipientDirectory {
    pool: MySqlPool,
    users: MySqlUsers,
}

impl MySqlRecipientDirectory {
    pub fn new(pool: MySqlPool) -> Self {
        Self { users: MySqlUsers::new(pool.clone()), pool }
    }
}

#[async_trait::async_trait]
impl RecipientDirectory for MySqlRecipientDirectory {
    async fn holders_of(&self, company: CompanyId, permission: Permission) -> PortResult<Vec<User>> {
        let ids: Vec<(Uuid,)> = sqlx::query_as(
            "SELECT DISTINCT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id
             JOIN role_permissions rp ON rp.role_id = ur.role_id
             WHERE u.company_id = ? AND u.status = 'active' AND rp.permission = ? ORDER BY u.id",
        )
        .bind(company.0)
        .bind(permission.code())
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        let mut users = Vec::with_capacity(ids.len());
        for (id,) in ids {
            if let Some(u) = self.users.find_by_id(UserId(id)).await? {
                users.push(u);
            }
        }
        Ok(users)
    }
}
