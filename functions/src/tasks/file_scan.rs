//! The virus-scan worker: one uploaded file per message, either our own
//! `{"file_id": …}` or an S3 ObjectCreated event (looked up by object key).

use crate::state::AppState;
use hireops_adapters::queue::ScanRequest;
use hireops_domain::files::{ScanResult, ScanTrigger};
use serde::Deserialize;

#[derive(Deserialize)]
struct S3Event {
    #[serde(rename = "Records", default)]
    records: Vec<S3Record>,
}

#[derive(Deserialize)]
struct S3Record {
    s3: S3Entity,
}

#[derive(Deserialize)]
struct S3Entity {
    object: S3Object,
}

#[derive(Deserialize)]
struct S3Object {
    key: String,
}

/// What a message asks for; empty for messages that need nothing (the
/// `s3:TestEvent` S3 sends when the notification is configured).
fn triggers(body: &str) -> anyhow::Result<Vec<ScanTrigger>> {
    if let Ok(req) = serde_json::from_str::<ScanRequest>(body) {
        return Ok(vec![ScanTrigger::Requested(req.file_id)]);
    }
    let value: serde_json::Value = serde_json::from_str(body).map_err(|e| anyhow::anyhow!("not JSON: {e}"))?;
    if value.get("Event").and_then(|e| e.as_str()) == Some("s3:TestEvent") {
        return Ok(vec![]);
    }
    let event: S3Event = serde_json::from_value(value).map_err(|e| anyhow::anyhow!("neither a scan request nor an S3 event: {e}"))?;
    if event.records.is_empty() {
        anyhow::bail!("neither a scan request nor an S3 event");
    }
    Ok(event.records.into_iter().map(|r| ScanTrigger::ObjectCreated(decode_key(&r.s3.object.key))).collect())
}

/// S3 event keys are URL-encoded with `+` for spaces.
fn decode_key(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub async fn handle(state: &AppState, message_id: &str, body: &str) -> anyhow::Result<()> {
    let triggers = triggers(body).map_err(|e| anyhow::anyhow!("message {message_id}: {e}"))?;
    for trigger in triggers {
        match state.files.scan(trigger.clone()).await {
            Ok(ScanResult::Unknown) => tracing::warn!(?trigger, "no stored file for this scan message; ignored"),
            Ok(ScanResult::Skipped(status)) => tracing::info!(?trigger, status = status.as_str(), "file not pending; scan skipped"),
            Ok(ScanResult::Scanned { file, outcome }) => {
                if let Some(e) = &outcome.extraction_error {
                    tracing::warn!(file_id = %file, error = %e, "text extraction failed; the file stays clean without text");
                }
                tracing::info!(file_id = %file, status = outcome.status.as_str(), detail = outcome.detail.as_deref().unwrap_or(""), "file scanned");
                // An attachment's conversation sees its new state live.
                state.messaging.attachment_scanned(file).await;
            }
            Err(e) => {
                // The file stays pending; the message is retried, then dead-lettered
                // (the DLQ's depth alarm is what pages someone).
                tracing::error!(?trigger, error = ?e, alert = true, "file scan failed; the file stays pending and the message will be retried");
                anyhow::bail!("scanning {trigger:?}: {e:?}");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use hireops_domain::ids::FileId;

    #[test]
    fn accepts_both_message_shapes() {
        let id = FileId::new();
        assert_eq!(triggers(&format!(r#"{{"file_id":"{id}"}}"#)).unwrap(), vec![ScanTrigger::Requested(id)]);
        let s3 = r#"{"Records":[{"eventSource":"aws:s3","s3":{"bucket":{"name":"b"},"object":{"key":"uploads/c/f/my+cv%281%29.pdf","size":3}}}]}"#;
        assert_eq!(triggers(s3).unwrap(), vec![ScanTrigger::ObjectCreated("uploads/c/f/my cv(1).pdf".into())]);
        assert!(triggers(r#"{"Service":"Amazon S3","Event":"s3:TestEvent"}"#).unwrap().is_empty());
        assert!(triggers("nonsense").is_err());
        assert!(triggers(r#"{"x":1}"#).is_err());
        assert_eq!(decode_key("a%2"), "a%2");
    }
}
