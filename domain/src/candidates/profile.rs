//! The shape of a candidate profile and the rules that keep its fields valid.

use super::{normalize_email, normalize_phone};
use crate::error::FieldError;
use crate::ids::{ApplicationId, CandidateId, CompanyId, FileId, JobId, ProfileItemId, StageId, UserId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

pub const NAME_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 20_000;
pub const LINK_MAX: usize = 500;
pub const TAGS_MAX: usize = 30;
pub const TAG_MAX: usize = 40;
pub const SKILLS_MAX: usize = 100;
pub const ITEMS_MAX: usize = 50;
pub const SOURCES: &[&str] = &["referral", "career_site", "job_board", "linkedin", "agency", "sourced", "imported", "other"];
pub const PROFICIENCIES: &[&str] = &["beginner", "intermediate", "advanced", "expert"];

/// Profile links; each an http(s) URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Links {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub linkedin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub github: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub portfolio: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub website: Option<String>,
}

/// A skill as entered.
#[derive(Clone, Debug, PartialEq)]
pub struct SkillInput {
    pub name: String,
    pub proficiency: Option<String>,
    pub years_experience: Option<f64>,
}

/// A job held, as entered.
#[derive(Clone, Debug, PartialEq)]
pub struct ExperienceInput {
    pub company_name: String,
    pub job_title: String,
    pub description: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub is_current: bool,
}

/// A degree, as entered.
#[derive(Clone, Debug, PartialEq)]
pub struct EducationInput {
    pub institution: String,
    pub degree: String,
    pub field_of_study: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub grade: Option<String>,
}

/// The scalar fields of a profile, validated (also the audited snapshot).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ProfileFields {
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub headline: Option<String>,
    pub current_title: Option<String>,
    pub current_company: Option<String>,
    pub location: Option<String>,
    pub total_experience_years: Option<f64>,
    pub notice_period_days: Option<u32>,
    pub current_salary: Option<f64>,
    pub expected_salary: Option<f64>,
    pub salary_currency: Option<String>,
    pub summary: Option<String>,
    pub source: Option<String>,
}

impl ProfileFields {
    /// The email dedupe key.
    pub fn email_key(&self) -> Option<String> {
        self.email.as_deref().and_then(normalize_email)
    }

    /// The phone dedupe key.
    pub fn phone_key(&self) -> Option<String> {
        self.phone.as_deref().and_then(normalize_phone)
    }
}

/// A profile as a request states it (create, self-service PUT, or the
/// current profile with a PATCH applied). Collections `None` stay unchanged.
#[derive(Clone, Debug, Default)]
pub struct ProfileInput {
    pub full_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub headline: Option<String>,
    pub current_title: Option<String>,
    pub current_company: Option<String>,
    pub location: Option<String>,
    pub total_experience_years: Option<f64>,
    pub notice_period_days: Option<i64>,
    pub current_salary: Option<f64>,
    pub expected_salary: Option<f64>,
    pub salary_currency: Option<String>,
    pub summary: Option<String>,
    pub source: Option<String>,
    pub links: Option<Links>,
    pub tags: Option<Vec<String>>,
    pub skills: Option<Vec<SkillInput>>,
    pub experience: Option<Vec<ExperienceInput>>,
    pub education: Option<Vec<EducationInput>>,
}

/// A validated profile ready to store.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidProfile {
    pub fields: ProfileFields,
    pub links: Option<Links>,
    pub tags: Option<Vec<String>>,
    pub skills: Option<Vec<SkillInput>>,
    pub experience: Option<Vec<ExperienceInput>>,
    pub education: Option<Vec<EducationInput>>,
}

/// One stored skill.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Skill {
    pub id: ProfileItemId,
    pub name: String,
    pub proficiency: Option<String>,
    pub years_experience: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Experience {
    pub id: ProfileItemId,
    pub company_name: String,
    pub job_title: String,
    pub description: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub is_current: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Education {
    pub id: ProfileItemId,
    pub institution: String,
    pub degree: String,
    pub field_of_study: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub grade: Option<String>,
}

/// A document attached to the profile (read-only here).
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileDocument {
    pub file_id: FileId,
    pub file_name: String,
    pub kind: String,
    pub virus_status: String,
    pub size: Option<u64>,
    pub added_at: DateTime<Utc>,
}

/// An application of the profile the caller may see.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileApplication {
    pub id: ApplicationId,
    pub job_id: JobId,
    pub job_title: String,
    pub job_reference: String,
    pub stage_id: StageId,
    pub stage_name: String,
    pub stage_kind: String,
    pub state: String,
    pub submitted_at: DateTime<Utc>,
}

