//! Attachment use cases: presign into a conversation, confirm the upload,
//! read and download — participants only — and announce scan results live.

use super::{live, Attachment, AttachmentInfo, MessagingService};
use crate::audit::RequestMeta;
use crate::error::{DomainError, DomainResult};
use crate::files::{ExternalScanReport, FileDownload, FileService, PresignedFileUpload, ScanResult, StoredFile, UploadRequest};
use crate::identity::Principal;
use crate::ids::{ConversationId, FileId};

/// What messaging needs from the file pipeline (implemented by [`FileService`]).
#[async_trait::async_trait]
pub trait AttachmentFiles: Send + Sync {
    async fn presign_message_attachment(&self, actor: &Principal, conversation: ConversationId, req: UploadRequest) -> DomainResult<PresignedFileUpload>;
    async fn queue_scan(&self, file: StoredFile) -> DomainResult<StoredFile>;
    async fn download_link(&self, file: &StoredFile) -> DomainResult<FileDownload>;
    async fn record_external_scan(&self, id: FileId, report: ExternalScanReport) -> DomainResult<ScanResult>;
}

#[async_trait::async_trait]
impl AttachmentFiles for FileService {
    async fn presign_message_attachment(&self, actor: &Principal, conversation: ConversationId, req: UploadRequest) -> DomainResult<PresignedFileUpload> {
        FileService::presign_message_attachment(self, actor, conversation, req).await
    }
    async fn queue_scan(&self, file: StoredFile) -> DomainResult<StoredFile> {
        FileService::queue_scan(self, file).await
    }
    async fn download_link(&self, file: &StoredFile) -> DomainResult<FileDownload> {
        FileService::download_link(self, file).await
    }
    async fn record_external_scan(&self, id: FileId, report: ExternalScanReport) -> DomainResult<ScanResult> {
        FileService::record_external_scan(self, id, report).await
    }
}

impl MessagingService {
    /// A presigned upload into a conversation the caller may speak in.
    pub async fn presign_attachment(&self, caller: &Principal, id: ConversationId, req: UploadRequest, meta: &RequestMeta) -> DomainResult<PresignedFileUpload> {
        self.speaking(caller, id, meta).await?;
        self.d.files.presign_message_attachment(caller, id, req).await
    }

    /// An attachment of a conversation the caller takes part in; else `NotFound`.
    pub async fn attachment(&self, caller: &Principal, id: FileId) -> DomainResult<Attachment> {
        let found = self.d.store.attachments(&[id]).await?.into_iter().next().ok_or(DomainError::NotFound)?;
        if !self.d.store.is_participant(found.conversation_id, caller.user_id).await? {
            return Err(DomainError::NotFound);
        }
        Ok(found)
    }

    /// The uploader says the bytes are in place: queue the scan (idempotent)
    /// and tell the conversation it is pending.
    pub async fn attachment_uploaded(&self, caller: &Principal, id: FileId) -> DomainResult<Attachment> {
        let mut found = self.attachment(caller, id).await?;
        if found.file.uploaded_by != Some(caller.user_id) {
            return Err(DomainError::Forbidden("not_uploader"));
        }
        let before = found.file.virus_status;
        found.file = self.d.files.queue_scan(found.file).await?;
        if found.file.virus_status != before {
            self.announce(&found).await;
        }
        Ok(found)
    }

    /// A short-lived download link: participants only, clean files only.
    pub async fn attachment_download(&self, caller: &Principal, id: FileId) -> DomainResult<FileDownload> {
        let found = self.attachment(caller, id).await?;
        self.d.files.download_link(&found.file).await
    }

    /// An external scanner's verdict on an attachment (the route checked the
    /// service credential). Anything but an attachment is `NotFound`.
    pub async fn record_external_scan(&self, id: FileId, report: ExternalScanReport) -> DomainResult<ScanResult> {
        if self.d.store.attachments(&[id]).await?.is_empty() {
            return Err(DomainError::NotFound);
        }
        let result = self.d.files.record_external_scan(id, report).await?;
        if matches!(result, ScanResult::Scanned { .. }) {
            self.attachment_scanned(id).await;
        }
        Ok(result)
    }

    /// After a scan (ours or an external scanner's): push the file's state to
    /// its conversation when it is an attachment. Best effort.
    pub async fn attachment_scanned(&self, id: FileId) {
        match self.d.store.attachments(&[id]).await {
            Ok(found) => {
                if let Some(a) = found.first() {
                    self.announce(a).await;
                }
            }
            Err(e) => tracing::warn!(file_id = %id, error = %e, "attachment state not pushed: lookup failed"),
        }
    }

    async fn announce(&self, a: &Attachment) {
        let event = live::attachment_status(a.conversation_id, a.message_id, &AttachmentInfo::of(&a.file), self.d.clock.now());
        live::push_all(self.d.push.as_ref(), vec![event]).await;
    }
}

/// Conversation channels for the real-time layer: participants may listen.
pub struct ConversationChannels(pub std::sync::Arc<dyn crate::ports::ConversationStore>);

#[async_trait::async_trait]
impl crate::ports::ConversationChannelAccess for ConversationChannels {
    async fn may_listen(&self, user: crate::ids::UserId, conversation: uuid::Uuid) -> crate::ports::PortResult<bool> {
        self.0.is_participant(ConversationId(conversation), user).await
    }
}
