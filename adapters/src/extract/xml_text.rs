//! Text of the XML part of a zipped office document (DOCX, ODT).

use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::{Cursor, Read};

/// Read `part` from the zip in `bytes` (at most `max` bytes) and gather its text.
pub fn from_archive(bytes: &[u8], part: &str, max: u64) -> Result<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("zip: {e}"))?;
    let entry = archive.by_name(part).map_err(|e| format!("{part}: {e}"))?;
    let mut xml = String::new();
    entry.take(max).read_to_string(&mut xml).map_err(|e| format!("{part}: {e}"))?;
    text_of(&xml)
}

/// Character data of the document, a line per paragraph (`w:p`, `text:p`,
/// `text:h`), tabs and breaks kept.
pub fn text_of(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    loop {
        match reader.read_event().map_err(|e| format!("xml: {e}"))? {
            Event::Text(t) => out.push_str(&t.decode().map_err(|e| format!("xml: {e}"))?),
            Event::CData(t) => out.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    out.push(c);
                } else {
                    let name = r.decode().map_err(|e| format!("xml: {e}"))?;
                    if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                        out.push_str(s);
                    }
                }
            }
            Event::Empty(e) => match e.name().as_ref() {
                b"w:tab" | b"text:tab" => out.push('\t'),
                b"w:br" | b"w:cr" | b"text:line-break" => out.push('\n'),
                _ => {}
            },
            Event::End(e) if matches!(e.name().as_ref(), b"w:p" | b"text:p" | b"text:h") => out.push('\n'),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines() {
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Rust &amp; SQL</w:t></w:r><w:r><w:tab/><w:t>engineer</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Pune &#x2014; India</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(text_of(xml).unwrap(), "Rust & SQL\tengineer\nPune \u{2014} India\n");
    }
}
