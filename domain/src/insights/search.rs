//! Ranked full-text search over candidates and jobs. The FULLTEXT query is
//! built here from the user's words, so what is required, what is dropped and
//! how a hit's snippet is cut are rules with unit tests, not SQL accidents.

use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::{Permission, Principal};
use crate::ids::{CandidateId, JobId};
use crate::text_input::filter_text;
pub use crate::text_search::{build_text_query, words_of, TextQuery, STOPWORDS};

pub const QUERY_MAX_CHARS: usize = 200;
pub const SNIPPET_MAX_CHARS: usize = 200;
/// Characters of context kept before the first match in a snippet.
const SNIPPET_LEAD: usize = 60;

/// What a search looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchType {
    Candidates,
    Jobs,
}

impl SearchType {
    pub fn as_str(&self) -> &'static str {
        match self {
            SearchType::Candidates => "candidate",
            SearchType::Jobs => "job",
        }
    }
}

/// Candidate filters (all optional, combined with AND).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CandidateFilters {
    /// Location contains.
    pub location: Option<String>,
    /// Has a skill of this name (case-insensitive).
    pub skill: Option<String>,
    /// Carries this tag.
    pub tag: Option<String>,
    pub experience_min: Option<f64>,
    pub experience_max: Option<f64>,
}

/// Job filters (all optional, combined with AND).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobFilters {
    /// draft | open | on_hold | closed
    pub status: Option<String>,
    /// low | medium | high | critical
    pub priority: Option<String>,
    /// Client name contains.
    pub client: Option<String>,
    /// opening | requirement
    pub kind: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SearchFilters {
    Candidates(CandidateFilters),
    Jobs(JobFilters),
}

/// A validated search.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchQuery {
    pub text: TextQuery,
    pub filters: SearchFilters,
}

impl SearchQuery {
    pub fn kind(&self) -> SearchType {
        match self.filters {
            SearchFilters::Candidates(_) => SearchType::Candidates,
            SearchFilters::Jobs(_) => SearchType::Jobs,
        }
    }
}

/// `GET /api/search` parameters as received (strings, so every bad one is reported).
#[derive(Clone, Debug, Default)]
pub struct SearchInput {
    pub q: Option<String>,
    pub kind: Option<String>,
    pub location: Option<String>,
    pub skill: Option<String>,
    pub tag: Option<String>,
    pub experience_min: Option<String>,
    pub experience_max: Option<String>,
    pub status: Option<String>,
    pub priority: Option<String>,
    pub client: Option<String>,
    pub job_kind: Option<String>,
}

fn text(v: &Option<String>) -> Option<String> {
    filter_text(v.as_deref())
}

fn one_of(field: &str, v: &Option<String>, allowed: &[&str], errors: &mut Vec<FieldError>) -> Option<String> {
    let v = text(v)?;
    if allowed.contains(&v.as_str()) {
        Some(v)
    } else {
        errors.push(FieldError::new(field, "invalid_value", format!("must be one of: {}", allowed.join(", "))));
        None
    }
}

fn years(field: &str, v: &Option<String>, errors: &mut Vec<FieldError>) -> Option<f64> {
    let v = text(v)?;
    match v.parse::<f64>() {
        Ok(n) if n.is_finite() && (0.0..=100.0).contains(&n) => Some(n),
        _ => {
            errors.push(FieldError::new(field, "invalid_number", "must be a number of years between 0 and 100"));
            None
        }
    }
}

/// Validate the parameters; every bad one is listed (422). `type` defaults to candidates.
pub fn search_query(input: &SearchInput) -> DomainResult<SearchQuery> {
    let mut errors = Vec::new();
    let kind = match input.kind.as_deref().map(str::trim) {
        None | Some("") | Some("candidates") => Some(SearchType::Candidates),
        Some("jobs") => Some(SearchType::Jobs),
        Some(_) => {
            errors.push(FieldError::new("type", "invalid_value", "must be `candidates` or `jobs`"));
            None
        }
    };
    let q = input.q.as_deref().map(str::trim).unwrap_or("");
    let text_query = if q.is_empty() {
        errors.push(FieldError::new("q", "required", "type something to search for"));
        None
    } else if q.chars().count() > QUERY_MAX_CHARS {
        errors.push(FieldError::new("q", "too_long", "must be at most 200 characters"));
        None
    } else {
        let built = build_text_query(q);
        if built.is_none() {
            errors.push(FieldError::new("q", "too_short", "needs a word of at least 2 letters or digits"));
        }
        built
    };
    let filters = match kind {
        Some(SearchType::Candidates) => {
            let experience_min = years("experience_min", &input.experience_min, &mut errors);
            let experience_max = years("experience_max", &input.experience_max, &mut errors);
            if let (Some(lo), Some(hi)) = (experience_min, experience_max)
                && lo > hi {
                    errors.push(FieldError::new("experience_max", "below_minimum", "must not be below experience_min"));
                }
            Some(SearchFilters::Candidates(CandidateFilters {
                location: text(&input.location),
                skill: text(&input.skill),
                tag: text(&input.tag),
                experience_min,
                experience_max,
            }))
        }
        Some(SearchType::Jobs) => Some(SearchFilters::Jobs(JobFilters {
            status: one_of("status", &input.status, &["draft", "open", "on_hold", "closed"], &mut errors),
            priority: one_of("priority", &input.priority, &["low", "medium", "high", "critical"], &mut errors),
            client: text(&input.client),
            kind: one_of("kind", &input.job_kind, &["opening", "requirement"], &mut errors),
        })),
        None => None,
    };
    match (text_query, filters) {
        (Some(text), Some(filters)) if errors.is_empty() => Ok(SearchQuery { text, filters }),
        _ => Err(DomainError::Validation(errors)),
    }
}

