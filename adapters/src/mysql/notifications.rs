use super::infra;
use hireops_domain::ports::{NewNotification, Notifier, PortResult};
use sqlx::MySqlPool;
use uuid::Uuid;

pub struct MySqlNotifier {
    pool: MySqlPool,
}

impl MySqlNotifier {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

#[async_trait::async_trait]
impl Notifier for MySqlNotifier {
    async fn notify(&self, notifications: Vec<NewNotification>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        for n in notifications {
            sqlx::query(
                "INSERT INTO notifications (id, user_id, kind, title, body, link, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(6))",
            )
            .bind(Uuid::now_v7())
            .bind(n.user_id.0)
            .bind(n.kind)
            .bind(n.title)
            .bind(n.body)
            .bind(n.link)
            .bind(sqlx::types::Json(n.data))
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        }
        tx.commit().await.map_err(infra)
    }
}
