use sqlx::MySqlPool;

/// The idempotency table of queue consumers.
#[derive(Clone)]
pub struct ProcessedMessages {
    pool: MySqlPool,
}

impl ProcessedMessages {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }

    pub async fn is_done(&self, consumer: &str, key: &str) -> anyhow::Result<bool> {
        let row: Option<(i32,)> = sqlx::query_as("SELECT 1 FROM processed_messages WHERE consumer = ? AND message_key = ?")
            .bind(consumer)
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.is_some())
    }

    /// Record completion; a second record of the same key is a no-op.
    pub async fn mark_done(&self, consumer: &str, key: &str) -> anyhow::Result<()> {
        sqlx::query("INSERT IGNORE INTO processed_messages (consumer, message_key, processed_at) VALUES (?, ?, UTC_TIMESTAMP(6))")
            .bind(consumer)
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
