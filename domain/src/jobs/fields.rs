//! The editable fields of a job and their validation. Creation and PATCH both
//! end in a complete `JobFields` that `validate_fields` checks as a whole, so
//! every bad field is reported in one answer.

use crate::error::FieldError;
use crate::identity::CompanyType;
use crate::ids::{CompanyId, UserId};
use serde::Serialize;

pub const TITLE_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 50_000;
pub const NOTES_MAX: usize = 50_000;
pub const DEPARTMENT_MAX: usize = 120;
pub const TEXT_MAX: usize = 200;
pub const TAGS_MAX: usize = 20;
pub const TAG_MAX: usize = 40;
pub const REFERENCE_MAX: usize = 40;
pub const POSITIONS_MAX: i64 = 10_000;
pub const EXPERIENCE_MAX: f64 = 60.0;
pub const BUDGET_MAX: f64 = 999_999_999_999.99;

pub const KINDS: &[&str] = &["opening", "requirement"];
pub const WORK_MODES: &[&str] = &["onsite", "remote", "hybrid"];
pub const EMPLOYMENT_TYPES: &[&str] = &["full_time", "part_time", "contract", "contract_to_hire", "internship", "freelance"];
pub const BUDGET_PERIODS: &[&str] = &["year", "month", "day", "hour"];
pub const PRIORITIES: &[&str] = &["low", "medium", "high", "critical"];
pub const CLOSE_REASONS: &[&str] = &["filled", "cancelled", "other"];

/// Everything about a job a user edits (the lifecycle is separate).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JobFields {
    /// `opening` or `requirement`; fixed at creation.
    pub kind: String,
    pub title: String,
    pub description: String,
    pub department: Option<String>,
    pub location: Option<String>,
    pub work_mode: Option<String>,
    pub employment_type: Option<String>,
    pub tags: Vec<String>,
    pub client_name: Option<String>,
    pub client_spoc: Option<String>,
    pub end_customer: Option<String>,
    pub account: Option<String>,
    pub positions: i64,
    pub budget_min: Option<f64>,
    pub budget_max: Option<f64>,
    pub budget_currency: Option<String>,
    pub budget_period: Option<String>,
    pub experience_min: Option<f64>,
    pub experience_max: Option<f64>,
    pub priority: String,
    pub manager_id: Option<UserId>,
    pub notes: Option<String>,
}

/// `POST /api/jobs` as the domain receives it.
#[derive(Clone, Debug, Default)]
pub struct NewJobInput {
    pub company_id: Option<CompanyId>,
    pub kind: Option<String>,
    pub reference: Option<String>,
    pub status: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub department: Option<String>,
    pub location: Option<String>,
    pub work_mode: Option<String>,
    pub employment_type: Option<String>,
    pub tags: Option<Vec<String>>,
    pub client_name: Option<String>,
    pub client_spoc: Option<String>,
    pub end_customer: Option<String>,
    pub account: Option<String>,
    pub positions: Option<i64>,
    pub budget_min: Option<f64>,
    pub budget_max: Option<f64>,
    pub budget_currency: Option<String>,
    pub budget_period: Option<String>,
    pub experience_min: Option<f64>,
    pub experience_max: Option<f64>,
    pub priority: Option<String>,
    pub manager_id: Option<UserId>,
    pub notes: Option<String>,
}

impl NewJobInput {
    /// The fields with their defaults (opening, 1 position, medium priority).
    pub fn fields(&self) -> JobFields {
        JobFields {
            kind: self.kind.clone().unwrap_or_else(|| "opening".into()),
            title: self.title.clone().unwrap_or_default(),
            description: self.description.clone().unwrap_or_default(),
            department: self.department.clone(),
            location: self.location.clone(),
            work_mode: self.work_mode.clone(),
            employment_type: self.employment_type.clone(),
            tags: self.tags.clone().unwrap_or_default(),
            client_name: self.client_name.clone(),
            client_spoc: self.client_spoc.clone(),
            end_customer: self.end_customer.clone(),
            account: self.account.clone(),
            positions: self.positions.unwrap_or(1),
            budget_min: self.budget_min,
            budget_max: self.budget_max,
            budget_currency: self.budget_currency.clone(),
            budget_period: self.budget_period.clone(),
            experience_min: self.experience_min,
            experience_max: self.experience_max,
            priority: self.priority.clone().unwrap_or_else(|| "medium".into()),
            manager_id: self.manager_id,
            notes: self.notes.clone(),
        }
    }
}

