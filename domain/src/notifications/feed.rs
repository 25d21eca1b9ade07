use crate::error::{DomainError, DomainResult};
use crate::ids::UserId;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// One notification of a user's feed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notification {
    pub id: uuid::Uuid,
    pub user_id: UserId,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub link: Option<String>,
    pub data: serde_json::Value,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FeedOrder {
    /// Unread before read, newest first within each.
    #[default]
    UnreadFirst,
    Newest,
}

impl FeedOrder {
    pub fn parse(s: Option<&str>) -> DomainResult<Self> {
        match s.map(str::trim) {
            None | Some("") | Some("unread_first") => Ok(FeedOrder::UnreadFirst),
            Some("newest") => Ok(FeedOrder::Newest),
            Some(_) => Err(DomainError::field("order", "not_allowed", "must be unread_first or newest")),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FeedQuery {
    pub order: FeedOrder,
    pub unread_only: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_defaults_to_unread_first() {
        assert_eq!(FeedOrder::parse(None).unwrap(), FeedOrder::UnreadFirst);
        assert_eq!(FeedOrder::parse(Some("newest")).unwrap(), FeedOrder::Newest);
        assert!(matches!(FeedOrder::parse(Some("oldest")), Err(DomainError::Validation(e)) if e[0].field == "order"));
    }
}
