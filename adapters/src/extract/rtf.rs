//! Plain text out of RTF: control words dropped, `\par` kept as a line
//! break, hex escapes decoded as Windows-1252/Latin-1, and non-text
//! destinations (font tables, pictures, `{\*...}`) skipped.

const SKIPPED: &[&str] = &["fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "footer", "object", "themedata", "datastore"];

pub fn plain_text(bytes: &[u8]) -> String {
    let mut out = String::new();
    // Depth at which a skipped destination started (None: emitting text).
    let mut skip_from: Option<usize> = None;
    let mut depth = 0usize;
    let mut i = 0;
    let mut group_start = false;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'{' => {
                depth += 1;
                group_start = true;
                i += 1;
                continue;
            }
            b'}' => {
                if skip_from == Some(depth) {
                    skip_from = None;
                }
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'\\' => {
                let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                if next.is_ascii_alphabetic() {
                    let start = i + 1;
                    let mut j = start;
                    while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    let word = String::from_utf8_lossy(&bytes[start..j]).into_owned();
                    while j < bytes.len() && (bytes[j] == b'-' || bytes[j].is_ascii_digit()) {
                        j += 1;
                    }
                    if bytes.get(j) == Some(&b' ') {
                        j += 1;
                    }
                    if group_start && skip_from.is_none() && SKIPPED.contains(&word.as_str()) {
                        skip_from = Some(depth);
                    }
                    if skip_from.is_none() {
                        match word.as_str() {
                            "par" | "line" | "sect" | "page" => out.push('\n'),
                            "tab" => out.push('\t'),
                            _ => {}
                        }
                    }
                    i = j;
                } else if next == b'*' {
                    if skip_from.is_none() {
                        skip_from = Some(depth);
                    }
                    i += 2;
                } else if next == b'\'' {
                    let hex = bytes.get(i + 2..i + 4).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
                    if let (Some(v), None) = (hex, skip_from) {
                        out.push(char::from(v));
                    }
                    i += 4;
                } else {
                    if skip_from.is_none() && matches!(next, b'\\' | b'{' | b'}') {
                        out.push(char::from(next));
                    }
                    i += 2;
                }
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                if skip_from.is_none() && depth > 0 {
                    out.push(char::from(b));
                }
                i += 1;
            }
        }
        group_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_words_only() {
        let rtf = br"{\rtf1\ansi{\fonttbl{\f0 Times;}}{\*\generator x;}\f0\fs24 Senior Rust engineer\par Caf\'e9 \{ok\}}";
        assert_eq!(plain_text(rtf), "Senior Rust engineer\nCaf\u{e9} {ok}");
    }
}
