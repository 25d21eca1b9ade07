//! May this caller listen on that channel: the domain rule, answered as a frame.

use super::frames::{self, codes};
use crate::state::AppState;
use hireops_domain::ids::UserId;
use hireops_domain::realtime::{authorize_subscription, Channel};
use hireops_domain::DomainError;
use serde_json::Value;

/// `Ok` when allowed; otherwise the `error` answer (`channel_forbidden`, or
/// `subscribe_failed` when the rule could not be checked).
pub async fn authorize(state: &AppState, user: UserId, channel: Channel) -> Result<(), Value> {
    match authorize_subscription(user, channel, state.realtime_access.as_ref()).await {
        Ok(()) => Ok(()),
        Err(DomainError::Forbidden(code)) => Err(frames::error(code, Some(&channel.to_string()))),
        Err(e) => {
            tracing::warn!(error = ?e, %channel, "realtime: subscription check failed");
            Err(frames::error(codes::SUBSCRIBE_FAILED, Some(&channel.to_string())))
        }
    }
}