/// A stored profile with everything the detail view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateProfile {
    pub id: CandidateId,
    pub company_id: Option<CompanyId>,
    pub company_name: Option<String>,
    pub user_id: Option<UserId>,
    pub fields: ProfileFields,
    pub links: Links,
    pub tags: Vec<String>,
    pub skills: Vec<Skill>,
    pub experience: Vec<Experience>,
    pub education: Vec<Education>,
    pub documents: Vec<ProfileDocument>,
    pub applications: Vec<ProfileApplication>,
    pub created_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Set by the use case: may the caller edit it?
    pub editable: bool,
}

impl CandidateProfile {
    /// The current profile as input, so a patch can be applied and re-validated.
    pub fn as_input(&self) -> ProfileInput {
        let f = &self.fields;
        ProfileInput {
            full_name: Some(f.full_name.clone()),
            email: f.email.clone(),
            phone: f.phone.clone(),
            headline: f.headline.clone(),
            current_title: f.current_title.clone(),
            current_company: f.current_company.clone(),
            location: f.location.clone(),
            total_experience_years: f.total_experience_years,
            notice_period_days: f.notice_period_days.map(i64::from),
            current_salary: f.current_salary,
            expected_salary: f.expected_salary,
            salary_currency: f.salary_currency.clone(),
            summary: f.summary.clone(),
            source: f.source.clone(),
            links: None,
            tags: None,
            skills: None,
            experience: None,
            education: None,
        }
    }
}

/// Trimmed; blank is None.
pub use crate::text_input::trimmed as clean;

fn text(errors: &mut Vec<FieldError>, field: &str, raw: Option<&str>, max: usize) -> Option<String> {
    let value = clean(raw)?;
    if value.chars().count() > max || value.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        errors.push(FieldError::new(field, "invalid_length", format!("must be at most {max} characters of text")));
        return None;
    }
    Some(value)
}

fn required(errors: &mut Vec<FieldError>, field: &str, raw: Option<&str>, max: usize) -> String {
    match clean(raw) {
        None => {
            errors.push(FieldError::new(field, "required", "is required"));
            String::new()
        }
        Some(_) => text(errors, field, raw, max).unwrap_or_default(),
    }
}

fn number(errors: &mut Vec<FieldError>, field: &str, value: Option<f64>, min: f64, max: f64) -> Option<f64> {
    let v = value?;
    if !v.is_finite() || v < min || v > max {
        errors.push(FieldError::new(field, "out_of_range", format!("must be between {min} and {max}")));
        return None;
    }
    Some(v)
}

/// An http(s) URL of at most 500 characters.
pub fn valid_url(raw: &str) -> bool {
    let lower = raw.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    raw.len() <= LINK_MAX
        && rest.is_some_and(|r| {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !r.chars().any(|c| c.is_whitespace() || c.is_control())
        })
}

fn links(errors: &mut Vec<FieldError>, raw: &Links) -> Links {
    let mut one = |name: &str, v: &Option<String>| {
        let v = clean(v.as_deref())?;
        if valid_url(&v) {
            Some(v)
        } else {
            errors.push(FieldError::new(format!("links.{name}"), "invalid_url", "must be an http(s) URL of at most 500 characters"));
            None
        }
    };
    Links {
        linkedin: one("linkedin", &raw.linkedin),
        github: one("github", &raw.github),
        portfolio: one("portfolio", &raw.portfolio),
        website: one("website", &raw.website),
    }
}

/// Trimmed, deduplicated case-insensitively (first spelling wins), at most 30 of 1–40 characters.
pub fn validate_tags(errors: &mut Vec<FieldError>, raw: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        let t = t.trim();
        if t.is_empty() || t.chars().count() > TAG_MAX || t.chars().any(char::is_control) {
            errors.push(FieldError::new(format!("tags[{i}]"), "invalid_tag", "each tag has 1 to 40 characters"));
            continue;
        }
        if !out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            out.push(t.to_string());
        }
    }
    if out.len() > TAGS_MAX {
        errors.push(FieldError::new("tags", "too_many", "at most 30 tags"));
    }
    out
}

