//! Client frames other than subscribe/unsubscribe/join/leave.

use crate::state::AppState;
use hireops_domain::audit::RequestMeta;
use hireops_domain::identity::Principal;
use serde_json::{json, Value};

/// Perform one client frame (already parsed as JSON) for `principal`; the
/// answer frame to send back to that socket, if any.
pub async fn perform(_state: &AppState, _principal: &Principal, _meta: &RequestMeta, frame: &Value) -> Option<Value> {
    Some(json!({"type": "error", "code": "unknown_type", "request_id": frame.get("request_id")}))
}
