//! Content inspection of uploads: what the bytes really are (`sniff`) and
//! their plain text for search (`DocumentText`).

mod rtf;
mod sniff;
mod xml_text;

pub use sniff::{sniff, DOCX, ODT};

use async_trait::async_trait;
use hireops_domain::ports::TextExtractor;

/// Decompressed XML read from a document archive at most (zip bombs).
const XML_MAX_BYTES: u64 = 32 * 1024 * 1024;

/// Text out of PDF (pdf-extract), DOCX/ODT (zip + quick-xml), RTF and plain text.
#[derive(Clone, Copy, Debug, Default)]
pub struct DocumentText;

#[async_trait]
impl TextExtractor for DocumentText {
    async fn extract(&self, bytes: Vec<u8>, content_type: &str) -> Result<Option<String>, String> {
        let content_type = content_type.to_string();
        // Parsers are CPU-bound and may panic on hostile input: run them off
        // the async workers and turn a panic into an error.
        tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(|| extract_text(&bytes, &content_type)).unwrap_or_else(|_| Err("the parser panicked".to_string()))
        })
        .await
        .map_err(|e| format!("extraction task failed: {e}"))?
    }
}

/// The text of a document of `content_type` (a sniffed type).
pub fn extract_text(bytes: &[u8], content_type: &str) -> Result<Option<String>, String> {
    match content_type {
        "application/pdf" => pdf_extract::extract_text_from_mem(bytes).map(Some).map_err(|e| format!("pdf: {e}")),
        DOCX => xml_text::from_archive(bytes, "word/document.xml", XML_MAX_BYTES).map(Some),
        ODT => xml_text::from_archive(bytes, "content.xml", XML_MAX_BYTES).map(Some),
        "text/plain" => Ok(Some(String::from_utf8_lossy(bytes).into_owned())),
        "application/rtf" | "text/rtf" => Ok(Some(rtf::plain_text(bytes))),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsupported_types_have_no_text() {
        assert_eq!(extract_text(b"\xd0\xcf\x11\xe0", "application/msword").unwrap(), None);
        assert_eq!(extract_text(b"hello", "text/plain").unwrap().as_deref(), Some("hello"));
        assert!(extract_text(b"not a pdf", "application/pdf").is_err());
    }
}
