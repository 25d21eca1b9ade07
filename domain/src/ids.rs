//! Typed identifiers. UUIDv7 everywhere so ids sort by creation time.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self { Self(Uuid::now_v7()) }
            pub fn as_uuid(&self) -> Uuid { self.0 }
        }
        impl Default for $name { fn default() -> Self { Self::new() } }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { self.0.fmt(f) }
        }
        impl From<Uuid> for $name { fn from(u: Uuid) -> Self { Self(u) } }
        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> { Uuid::parse_str(s).map(Self) }
        }
    )*};
}

id_type!(
    /// A person who signs in.
    UserId,
    /// An agency or employer tenant.
    CompanyId,
    /// A system or custom role.
    RoleId,
    /// A chain of rotated refresh tokens born from one sign-in.
    SessionFamilyId,
    /// One refresh token of a family.
    RefreshTokenId,
    /// A pending email 2FA code.
    ChallengeId,
    /// A password reset request awaiting approval.
    ResetRequestId,
    /// One row of the append-only audit log.
    AuditEntryId,
    /// A single-use token (email verification, reset link, activation).
    OneTimeTokenId,
    /// One CSV user import.
    UserImportId,
    /// A job opening or a client requirement.
    JobId,
    /// One stage of a job's pipeline.
    StageId,
    /// A candidate profile (company-owned, or a candidate user's own).
    CandidateId,
    /// A candidate in a job's pipeline.
    ApplicationId,
    /// One row of an application's stage history.
    HistoryEntryId,
    /// A rating and comment on an application.
    FeedbackId,
    /// An internal note on a candidate.
    NoteId,
    /// A skill, experience or education entry of a candidate profile.
    ProfileItemId,
    /// An uploaded file (resume, document, attachment) and its scan state.
    FileId,
    /// A messaging conversation between two or more users.
    ConversationId,
    /// One message of a conversation.
    MessageId,
);
