//! Live delivery: after notifications are stored, tell each recipient's
//! `user:` channel, with their new unread count. Best effort — a failed push
//! is logged and never fails the notification.

use super::{FeedOrder, FeedQuery};
use crate::clock::Clock;
use crate::paging::PageRequest;
use crate::ports::{NewNotification, NotificationRepository, RealtimePush};
use crate::realtime::NotificationCreated;

/// Push `notification.created` for each stored notification. Returns how many pushes succeeded.
pub async fn push_created(repo: &dyn NotificationRepository, realtime: &dyn RealtimePush, clock: &dyn Clock, stored: &[NewNotification]) -> usize {
    let mut pushed = 0;
    for n in stored {
        let unread_count = match repo.unread_count(n.user_id).await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(user_id = %n.user_id.0, error = %e, "live notification skipped: unread count failed");
                continue;
            }
        };
        // The id of the stored row: the newest of that kind with that title.
        let id = repo
            .feed(n.user_id, FeedQuery { order: FeedOrder::Newest, unread_only: false }, PageRequest::new(Some(1), Some(20)))
            .await
            .ok()
            .and_then(|page| page.items.into_iter().find(|f| f.kind == n.kind && f.title == n.title).map(|f| f.id));
        let event = NotificationCreated { id, kind: n.kind.to_owned(), title: n.title.clone(), unread_count }.into_event(n.user_id, clock.now());
        match realtime.publish(crate::realtime::Channel::User(n.user_id), event).await {
            Ok(()) => pushed += 1,
            Err(e) => tracing::warn!(user_id = %n.user_id.0, error = %e, "live notification push failed"),
        }
    }
    pushed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::UserId;
    use crate::notifications::Notification;
    use crate::paging::Page;
    use crate::ports::PortResult;
    use crate::realtime::{Channel, RealtimeEvent};
    use crate::DomainError;
    use chrono::{DateTime, Utc};
    use std::sync::Mutex;

    struct Repo(Mutex<Vec<Notification>>);

    #[async_trait::async_trait]
    impl NotificationRepository for Repo {
        async fn record_for_event(&self, _e: uuid::Uuid, ns: &[NewNotification], at: DateTime<Utc>) -> PortResult<()> {
            let mut rows = self.0.lock().unwrap();
            for n in ns {
                rows.push(Notification {
                    id: uuid::Uuid::now_v7(),
                    user_id: n.user_id,
                    kind: n.kind.into(),
                    title: n.title.clone(),
                    body: n.body.clone(),
                    link: None,
                    data: serde_json::Value::Null,
                    created_at: at,
                    read_at: None,
                });
            }
            Ok(())
        }
        async fn feed(&self, user: UserId, _q: FeedQuery, page: PageRequest) -> PortResult<Page<Notification>> {
            let mut items: Vec<_> = self.0.lock().unwrap().iter().filter(|n| n.user_id == user).cloned().collect();
            items.reverse();
            let total = items.len() as u64;
            Ok(Page::new(items, total, page))
        }
        async fn unread_count(&self, user: UserId) -> PortResult<u64> {
            Ok(self.0.lock().unwrap().iter().filter(|n| n.user_id == user && n.read_at.is_none()).count() as u64)
        }
        async fn mark_read(&self, _u: UserId, _id: uuid::Uuid, _at: DateTime<Utc>) -> PortResult<bool> {
            Ok(false)
        }
        async fn mark_all_read(&self, _u: UserId, _at: DateTime<Utc>) -> PortResult<u64> {
            Ok(0)
        }
    }

    struct Push { fail: bool, sent: Mutex<Vec<(Channel, RealtimeEvent)>> }

    #[async_trait::async_trait]
    impl RealtimePush for Push {
        async fn publish(&self, channel: Channel, event: RealtimeEvent) -> PortResult<()> {
            if self.fail {
                return Err(DomainError::Infrastructure("redis down".into()));
            }
            self.sent.lock().unwrap().push((channel, event));
            Ok(())
        }
    }

    fn new(user: UserId, title: &str) -> NewNotification {
        NewNotification { user_id: user, kind: "application.created", title: title.into(), body: String::new(), link: None, data: serde_json::Value::Null }
    }

    #[tokio::test]
    async fn pushes_to_each_recipient_with_unread_count() {
        let (a, b) = (UserId(uuid::Uuid::now_v7()), UserId(uuid::Uuid::now_v7()));
        let repo = Repo(Mutex::new(vec![]));
        let clock = crate::clock::SystemClock;
        let first = [new(a, "one")];
        repo.record_for_event(uuid::Uuid::now_v7(), &first, clock.now()).await.unwrap();
        let batch = [new(a, "two"), new(b, "three")];
        repo.record_for_event(uuid::Uuid::now_v7(), &batch, clock.now()).await.unwrap();
        let push = Push { fail: false, sent: Mutex::new(vec![]) };
        assert_eq!(push_created(&repo, &push, &clock, &batch).await, 2);
        let sent = push.sent.lock().unwrap();
        assert_eq!(sent[0].0, Channel::User(a));
        assert_eq!(sent[0].1.kind, "notification.created");
        assert_eq!(sent[0].1.data["unread_count"], 2);
        assert_eq!(sent[0].1.data["title"], "two");
        let stored_two = repo.0.lock().unwrap().iter().find(|n| n.title == "two").unwrap().id;
        assert_eq!(sent[0].1.data["id"], stored_two.to_string());
        assert_eq!(sent[1].0, Channel::User(b));
        assert_eq!(sent[1].1.data["unread_count"], 1);
    }

    #[tokio::test]
    async fn a_failing_push_is_swallowed() {
        let a = UserId(uuid::Uuid::now_v7());
        let repo = Repo(Mutex::new(vec![]));
        let push = Push { fail: true, sent: Mutex::new(vec![]) };
        assert_eq!(push_created(&repo, &push, &crate::clock::SystemClock, &[new(a, "x")]).await, 0);
    }
}
