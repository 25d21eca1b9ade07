//! File metadata and downloads, visible like the things the file belongs to.

use super::rules::content_disposition;
use super::{CandidateDocument, FileService, StoredFile, VirusStatus};
use crate::error::{DomainError, DomainResult};
use crate::identity::Principal;
use crate::ids::{CandidateId, FileId};
use chrono::{DateTime, Utc};

#[derive(Clone, Debug)]
pub struct FileDownload {
    pub url: String,
    pub expires_at: DateTime<Utc>,
}

impl FileService {
    /// A file the caller may see: its company's, or linked to a candidate or
    /// application the caller sees; anything else is `NotFound`.
    pub async fn file(&self, actor: &Principal, id: FileId) -> DomainResult<StoredFile> {
        self.d.files.find_visible(id, actor.scope().company_filter()).await?.ok_or(DomainError::NotFound)
    }

    /// A short-lived download link, for clean files only.
    pub async fn download(&self, actor: &Principal, id: FileId) -> DomainResult<FileDownload> {
        let file = self.file(actor, id).await?;
        self.download_link(&file).await
    }

    /// A short-lived download link for a file the caller was already allowed
    /// to see (e.g. an attachment of one of their conversations); clean only.
    pub async fn download_link(&self, file: &StoredFile) -> DomainResult<FileDownload> {
        downloadable(file.virus_status)?;
        let ttl = self.d.limits.download_ttl;
        let url = self.d.storage.presign_download(&file.object_key, &content_disposition(&file.file_name), ttl).await?;
        Ok(FileDownload { url, expires_at: self.d.clock.now() + chrono::Duration::from_std(ttl).unwrap_or_default() })
    }

    /// The documents of a candidate the caller sees.
    pub async fn candidate_documents(&self, actor: &Principal, candidate: CandidateId) -> DomainResult<Vec<CandidateDocument>> {
        self.d.files.visible_candidate(candidate, actor.scope().company_filter()).await?.ok_or(DomainError::NotFound)?;
        self.d.files.candidate_documents(candidate).await
    }
}

/// Only clean files are served; blocked ones never, the rest not yet.
fn downloadable(status: VirusStatus) -> DomainResult<()> {
    match status {
        VirusStatus::Clean => Ok(()),
        VirusStatus::Infected | VirusStatus::Rejected => Err(DomainError::Forbidden("file_blocked")),
        VirusStatus::AwaitingUpload | VirusStatus::Pending | VirusStatus::Error => Err(DomainError::Conflict("file_not_clean")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_clean_files_are_served() {
        assert!(downloadable(VirusStatus::Clean).is_ok());
        for s in [VirusStatus::Infected, VirusStatus::Rejected] {
            assert!(matches!(downloadable(s), Err(DomainError::Forbidden("file_blocked"))));
        }
        for s in [VirusStatus::AwaitingUpload, VirusStatus::Pending, VirusStatus::Error] {
            assert!(matches!(downloadable(s), Err(DomainError::Conflict("file_not_clean"))));
        }
    }
}