/// `PATCH /api/jobs/{id}`: `None` leaves a field alone; for optional fields
/// `Some(None)` clears it.
#[derive(Clone, Debug, Default)]
pub struct JobChanges {
    pub reference: Option<String>,
    pub status: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub department: Option<Option<String>>,
    pub location: Option<Option<String>>,
    pub work_mode: Option<Option<String>>,
    pub employment_type: Option<Option<String>>,
    pub tags: Option<Vec<String>>,
    pub client_name: Option<Option<String>>,
    pub client_spoc: Option<Option<String>>,
    pub end_customer: Option<Option<String>>,
    pub account: Option<Option<String>>,
    pub positions: Option<i64>,
    pub budget_min: Option<Option<f64>>,
    pub budget_max: Option<Option<f64>>,
    pub budget_currency: Option<Option<String>>,
    pub budget_period: Option<Option<String>>,
    pub experience_min: Option<Option<f64>>,
    pub experience_max: Option<Option<f64>>,
    pub priority: Option<String>,
    pub manager_id: Option<Option<UserId>>,
    pub notes: Option<Option<String>>,
}

impl JobChanges {
    /// `current` with these changes applied (not yet validated).
    pub fn apply(&self, current: &JobFields) -> JobFields {
        fn set<T: Clone>(target: &mut T, change: &Option<T>) {
            if let Some(v) = change {
                *target = v.clone();
            }
        }
        let mut f = current.clone();
        set(&mut f.title, &self.title);
        set(&mut f.description, &self.description);
        set(&mut f.department, &self.department);
        set(&mut f.location, &self.location);
        set(&mut f.work_mode, &self.work_mode);
        set(&mut f.employment_type, &self.employment_type);
        set(&mut f.tags, &self.tags);
        set(&mut f.client_name, &self.client_name);
        set(&mut f.client_spoc, &self.client_spoc);
        set(&mut f.end_customer, &self.end_customer);
        set(&mut f.account, &self.account);
        set(&mut f.positions, &self.positions);
        set(&mut f.budget_min, &self.budget_min);
        set(&mut f.budget_max, &self.budget_max);
        set(&mut f.budget_currency, &self.budget_currency);
        set(&mut f.budget_period, &self.budget_period);
        set(&mut f.experience_min, &self.experience_min);
        set(&mut f.experience_max, &self.experience_max);
        set(&mut f.priority, &self.priority);
        set(&mut f.manager_id, &self.manager_id);
        set(&mut f.notes, &self.notes);
        f
    }
}

fn bad_length(field: &str, min: usize, max: usize) -> FieldError {
    FieldError::new(field, "invalid_length", format!("must be between {min} and {max} characters"))
}

/// Trimmed; blank becomes absent.
fn clean_opt(v: &Option<String>) -> Option<String> {
    crate::text_input::trimmed(v.as_deref())
}

fn check_text(errors: &mut Vec<FieldError>, field: &str, value: &Option<String>, max: usize, multiline: bool) {
    if let Some(v) = value {
        let bad_chars = v.chars().any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        if v.chars().count() > max || bad_chars {
            errors.push(bad_length(field, 1, max));
        }
    }
}

fn check_choice(errors: &mut Vec<FieldError>, field: &str, value: Option<&str>, allowed: &[&str]) {
    if let Some(v) = value
        && !allowed.contains(&v)
    {
        errors.push(FieldError::new(field, "invalid_choice", format!("must be one of: {}", allowed.join(", "))));
    }
}

fn check_range(errors: &mut Vec<FieldError>, field: &str, value: Option<f64>, max: f64) {
    if let Some(v) = value
        && (!v.is_finite() || !(0.0..=max).contains(&v))
    {
        errors.push(FieldError::new(field, "out_of_range", format!("must be between 0 and {max}")));
    }
}

/// A job reference: 1 to 40 letters, digits, `-`, `_`, `/` or `.`.
pub fn validate_reference(raw: &str) -> Result<String, FieldError> {
    let r = raw.trim();
    if r.is_empty() || r.chars().count() > REFERENCE_MAX || !r.chars().all(|c| c.is_ascii_alphanumeric() || "-_/.".contains(c)) {
        return Err(FieldError::new("reference", "invalid_reference", "must be 1 to 40 letters, digits, '-', '_', '/' or '.'"));
    }
    Ok(r.to_string())
}

