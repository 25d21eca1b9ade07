//! Validation of what callers send: new applications, feedback, public
//! applications and list filters.

use super::{ApplicationQuery, ApplicationSort};
use crate::candidates::{normalize_email, normalize_phone};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::pipelines::StageKind;

pub const SOURCES: &[&str] = &["referral", "career_site", "job_board", "linkedin", "agency", "sourced", "imported", "other"];
pub const FEEDBACK_TYPES: &[&str] = &["screening", "interview", "client", "general"];
pub const COMMENTS_MAX: usize = 10_000;
pub const COVER_LETTER_MAX: usize = 10_000;
pub const FULL_NAME_MAX: usize = 200;
pub const URL_MAX: usize = 500;

use crate::text_input::trimmed as clean;

fn too_long(s: &Option<String>, max: usize) -> bool {
    s.as_ref().is_some_and(|s| s.chars().count() > max)
}

/// The source of a recruiter's application (default `sourced`).
pub fn parse_source(raw: Option<&str>) -> Result<String, FieldError> {
    match clean(raw) {
        None => Ok("sourced".into()),
        Some(s) if SOURCES.contains(&s.as_str()) => Ok(s),
        Some(_) => Err(FieldError::new("source", "invalid_source", format!("one of {}", SOURCES.join(", ")))),
    }
}

pub fn validate_remarks(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    let r = clean(raw);
    if too_long(&r, super::moves::REMARKS_MAX) {
        return Err(FieldError::new("remarks", "too_long", "at most 2000 characters"));
    }
    Ok(r)
}

/// Feedback: a known type, a rating of 1 to 5, comments up to 10,000 characters.
pub fn validate_feedback(feedback_type: &str, rating: Option<i64>, comments: Option<&str>) -> DomainResult<(String, u8, Option<String>)> {
    let mut errors = Vec::new();
    let kind = feedback_type.trim();
    if !FEEDBACK_TYPES.contains(&kind) {
        errors.push(FieldError::new("feedback_type", "invalid_type", "one of screening, interview, client, general"));
    }
    let rating = match rating {
        Some(r @ 1..=5) => r as u8,
        _ => {
            errors.push(FieldError::new("rating", "out_of_range", "a whole number from 1 to 5"));
            0
        }
    };
    let comments = clean(comments);
    if too_long(&comments, COMMENTS_MAX) {
        errors.push(FieldError::new("comments", "too_long", "at most 10000 characters"));
    }
    if errors.is_empty() { Ok((kind.to_string(), rating, comments)) } else { Err(DomainError::Validation(errors)) }
}

/// The applicant's details of a public application.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PublicApplyInput {
    pub full_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub cover_letter: Option<String>,
    pub linkedin_url: Option<String>,
    /// The honeypot: people leave it empty, bots fill it.
    pub website: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ApplicantDetails {
    pub full_name: String,
    pub email: String,
    pub email_normalized: String,
    pub phone: Option<String>,
    pub phone_normalized: Option<String>,
    pub cover_letter: Option<String>,
    pub linkedin_url: Option<String>,
}

impl PublicApplyInput {
    /// A filled honeypot: answer like a success, write nothing.
    pub fn is_bot(&self) -> bool {
        self.website.as_deref().is_some_and(|w| !w.trim().is_empty())
    }

