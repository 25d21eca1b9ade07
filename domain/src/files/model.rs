//! What a stored file is, and its scan states.

use crate::identity::CompanyOwned;
use crate::ids::{CandidateId, CompanyId, ConversationId, FileId, UserId};
use chrono::{DateTime, Utc};

/// Why the file was uploaded; decides its limits and who links to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    /// A resume uploaded with a public application.
    Resume,
    /// A document added to a candidate profile by a recruiter.
    CandidateDocument,
    /// A message attachment: seen by the conversation's participants only.
    MessageAttachment,
}

impl FilePurpose {
    pub fn as_str(&self) -> &'static str {
        match self {
            FilePurpose::Resume => "resume",
            FilePurpose::CandidateDocument => "candidate_document",
            FilePurpose::MessageAttachment => "message_attachment",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "resume" => FilePurpose::Resume,
            "candidate_document" => FilePurpose::CandidateDocument,
            "message_attachment" => FilePurpose::MessageAttachment,
            _ => return None,
        })
    }
}

/// `awaiting_upload` → `pending` → `clean` | `infected` | `rejected` | `error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VirusStatus {
    /// Presigned; the bytes have not been confirmed yet.
    AwaitingUpload,
    /// Uploaded, queued for the scan.
    Pending,
    /// Scanned clean and of the declared type: may be downloaded.
    Clean,
    /// clamd found a signature; the object is in quarantine.
    Infected,
    /// The object vanished before it could be scanned.
    Error,
    /// Too large, or not the type it claimed to be.
    Rejected,
}

impl VirusStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            VirusStatus::AwaitingUpload => "awaiting_upload",
            VirusStatus::Pending => "pending",
            VirusStatus::Clean => "clean",
            VirusStatus::Infected => "infected",
            VirusStatus::Error => "error",
            VirusStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "awaiting_upload" => VirusStatus::AwaitingUpload,
            "pending" => VirusStatus::Pending,
            "clean" => VirusStatus::Clean,
            "infected" => VirusStatus::Infected,
            "error" => VirusStatus::Error,
            "rejected" => VirusStatus::Rejected,
            _ => return None,
        })
    }
}

/// The role of a document on a candidate profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    Resume,
    CoverLetter,
    Other,
}

impl DocumentKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            DocumentKind::Resume => "resume",
            DocumentKind::CoverLetter => "cover_letter",
            DocumentKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "resume" => DocumentKind::Resume,
            "cover_letter" => DocumentKind::CoverLetter,
            "other" => DocumentKind::Other,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct StoredFile {
    pub id: FileId,
    /// Whose members may see it; `None` for a candidate user's own files.
    pub company_id: Option<CompanyId>,
    pub uploaded_by: Option<UserId>,
    pub purpose: FilePurpose,
    pub object_key: String,
    pub file_name: String,
    pub declared_type: String,
    pub max_size: u64,
    pub size: Option<u64>,
    pub sha256: Option<String>,
    pub sniffed_type: Option<String>,
    pub virus_status: VirusStatus,
    pub scan_detail: Option<String>,
    pub scanned_at: Option<DateTime<Utc>>,
    /// Whether text was extracted (the text itself is only read by search).
    pub has_text: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl CompanyOwned for StoredFile {
    fn owner(&self) -> Option<CompanyId> {
        self.company_id
    }
}

/// What a new file is attached to, stored with it in one transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileLink {
    /// A document on a candidate profile.
    CandidateDocument(CandidateId, DocumentKind),
    /// An attachment uploaded into a conversation (linked to its message when sent).
    MessageAttachment(ConversationId),
}

/// A file linked to a candidate profile.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateDocument {
    pub file: StoredFile,
    pub kind: DocumentKind,
    pub added_at: DateTime<Utc>,
}
