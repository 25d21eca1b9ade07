//! Background tasks: queue consumers and one-off jobs, each its own Lambda.

pub mod events;
pub mod mail;
pub mod user_import;
pub mod file_scan;

use crate::state::AppState;
use aws_lambda_events::event::sqs::{BatchItemFailure, SqsBatchResponse, SqsEvent};

/// A queue consumer: one message body in, done or failed out. Consumers are
/// idempotent, so redelivery (at-least-once queues) never repeats an effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consumer {
    Mail,
    UserImport,
    Events,
    FileScan,
}

pub struct Task {
    /// The Lambda function and bin name.
    pub name: &'static str,
    pub kind: TaskKind,
    pub description: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskKind {
    /// Triggered by the named queue (the logical name in template.yaml).
    Queue { consumer: Consumer, queue: &'static str },
    /// Invoked on demand: the deploy step that migrates the database.
    Migrate,
}

pub fn all() -> Vec<Task> {
    vec![
        Task {
            name: "task_mail_sender",
            kind: TaskKind::Queue { consumer: Consumer::Mail, queue: "Mail" },
            description: "Renders and sends queued email (SMTP locally, SES in the cloud).",
        },
        Task {
            name: "task_user_import",
            kind: TaskKind::Queue { consumer: Consumer::UserImport, queue: "Import" },
            description: "Creates the users of one chunk of an uploaded CSV import.",
        },
        Task {
            name: "task_events",
            kind: TaskKind::Queue { consumer: Consumer::Events, queue: "Events" },
            description: "Turns domain events into in-app notifications and the emails recipients chose.",
        },
        Task {
            name: "task_file_scan",
            kind: TaskKind::Queue { consumer: Consumer::FileScan, queue: "Scan" },
            description: "Virus-scans an uploaded file with clamd, checks its type and extracts its text for search.",
        },
        Task { name: "task_migrate", kind: TaskKind::Migrate, description: "Runs database migrations and syncs system roles; invoked by the deploy step." },
    ]
}

impl Consumer {
    /// Messages per invocation (per local poll). An import chunk is minutes of
    /// work at worst, so each is taken alone and finishes inside its visibility
    /// timeout; the others are quick.
    pub fn batch_size(&self) -> i32 {
        match self {
            Consumer::UserImport => 1,
            // Up to 10 MiB each through clamd and a parser: a few per invocation.
            Consumer::FileScan => 2,
            Consumer::Mail | Consumer::Events => 10,
        }
    }

    pub async fn handle(&self, state: &AppState, message_id: &str, body: &str) -> anyhow::Result<()> {
        match self {
            Consumer::Mail => mail::handle(state, message_id, body).await,
            Consumer::UserImport => user_import::handle(state, message_id, body).await,
            Consumer::Events => events::handle(state, message_id, body).await,
            Consumer::FileScan => file_scan::handle(state, message_id, body).await,
        }
    }
}

/// One SQS batch, as the Lambda receives it: each record is handled alone and
/// only the failed ones are reported (`ReportBatchItemFailures`), so SQS
/// retries those and deletes the rest.
pub async fn handle_batch(consumer: Consumer, state: &AppState, event: SqsEvent) -> SqsBatchResponse {
    let mut failures = Vec::new();
    for record in event.records {
        let id = record.message_id.clone().unwrap_or_default();
        let body = record.body.as_deref().unwrap_or_default();
        if let Err(e) = consumer.handle(state, &id, body).await {
            tracing::error!(message_id = %id, error = ?e, "message failed; it will be retried, then dead-lettered");
            let mut failure = BatchItemFailure::default();
            failure.item_identifier = id;
            failures.push(failure);
        }
    }
    let mut response = SqsBatchResponse::default();
    response.batch_item_failures = failures;
    response
}
