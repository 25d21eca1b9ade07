//! The scan of one uploaded file: verdict, type check, quarantine, text.

use super::rules::{cap_text, quarantine_key, type_matches, EXTRACTED_TEXT_MAX_BYTES};
use super::{FileService, StoredFile, VirusStatus};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::ids::FileId;
use crate::ports::{Inspection, VirusVerdict};

const DETAIL_MAX: usize = 255;

/// What asked for the scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScanTrigger {
    /// Our own message after `POST /api/files/{id}/uploaded`.
    Requested(FileId),
    /// The bucket's ObjectCreated notification, by object key.
    ObjectCreated(String),
}

/// What a finished scan stores.
#[derive(Clone, Debug, PartialEq)]
pub struct ScanOutcome {
    pub status: VirusStatus,
    pub detail: Option<String>,
    pub size: Option<u64>,
    pub sha256: Option<String>,
    pub sniffed_type: Option<String>,
    /// The object's new key (quarantine), when it moved.
    pub object_key: Option<String>,
    pub extracted_text: Option<String>,
    /// Why text extraction failed (logged, never blocks `clean`).
    pub extraction_error: Option<String>,
}

/// An external scanner's verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExternalVerdict {
    Clean,
    /// The signature found.
    Infected(String),
    /// The scanner could not decide; the file is not served.
    Error(String),
}

/// What an external scanner reports for one file. A clean verdict must say
/// what it scanned (`size`, `mime`), so the size and type rules still apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalScanReport {
    pub verdict: ExternalVerdict,
    pub size: Option<u64>,
    pub sha256: Option<String>,
    pub mime: Option<String>,
}

impl ExternalScanReport {
    fn validated(mut self) -> DomainResult<Self> {
        let mut errors = Vec::new();
        if let Some(h) = &self.sha256 {
            let h = h.trim().to_ascii_lowercase();
            if h.len() != 64 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
                errors.push(FieldError::new("sha256", "invalid_sha256", "must be 64 hexadecimal characters"));
            }
            self.sha256 = Some(h);
        }
        self.mime = self.mime.map(|m| m.trim().to_ascii_lowercase()).filter(|m| !m.is_empty());
        if let Some(m) = &self.mime
            && (m.len() > 127 || !m.contains('/') || m.chars().any(|c| c.is_whitespace() || c.is_control()))
        {
            errors.push(FieldError::new("mime", "invalid_mime", "must be a media type such as application/pdf"));
        }
        match &mut self.verdict {
            ExternalVerdict::Clean => {
                if self.size.is_none() {
                    errors.push(FieldError::new("size", "required", "a clean verdict must give the size scanned"));
                }
                if self.mime.is_none() {
                    errors.push(FieldError::new("mime", "required", "a clean verdict must give the type found"));
                }
            }
            ExternalVerdict::Infected(sig) | ExternalVerdict::Error(sig) => {
                *sig = sig.trim().chars().filter(|c| !c.is_control()).collect();
                if sig.is_empty() {
                    errors.push(FieldError::new("detail", "required", "name the signature or the error"));
                }
            }
        }
        if errors.is_empty() { Ok(self) } else { Err(DomainError::Validation(errors)) }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ScanResult {
    /// No file has this id or key (e.g. an object we did not presign).
    Unknown,
    /// Not pending: scanned before (redelivery) or never uploaded.
    Skipped(VirusStatus),
    Scanned { file: FileId, outcome: ScanOutcome },
}

/// The verdict on inspected bytes. A virus wins over every other finding.
pub(super) fn decide(file: &StoredFile, inspection: &Inspection) -> ScanOutcome {
    let (status, detail) = match &inspection.verdict {
        VirusVerdict::Infected(signature) => (VirusStatus::Infected, Some(signature.clone())),
        VirusVerdict::Clean if inspection.size > file.max_size => (VirusStatus::Rejected, Some(format!("too_large: over {} bytes", file.max_size))),
        VirusVerdict::Clean if inspection.size == 0 => (VirusStatus::Rejected, Some("empty".to_string())),
        VirusVerdict::Clean if !type_matches(&file.declared_type, inspection.sniffed_type.as_deref()) => (
            VirusStatus::Rejected,
            Some(format!("type_mismatch: declared {}, found {}", file.declared_type, inspection.sniffed_type.as_deref().unwrap_or("unknown"))),
        ),
        VirusVerdict::Clean => (VirusStatus::Clean, None),
    };
    ScanOutcome {
        status,
        detail: detail.map(|d| cap_text(d, DETAIL_MAX)),
        size: Some(inspection.size),
        sha256: Some(inspection.sha256.clone()),
        sniffed_type: inspection.sniffed_type.clone(),
        object_key: None,
        extracted_text: None,
        extraction_error: None,
    }
}

impl FileService {
    /// Scan a pending file once. Redelivered messages of finished files are
    /// skipped; an unreachable scanner or store is an error, so the message
    /// is retried and the file stays `pending`.
    pub async fn scan(&self, trigger: ScanTrigger) -> DomainResult<ScanResult> {
        let found = match &trigger {
            ScanTrigger::Requested(id) => self.d.files.find(*id).await?,
            ScanTrigger::ObjectCreated(key) => self.d.files.find_by_key(key).await?,
        };
        let Some(mut file) = found else { return Ok(ScanResult::Unknown) };
        if file.virus_status == VirusStatus::AwaitingUpload {
            // Ours or the confirmation's: either way it is pending now
            // (unless something else finished it meanwhile).
            self.d.files.mark_pending(file.id, self.d.clock.now()).await?;
            file = self.d.files.find(file.id).await?.ok_or(crate::DomainError::NotFound)?;
        }
        if file.virus_status != VirusStatus::Pending {
            return Ok(ScanResult::Skipped(file.virus_status));
        }
        let outcome = match self.d.scanner.inspect(&file.object_key, file.max_size).await? {
            Some(inspection) => self.act_on(&file, inspection).await?,
            None => self.missing(&file).await?,
        };
        if self.d.files.finish_scan(file.id, &outcome, self.d.clock.now()).await? {
            Ok(ScanResult::Scanned { file: file.id, outcome })
        } else {
            // A concurrent delivery finished first.
            let now = self.d.files.find(file.id).await?.map(|f| f.virus_status).unwrap_or(VirusStatus::Error);
            Ok(ScanResult::Skipped(now))
        }
    }

