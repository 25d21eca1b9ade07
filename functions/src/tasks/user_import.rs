//! The import worker: creates the users of one chunk of an uploaded CSV.
//! Idempotent: each row records its outcome, so redelivery repeats nothing.

use crate::state::AppState;
use hireops_domain::imports::ImportChunk;

pub async fn handle(state: &AppState, message_id: &str, body: &str) -> anyhow::Result<()> {
    let chunk: ImportChunk = serde_json::from_str(body).map_err(|e| anyhow::anyhow!("message {message_id} is not an ImportChunk: {e}"))?;
    state.imports.process(&chunk).await.map_err(|e| anyhow::anyhow!("import {} rows {}..={}: {e:?}", chunk.import_id, chunk.first_row, chunk.last_row))?;
    tracing::info!(import_id = %chunk.import_id, first_row = chunk.first_row, last_row = chunk.last_row, "import chunk processed");
    Ok(())
}