/// Searching candidates takes `candidates:read`, jobs `jobs:read`.
pub fn check_search_permission(caller: &Principal, kind: SearchType) -> DomainResult<()> {
    caller.require(match kind {
        SearchType::Candidates => Permission::CandidatesRead,
        SearchType::Jobs => Permission::JobsRead,
    })
}

/// A matching candidate row as the adapter finds it.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateMatch {
    pub id: CandidateId,
    pub full_name: String,
    pub current_title: Option<String>,
    pub current_company: Option<String>,
    pub location: Option<String>,
    pub search_text: String,
    pub score: f64,
}

/// A matching job row as the adapter finds it.
#[derive(Clone, Debug, PartialEq)]
pub struct JobMatch {
    pub id: JobId,
    pub title: String,
    pub client_name: Option<String>,
    /// The owning company's name (shown when there is no client).
    pub company_name: String,
    pub location: Option<String>,
    pub search_text: String,
    pub score: f64,
}

/// A snippet of `search_text` and where the matched words are in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// `[start, end)` character offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub kind: SearchType,
    pub id: uuid::Uuid,
    pub title: String,
    pub subtitle: String,
    pub score: f64,
    pub snippet: Snippet,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Token spans `[start, end)` (chars) of `chars` that start with one of `words`.
fn matched_tokens(chars: &[char], words: &[String]) -> Vec<[usize; 2]> {
    let words: Vec<Vec<char>> = words.iter().map(|w| w.chars().map(lower).collect()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_word_char(chars[i]) {
            i += 1;
        }
        let token = &chars[start..i];
        if words.iter().any(|w| !w.is_empty() && w.len() <= token.len() && w.iter().zip(token).all(|(a, b)| *a == lower(*b))) {
            out.push([start, i]);
        }
    }
    out
}

/// A window of at most `SNIPPET_MAX_CHARS` characters of `text` around the
/// first word that starts with one of `words` (the start of the text when none
/// does), whitespace collapsed, with every matched word in it highlighted.
pub fn snippet(text: &str, words: &[String]) -> Snippet {
    let chars: Vec<char> = {
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if !(c == ' ' && (out.is_empty() || out.last() == Some(&' '))) {
                out.push(c);
            }
        }
        while out.last() == Some(&' ') {
            out.pop();
        }
        out
    };
    let all = matched_tokens(&chars, words);
    let first = all.first().map_or(0, |m| m[0]);
    let mut start = first.saturating_sub(SNIPPET_LEAD);
    // Start at a word boundary when the window does not start the text.
    if start > 0
        && let Some(space) = chars[start..first].iter().position(|c| *c == ' ') {
            start += space + 1;
        }
    let mut end = (start + SNIPPET_MAX_CHARS).min(chars.len());
    // End at a word boundary when cutting, unless that would lose the match.
    if end < chars.len()
        && chars[end] != ' '
        && let Some(space) = chars[start..end].iter().rposition(|c| *c == ' ')
        && start + space > first {
            end = start + space;
        }
    let highlights = all.iter().filter(|m| m[0] >= start && m[1] <= end).map(|m| [m[0] - start, m[1] - start]).collect();
    Snippet { text: chars[start..end].iter().collect(), highlights }
}

fn joined(parts: &[Option<&str>], sep: &str) -> String {
    parts.iter().flatten().map(|s| s.trim()).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(sep)
}

/// "Current title @ Company · Location", leaving out what is unknown.
pub fn candidate_subtitle(title: Option<&str>, company: Option<&str>, location: Option<&str>) -> String {
    let role = joined(&[title, company], " @ ");
    joined(&[Some(role.as_str()), location], " · ")
}

/// "Client · Location" (the owning company when there is no client).
pub fn job_subtitle(client: Option<&str>, company: &str, location: Option<&str>) -> String {
    let who = client.map(str::trim).filter(|c| !c.is_empty()).unwrap_or(company);
    joined(&[Some(who), location], " · ")
}

impl CandidateMatch {
    pub fn hit(self, words: &[String]) -> SearchHit {
        SearchHit {
            kind: SearchType::Candidates,
            id: self.id.0,
            subtitle: candidate_subtitle(self.current_title.as_deref(), self.current_company.as_deref(), self.location.as_deref()),
            snippet: snippet(&self.search_text, words),
            title: self.full_name,
            score: self.score,
        }
    }
}

