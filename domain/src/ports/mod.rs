//! Ports: everything the domain needs from the outside world, as traits.
//! Implementations live in the `adapters` crate.

mod applications;
mod audit;
mod candidates;
mod companies;
mod identity;
mod imports;
mod messaging;
mod roles;
mod notifications;
mod pipelines;
mod security;
mod settings;
mod jobs;
mod insights;
mod files;
mod messaging_store;
mod realtime;

pub use applications::{ApplicationStore, JobStageStore};
pub use audit::{AuditLog, AuditTrail};
pub use candidates::{CandidateRepository, NewCandidate, SavedJobRepository};
pub use companies::CompanyRepository;
pub use roles::RoleRepository;
pub use identity::{
    ChallengeRepository, NewUser, OneTimePurpose, OneTimeTokenRepository, ResetRequestRepository, SessionRepository,
    SsoLinkRepository, UserRepository,
};
pub use imports::{ImportWorkQueue, UserImportRepository};
pub use messaging::{EventPublisher, MailOutbox, NewNotification, Notifier};
pub use pipelines::PipelineTemplateStore;
pub use jobs::JobRepository;
pub use notifications::{NotificationPreferenceRepository, NotificationRepository, RecipientDirectory};
pub use settings::{EmailTemplateRepository, SettingsRepository, StoredTemplate, TemplateEngine};
pub use insights::{InsightsRepository, PipelineRows};
pub use files::{CandidateRef, FileRepository, FileScanner, FileStorage, Inspection, PresignedPost, ScanQueue, TextExtractor, VirusVerdict};
pub use messaging_store::ConversationStore;
pub use realtime::{ConversationChannelAccess, RealtimePush};
pub use security::{AccessTokenCodec, OidcClient, PasswordHasher, RateDecision, RateLimiter, Secrets, SsoStateStore};

/// Ports answer with this; the domain turns it into `DomainError::Infrastructure`.
pub type PortResult<T> = Result<T, crate::DomainError>;
