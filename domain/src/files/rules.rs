//! The pure rules of uploads: what may be uploaded, where it is stored, and
//! whether the bytes are what the uploader said they were.

use crate::error::{DomainError, DomainResult, FieldError};
use crate::ids::{CompanyId, FileId};

/// Types accepted for resumes and candidate documents.
pub const RESUME_TYPES: &[&str] = &[
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/msword",
    "text/plain",
    "application/rtf",
    "application/vnd.oasis.opendocument.text",
];

/// Types accepted as message attachments: documents, spreadsheets,
/// presentations, images and zip archives (clamd looks inside archives).
pub const ATTACHMENT_TYPES: &[&str] = &[
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/msword",
    "application/vnd.oasis.opendocument.text",
    "application/rtf",
    "text/plain",
    "text/csv",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/zip",
];

/// Extracted text beyond this is cut (at a character boundary).
pub const EXTRACTED_TEXT_MAX_BYTES: usize = 1024 * 1024;

const FILE_NAME_MAX: usize = 255;
/// The stored (sanitised) name inside the object key.
const KEY_NAME_MAX: usize = 100;

/// An upload as the caller describes it (never trusted: the scan re-checks).
#[derive(Clone, Debug)]
pub struct UploadRequest {
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValidUpload {
    pub file_name: String,
    pub content_type: String,
    pub size: u64,
}

/// Check name, type and size; every bad field is reported.
pub fn validate_upload(req: &UploadRequest, allowed: &[&str], max_size: u64) -> Result<ValidUpload, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = req.file_name.trim();
    let len = name.chars().count();
    if len == 0 || len > FILE_NAME_MAX || name.chars().any(char::is_control) || name.contains(['/', '\\']) {
        errors.push(FieldError::new("file_name", "invalid_file_name", "must be 1 to 255 characters, without slashes or control characters"));
    }
    let content_type = req.content_type.trim().to_ascii_lowercase();
    if !allowed.contains(&content_type.as_str()) {
        errors.push(FieldError::new("content_type", "unsupported_type", format!("must be one of: {}", allowed.join(", "))));
    }
    let size = u64::try_from(req.size).unwrap_or(0);
    if size == 0 || size > max_size {
        errors.push(FieldError::new("size", "invalid_size", format!("must be between 1 and {max_size} bytes")));
    }
    if errors.is_empty() {
        Ok(ValidUpload { file_name: name.to_string(), content_type, size })
    } else {
        Err(errors)
    }
}

/// A file name safe inside an object key: ASCII letters, digits, `.`, `-`
/// and `_` only (others become `_`), no leading dots, at most 100 characters,
/// keeping the extension.
pub fn sanitize_file_name(name: &str) -> String {
    let mapped: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .collect();
    let trimmed = mapped.trim_start_matches('.');
    let mut out = if trimmed.is_empty() { "file".to_string() } else { trimmed.to_string() };
    if out.len() > KEY_NAME_MAX {
        let ext = out.rfind('.').map(|i| out[i..].to_string()).filter(|e| e.len() <= 16).unwrap_or_default();
        out = format!("{}{ext}", &out[..KEY_NAME_MAX - ext.len()]);
    }
    out
}

/// `uploads/{company}/{file}/{name}` (`personal` when no company).
pub fn object_key(company: Option<CompanyId>, file: FileId, file_name: &str) -> String {
    let owner = company.map(|c| c.to_string()).unwrap_or_else(|| "personal".into());
    format!("uploads/{owner}/{file}/{}", sanitize_file_name(file_name))
}

/// Where an infected object is moved: the same path under `quarantine/`.
pub fn quarantine_key(key: &str) -> String {
    format!("quarantine/{}", key.strip_prefix("uploads/").unwrap_or(key))
}

/// Do the sniffed bytes fit the declared type? `sniffed` is what the scanner
/// recognised (`None`: no known signature and not plain text).
pub fn type_matches(declared: &str, sniffed: Option<&str>) -> bool {
    let Some(sniffed) = sniffed else { return false };
    match declared {
        // Legacy Word documents are OLE compound files.
        "application/msword" => matches!(sniffed, "application/msword" | "application/x-ole-storage"),
        "application/rtf" => matches!(sniffed, "application/rtf" | "text/rtf"),
        // CSV has no signature: any UTF-8 text without NUL passes as CSV.
        "text/csv" => matches!(sniffed, "text/csv" | "text/plain"),
        other => other == sniffed,
    }
}

/// `Content-Disposition: attachment` for `name`: an ASCII fallback without
/// quotes or controls, plus the exact name RFC 5987-encoded.
pub fn content_disposition(name: &str) -> String {
    let fallback: String = name
        .chars()
        .map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c } else { '_' })
        .collect();
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