/// One skill; `field` prefixes the error names (`skills[0]` or `` for a single item).
pub fn validate_skill(errors: &mut Vec<FieldError>, field: &str, s: &SkillInput) -> SkillInput {
    let name = required(errors, &join(field, "name"), Some(&s.name), 100);
    let proficiency = clean(s.proficiency.as_deref()).map(|p| p.to_lowercase());
    if let Some(p) = &proficiency && !PROFICIENCIES.contains(&p.as_str()) {
        errors.push(FieldError::new(join(field, "proficiency"), "invalid_proficiency", "must be beginner, intermediate, advanced or expert"));
    }
    let years_experience = number(errors, &join(field, "years_experience"), s.years_experience, 0.0, 60.0);
    SkillInput { name, proficiency, years_experience }
}

pub fn validate_experience(errors: &mut Vec<FieldError>, field: &str, e: &ExperienceInput) -> ExperienceInput {
    let company_name = required(errors, &join(field, "company_name"), Some(&e.company_name), 200);
    let job_title = required(errors, &join(field, "job_title"), Some(&e.job_title), 200);
    let description = text(errors, &join(field, "description"), e.description.as_deref(), SUMMARY_MAX);
    if e.is_current && e.end_date.is_some() {
        errors.push(FieldError::new(join(field, "end_date"), "current_has_no_end", "a current position has no end date"));
    }
    if let Some(end) = e.end_date && end < e.start_date {
        errors.push(FieldError::new(join(field, "end_date"), "before_start", "must not be before the start date"));
    }
    ExperienceInput { company_name, job_title, description, start_date: e.start_date, end_date: e.end_date, is_current: e.is_current }
}

pub fn validate_education(errors: &mut Vec<FieldError>, field: &str, e: &EducationInput) -> EducationInput {
    let institution = required(errors, &join(field, "institution"), Some(&e.institution), 200);
    let degree = required(errors, &join(field, "degree"), Some(&e.degree), 120);
    let field_of_study = text(errors, &join(field, "field_of_study"), e.field_of_study.as_deref(), 120);
    let grade = text(errors, &join(field, "grade"), e.grade.as_deref(), 40);
    if let (Some(start), Some(end)) = (e.start_date, e.end_date) && end < start {
        errors.push(FieldError::new(join(field, "end_date"), "before_start", "must not be before the start date"));
    }
    EducationInput { institution, degree, field_of_study, start_date: e.start_date, end_date: e.end_date, grade }
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") }
}

