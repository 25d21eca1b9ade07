//! The user import file: `email,full_name,role` CSV. Whole-file problems
//! (not CSV, wrong header, empty, too big) refuse the upload before anything
//! is stored; row problems are reported per row and never stop good rows.

use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::Email;
use std::collections::HashMap;

pub const MAX_ROWS: usize = 10_000;
/// Generous for 10,000 rows of three short columns; bigger is not a user list.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
pub const COLUMNS: [&str; 3] = ["email", "full_name", "role"];
const MAX_NAME_CHARS: usize = 200;

/// One data row as read. `row` is the line number a spreadsheet shows (the
/// header is row 1, the first user row 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRow {
    pub row: u32,
    pub email: String,
    pub full_name: String,
    pub role: String,
    /// A problem found without looking at the database (bad email, duplicate
    /// inside the file, missing name or role).
    pub problem: Option<RowProblem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub field: String,
    pub message: String,
}

impl RowProblem {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self { field: field.to_string(), message: message.into() }
    }
}

fn file_error(code: &str, message: &str) -> DomainError {
    DomainError::Validation(vec![FieldError::new("file", code, message)])
}

/// Read and pre-check the whole file.
pub fn parse(bytes: &[u8]) -> DomainResult<Vec<CsvRow>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(file_error("too_large", "The file is larger than 5 MB."));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes); // Excel's UTF-8 BOM
    let text = std::str::from_utf8(bytes).map_err(|_| file_error("not_csv", "The file is not UTF-8 text; save it as CSV (UTF-8)."))?;
    if text.contains('\0') {
        return Err(file_error("not_csv", "The file is not a CSV text file."));
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(false).trim(csv::Trim::All).from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| file_error("not_csv", &format!("The file could not be read as CSV: {e}")))?
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    if header.iter().all(|h| h.is_empty()) {
        return Err(file_error("empty", "The file is empty."));
    }
    if header != COLUMNS {
        return Err(file_error(
            "wrong_header",
            &format!("The first line must be exactly `email,full_name,role`; found `{}`.", header.join(",")),
        ));
    }
    let mut rows = Vec::new();
    let mut first_seen: HashMap<String, u32> = HashMap::new();
    let (mut line, mut counted_to) = (0usize, 0usize);
    for record in reader.records() {
        let record = record.map_err(|e| file_error("not_csv", &format!("The file is not valid CSV: {e}")))?;
        // The line the row starts on, as a spreadsheet numbers it (blank lines count).
        // csv reports the end of the previous line; skip to the record's first byte.
        let mut start = record.position().map_or(0, |p| p.byte() as usize).min(text.len());
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        // Count newlines incrementally from the previous record (linear overall).
        line += text.as_bytes()[counted_to..start].iter().filter(|b| **b == b'\n').count();
        counted_to = start;
        let row = (line + 1) as u32;
        if record.iter().all(str::is_empty) {
            continue; // blank lines are not users
        }
        if rows.len() == MAX_ROWS {
            return Err(file_error("too_many_rows", "The file has more than 10,000 users; split it."));
        }
        let (email, full_name, role) = (record[0].to_string(), record[1].to_string(), record[2].to_string());
        let problem = row_problem(&email, &full_name, &role).or_else(|| {
            let key = email.to_lowercase();
            match first_seen.get(&key) {
                Some(first) => Some(RowProblem::new("email", format!("Duplicate of row {first} in this file."))),
                None => {
                    first_seen.insert(key, row);
                    None
                }
            }
        });
        rows.push(CsvRow { row, email, full_name, role, problem });
    }
    if rows.is_empty() {
        return Err(file_error("empty", "The file has a header but no users."));
    }
    Ok(rows)
}

fn row_problem(email: &str, full_name: &str, role: &str) -> Option<RowProblem> {
    if email.is_empty() {
        return Some(RowProblem::new("email", "The email is missing."));
    }
    if Email::parse(email).is_err() {
        return Some(RowProblem::new("email", "This is not a valid email address."));
    }
    if full_name.is_empty() {
        return Some(RowProblem::new("full_name", "The name is missing."));
    }
    if full_name.chars().count() > MAX_NAME_CHARS {
        return Some(RowProblem::new("full_name", "The name is longer than 200 characters."));
    }
    if role.is_empty() {
        return Some(RowProblem::new("role", "The role is missing."));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_code(e: DomainError) -> (String, String) {
        match e {
            DomainError::Validation(v) => (v[0].field.clone(), v[0].code.clone()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn good_rows_are_read_with_spreadsheet_row_numbers() {
        let rows = parse(b"\xEF\xBB\xBFEmail, Full_Name ,ROLE\r\nann@example.com,Ann Lee,recruiter\r\n\r\n\"bob@example.com\",\"Bob, Jr.\",manager\r\n").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].row, rows[0].email.as_str(), rows[0].full_name.as_str()), (2, "ann@example.com", "Ann Lee"));
        assert_eq!((rows[1].row, rows[1].full_name.as_str(), rows[1].role.as_str()), (4, "Bob, Jr.", "manager"));
        assert!(rows.iter().all(|r| r.problem.is_none()));
    }

    #[test]
    fn bad_rows_are_marked_and_good_ones_kept() {
        let rows = parse(b"email,full_name,role\nnot-an-email,X,recruiter\nann@example.com,,recruiter\nbob@example.com,Bob,\nANN@example.com,Ann Again,recruiter\ncid@example.com,Cid,recruiter\nann@example.com,Ann,recruiter\n").unwrap();
        let problems: Vec<_> = rows.iter().map(|r| r.problem.as_ref().map(|p| (r.row, p.field.as_str()))).collect();
        assert_eq!(problems, [Some((2, "email")), Some((3, "full_name")), Some((4, "role")), None, None, Some((7, "email"))]);
        assert_eq!(rows[5].problem.as_ref().unwrap().message, "Duplicate of row 5 in this file.");
    }

    #[test]
    fn whole_file_problems_refuse_the_upload() {
        assert_eq!(field_code(parse(b"").unwrap_err()), ("file".into(), "empty".into()));
        assert_eq!(field_code(parse(b"email,full_name,role\n").unwrap_err()).1, "empty");
        assert_eq!(field_code(parse(b"email,name,role\na@b.co,A,recruiter\n").unwrap_err()).1, "wrong_header");
        assert_eq!(field_code(parse(b"email,full_name,role,extra\n").unwrap_err()).1, "wrong_header");
        assert_eq!(field_code(parse(b"\x89PNG\r\n\x1a\n\0\0\0").unwrap_err()).1, "not_csv");
        assert_eq!(field_code(parse(b"email,full_name,role\na@b.co,A\n").unwrap_err()).1, "not_csv");
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(field_code(parse(&big).unwrap_err()).1, "too_large");
    }

    #[test]
    fn ten_thousand_rows_pass_and_one_more_does_not() {
        let mut file = String::from("email,full_name,role\n");
        for i in 0..MAX_ROWS {
            file.push_str(&format!("user{i}@example.com,User {i},recruiter\n"));
        }
        assert_eq!(parse(file.as_bytes()).unwrap().len(), MAX_ROWS);
        file.push_str("one-more@example.com,One More,recruiter\n");
        assert_eq!(field_code(parse(file.as_bytes()).unwrap_err()).1, "too_many_rows");
    }
}