/// Cut `text` to at most `max` bytes at a character boundary.
pub(super) fn cap_text(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

pub(super) fn validation(errors: Vec<FieldError>) -> DomainError {
    DomainError::Validation(errors)
}

pub(super) fn parse_kind(raw: &str) -> DomainResult<super::DocumentKind> {
    super::DocumentKind::parse(raw.trim())
        .ok_or_else(|| DomainError::field("kind", "invalid_kind", "must be `resume`, `cover_letter` or `other`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(name: &str, ty: &str, size: i64) -> UploadRequest {
        UploadRequest { file_name: name.into(), content_type: ty.into(), size }
    }

    #[test]
    fn uploads_are_checked_field_by_field() {
        let ok = validate_upload(&req(" cv.pdf ", "Application/PDF", 10), RESUME_TYPES, 100).unwrap();
        assert_eq!(ok, ValidUpload { file_name: "cv.pdf".into(), content_type: "application/pdf".into(), size: 10 });
        let errs = validate_upload(&req("", "image/png", 0), RESUME_TYPES, 100).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["file_name", "content_type", "size"]);
        assert!(validate_upload(&req("a.pdf", "application/pdf", 101), RESUME_TYPES, 100).is_err());
        assert!(validate_upload(&req("a.pdf", "application/pdf", -1), RESUME_TYPES, 100).is_err());
        assert!(validate_upload(&req("../a.pdf", "application/pdf", 1), RESUME_TYPES, 100).is_err());
        assert!(validate_upload(&req("a.pdf", "application/pdf", 100), RESUME_TYPES, 100).is_ok());
    }

    #[test]
    fn names_in_keys_are_safe() {
        assert_eq!(sanitize_file_name("My CV (final).pdf"), "My_CV__final_.pdf");
        assert_eq!(sanitize_file_name("..hidden"), "hidden");
        assert_eq!(sanitize_file_name("résumé.docx"), "r_sum_.docx");
        assert_eq!(sanitize_file_name("..."), "file");
        let long = format!("{}.pdf", "a".repeat(300));
        let s = sanitize_file_name(&long);
        assert_eq!(s.len(), 100);
        assert!(s.ends_with(".pdf"));
        let company = CompanyId::new();
        let file = FileId::new();
        assert_eq!(object_key(Some(company), file, "a b.pdf"), format!("uploads/{company}/{file}/a_b.pdf"));
        assert_eq!(quarantine_key("uploads/x/y/z.pdf"), "quarantine/x/y/z.pdf");
    }

    #[test]
    fn sniffed_types_must_fit_the_declared_one() {
        assert!(type_matches("application/pdf", Some("application/pdf")));
        assert!(!type_matches("application/pdf", Some("image/png")));
        assert!(!type_matches("application/pdf", None));
        assert!(type_matches("application/msword", Some("application/x-ole-storage")));
        assert!(type_matches("application/rtf", Some("text/rtf")));
        assert!(!type_matches("text/plain", Some("application/pdf")));
        assert!(type_matches("text/csv", Some("text/plain")));
        assert!(!type_matches("text/csv", Some("application/zip")));
        assert!(!type_matches("application/zip", Some("text/plain")));
    }

    #[test]
    fn attachments_take_images_and_archives_but_not_executables() {
        for ok in ["image/png", "application/zip", "text/csv", "application/pdf"] {
            assert!(validate_upload(&req("a", ok, 10), ATTACHMENT_TYPES, 100).is_ok(), "{ok}");
        }
        for bad in ["application/x-msdownload", "text/html", "image/svg+xml", "application/javascript"] {
            let errors = validate_upload(&req("a", bad, 10), ATTACHMENT_TYPES, 100).unwrap_err();
            assert_eq!(errors[0].field, "content_type", "{bad}");
        }
    }

    #[test]
    fn dispositions_are_quoted_safely() {
        assert_eq!(content_disposition("cv.pdf"), "attachment; filename=\"cv.pdf\"; filename*=UTF-8''cv.pdf");
        assert_eq!(
            content_disposition("a\"b é.pdf"),
            "attachment; filename=\"a_b _.pdf\"; filename*=UTF-8''a%22b%20%C3%A9.pdf"
        );
    }

    #[test]
    fn text_is_capped_on_a_char_boundary() {
        assert_eq!(cap_text("héllo".into(), 2), "h");
        assert_eq!(cap_text("héllo".into(), 3), "hé");
        assert_eq!(cap_text("abc".into(), 10), "abc");
    }
}
