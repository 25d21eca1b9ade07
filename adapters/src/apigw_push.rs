//! Real time in the cloud: API Gateway WebSocket holds the sockets, and
//! [`ApiGatewayPush`] delivers each event by posting it to every connection
//! the registry ([`MySqlWsConnections`]) lists for the channel, through the
//! API Gateway Management API (`POST /{stage}/@connections/{id}`, SigV4
//! signed for `execute-api`).

use crate::mysql::MySqlWsConnections;
use aws_sdk_apigatewaymanagement::config::timeout::TimeoutConfig;
use aws_sdk_apigatewaymanagement::primitives::Blob;
use aws_sdk_apigatewaymanagement::Client;
use futures_util::stream::{self, StreamExt};
use hireops_domain::ports::{PortResult, RealtimePush};
use hireops_domain::realtime::{Channel, RealtimeEvent};
use hireops_domain::DomainError;
use std::time::Duration;

/// Posts in flight at once for one event.
const FAN_OUT: usize = 16;
/// A post that takes longer is abandoned (pushes are best effort and must not
/// hold up the use case that caused them).
const POST_TIMEOUT: Duration = Duration::from_secs(5);

/// What became of one post.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    Sent,
    /// The connection is closed (410); it has been removed from the registry.
    Gone,
    /// Anything else; logged.
    Failed,
}

/// Pushes through the API Gateway Management API of one WebSocket stage.
#[derive(Clone)]
pub struct ApiGatewayPush {
    client: Client,
    connections: MySqlWsConnections,
}

impl ApiGatewayPush {
    /// `management_url` is the stage's
    /// `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`; it
    /// overrides any endpoint in `sdk` (such as a local emulator's).
    pub fn new(sdk: &aws_config::SdkConfig, management_url: &str, connections: MySqlWsConnections) -> Self {
        let conf = aws_sdk_apigatewaymanagement::config::Builder::from(sdk)
            .endpoint_url(management_url.trim_end_matches('/'))
            .timeout_config(TimeoutConfig::builder().operation_timeout(POST_TIMEOUT).build())
            .build();
        Self { client: Client::from_conf(conf), connections }
    }

    pub fn connections(&self) -> &MySqlWsConnections {
        &self.connections
    }

    /// Post one frame to one connection. A gone connection is forgotten;
    /// other failures are logged, never returned.
    pub async fn send(&self, connection_id: &str, payload: &[u8]) -> Delivery {
        let posted = self.client.post_to_connection().connection_id(connection_id).data(Blob::new(payload)).send().await;
        match posted {
            Ok(_) => Delivery::Sent,
            Err(e) if e.as_service_error().is_some_and(|s| s.is_gone_exception()) => {
                if let Err(e) = self.connections.remove(connection_id).await {
                    tracing::warn!(connection_id, error = ?e, "realtime: could not forget a gone connection");
                }
                Delivery::Gone
            }
            Err(e) => {
                tracing::warn!(connection_id, error = %aws_sdk_apigatewaymanagement::error::DisplayErrorContext(&e), "realtime: post to connection failed");
                Delivery::Failed
            }
        }
    }

    /// Close a connection at API Gateway and forget it. Best effort: an
    /// already gone connection is fine, other failures are logged.
    pub async fn close(&self, connection_id: &str) {
        if let Err(e) = self.client.delete_connection().connection_id(connection_id).send().await
            && !e.as_service_error().is_some_and(|s| s.is_gone_exception())
        {
            tracing::warn!(connection_id, error = %aws_sdk_apigatewaymanagement::error::DisplayErrorContext(&e), "realtime: closing a connection failed");
        }
        if let Err(e) = self.connections.remove(connection_id).await {
            tracing::warn!(connection_id, error = ?e, "realtime: could not forget a closed connection");
        }
    }
}

#[async_trait::async_trait]
impl RealtimePush for ApiGatewayPush {
    /// Fans out to the channel's unexpired connections, a few at a time.
    /// Only a failed registry lookup is an error; each post is best effort.
    async fn publish(&self, channel: Channel, event: RealtimeEvent) -> PortResult<()> {
        let payload = serde_json::to_vec(&event).map_err(|e| DomainError::Infrastructure(format!("realtime event: {e}")))?;
        let targets = self.connections.connections_for(&channel, chrono::Utc::now()).await?;
        let payload = &payload;
        stream::iter(targets)
            .map(|id| async move { self.send(&id, payload).await })
            .buffer_unordered(FAN_OUT)
            .for_each(|_| async {})
            .await;
        Ok(())
    }
}
