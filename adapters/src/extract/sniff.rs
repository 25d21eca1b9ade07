//! The type of a file from its bytes, never from its name or the client.

use std::io::{Cursor, Read};

pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const ODT: &str = "application/vnd.oasis.opendocument.text";
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub const PPTX: &str = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/// The MIME type the content shows. Zip containers are opened: a DOCX must
/// hold `word/document.xml` (XLSX `xl/workbook.xml`, PPTX
/// `ppt/presentation.xml`), an ODT declares itself in `mimetype`; other
/// zips are `application/zip`. Text without a signature is `text/plain` only
/// when it is valid UTF-8 without NUL bytes. `None`: unknown binary.
pub fn sniff(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(zip_kind(bytes).to_string());
    }
    if bytes.starts_with(b"{\\rtf") {
        return Some("application/rtf".to_string());
    }
    if let Some(kind) = infer::get(bytes) {
        return Some(kind.mime_type().to_string());
    }
    if !bytes.is_empty() && !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok() {
        return Some("text/plain".to_string());
    }
    None
}

fn zip_kind(bytes: &[u8]) -> &'static str {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return "application/zip" };
    for (entry, kind) in [("word/document.xml", DOCX), ("xl/workbook.xml", XLSX), ("ppt/presentation.xml", PPTX)] {
        if archive.by_name(entry).is_ok() {
            return kind;
        }
    }
    if let Ok(entry) = archive.by_name("mimetype") {
        let mut declared = String::new();
        if entry.take(128).read_to_string(&mut declared).is_ok() && declared.trim() == ODT {
            return ODT;
        }
    }
    "application/zip"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut out);
        for (name, data) in entries {
            w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn recognises_documents_by_content() {
        assert_eq!(sniff(b"%PDF-1.4\n...").as_deref(), Some("application/pdf"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").as_deref(), Some("image/png"));
        assert_eq!(sniff(b"{\\rtf1\\ansi hi}").as_deref(), Some("application/rtf"));
        assert_eq!(sniff("plain résumé".as_bytes()).as_deref(), Some("text/plain"));
        assert_eq!(sniff(b"a\0b"), None);
        assert_eq!(sniff(b"\xff\xfe\xfa"), None);
        assert_eq!(sniff(&zip_with(&[("word/document.xml", b"<w:document/>")])).as_deref(), Some(DOCX));
        assert_eq!(sniff(&zip_with(&[("mimetype", ODT.as_bytes()), ("content.xml", b"<x/>")])).as_deref(), Some(ODT));
        assert_eq!(sniff(&zip_with(&[("xl/workbook.xml", b"<workbook/>")])).as_deref(), Some(XLSX));
        assert_eq!(sniff(&zip_with(&[("ppt/presentation.xml", b"<p/>")])).as_deref(), Some(PPTX));
        assert_eq!(sniff(&zip_with(&[("[Content_Types].xml", b"<x/>"), ("word/other.xml", b"")])).as_deref(), Some("application/zip"));
    }
}