/// Validate a whole profile, listing every bad field.
pub fn validate_profile(input: &ProfileInput) -> Result<ValidProfile, Vec<FieldError>> {
    let mut e = Vec::new();
    let full_name = required(&mut e, "full_name", input.full_name.as_deref(), NAME_MAX);
    let email = clean(input.email.as_deref());
    if let Some(raw) = &email && normalize_email(raw).is_none() {
        e.push(FieldError::new("email", "invalid_email", "is not an email address"));
    }
    let phone = clean(input.phone.as_deref());
    if let Some(raw) = &phone && (raw.len() > 40 || normalize_phone(raw).is_none()) {
        e.push(FieldError::new("phone", "invalid_phone", "must have 7 to 15 digits"));
    }
    if email.is_none() && phone.is_none() {
        e.push(FieldError::new("email", "contact_required", "give an email or a phone number"));
    }
    let headline = text(&mut e, "headline", input.headline.as_deref(), 200);
    let current_title = text(&mut e, "current_title", input.current_title.as_deref(), 200);
    let current_company = text(&mut e, "current_company", input.current_company.as_deref(), 200);
    let location = text(&mut e, "location", input.location.as_deref(), 200);
    let total_experience_years = number(&mut e, "total_experience_years", input.total_experience_years, 0.0, 60.0);
    let notice_period_days = match input.notice_period_days {
        Some(d) if !(0..=365).contains(&d) => {
            e.push(FieldError::new("notice_period_days", "out_of_range", "must be between 0 and 365"));
            None
        }
        d => d.map(|d| d as u32),
    };
    let current_salary = number(&mut e, "current_salary", input.current_salary, 0.0, 999_999_999_999.0);
    let expected_salary = number(&mut e, "expected_salary", input.expected_salary, 0.0, 999_999_999_999.0);
    let salary_currency = clean(input.salary_currency.as_deref()).map(|c| c.to_uppercase());
    if let Some(c) = &salary_currency && (c.len() != 3 || !c.chars().all(|ch| ch.is_ascii_uppercase())) {
        e.push(FieldError::new("salary_currency", "invalid_currency", "must be a three-letter currency code"));
    }
    let summary = text(&mut e, "summary", input.summary.as_deref(), SUMMARY_MAX);
    let source = clean(input.source.as_deref()).map(|s| s.to_lowercase());
    if let Some(s) = &source && !SOURCES.contains(&s.as_str()) {
        e.push(FieldError::new("source", "invalid_source", "is not a known source"));
    }
    let links = input.links.as_ref().map(|l| links(&mut e, l));
    let tags = input.tags.as_ref().map(|t| validate_tags(&mut e, t));
    let skills = input.skills.as_ref().map(|list| {
        if list.len() > SKILLS_MAX {
            e.push(FieldError::new("skills", "too_many", "at most 100 skills"));
        }
        let mut out: Vec<SkillInput> = Vec::new();
        for (i, s) in list.iter().enumerate() {
            let s = validate_skill(&mut e, &format!("skills[{i}]"), s);
            if out.iter().any(|o| o.name.to_lowercase() == s.name.to_lowercase()) {
                e.push(FieldError::new(format!("skills[{i}].name"), "duplicate_skill", "is listed twice"));
            }
            out.push(s);
        }
        out
    });
    let experience = input.experience.as_ref().map(|list| {
        if list.len() > ITEMS_MAX {
            e.push(FieldError::new("experience", "too_many", "at most 50 entries"));
        }
        list.iter().enumerate().map(|(i, x)| validate_experience(&mut e, &format!("experience[{i}]"), x)).collect()
    });
    let education = input.education.as_ref().map(|list| {
        if list.len() > ITEMS_MAX {
            e.push(FieldError::new("education", "too_many", "at most 50 entries"));
        }
        list.iter().enumerate().map(|(i, x)| validate_education(&mut e, &format!("education[{i}]"), x)).collect()
    });
    if !e.is_empty() {
        return Err(e);
    }
    Ok(ValidProfile {
        fields: ProfileFields {
            full_name,
            email,
            phone,
            headline,
            current_title,
            current_company,
            location,
            total_experience_years,
            notice_period_days,
            current_salary,
            expected_salary,
            salary_currency,
            summary,
            source,
        },
        links,
        tags,
        skills,
        experience,
        education,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> ProfileInput {
        ProfileInput { full_name: Some("  Priya Sharma ".into()), email: Some("Priya@Example.com".into()), ..Default::default() }
    }

    fn codes(r: Result<ValidProfile, Vec<FieldError>>) -> Vec<(String, String)> {
        r.unwrap_err().into_iter().map(|e| (e.field, e.code)).collect()
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_name_and_one_contact_are_enough() {
        let v = validate_profile(&base()).unwrap();
        assert_eq!(v.fields.full_name, "Priya Sharma");
        assert_eq!(v.fields.email_key().as_deref(), Some("priya@example.com"));
        let phone_only = ProfileInput { email: None, phone: Some("+91 98765-43210".into()), ..base() };
        assert_eq!(validate_profile(&phone_only).unwrap().fields.phone_key().as_deref(), Some("+919876543210"));
    }

    #[test]
    fn every_bad_field_is_listed() {
        let input = ProfileInput {
            full_name: Some(" ".into()),
            email: None,
            phone: None,
            total_experience_years: Some(61.0),
            notice_period_days: Some(366),
            salary_currency: Some("rupees".into()),
            source: Some("carrier_pigeon".into()),
            summary: Some("x".repeat(SUMMARY_MAX + 1)),
            ..Default::default()
        };
        assert_eq!(
            codes(validate_profile(&input)),
            [
                ("full_name", "required"),
                ("email", "contact_required"),
                ("total_experience_years", "out_of_range"),
                ("notice_period_days", "out_of_range"),
                ("salary_currency", "invalid_currency"),
                ("summary", "invalid_length"),
                ("source", "invalid_source"),
            ]
            .map(|(f, c)| (f.to_string(), c.to_string()))
        );
        let bad_contacts = ProfileInput { email: Some("nope".into()), phone: Some("12".into()), ..base() };
        assert_eq!(codes(validate_profile(&bad_contacts)), [("email".to_string(), "invalid_email".to_string()), ("phone".into(), "invalid_phone".into())]);
    }

    #[test]
    fn links_must_be_web_urls() {
        assert!(valid_url("https://linkedin.com/in/priya"));
        assert!(valid_url("http://example.com"));
        assert!(!valid_url("ftp://example.com"));
        assert!(!valid_url("javascript:alert(1)"));
        assert!(!valid_url("https://"));
        assert!(!valid_url(&format!("https://e.com/{}", "a".repeat(LINK_MAX))));
        let input = ProfileInput {
            links: Some(Links { linkedin: Some("https://linkedin.com/in/p".into()), github: Some("github.com/p".into()), ..Default::default() }),
            ..base()
        };
        assert_eq!(codes(validate_profile(&input)), [("links.github".to_string(), "invalid_url".to_string())]);
    }

    #[test]
    fn tags_are_deduplicated_case_insensitively_and_bounded() {
        let mut e = Vec::new();
        assert_eq!(validate_tags(&mut e, &[" Rust ".into(), "rust".into(), "Go".into()]), ["Rust", "Go"]);
        assert!(e.is_empty());
        let many: Vec<String> = (0..31).map(|i| format!("t{i}")).collect();
        validate_tags(&mut e, &many);
        validate_tags(&mut e, &["x".repeat(41)]);
        assert_eq!(e.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(), ["too_many", "invalid_tag"]);
    }

    #[test]
    fn experience_dates_are_consistent() {
        let job = |start: &str, end: Option<&str>, current: bool| ExperienceInput {
            company_name: "Acme".into(),
            job_title: "Engineer".into(),
            description: None,
            start_date: date(start),
            end_date: end.map(date),
            is_current: current,
        };
        let mut e = Vec::new();
        validate_experience(&mut e, "", &job("2020-01-01", Some("2021-01-01"), false));
        validate_experience(&mut e, "", &job("2020-01-01", None, true));
        validate_experience(&mut e, "", &job("2020-01-01", Some("2020-01-01"), false));
        assert!(e.is_empty());
        validate_experience(&mut e, "experience[0]", &job("2020-01-01", Some("2019-12-31"), false));
        validate_experience(&mut e, "experience[1]", &job("2020-01-01", Some("2021-01-01"), true));
        assert_eq!(
            e.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect::<Vec<_>>(),
            [("experience[0].end_date", "before_start"), ("experience[1].end_date", "current_has_no_end")]
        );
        let mut e = Vec::new();
        let degree = EducationInput {
            institution: "IIT".into(),
            degree: "BTech".into(),
            field_of_study: None,
            start_date: Some(date("2015-07-01")),
            end_date: Some(date("2015-06-01")),
            grade: None,
        };
        validate_education(&mut e, "", &degree);
        assert_eq!(e[0].code, "before_start");
    }

    #[test]
    fn skills_are_checked_and_not_repeated() {
        let skill = |n: &str, p: Option<&str>, y: Option<f64>| SkillInput { name: n.into(), proficiency: p.map(Into::into), years_experience: y };
        let input = ProfileInput {
            skills: Some(vec![skill("Rust", Some("Expert"), Some(5.0)), skill("rust", None, None), skill("Go", Some("guru"), Some(-1.0))]),
            ..base()
        };
        assert_eq!(
            codes(validate_profile(&input)),
            [("skills[1].name", "duplicate_skill"), ("skills[2].proficiency", "invalid_proficiency"), ("skills[2].years_experience", "out_of_range")]
                .map(|(f, c)| (f.to_string(), c.to_string()))
        );
        let ok = ProfileInput { skills: Some(vec![skill("Rust", Some("Expert"), Some(5.0))]), ..base() };
        assert_eq!(validate_profile(&ok).unwrap().skills.unwrap()[0].proficiency.as_deref(), Some("expert"));
    }
}
