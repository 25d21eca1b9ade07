//! In-app notifications: the feed each user reads, which events also email
//! them, and what each domain event produces.

mod catalogue;
mod feed;
mod live;
mod preferences;
mod reactions;
mod service;

pub use catalogue::{kind_info, KindInfo, KINDS};
pub use feed::{FeedOrder, FeedQuery, Notification};
pub use preferences::{effective_preferences, validate_preferences, Preference};
pub use reactions::{account_created, application_created, application_path, application_stage_changed, OWN_APPLICATIONS_PATH, delivery_mail_id, password_reset_requested, Delivery, REVIEW_RESETS_PATH};
pub use live::push_created;
pub use service::{NotificationDeps, NotificationService};