    async fn act_on(&self, file: &StoredFile, inspection: Inspection) -> DomainResult<ScanOutcome> {
        let mut outcome = decide(file, &inspection);
        match outcome.status {
            VirusStatus::Infected => {
                let to = quarantine_key(&file.object_key);
                self.d.storage.copy(&file.object_key, &to).await?;
                self.d.storage.delete(&file.object_key).await?;
                outcome.object_key = Some(to);
            }
            // Only profile documents feed search; attachments are not indexed.
            VirusStatus::Clean if file.purpose != super::FilePurpose::MessageAttachment => {
                if let (Some(bytes), Some(ty)) = (inspection.content, outcome.sniffed_type.clone()) {
                    match self.d.extractor.extract(bytes, &ty).await {
                        Ok(text) => {
                            outcome.extracted_text = text.map(|t| cap_text(t, EXTRACTED_TEXT_MAX_BYTES)).filter(|t| !t.trim().is_empty());
                        }
                        Err(e) => outcome.extraction_error = Some(e),
                    }
                }
            }
            _ => {}
        }
        Ok(outcome)
    }

    /// Record the verdict of an external scanner (`POST …/scan-complete`,
    /// authenticated by a service credential). Same rules as our own scan:
    /// only a pending file takes a verdict, a virus quarantines the object, a
    /// size over the limit or a type other than declared is `rejected`.
    pub async fn record_external_scan(&self, id: FileId, report: ExternalScanReport) -> DomainResult<ScanResult> {
        let report = report.validated()?;
        let Some(mut file) = self.d.files.find(id).await? else { return Err(crate::DomainError::NotFound) };
        if file.virus_status == VirusStatus::AwaitingUpload {
            self.d.files.mark_pending(file.id, self.d.clock.now()).await?;
            file = self.d.files.find(file.id).await?.ok_or(crate::DomainError::NotFound)?;
        }
        if file.virus_status != VirusStatus::Pending {
            return Ok(ScanResult::Skipped(file.virus_status));
        }
        let outcome = match report.verdict {
            ExternalVerdict::Error(detail) => ScanOutcome {
                status: VirusStatus::Error,
                detail: Some(cap_text(format!("external_scanner: {detail}"), DETAIL_MAX)),
                size: report.size,
                sha256: report.sha256,
                sniffed_type: report.mime,
                object_key: None,
                extracted_text: None,
                extraction_error: None,
            },
            verdict => {
                let inspection = Inspection {
                    size: report.size.unwrap_or(0),
                    sha256: report.sha256.unwrap_or_default(),
                    verdict: match verdict {
                        ExternalVerdict::Infected(signature) => VirusVerdict::Infected(signature),
                        _ => VirusVerdict::Clean,
                    },
                    sniffed_type: report.mime,
                    content: None,
                };
                let mut outcome = self.act_on(&file, inspection).await?;
                if outcome.sha256.as_deref() == Some("") {
                    outcome.sha256 = None;
                }
                outcome
            }
        };
        if self.d.files.finish_scan(file.id, &outcome, self.d.clock.now()).await? {
            Ok(ScanResult::Scanned { file: file.id, outcome })
        } else {
            let now = self.d.files.find(file.id).await?.map(|f| f.virus_status).unwrap_or(VirusStatus::Error);
            Ok(ScanResult::Skipped(now))
        }
    }

