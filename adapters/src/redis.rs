//! Redis: shared rate limiting and short-lived SSO state.

use ::redis::AsyncCommands;
use ::redis::aio::ConnectionManager;
use anyhow::Context;
use hireops_domain::DomainError;
use hireops_domain::auth::SsoPending;
use hireops_domain::ports::{PortResult, RateDecision, RateLimiter, SsoStateStore};
use std::sync::Arc;
use std::time::Duration;

/// Fixed-window counter: INCR, start the window's expiry on the first hit
/// (or repair a key that lost its TTL), answer `{count, pttl_ms}` atomically.
const RATE_SCRIPT: &str = r#"
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
"#;

/// A reconnecting Redis connection with a key prefix; cheap to clone.
#[derive(Clone)]
pub struct RedisStore {
    conn: ConnectionManager,
    prefix: String,
    rate_script: Arc<::redis::Script>,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisStore")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

fn infra(e: impl std::fmt::Display) -> DomainError {
    DomainError::Infrastructure(format!("redis: {e}"))
}

impl RedisStore {
    /// Connect to `url` (`redis://` or `rediss://`); every key is prefixed with `key_prefix`.
    pub async fn connect(url: &str, key_prefix: &str) -> anyhow::Result<Self> {
        let client = ::redis::Client::open(url).context("invalid Redis URL")?;
        let config = ::redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(Duration::from_secs(5))
            .set_response_timeout(Duration::from_secs(5))
            .set_number_of_retries(3);
        let conn = client
            .get_connection_manager_with_config(config)
            .await
            .context("connecting to Redis")?;
        Ok(Self {
            conn,
            prefix: key_prefix.to_owned(),
            rate_script: Arc::new(::redis::Script::new(RATE_SCRIPT)),
        })
    }

    /// The shared connection (for the real-time publisher).
    pub(crate) fn connection(&self) -> ConnectionManager {
        self.conn.clone()
    }

    pub fn key_prefix(&self) -> &str {
        &self.prefix
    }

    fn key(&self, kind: &str, key: &str) -> String {
        format!("{}{kind}:{key}", self.prefix)
    }

    /// Health check.
    pub async fn ping(&self) -> anyhow::Result<()> {
        let mut conn = self.conn.clone();
        let pong: String = ::redis::cmd("PING")
            .query_async(&mut conn)
            .await
            .context("Redis PING")?;
        anyhow::ensure!(pong == "PONG", "Redis PING answered {pong:?}");
        Ok(())
    }
}

#[async_trait::async_trait]
impl RateLimiter for RedisStore {
    async fn hit(&self, key: &str, limit: u32, window: Duration) -> PortResult<RateDecision> {
        let window_ms = u64::try_from(window.as_millis()).unwrap_or(u64::MAX).max(1);
        let mut conn = self.conn.clone();
        let (count, ttl_ms): (u64, i64) = self
            .rate_script
            .key(self.key("rl", key))
            .arg(window_ms)
            .invoke_async(&mut conn)
            .await
            .map_err(infra)?;
        if count <= u64::from(limit) {
            return Ok(RateDecision::Allowed);
        }
        let ttl_ms = u64::try_from(ttl_ms).unwrap_or(window_ms).min(window_ms);
        // Whole seconds (HTTP Retry-After), rounded up, never below one second.
        let secs = ttl_ms.div_ceil(1000).max(1);
        Ok(RateDecision::Limited {
            retry_after: Duration::from_secs(secs),
        })
    }
}

#[async_trait::async_trait]
impl SsoStateStore for RedisStore {
    async fn put(&self, state: &str, pending: &SsoPending, ttl: Duration) -> PortResult<()> {
        let json = serde_json::to_string(pending).map_err(infra)?;
        let mut conn = self.conn.clone();
        let ttl_ms = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1);
        let _: () = ::redis::cmd("SET")
            .arg(self.key("sso", state))
            .arg(json)
            .arg("PX")
            .arg(ttl_ms)
            .query_async(&mut conn)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn take(&self, state: &str) -> PortResult<Option<SsoPending>> {
        let mut conn = self.conn.clone();
        let json: Option<String> = conn.get_del(self.key("sso", state)).await.map_err(infra)?;
        match json {
            None => Ok(None),
            Some(j) => serde_json::from_str(&j).map(Some).map_err(infra),
        }
    }
}