impl JobMatch {
    pub fn hit(self, words: &[String]) -> SearchHit {
        SearchHit {
            kind: SearchType::Jobs,
            id: self.id.0,
            subtitle: job_subtitle(self.client_name.as_deref(), &self.company_name, self.location.as_deref()),
            snippet: snippet(&self.search_text, words),
            title: self.title,
            score: self.score,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(q: &str) -> SearchInput {
        SearchInput { q: Some(q.into()), ..Default::default() }
    }

    #[test]
    fn validation_lists_every_bad_parameter() {
        let err = search_query(&SearchInput { q: Some("  ".into()), kind: Some("people".into()), ..Default::default() }).unwrap_err();
        let DomainError::Validation(errs) = err else { panic!() };
        let fields: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(fields, [("type", "invalid_value"), ("q", "required")]);

        let long = "x".repeat(201);
        let DomainError::Validation(errs) = search_query(&input(&long)).unwrap_err() else { panic!() };
        assert_eq!(errs[0].code, "too_long");
        assert!(search_query(&input(&"x".repeat(200))).is_ok());

        let DomainError::Validation(errs) =
            search_query(&SearchInput { experience_min: Some("ten".into()), experience_max: Some("-1".into()), ..input("rust") }).unwrap_err()
        else {
            panic!()
        };
        assert_eq!(errs.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["experience_min", "experience_max"]);

        let DomainError::Validation(errs) =
            search_query(&SearchInput { kind: Some("jobs".into()), status: Some("gone".into()), priority: Some("urgent".into()), job_kind: Some("gig".into()), ..input("rust") })
                .unwrap_err()
        else {
            panic!()
        };
        assert_eq!(errs.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["status", "priority", "kind"]);
    }

    #[test]
    fn type_defaults_to_candidates_and_filters_are_kept() {
        let q = search_query(&SearchInput { experience_min: Some("2".into()), experience_max: Some("5.5".into()), skill: Some(" Rust ".into()), ..input("dev") }).unwrap();
        assert_eq!(q.kind(), SearchType::Candidates);
        let SearchFilters::Candidates(f) = q.filters else { panic!() };
        assert_eq!((f.experience_min, f.experience_max, f.skill.as_deref()), (Some(2.0), Some(5.5), Some("Rust")));
        let q = search_query(&SearchInput { kind: Some("jobs".into()), status: Some("open".into()), ..input("dev") }).unwrap();
        assert_eq!(q.filters, SearchFilters::Jobs(JobFilters { status: Some("open".into()), ..Default::default() }));
    }

    #[test]
    fn the_permission_follows_the_type() {
        use crate::identity::Principal;
        let p = Principal::for_test(None, None, &["sales"], &[Permission::JobsRead]);
        assert!(check_search_permission(&p, SearchType::Jobs).is_ok());
        assert!(matches!(check_search_permission(&p, SearchType::Candidates), Err(DomainError::Forbidden("missing_permission"))));
    }

    #[test]
    fn snippets_highlight_matched_words_by_character_offsets() {
        let s = snippet("Ada Lovelace  Senior\nRust engineer; rustacean at Acme", &["rust".to_string()]);
        assert_eq!(s.text, "Ada Lovelace Senior Rust engineer; rustacean at Acme");
        assert_eq!(s.highlights, [[20, 24], [35, 44]]);
        let chars: Vec<char> = s.text.chars().collect();
        assert_eq!(chars[35..44].iter().collect::<String>(), "rustacean");
    }

    #[test]
    fn snippets_are_windows_around_the_first_match() {
        let text = format!("{} kubernetes {}", "filler ".repeat(40), "tail ".repeat(60));
        let s = snippet(&text, &["kube".to_string()]);
        assert!(s.text.chars().count() <= SNIPPET_MAX_CHARS);
        assert!(s.text.starts_with("filler"), "starts on a word: {}", s.text);
        assert_eq!(s.highlights.len(), 1);
        let [a, b] = s.highlights[0];
        assert_eq!(s.text.chars().skip(a).take(b - a).collect::<String>(), "kubernetes");
        assert!(a <= 61, "about 60 chars of lead: {a}");
        // No match: the start of the text.
        let s = snippet(&text, &["python".to_string()]);
        assert!(s.text.starts_with("filler filler"));
        assert!(s.highlights.is_empty());
    }

    #[test]
    fn snippets_count_characters_not_bytes() {
        let s = snippet("Zoë Müller — Ingénieur Rust", &["ing".to_string(), "rust".to_string()]);
        assert_eq!(s.highlights, [[13, 22], [23, 27]]);
        assert_eq!(s.text.chars().skip(13).take(9).collect::<String>(), "Ingénieur");
    }

    #[test]
    fn subtitles_leave_out_what_is_unknown() {
        assert_eq!(candidate_subtitle(Some("Engineer"), Some("Acme"), Some("Pune")), "Engineer @ Acme · Pune");
        assert_eq!(candidate_subtitle(None, Some("Acme"), None), "Acme");
        assert_eq!(candidate_subtitle(None, None, None), "");
        assert_eq!(job_subtitle(Some("Globex"), "Agency", Some("Remote")), "Globex · Remote");
        assert_eq!(job_subtitle(None, "Initech", None), "Initech");
    }
}
