//! HTTP plumbing shared by every route: errors, JSON input, the caller, throttling.

pub mod caller;
pub mod error;
pub mod json;
pub mod throttle;

pub use caller::{Caller, ClientMeta};
pub use error::{ApiError, ApiResult};
pub use json::ApiJson;
