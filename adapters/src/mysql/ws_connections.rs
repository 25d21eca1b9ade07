//! The cloud's WebSocket registry: API Gateway holds the sockets, this holds
//! who is behind each connection and which channels it listens on. Only the
//! functions layer and [`crate::apigw_push::ApiGatewayPush`] use it; the
//! domain never sees connections.

use super::infra;
use chrono::{DateTime, Duration, Utc};
use hireops_domain::ids::{SessionFamilyId, UserId};
use hireops_domain::ports::PortResult;
use hireops_domain::realtime::Channel;
use sqlx::{MySqlPool, Row};

/// API Gateway closes every WebSocket after two hours, so an older row is a
/// connection whose `$disconnect` never arrived.
pub const MAX_CONNECTION_AGE: Duration = Duration::hours(2);

/// One open connection and the caller behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WsConnection {
    pub connection_id: String,
    pub user_id: UserId,
    pub session: SessionFamilyId,
    /// The access token's `exp`.
    pub expires_at: DateTime<Utc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SubscribeOutcome {
    /// Listening on the channel (now or already).
    Subscribed,
    /// The connection already listens on the most channels allowed.
    TooManyChannels,
    /// The connection is not registered (it closed meanwhile).
    UnknownConnection,
}

#[derive(Clone)]
pub struct MySqlWsConnections {
    pool: MySqlPool,
}

impl MySqlWsConnections {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }

    /// Record a new connection listening on its user's own channel, and
    /// forget connections older than API Gateway lets any live.
    pub async fn register(&self, connection: &WsConnection, now: DateTime<Utc>) -> PortResult<()> {
        let mut tx = self.pool.begin().await.map_err(infra)?;
        // A repeated id starts afresh rather than inheriting old subscriptions.
        sqlx::query("DELETE FROM ws_connections WHERE connected_at < ? OR connection_id = ?")
            .bind(now - MAX_CONNECTION_AGE)
            .bind(&connection.connection_id)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        sqlx::query("INSERT INTO ws_connections (connection_id, user_id, session_family_id, expires_at, connected_at) VALUES (?, ?, ?, ?, ?)")
        .bind(&connection.connection_id)
        .bind(connection.user_id.0)
        .bind(connection.session.0)
        .bind(connection.expires_at)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(infra)?;
        sqlx::query("INSERT IGNORE INTO ws_subscriptions (connection_id, channel) VALUES (?, ?)")
            .bind(&connection.connection_id)
            .bind(Channel::User(connection.user_id).to_string())
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        tx.commit().await.map_err(infra)
    }

    pub async fn find(&self, connection_id: &str) -> PortResult<Option<WsConnection>> {
        let row = sqlx::query("SELECT user_id, session_family_id, expires_at FROM ws_connections WHERE connection_id = ?")
            .bind(connection_id)
            .fetch_optional(&self.pool)
            .await
            .map_err(infra)?;
        Ok(row.map(|r| WsConnection {
            connection_id: connection_id.to_owned(),
            user_id: UserId(r.get("user_id")),
            session: SessionFamilyId(r.get("session_family_id")),
            expires_at: r.get("expires_at"),
        }))
    }

    /// Add a channel unless the connection already has `max_channels`. The
    /// connection row is locked meanwhile, so concurrent frames of one
    /// connection cannot both take the last place.
    pub async fn subscribe(&self, connection_id: &str, channel: &Channel, max_channels: usize) -> PortResult<SubscribeOutcome> {
        let name = channel.to_string();
        let mut tx = self.pool.begin().await.map_err(infra)?;
        let exists = sqlx::query("SELECT 1 FROM ws_connections WHERE connection_id = ? FOR UPDATE")
            .bind(connection_id)
            .fetch_optional(&mut *tx)
            .await
            .map_err(infra)?;
        if exists.is_none() {
            return Ok(SubscribeOutcome::UnknownConnection);
        }
        let channels: Vec<String> = sqlx::query_scalar("SELECT channel FROM ws_subscriptions WHERE connection_id = ?")
            .bind(connection_id)
            .fetch_all(&mut *tx)
            .await
            .map_err(infra)?;
        if channels.contains(&name) {
            return Ok(SubscribeOutcome::Subscribed);
        }
        if channels.len() >= max_channels {
            return Ok(SubscribeOutcome::TooManyChannels);
        }
        sqlx::query("INSERT INTO ws_subscriptions (connection_id, channel) VALUES (?, ?)")
            .bind(connection_id)
            .bind(&name)
            .execute(&mut *tx)
            .await
            .map_err(infra)?;
        tx.commit().await.map_err(infra)?;
        Ok(SubscribeOutcome::Subscribed)
    }

    pub async fn unsubscribe(&self, connection_id: &str, channel: &Channel) -> PortResult<()> {
        sqlx::query("DELETE FROM ws_subscriptions WHERE connection_id = ? AND channel = ?")
            .bind(connection_id)
            .bind(channel.to_string())
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    /// Forget a connection and its subscriptions; whether it was registered.
    pub async fn remove(&self, connection_id: &str) -> PortResult<bool> {
        let done = sqlx::query("DELETE FROM ws_connections WHERE connection_id = ?")
            .bind(connection_id)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(done.rows_affected() > 0)
    }

    /// The connections listening on `channel` whose token is still valid at `now`.
    pub async fn connections_for(&self, channel: &Channel, now: DateTime<Utc>) -> PortResult<Vec<String>> {
        // ascii_bin comes back as bytes.
        let ids: Vec<Vec<u8>> = sqlx::query_scalar(
            "SELECT c.connection_id FROM ws_subscriptions s JOIN ws_connections c ON c.connection_id = s.connection_id
             WHERE s.channel = ? AND c.expires_at > ?",
        )
        .bind(channel.to_string())
        .bind(now)
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        Ok(ids.into_iter().map(|id| String::from_utf8_lossy(&id).into_owned()).collect())
    }

    /// The channels a connection listens on, sorted (tests and diagnostics).
    pub async fn channels_of(&self, connection_id: &str) -> PortResult<Vec<String>> {
        sqlx::query_scalar("SELECT channel FROM ws_subscriptions WHERE connection_id = ? ORDER BY channel")
            .bind(connection_id)
            .fetch_all(&self.pool)
            .await
            .map_err(infra)
    }
}
