//! Ports: everything the domain needs from the outside world, as traits.
//! Implementations live in the `adapters` crate.

mod audit;
mod identity;
mod messaging;
mod notifications;
mod security;
mod settings;

pub use audit::{AuditLog, AuditTrail};
pub use identity::{
    ChallengeRepository, NewUser, OneTimePurpose, OneTimeTokenRepository, ResetRequestRepository, SessionRepository,
    SsoLinkRepository, UserRepository,
};
pub use messaging::{EventPublisher, MailOutbox, NewNotification, Notifier};
pub use notifications::{NotificationPreferenceRepository, NotificationRepository, RecipientDirectory};
pub use settings::{EmailTemplateRepository, SettingsRepository, StoredTemplate, TemplateEngine};
pub use security::{AccessTokenCodec, OidcClient, PasswordHasher, RateDecision, RateLimiter, Secrets, SsoStateStore};

/// Ports answer with this; the domain turns it into `DomainError::Infrastructure`.
pub type PortResult<T> = Result<T, crate::DomainError>;
