use super::{NewNotification, PortResult};
use crate::identity::{Permission, User};
use crate::ids::{CompanyId, UserId};
use crate::notifications::{FeedQuery, Notification};
use crate::paging::{Page, PageRequest};
use chrono::{DateTime, Utc};

/// The notification feeds. Every read and write is limited to one user's rows.
#[async_trait::async_trait]
pub trait NotificationRepository: Send + Sync {
    /// Store the notifications one event produced. Keyed by (event, user, kind):
    /// a redelivered event adds nothing twice.
    async fn record_for_event(&self, event_id: uuid::Uuid, notifications: &[NewNotification], at: DateTime<Utc>) -> PortResult<()>;
    async fn feed(&self, user: UserId, query: FeedQuery, page: PageRequest) -> PortResult<Page<Notification>>;
    async fn unread_count(&self, user: UserId) -> PortResult<u64>;
    /// False when the user has no such notification. Reading twice keeps the first time.
    async fn mark_read(&self, user: UserId, id: uuid::Uuid, at: DateTime<Utc>) -> PortResult<bool>;
    /// How many were unread.
    async fn mark_all_read(&self, user: UserId, at: DateTime<Utc>) -> PortResult<u64>;
}

/// The kinds a user chose to get (or not get) by email.
#[async_trait::async_trait]
pub trait NotificationPreferenceRepository: Send + Sync {
    async fn stored(&self, user: UserId) -> PortResult<Vec<(String, bool)>>;
    async fn save(&self, user: UserId, items: &[(&'static str, bool)], at: DateTime<Utc>) -> PortResult<()>;
}

/// Finds who to tell about something in a company.
#[async_trait::async_trait]
pub trait RecipientDirectory: Send + Sync {
    /// Active users of the company holding the permission.
    async fn holders_of(&self, company: CompanyId, permission: Permission) -> PortResult<Vec<User>>;
}
