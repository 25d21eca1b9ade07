//! HTTP plumbing shared by every route: errors, JSON input, the caller, throttling.

pub mod caller;
pub mod error;
pub mod extract;
pub mod json;
pub mod paging;
pub mod service_credential;
pub mod throttle;

pub use caller::{Caller, ClientMeta};
pub use error::{ApiError, ApiResult};
pub use extract::{ApiPath, ApiQuery};
pub use json::ApiJson;
pub use paging::{PageQuery, Paginated};
