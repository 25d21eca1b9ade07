use super::PortResult;
use crate::ids::UserId;
use crate::events::EventEnvelope;
use crate::mail::OutgoingMail;

/// Hands mail to the mail worker through a queue; never sends inline.
#[async_trait::async_trait]
pub trait MailOutbox: Send + Sync {
    async fn enqueue(&self, mail: OutgoingMail) -> PortResult<()>;

    /// Many at once; adapters send them in batches.
    async fn enqueue_many(&self, mails: Vec<OutgoingMail>) -> PortResult<()> {
        for mail in mails {
            self.enqueue(mail).await?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug)]
pub struct NewNotification {
    pub user_id: UserId,
    /// A stable event code such as `password_reset.requested`.
    pub kind: &'static str,
    pub title: String,
    pub body: String,
    pub link: Option<String>,
    pub data: serde_json::Value,
}

/// In-app notifications.
#[async_trait::async_trait]
pub trait Notifier: Send + Sync {
    async fn notify(&self, notifications: Vec<NewNotification>) -> PortResult<()>;
}

/// Publishes domain events to the events queue; consumers react asynchronously.
#[async_trait::async_trait]
pub trait EventPublisher: Send + Sync {
    async fn publish(&self, event: EventEnvelope) -> PortResult<()>;

    /// Many at once; adapters send them in batches.
    async fn publish_many(&self, events: Vec<EventEnvelope>) -> PortResult<()> {
        for event in events {
            self.publish(event).await?;
        }
        Ok(())
    }
}
