//! Amazon SQS queues, the mail outbox that feeds the mail worker, and the
//! domain event publisher.

use anyhow::{Context, anyhow};
use aws_sdk_sqs::types::{MessageSystemAttributeName, QueueAttributeName};
use hireops_domain::DomainError;
use hireops_domain::events::EventEnvelope;
use hireops_domain::imports::ImportChunk;
use hireops_domain::mail::OutgoingMail;
use hireops_domain::ports::{EventPublisher, ImportWorkQueue, MailOutbox, PortResult};

/// One SQS queue, addressed by URL.
#[derive(Clone, Debug)]
pub struct SqsQueue {
    client: aws_sdk_sqs::Client,
    url: String,
    name: String,
}

/// A message as received; delete it with its `receipt_handle` once handled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceivedMessage {
    pub message_id: String,
    pub receipt_handle: String,
    pub body: String,
    /// How many times the message has been received, this time included.
    pub receive_count: u32,
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

/// The queue name is the last path segment of its URL.
fn name_from_url(url: &str) -> String {
    url.trim_end_matches('/').rsplit('/').next().unwrap_or(url).to_owned()
}

impl SqsQueue {
    /// `name_or_url` is either a full queue URL (used as is) or a queue name
    /// resolved with GetQueueUrl.
    pub async fn connect(client: aws_sdk_sqs::Client, name_or_url: &str) -> anyhow::Result<Self> {
        let name_or_url = name_or_url.trim();
        if name_or_url.is_empty() {
            return Err(anyhow!("empty SQS queue name"));
        }
        if is_url(name_or_url) {
            return Ok(Self {
                client,
                url: name_or_url.to_owned(),
                name: name_from_url(name_or_url),
            });
        }
        let out = client
            .get_queue_url()
            .queue_name(name_or_url)
            .send()
            .await
            .with_context(|| format!("SQS GetQueueUrl {name_or_url}"))?;
        let url = out
            .queue_url()
            .ok_or_else(|| anyhow!("SQS GetQueueUrl {name_or_url}: no URL returned"))?
            .to_owned();
        Ok(Self {
            client,
            url,
            name: name_or_url.to_owned(),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn client(&self) -> &aws_sdk_sqs::Client {
        &self.client
    }

    pub async fn send(&self, body: &str) -> anyhow::Result<()> {
        self.client
            .send_message()
            .queue_url(&self.url)
            .message_body(body)
            .send()
            .await
            .with_context(|| format!("SQS SendMessage to {}", self.name))?;
        Ok(())
    }

    /// Delete many received messages, ten per request.
    pub async fn delete_batch(&self, receipt_handles: &[String]) -> anyhow::Result<()> {
        use aws_sdk_sqs::types::DeleteMessageBatchRequestEntry;
        for group in receipt_handles.chunks(10) {
            let entries = group
                .iter()
                .enumerate()
                .map(|(i, h)| DeleteMessageBatchRequestEntry::builder().id(i.to_string()).receipt_handle(h).build())
                .collect::<Result<Vec<_>, _>>()?;
            self.client
                .delete_message_batch()
                .queue_url(&self.url)
                .set_entries(Some(entries))
                .send()
                .await
                .with_context(|| format!("SQS DeleteMessageBatch on {}", self.name))?;
        }
        Ok(())
    }

    /// Messages waiting or in flight (approximate, as SQS reports it).
    pub async fn approximate_depth(&self) -> anyhow::Result<u64> {
        let out = self
            .client
            .get_queue_attributes()
            .queue_url(&self.url)
            .attribute_names(QueueAttributeName::ApproximateNumberOfMessages)
            .attribute_names(QueueAttributeName::ApproximateNumberOfMessagesNotVisible)
            .send()
            .await
            .with_context(|| format!("SQS GetQueueAttributes of {}", self.name))?;
        let attrs = out.attributes();
        let get = |k: QueueAttributeName| attrs.and_then(|a| a.get(&k)).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        Ok(get(QueueAttributeName::ApproximateNumberOfMessages) + get(QueueAttributeName::ApproximateNumberOfMessagesNotVisible))
    }

    /// Send many bodies, ten per request; fails if any entry was refused.
    pub async fn send_batch(&self, bodies: &[String]) -> anyhow::Result<()> {
        use aws_sdk_sqs::types::SendMessageBatchRequestEntry;
        for group in bodies.chunks(10) {
            let entries = group
                .iter()
                .enumerate()
                .map(|(i, body)| SendMessageBatchRequestEntry::builder().id(i.to_string()).message_body(body).build())
                .collect::<Result<Vec<_>, _>>()?;
            let out = self
                .client
                .send_message_batch()
                .queue_url(&self.url)
                .set_entries(Some(entries))
                .send()
                .await
                .with_context(|| format!("SQS SendMessageBatch to {}", self.name))?;
            if let Some(f) = out.failed().first() {
                return Err(anyhow!("SQS refused a batch entry for {}: {} {}", self.name, f.code(), f.message().unwrap_or("")));
            }
        }
        Ok(())
    }

    /// Receive up to `max` (1..=10) messages, long-polling up to `wait_secs` (0..=20).
    #[allow(deprecated)] // `AttributeNames` is deprecated but some emulators only honour it.
    pub async fn receive(&self, max: i32, wait_secs: i32) -> anyhow::Result<Vec<ReceivedMessage>> {
        let out = self
            .client
            .receive_message()
            .queue_url(&self.url)
            .max_number_of_messages(max.clamp(1, 10))
            .wait_time_seconds(wait_secs.clamp(0, 20))
            .message_system_attribute_names(MessageSystemAttributeName::ApproximateReceiveCount)
            .attribute_names(QueueAttributeName::from("ApproximateReceiveCount"))
            .send()
            .await
            .with_context(|| format!("SQS ReceiveMessage from {}", self.name))?;
        let mut received = Vec::new();
        for m in out.messages() {
            let receipt_handle = m
                .receipt_handle()
                .ok_or_else(|| anyhow!("SQS message without receipt handle"))?
                .to_owned();
            let receive_count = m
                .attributes()
                .and_then(|a| a.get(&MessageSystemAttributeName::ApproximateReceiveCount))
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(1);
            received.push(ReceivedMessage {
                message_id: m.message_id().unwrap_or_default().to_owned(),
                receipt_handle,
                body: m.body().unwrap_or_default().to_owned(),
                receive_count,
            });
        }
        Ok(received)
    }

    pub async fn delete(&self, receipt_handle: &str) -> anyhow::Result<()> {
        self.client
            .delete_message()
            .queue_url(&self.url)
            .receipt_handle(receipt_handle)
            .send()
            .await
            .with_context(|| format!("SQS DeleteMessage on {}", self.name))?;
        Ok(())
    }

    /// Health check: the queue exists and we may read its attributes.
    pub async fn ping(&self) -> anyhow::Result<()> {
        self.client
            .get_queue_attributes()
            .queue_url(&self.url)
            .attribute_names(QueueAttributeName::ApproximateNumberOfMessages)
            .send()
            .await
            .with_context(|| format!("SQS GetQueueAttributes on {}", self.name))?;
        Ok(())
    }

    /// The queue's ARN.
    pub async fn arn(&self) -> anyhow::Result<String> {
        let out = self
            .client
            .get_queue_attributes()
            .queue_url(&self.url)
            .attribute_names(QueueAttributeName::QueueArn)
            .send()
            .await
            .with_context(|| format!("SQS GetQueueAttributes(QueueArn) on {}", self.name))?;
        out.attributes()
            .and_then(|a| a.get(&QueueAttributeName::QueueArn))
            .cloned()
            .ok_or_else(|| anyhow!("SQS queue {} has no QueueArn", self.name))
    }

    /// Delete the queue itself (tests clean up with this).
    pub async fn delete_queue(&self) -> anyhow::Result<()> {
        self.client
            .delete_queue()
            .queue_url(&self.url)
            .send()
            .await
            .with_context(|| format!("SQS DeleteQueue {}", self.name))?;
        Ok(())
    }
}

/// Create (idempotently) `name` and its dead-letter queue `name-dlq`; after
/// `max_receive` receives without delete a message moves to the DLQ.
pub async fn create_with_dlq(
    client: aws_sdk_sqs::Client,
    name: &str,
    max_receive: u32,
    visibility_timeout_secs: u32,
) -> anyhow::Result<SqsQueue> {
    let dlq_name = format!("{name}-dlq");
    let dlq_out = client
        .create_queue()
        .queue_name(&dlq_name)
        .attributes(QueueAttributeName::MessageRetentionPeriod, "1209600")
        .send()
        .await
        .with_context(|| format!("SQS CreateQueue {dlq_name}"))?;
    let dlq_url = dlq_out
        .queue_url()
        .ok_or_else(|| anyhow!("SQS CreateQueue {dlq_name}: no URL"))?;
    let dlq = SqsQueue {
        client: client.clone(),
        url: dlq_url.to_owned(),
        name: dlq_name,
    };
    let dlq_arn = dlq.arn().await?;
    let redrive = serde_json::json!({
        "deadLetterTargetArn": dlq_arn,
        "maxReceiveCount": max_receive.max(1).to_string(),
    })
    .to_string();
    let out = client
        .create_queue()
        .queue_name(name)
        .attributes(
            QueueAttributeName::VisibilityTimeout,
            visibility_timeout_secs.to_string(),
        )
        .attributes(QueueAttributeName::RedrivePolicy, redrive)
        .send()
        .await
        .with_context(|| format!("SQS CreateQueue {name}"))?;
    let url = out
        .queue_url()
        .ok_or_else(|| anyhow!("SQS CreateQueue {name}: no URL"))?
        .to_owned();
    Ok(SqsQueue {
        client,
        url,
        name: name.to_owned(),
    })
}

/// The domain's mail outbox on SQS: each mail is one JSON message.
#[derive(Clone, Debug)]
pub struct SqsMailOutbox(pub SqsQueue);

#[async_trait::async_trait]
impl MailOutbox for SqsMailOutbox {
    async fn enqueue(&self, mail: OutgoingMail) -> PortResult<()> {
        let body = serde_json::to_string(&mail).map_err(DomainError::infra)?;
        self.0
            .send(&body)
            .await
            .map_err(|e| DomainError::Infrastructure(format!("{e:#}")))?;
        tracing::debug!(mail_id = %mail.id, template = mail.message.template_name(), queue = self.0.name(), "mail enqueued");
        Ok(())
    }

    async fn enqueue_many(&self, mails: Vec<OutgoingMail>) -> PortResult<()> {
        let bodies = mails.iter().map(serde_json::to_string).collect::<Result<Vec<_>, _>>().map_err(DomainError::infra)?;
        self.0.send_batch(&bodies).await.map_err(|e| DomainError::Infrastructure(format!("{e:#}")))
    }
}

/// The [`EventPublisher`] port on SQS: domain events go to the events queue.
pub struct SqsEventPublisher(pub SqsQueue);

#[async_trait::async_trait]
impl EventPublisher for SqsEventPublisher {
    async fn publish(&self, event: EventEnvelope) -> PortResult<()> {
        let body = serde_json::to_string(&event).map_err(DomainError::infra)?;
        self.0
            .send(&body)
            .await
            .map_err(|e| DomainError::Infrastructure(format!("{e:#}")))?;
        tracing::debug!(event_id = %event.id, kind = event.event.kind(), queue = self.0.name(), "event published");
        Ok(())
    }

    async fn publish_many(&self, events: Vec<EventEnvelope>) -> PortResult<()> {
        let bodies = events.iter().map(serde_json::to_string).collect::<Result<Vec<_>, _>>().map_err(DomainError::infra)?;
        self.0.send_batch(&bodies).await.map_err(|e| DomainError::Infrastructure(format!("{e:#}")))
    }
}

/// The [`ImportWorkQueue`] port on SQS: one message per chunk of rows, sent in
/// batches of ten (the SQS maximum).
pub struct SqsImportQueue(pub SqsQueue);

#[async_trait::async_trait]
impl ImportWorkQueue for SqsImportQueue {
    async fn enqueue(&self, chunks: Vec<ImportChunk>) -> PortResult<()> {
        let bodies = chunks.iter().map(serde_json::to_string).collect::<Result<Vec<_>, _>>().map_err(DomainError::infra)?;
        self.0.send_batch(&bodies).await.map_err(|e| DomainError::Infrastructure(format!("{e:#}")))
    }
}

/// `{"file_id": …}`: scan this uploaded file.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct ScanRequest {
    pub file_id: hireops_domain::ids::FileId,
}

/// The scan queue; the bucket's ObjectCreated notifications land there too.
#[derive(Clone, Debug)]
pub struct SqsScanQueue(pub SqsQueue);

#[async_trait::async_trait]
impl hireops_domain::ports::ScanQueue for SqsScanQueue {
    async fn enqueue(&self, file: hireops_domain::ids::FileId) -> PortResult<()> {
        let body = serde_json::to_string(&ScanRequest { file_id: file }).map_err(DomainError::infra)?;
        self.0.send(&body).await.map_err(|e| DomainError::Infrastructure(format!("{e:#}")))
    }
}
