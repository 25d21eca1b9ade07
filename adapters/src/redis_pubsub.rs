//! Real-time fan-out across local processes through Redis pub/sub.
//!
//! [`RedisPush`] publishes each event to `{prefix}rt:{channel}`. Every process
//! runs one [`spawn_listener`] task that PSUBSCRIBEs `{prefix}rt:*` and hands
//! what arrives to its in-process [`RealtimeHub`], which keeps one tokio
//! broadcast per channel that has at least one local socket.

use crate::redis::RedisStore;
use futures_util::StreamExt;
use hireops_domain::ports::{PortResult, RealtimePush};
use hireops_domain::realtime::{Channel, RealtimeEvent};
use hireops_domain::DomainError;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::broadcast;
use tokio::task::JoinHandle;

/// Events buffered per channel before a slow receiver lags.
const CHANNEL_BUFFER: usize = 64;

/// Publishes events to Redis; every process's listener delivers them.
#[derive(Clone, Debug)]
pub struct RedisPush {
    store: RedisStore,
}

impl RedisPush {
    pub fn new(store: RedisStore) -> Self {
        Self { store }
    }
}

/// The Redis channel carrying a real-time channel.
pub fn redis_channel(prefix: &str, channel: &Channel) -> String {
    format!("{prefix}rt:{channel}")
}

#[async_trait::async_trait]
impl RealtimePush for RedisPush {
    async fn publish(&self, channel: Channel, event: RealtimeEvent) -> PortResult<()> {
        let payload = serde_json::to_string(&event).map_err(|e| DomainError::Infrastructure(format!("realtime event: {e}")))?;
        let mut conn = self.store.connection();
        let _receivers: i64 = ::redis::cmd("PUBLISH")
            .arg(redis_channel(self.store.key_prefix(), &channel))
            .arg(payload)
            .query_async(&mut conn)
            .await
            .map_err(|e| DomainError::Infrastructure(format!("redis publish: {e}")))?;
        Ok(())
    }
}

/// A channel's broadcast and how many local subscriptions hold it.
type Channels = HashMap<String, (broadcast::Sender<Arc<str>>, usize)>;

/// In-process fan-out: one broadcast per channel with local subscribers.
#[derive(Clone, Default)]
pub struct RealtimeHub {
    channels: Arc<Mutex<Channels>>,
}

/// A socket's membership of one channel; leaving drops the channel's
/// broadcast when it was the last one.
pub struct Subscription {
    hub: RealtimeHub,
    channel: String,
    pub receiver: broadcast::Receiver<Arc<str>>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut map = self.hub.channels.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, count)) = map.get_mut(&self.channel) {
            *count -= 1;
            if *count == 0 {
                map.remove(&self.channel);
            }
        }
    }
}

impl RealtimeHub {
    pub fn subscribe(&self, channel: &Channel) -> Subscription {
        let name = channel.to_string();
        let mut map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        let entry = map.entry(name.clone()).or_insert_with(|| (broadcast::channel(CHANNEL_BUFFER).0, 0));
        entry.1 += 1;
        let receiver = entry.0.subscribe();
        Subscription { hub: self.clone(), channel: name, receiver }
    }

    /// Hand a payload to the local sockets of `channel`; none is fine.
    pub fn dispatch(&self, channel: &str, payload: Arc<str>) {
        let map = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((sender, _)) = map.get(channel) {
            let _ = sender.send(payload);
        }
    }

    /// Channels with at least one local subscriber.
    pub fn active_channels(&self) -> usize {
        self.channels.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

/// Listen on `{prefix}rt:*` and feed the hub, reconnecting with backoff
/// (0.5 s doubling to 30 s) whenever Redis drops. The watch turns true once
/// the pattern subscription is in place (and again after each reconnect).
pub fn spawn_listener(redis_url: String, prefix: String, hub: RealtimeHub) -> (JoinHandle<()>, tokio::sync::watch::Receiver<bool>) {
    let (ready_tx, ready_rx) = tokio::sync::watch::channel(false);
    let handle = tokio::spawn(async move {
        let pattern = format!("{prefix}rt:*");
        let strip = format!("{prefix}rt:");
        let mut backoff = Duration::from_millis(500);
        loop {
            let _ = ready_tx.send(false);
            match listen_once(&redis_url, &pattern, &strip, &hub, &mut backoff, &ready_tx).await {
                Ok(()) => tracing::warn!("realtime: Redis subscription ended; reconnecting"),
                Err(e) => tracing::warn!(error = %e, "realtime: Redis subscription failed; reconnecting"),
            }
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(Duration::from_secs(30));
        }
    });
    (handle, ready_rx)
}

async fn listen_once(url: &str, pattern: &str, strip: &str, hub: &RealtimeHub, backoff: &mut Duration, ready: &tokio::sync::watch::Sender<bool>) -> ::redis::RedisResult<()> {
    let client = ::redis::Client::open(url)?;
    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.psubscribe(pattern).await?;
    *backoff = Duration::from_millis(500);
    let _ = ready.send(true);
    let mut stream = pubsub.on_message();
    while let Some(msg) = stream.next().await {
        let Some(channel) = msg.get_channel_name().strip_prefix(strip) else { continue };
        match std::str::from_utf8(msg.get_payload_bytes()) {
            Ok(payload) => hub.dispatch(channel, Arc::from(payload)),
            Err(_) => tracing::warn!(channel, "realtime: non-UTF-8 payload dropped"),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use hireops_domain::ids::UserId;

    #[tokio::test]
    async fn the_hub_delivers_to_subscribers_and_forgets_channels_nobody_listens_on() {
        let hub = RealtimeHub::default();
        let (me, other) = (Channel::User(UserId::new()), Channel::User(UserId::new()));
        let mut first = hub.subscribe(&me);
        let second = hub.subscribe(&me);
        assert_eq!(hub.active_channels(), 1);
        hub.dispatch(&me.to_string(), Arc::from("hello"));
        hub.dispatch(&other.to_string(), Arc::from("not for me"));
        assert_eq!(&*first.receiver.recv().await.unwrap(), "hello");
        assert!(first.receiver.try_recv().is_err(), "nothing from another channel");
        drop(second);
        assert_eq!(hub.active_channels(), 1, "one subscription left");
        drop(first);
        assert_eq!(hub.active_channels(), 0);
    }
}