/// Normalise (trim, blank → absent, upper-case currency, dedupe tags) and
/// check every field. `owner` is the type of the company the job belongs to.
pub fn validate_fields(raw: &JobFields, owner: CompanyType) -> Result<JobFields, Vec<FieldError>> {
    let mut e = Vec::new();
    let mut f = raw.clone();
    f.title = raw.title.trim().to_string();
    for (slot, src) in [
        (&mut f.department, &raw.department),
        (&mut f.location, &raw.location),
        (&mut f.work_mode, &raw.work_mode),
        (&mut f.employment_type, &raw.employment_type),
        (&mut f.client_name, &raw.client_name),
        (&mut f.client_spoc, &raw.client_spoc),
        (&mut f.end_customer, &raw.end_customer),
        (&mut f.account, &raw.account),
        (&mut f.budget_period, &raw.budget_period),
        (&mut f.notes, &raw.notes),
    ] {
        *slot = clean_opt(src);
    }
    f.budget_currency = clean_opt(&raw.budget_currency).map(|c| c.to_ascii_uppercase());
    f.kind = raw.kind.trim().to_string();
    f.priority = raw.priority.trim().to_string();

    check_choice(&mut e, "kind", Some(&f.kind), KINDS);
    let title_len = f.title.chars().count();
    if title_len == 0 || title_len > TITLE_MAX || f.title.chars().any(char::is_control) {
        e.push(bad_length("title", 1, TITLE_MAX));
    }
    if f.description.chars().count() > DESCRIPTION_MAX {
        e.push(FieldError::new("description", "too_long", format!("must be at most {DESCRIPTION_MAX} characters")));
    }
    check_text(&mut e, "department", &f.department, DEPARTMENT_MAX, false);
    check_text(&mut e, "location", &f.location, TEXT_MAX, false);
    check_choice(&mut e, "work_mode", f.work_mode.as_deref(), WORK_MODES);
    check_choice(&mut e, "employment_type", f.employment_type.as_deref(), EMPLOYMENT_TYPES);

    let mut tags: Vec<String> = Vec::new();
    if raw.tags.len() > TAGS_MAX {
        e.push(FieldError::new("tags", "too_many", format!("at most {TAGS_MAX} tags")));
    }
    for (i, t) in raw.tags.iter().enumerate() {
        let t = t.trim();
        if t.is_empty() || t.chars().count() > TAG_MAX || t.chars().any(char::is_control) {
            e.push(bad_length(&format!("tags[{i}]"), 1, TAG_MAX));
        } else if !tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
            tags.push(t.to_string());
        }
    }
    f.tags = tags;

    for (field, value) in [("client_name", &f.client_name), ("client_spoc", &f.client_spoc), ("end_customer", &f.end_customer), ("account", &f.account)] {
        check_text(&mut e, field, value, TEXT_MAX, false);
    }
    if f.kind == "requirement" {
        if owner != CompanyType::Agency {
            e.push(FieldError::new("kind", "requirement_agency_only", "only agencies record client requirements"));
        }
        if f.client_name.is_none() {
            e.push(FieldError::new("client_name", "required", "a requirement names its client"));
        }
    }
    if !(1..=POSITIONS_MAX).contains(&f.positions) {
        e.push(FieldError::new("positions", "out_of_range", format!("must be between 1 and {POSITIONS_MAX}")));
    }
    check_range(&mut e, "budget_min", f.budget_min, BUDGET_MAX);
    check_range(&mut e, "budget_max", f.budget_max, BUDGET_MAX);
    if let (Some(lo), Some(hi)) = (f.budget_min, f.budget_max)
        && lo > hi
    {
        e.push(FieldError::new("budget_max", "less_than_min", "must not be below budget_min"));
    }
    if let Some(c) = &f.budget_currency {
        if c.len() != 3 || !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
            e.push(FieldError::new("budget_currency", "invalid_currency", "must be a 3-letter ISO 4217 code"));
        }
    } else if f.budget_min.is_some() || f.budget_max.is_some() {
        e.push(FieldError::new("budget_currency", "required", "a budget needs its currency"));
    }
    check_choice(&mut e, "budget_period", f.budget_period.as_deref(), BUDGET_PERIODS);
    check_range(&mut e, "experience_min", f.experience_min, EXPERIENCE_MAX);
    check_range(&mut e, "experience_max", f.experience_max, EXPERIENCE_MAX);
    if let (Some(lo), Some(hi)) = (f.experience_min, f.experience_max)
        && lo > hi
    {
        e.push(FieldError::new("experience_max", "less_than_min", "must not be below experience_min"));
    }
    check_choice(&mut e, "priority", Some(&f.priority), PRIORITIES);
    if f.notes.as_ref().is_some_and(|n| n.chars().count() > NOTES_MAX) {
        e.push(FieldError::new("notes", "too_long", format!("must be at most {NOTES_MAX} characters")));
    }
    // Stored with two (budget) and one (experience) decimals.
    f.budget_min = f.budget_min.map(|v| (v * 100.0).round() / 100.0);
    f.budget_max = f.budget_max.map(|v| (v * 100.0).round() / 100.0);
    f.experience_min = f.experience_min.map(|v| (v * 10.0).round() / 10.0);
    f.experience_max = f.experience_max.map(|v| (v * 10.0).round() / 10.0);
    if e.is_empty() { Ok(f) } else { Err(e) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> JobFields {
        NewJobInput { title: Some("Rust engineer".into()), ..Default::default() }.fields()
    }

    fn errs(f: JobFields, owner: CompanyType) -> Vec<(String, String)> {
        validate_fields(&f, owner).unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn defaults_make_a_valid_opening() {
        let f = validate_fields(&base(), CompanyType::Employer).unwrap();
        assert_eq!((f.kind.as_str(), f.positions, f.priority.as_str()), ("opening", 1, "medium"));
    }

    #[test]
    fn every_bad_field_is_named() {
        let f = JobFields {
            kind: "gig".into(),
            title: "  ".into(),
            description: "x".repeat(DESCRIPTION_MAX + 1),
            department: Some("d".repeat(121)),
            location: Some("l".repeat(201)),
            work_mode: Some("moon".into()),
            employment_type: Some("slave".into()),
            tags: (0..21).map(|i| format!("t{i}")).collect(),
            client_name: Some("c".repeat(201)),
            client_spoc: None,
            end_customer: None,
            account: None,
            positions: 0,
            budget_min: Some(-1.0),
            budget_max: None,
            budget_currency: Some("EURO".into()),
            budget_period: Some("week".into()),
            experience_min: Some(61.0),
            experience_max: None,
            priority: "urgent".into(),
            manager_id: None,
            notes: Some("n".repeat(NOTES_MAX + 1)),
        };
        let fields: Vec<String> = errs(f, CompanyType::Agency).into_iter().map(|(f, _)| f).collect();
        for expected in [
            "kind", "title", "description", "department", "location", "work_mode", "employment_type", "tags", "client_name", "positions",
            "budget_min", "budget_currency", "budget_period", "experience_min", "priority", "notes",
        ] {
            assert!(fields.contains(&expected.to_string()), "{expected} missing from {fields:?}");
        }
    }

    #[test]
    fn ranges_compare_min_and_max() {
        let mut f = base();
        f.budget_min = Some(100.0);
        f.budget_max = Some(50.0);
        f.budget_currency = Some("usd".into());
        f.experience_min = Some(5.0);
        f.experience_max = Some(2.0);
        assert_eq!(errs(f.clone(), CompanyType::Employer), [("budget_max".into(), "less_than_min".into()), ("experience_max".into(), "less_than_min".into())]);
        f.budget_max = Some(150.0);
        f.experience_max = Some(60.0);
        let ok = validate_fields(&f, CompanyType::Employer).unwrap();
        assert_eq!(ok.budget_currency.as_deref(), Some("USD"));
        f.budget_currency = None;
        assert_eq!(errs(f, CompanyType::Employer), [("budget_currency".into(), "required".into())]);
    }

    #[test]
    fn requirements_are_for_agencies_and_name_the_client() {
        let mut f = base();
        f.kind = "requirement".into();
        assert_eq!(errs(f.clone(), CompanyType::Agency), [("client_name".into(), "required".into())]);
        f.client_name = Some("  Globex ".into());
        assert_eq!(validate_fields(&f, CompanyType::Agency).unwrap().client_name.as_deref(), Some("Globex"));
        assert_eq!(errs(f, CompanyType::Employer), [("kind".into(), "requirement_agency_only".into())]);
    }

    #[test]
    fn tags_are_trimmed_deduplicated_and_bounded() {
        let mut f = base();
        f.tags = vec![" rust ".into(), "Rust".into(), "aws".into()];
        assert_eq!(validate_fields(&f, CompanyType::Employer).unwrap().tags, ["rust", "aws"]);
        f.tags = vec!["ok".into(), "x".repeat(41), " ".into()];
        assert_eq!(errs(f, CompanyType::Employer), [("tags[1]".into(), "invalid_length".into()), ("tags[2]".into(), "invalid_length".into())]);
    }

    #[test]
    fn patches_apply_and_clear() {
        let mut current = base();
        current.location = Some("Pune".into());
        current.department = Some("Eng".into());
        let changes = JobChanges { location: Some(None), title: Some("New".into()), ..Default::default() };
        let after = changes.apply(&current);
        assert_eq!((after.title.as_str(), after.location.as_deref(), after.department.as_deref()), ("New", None, Some("Eng")));
    }

    #[test]
    fn references_are_restricted() {
        assert_eq!(validate_reference(" REQ-7 ").unwrap(), "REQ-7");
        assert!(validate_reference("").is_err());
        assert!(validate_reference("a b").is_err());
        assert!(validate_reference(&"A".repeat(41)).is_err());
    }
}
