//! Presigned uploads (public resumes, candidate documents) and the
//! "uploaded" confirmation that queues the scan.

use super::rules::{object_key, parse_kind, validate_upload, validation, UploadRequest, ATTACHMENT_TYPES, RESUME_TYPES};
use super::{FileLink, FilePurpose, FileService, StoredFile, VirusStatus};
use crate::error::{DomainError, DomainResult};
use crate::identity::Principal;
use crate::ids::{CandidateId, CompanyId, ConversationId, FileId, JobId, UserId};
use crate::ports::CandidateRef;
use chrono::{DateTime, Utc};

/// The answer to a presign: where and how to POST the bytes.
#[derive(Clone, Debug)]
pub struct PresignedFileUpload {
    pub file: StoredFile,
    /// Proves to `POST /api/files/{id}/uploaded` that the caller got this presign.
    pub upload_token: String,
    pub url: String,
    pub fields: Vec<(String, String)>,
    pub expires_at: DateTime<Utc>,
    pub max_size: u64,
}

/// `POST /api/candidates/{id}/documents` as the domain receives it.
#[derive(Clone, Debug)]
pub struct CandidateDocumentUpload {
    pub upload: UploadRequest,
    /// `resume`, `cover_letter` or `other`.
    pub kind: String,
}

impl FileService {
    /// A resume upload for a public application to `job` (published, open,
    /// not deleted; else 404). The file belongs to the job's company.
    pub async fn presign_public_resume(&self, job: JobId, req: UploadRequest) -> DomainResult<PresignedFileUpload> {
        let company = self.d.files.public_job_company(job).await?.ok_or(DomainError::NotFound)?;
        let valid = validate_upload(&req, RESUME_TYPES, self.d.limits.resume_max_bytes).map_err(validation)?;
        self.presign(Some(company), None, FilePurpose::Resume, valid, None, self.d.limits.resume_max_bytes).await
    }

    /// A document for a candidate profile owned by the caller's company.
    pub async fn presign_candidate_document(&self, actor: &Principal, candidate: CandidateId, input: CandidateDocumentUpload) -> DomainResult<PresignedFileUpload> {
        let found = self.owned_candidate(actor, candidate).await?;
        let kind = parse_kind(&input.kind);
        let valid = validate_upload(&input.upload, RESUME_TYPES, self.d.limits.resume_max_bytes);
        let (kind, valid) = match (kind, valid) {
            (Ok(k), Ok(v)) => (k, v),
            (k, v) => {
                let mut errors = v.err().unwrap_or_default();
                if let Err(DomainError::Validation(e)) = k {
                    errors.extend(e);
                }
                return Err(validation(errors));
            }
        };
        let link = FileLink::CandidateDocument(candidate, kind);
        self.presign(found.company_id, Some(actor.user_id), FilePurpose::CandidateDocument, valid, Some(link), self.d.limits.resume_max_bytes).await
    }

    /// An attachment for `conversation`, uploaded by `actor` (the caller
    /// checks that the actor takes part in it). Stored under the uploader's
    /// company, but seen only through the conversation.
    pub async fn presign_message_attachment(&self, actor: &Principal, conversation: ConversationId, req: UploadRequest) -> DomainResult<PresignedFileUpload> {
        let max = self.d.limits.attachment_max_bytes;
        let valid = validate_upload(&req, ATTACHMENT_TYPES, max).map_err(validation)?;
        let link = FileLink::MessageAttachment(conversation);
        self.presign(actor.company_id, Some(actor.user_id), FilePurpose::MessageAttachment, valid, Some(link), max).await
    }

    async fn owned_candidate(&self, actor: &Principal, candidate: CandidateId) -> DomainResult<CandidateRef> {
        let found = self.d.files.visible_candidate(candidate, actor.scope().company_filter()).await?.ok_or(DomainError::NotFound)?;
        // Seeing a profile that applied to our jobs is read-only: documents
        // are added by the company that owns the profile.
        if found.company_id.is_none() || !actor.scope().contains(found.company_id) {
            return Err(DomainError::NotFound);
        }
        Ok(found)
    }

    async fn presign(
        &self,
        company: Option<CompanyId>,
        uploaded_by: Option<UserId>,
        purpose: FilePurpose,
        valid: super::ValidUpload,
        link: Option<FileLink>,
        max_size: u64,
    ) -> DomainResult<PresignedFileUpload> {
        let now = self.d.clock.now();
        let id = FileId::new();
        let file = StoredFile {
            id,
            company_id: company,
            uploaded_by,
            purpose,
            object_key: object_key(company, id, &valid.file_name),
            file_name: valid.file_name,
            declared_type: valid.content_type,
            max_size,
            size: None,
            sha256: None,
            sniffed_type: None,
            virus_status: VirusStatus::AwaitingUpload,
            scan_detail: None,
            scanned_at: None,
            has_text: false,
            created_at: now,
            updated_at: now,
        };
        let ttl = self.d.limits.upload_ttl;
        let post = self.d.storage.presign_upload(&file.object_key, &file.declared_type, max_size, ttl).await?;
        self.d.files.create(&file, link, now).await?;
        Ok(PresignedFileUpload {
            upload_token: self.d.secrets.digest(&Self::upload_secret(id)),
            url: post.url,
            fields: post.fields,
            expires_at: now + chrono::Duration::from_std(ttl).unwrap_or_default(),
            max_size,
            file,
        })
    }

    /// The uploader says the bytes are in place. Idempotent: only an
    /// `awaiting_upload` file is checked and queued; otherwise the current
    /// state is answered. A wrong token is `NotFound`.
    pub async fn confirm_upload(&self, id: FileId, upload_token: &str) -> DomainResult<StoredFile> {
        let file = self.d.files.find(id).await?.ok_or(DomainError::NotFound)?;
        if !self.d.secrets.matches(&Self::upload_secret(id), upload_token.trim()) {
            return Err(DomainError::NotFound);
        }
        self.queue_scan(file).await
    }

    /// Queue the scan of a file whose bytes the uploader says are in place
    /// (the caller has checked who may say so). Idempotent.
    pub async fn queue_scan(&self, file: StoredFile) -> DomainResult<StoredFile> {
        let id = file.id;
        if file.virus_status != VirusStatus::AwaitingUpload {
            return Ok(file);
        }
        if !self.d.storage.exists(&file.object_key).await? {
            return Err(DomainError::Conflict("upload_missing"));
        }
        // Queue first: a message for a file still awaiting upload is taken
        // as pending by the consumer, so a crash here never strands a file.
        self.d.scan_queue.enqueue(id).await?;
        self.d.files.mark_pending(id, self.d.clock.now()).await?;
        self.d.files.find(id).await?.ok_or(DomainError::NotFound)
    }
}