    pub fn validate(&self) -> DomainResult<ApplicantDetails> {
        let mut errors = Vec::new();
        let full_name = self.full_name.trim().to_string();
        let len = full_name.chars().count();
        if len == 0 || len > FULL_NAME_MAX || full_name.chars().any(char::is_control) {
            errors.push(FieldError::new("full_name", "invalid_length", "must be between 1 and 200 characters"));
        }
        let email_normalized = normalize_email(&self.email);
        if email_normalized.is_none() {
            errors.push(FieldError::new("email", "invalid_email", "must be an email address"));
        }
        let phone = clean(self.phone.as_deref());
        let phone_normalized = phone.as_deref().and_then(normalize_phone);
        if phone.is_some() && phone_normalized.is_none() {
            errors.push(FieldError::new("phone", "invalid_phone", "must be a phone number of 7 to 15 digits"));
        }
        let cover_letter = clean(self.cover_letter.as_deref());
        if too_long(&cover_letter, COVER_LETTER_MAX) {
            errors.push(FieldError::new("cover_letter", "too_long", "at most 10000 characters"));
        }
        let linkedin_url = clean(self.linkedin_url.as_deref());
        if let Some(u) = &linkedin_url
            && (u.chars().count() > URL_MAX || !(u.starts_with("https://") || u.starts_with("http://")) || u.chars().any(char::is_whitespace))
        {
            errors.push(FieldError::new("linkedin_url", "invalid_url", "must be an http(s) address of at most 500 characters"));
        }
        if !errors.is_empty() {
            return Err(DomainError::Validation(errors));
        }
        Ok(ApplicantDetails {
            full_name,
            email: self.email.trim().to_string(),
            email_normalized: email_normalized.expect("checked"),
            phone,
            phone_normalized,
            cover_letter,
            linkedin_url,
        })
    }
}

/// Raw list filters, as strings from the query.
#[derive(Clone, Debug, Default)]
pub struct ListFilters {
    pub job_id: Option<uuid::Uuid>,
    pub candidate_id: Option<uuid::Uuid>,
    pub stage_id: Option<uuid::Uuid>,
    pub state: Option<String>,
    pub recruiter_id: Option<uuid::Uuid>,
    pub manager_id: Option<uuid::Uuid>,
    pub client: Option<String>,
    pub submitted_from: Option<String>,
    pub submitted_to: Option<String>,
    pub verified: Option<bool>,
    pub q: Option<String>,
    pub sort: Option<String>,
}

