//! The events consumer: domain events become in-app notifications and, per
//! each recipient's preferences, emails.

use crate::state::AppState;
use hireops_domain::events::EventEnvelope;

const CONSUMER: &str = "events";

pub async fn handle(state: &AppState, message_id: &str, body: &str) -> anyhow::Result<()> {
    let envelope: EventEnvelope = match serde_json::from_str(body) {
        Ok(e) => e,
        // Retrying cannot fix it; let it reach the DLQ for a human to see.
        Err(e) => anyhow::bail!("message {message_id} is not an EventEnvelope: {e}"),
    };
    let key = envelope.id.to_string();
    if state.processed.is_done(CONSUMER, &key).await? {
        tracing::info!(event_id = %key, "already handled; skipping redelivery");
        return Ok(());
    }
    // Safe to repeat after a partial failure: notifications are keyed by the
    // event and the emails carry ids derived from it.
    let delivered = state
        .notifications
        .handle_event(&envelope)
        .await
        .map_err(|e| anyhow::anyhow!("handling {} {key}: {e:?}", envelope.event.kind()))?;
    state.processed.mark_done(CONSUMER, &key).await?;
    tracing::info!(event_id = %key, kind = envelope.event.kind(), delivered, "event handled");
    Ok(())
}