    /// The object is gone. If an earlier delivery already quarantined it (and
    /// died before recording that), record the quarantine; else an error.
    async fn missing(&self, file: &StoredFile) -> DomainResult<ScanOutcome> {
        let quarantined = quarantine_key(&file.object_key);
        let (status, detail, key) = if self.d.storage.exists(&quarantined).await? {
            (VirusStatus::Infected, "quarantined by an earlier scan", Some(quarantined))
        } else {
            (VirusStatus::Error, "object_missing", None)
        };
        Ok(ScanOutcome {
            status,
            detail: Some(detail.to_string()),
            size: None,
            sha256: None,
            sniffed_type: None,
            object_key: key,
            extracted_text: None,
            extraction_error: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::FilePurpose;
    use chrono::Utc;

    fn file(declared: &str) -> StoredFile {
        StoredFile {
            id: FileId::new(),
            company_id: None,
            uploaded_by: None,
            purpose: FilePurpose::Resume,
            object_key: "uploads/x/y/cv.pdf".into(),
            file_name: "cv.pdf".into(),
            declared_type: declared.into(),
            max_size: 100,
            size: None,
            sha256: None,
            sniffed_type: None,
            virus_status: VirusStatus::Pending,
            scan_detail: None,
            scanned_at: None,
            has_text: false,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn seen(size: u64, verdict: VirusVerdict, sniffed: Option<&str>) -> Inspection {
        Inspection { size, sha256: "ab".repeat(32), verdict, sniffed_type: sniffed.map(str::to_owned), content: None }
    }

    #[test]
    fn viruses_win_then_size_then_type() {
        let f = file("application/pdf");
        let infected = decide(&f, &seen(500, VirusVerdict::Infected("Eicar".into()), Some("image/png")));
        assert_eq!((infected.status, infected.detail.as_deref()), (VirusStatus::Infected, Some("Eicar")));
        assert_eq!(decide(&f, &seen(101, VirusVerdict::Clean, Some("application/pdf"))).status, VirusStatus::Rejected);
        assert_eq!(decide(&f, &seen(0, VirusVerdict::Clean, Some("application/pdf"))).status, VirusStatus::Rejected);
        let png = decide(&f, &seen(10, VirusVerdict::Clean, Some("image/png")));
        assert_eq!(png.status, VirusStatus::Rejected);
        assert_eq!(png.detail.as_deref(), Some("type_mismatch: declared application/pdf, found image/png"));
        let ok = decide(&f, &seen(100, VirusVerdict::Clean, Some("application/pdf")));
        assert_eq!((ok.status, ok.size, ok.sha256.is_some()), (VirusStatus::Clean, Some(100), true));
    }

    #[test]
    fn external_reports_must_say_what_they_scanned() {
        let clean = ExternalScanReport { verdict: ExternalVerdict::Clean, size: None, sha256: Some("xyz".into()), mime: None };
        let Err(DomainError::Validation(errors)) = clean.validated() else { panic!("expected 422") };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["sha256", "size", "mime"]);
        let infected = ExternalScanReport { verdict: ExternalVerdict::Infected(" \u{7} ".into()), size: None, sha256: None, mime: None };
        assert!(matches!(infected.validated(), Err(DomainError::Validation(_))));
        let ok = ExternalScanReport {
            verdict: ExternalVerdict::Clean,
            size: Some(3),
            sha256: Some("AB".repeat(32)),
            mime: Some(" Application/PDF ".into()),
        }
        .validated()
        .unwrap();
        assert_eq!((ok.sha256.unwrap(), ok.mime.unwrap()), ("ab".repeat(32), "application/pdf".to_string()));
    }

    #[test]
    fn long_signatures_are_cut_to_the_column() {
        let out = decide(&file("text/plain"), &seen(1, VirusVerdict::Infected("x".repeat(400)), None));
        assert_eq!(out.detail.unwrap().len(), DETAIL_MAX);
    }
}