pub fn application_query(f: ListFilters) -> DomainResult<ApplicationQuery> {
    let mut errors = Vec::new();
    let state = match clean(f.state.as_deref()) {
        None => None,
        Some(s) => match StageKind::parse(&s) {
            Some(k) => Some(k),
            None => {
                errors.push(FieldError::new("state", "invalid_state", "one of active, hired, rejected"));
                None
            }
        },
    };
    let mut date = |field: &str, raw: Option<String>| match clean(raw.as_deref()) {
        None => None,
        Some(d) => match chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FieldError::new(field, "invalid_date", "a date as YYYY-MM-DD"));
                None
            }
        },
    };
    let submitted_from = date("submitted_from", f.submitted_from);
    let submitted_to = date("submitted_to", f.submitted_to);
    if let (Some(from), Some(to)) = (submitted_from, submitted_to) && to < from {
        errors.push(FieldError::new("submitted_to", "before_start", "must not be before submitted_from"));
    }
    let sort = match clean(f.sort.as_deref()).as_deref() {
        None | Some("newest") => ApplicationSort::Newest,
        Some("oldest") => ApplicationSort::Oldest,
        Some("in_stage") => ApplicationSort::InStageLongest,
        Some("candidate") => ApplicationSort::Candidate,
        Some(_) => {
            errors.push(FieldError::new("sort", "invalid_sort", "must be newest, oldest, in_stage or candidate"));
            ApplicationSort::Newest
        }
    };
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    Ok(ApplicationQuery {
        job_id: f.job_id.map(Into::into),
        candidate_id: f.candidate_id.map(Into::into),
        stage_id: f.stage_id.map(Into::into),
        state,
        recruiter_id: f.recruiter_id.map(Into::into),
        manager_id: f.manager_id.map(Into::into),
        client: clean(f.client.as_deref()).map(|c| c.chars().take(200).collect()),
        submitted_from,
        submitted_to,
        verified: f.verified,
        candidate_text: clean(f.q.as_deref()).map(|c| c.chars().take(200).collect()),
        sort,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(e: DomainError) -> Vec<(String, String)> {
        match e {
            DomainError::Validation(e) => e.into_iter().map(|e| (e.field, e.code)).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn feedback_is_bounded() {
        assert_eq!(validate_feedback(" interview ", Some(4), Some(" ok ")).unwrap(), ("interview".into(), 4, Some("ok".into())));
        assert_eq!(
            codes(validate_feedback("chat", Some(6), Some(&"x".repeat(10_001))).unwrap_err()),
            [("feedback_type".into(), "invalid_type".into()), ("rating".into(), "out_of_range".into()), ("comments".into(), "too_long".into())]
        );
        assert_eq!(codes(validate_feedback("general", None, None).unwrap_err()), [("rating".into(), "out_of_range".into())]);
        assert!(validate_feedback("general", Some(1), None).is_ok());
    }

    #[test]
    fn public_applicants_are_validated_and_normalized() {
        let ok = PublicApplyInput { full_name: " Priya ".into(), email: " Priya@Example.com".into(), phone: Some("+91 98765-43210".into()), ..Default::default() }
            .validate()
            .unwrap();
        assert_eq!((ok.full_name.as_str(), ok.email_normalized.as_str(), ok.phone_normalized.as_deref()), ("Priya", "priya@example.com", Some("+919876543210")));
        let bad = PublicApplyInput {
            full_name: "".into(),
            email: "nope".into(),
            phone: Some("call me".into()),
            cover_letter: Some("x".repeat(10_001)),
            linkedin_url: Some("javascript:alert(1)".into()),
            website: None,
        };
        assert_eq!(
            codes(bad.validate().unwrap_err()).into_iter().map(|(f, _)| f).collect::<Vec<_>>(),
            ["full_name", "email", "phone", "cover_letter", "linkedin_url"]
        );
        assert!(PublicApplyInput { website: Some("http://spam".into()), ..Default::default() }.is_bot());
        assert!(!PublicApplyInput { website: Some("  ".into()), ..Default::default() }.is_bot());
    }

    #[test]
    fn sources_and_filters_refuse_unknown_values() {
        assert_eq!(parse_source(None).unwrap(), "sourced");
        assert_eq!(parse_source(Some("referral")).unwrap(), "referral");
        assert_eq!(parse_source(Some("magic")).unwrap_err().field, "source");
        let f = ListFilters { state: Some("won".into()), submitted_from: Some("2026-13-01".into()), ..Default::default() };
        assert_eq!(codes(application_query(f).unwrap_err()).into_iter().map(|(f, _)| f).collect::<Vec<_>>(), ["state", "submitted_from"]);
        let q = application_query(ListFilters { state: Some("hired".into()), submitted_to: Some("2026-11-21".into()), ..Default::default() }).unwrap();
        assert_eq!(q.state, Some(StageKind::Hired));
        assert_eq!(q.submitted_to, chrono::NaiveDate::from_ymd_opt(2026, 11, 21));
        assert_eq!(q.sort, ApplicationSort::Newest);
    }

    #[test]
    fn candidate_text_sort_and_date_range_are_checked() {
        let q = application_query(ListFilters { q: Some("  maya  ".into()), sort: Some("in_stage".into()), ..Default::default() }).unwrap();
        assert_eq!((q.candidate_text.as_deref(), q.sort), (Some("maya"), ApplicationSort::InStageLongest));
        assert_eq!(application_query(ListFilters { q: Some("x".repeat(300)), ..Default::default() }).unwrap().candidate_text.unwrap().len(), 200);
        assert_eq!(application_query(ListFilters { q: Some("   ".into()), ..Default::default() }).unwrap().candidate_text, None);
        let bad = ListFilters {
            sort: Some("random".into()),
            submitted_from: Some("2026-11-21".into()),
            submitted_to: Some("2026-11-20".into()),
            ..Default::default()
        };
        assert_eq!(
            codes(application_query(bad).unwrap_err()),
            [("submitted_to".to_string(), "before_start".to_string()), ("sort".to_string(), "invalid_sort".to_string())]
        );
    }
}
