//! List filters, parsed from the query string: an unknown value is a 422
//! naming the parameter, never an empty list.

use super::{EMPLOYMENT_TYPES, KINDS, PRIORITIES, STATUSES, WORK_MODES};
use crate::text_input::filter_text as text;
use crate::text_search::{build_text_query, TextQuery, STOPWORDS};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::ids::{CompanyId, UserId};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum JobSort {
    #[default]
    Newest,
    Oldest,
    /// Longest open first.
    Ageing,
    /// Critical first.
    Priority,
    Title,
    /// Most recently updated first.
    Updated,
}

/// `owner=mine` (the caller's company's jobs) or `shared` (shared with it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnerFilter {
    Mine,
    Shared,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct JobQuery {
    pub status: Option<String>,
    pub kind: Option<String>,
    pub client: Option<String>,
    pub recruiter: Option<UserId>,
    pub manager: Option<UserId>,
    pub priority: Option<String>,
    pub ageing_min: Option<u32>,
    pub ageing_max: Option<u32>,
    /// The `q` search, as FULLTEXT (see `text_search`).
    pub text: Option<TextQuery>,
    pub published: Option<bool>,
    pub owner: Option<OwnerFilter>,
    pub sort: JobSort,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PublicJobQuery {
    /// The `q` search. Its words must also occur in the job's public text
    /// (`public_words`), so internal fields (client, account) never make a job match.
    pub text: Option<TextQuery>,
    pub location: Option<String>,
    pub employment_type: Option<String>,
    pub work_mode: Option<String>,
    pub tag: Option<String>,
    pub company: Option<CompanyId>,
}

impl PublicJobQuery {
    /// The search words a job's public text must contain (stopwords aside,
    /// which appear in prose without meaning anything).
    pub fn public_words(&self) -> Vec<&str> {
        self.text.iter().flat_map(|t| t.words.iter()).map(String::as_str).filter(|w| !STOPWORDS.contains(w)).collect()
    }
}

/// The raw query parameters of `GET /api/jobs`.
#[derive(Clone, Debug, Default)]
pub struct RawJobQuery<'a> {
    pub status: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub client: Option<&'a str>,
    pub recruiter: Option<&'a str>,
    pub manager: Option<&'a str>,
    pub priority: Option<&'a str>,
    pub ageing_min: Option<&'a str>,
    pub ageing_max: Option<&'a str>,
    pub q: Option<&'a str>,
    pub published: Option<&'a str>,
    pub owner: Option<&'a str>,
    pub sort: Option<&'a str>,
}


fn choice(errors: &mut Vec<FieldError>, name: &str, v: Option<&str>, allowed: &[&str]) -> Option<String> {
    let v = v.map(str::trim).filter(|t| !t.is_empty())?;
    if allowed.contains(&v) {
        Some(v.to_string())
    } else {
        errors.push(FieldError::new(name, "invalid_choice", format!("must be one of: {}", allowed.join(", "))));
        None
    }
}

fn user(errors: &mut Vec<FieldError>, name: &str, v: Option<&str>) -> Option<UserId> {
    let v = v.map(str::trim).filter(|t| !t.is_empty())?;
    v.parse().map_err(|_| errors.push(FieldError::new(name, "invalid_id", "must be a user id"))).ok()
}

fn days(errors: &mut Vec<FieldError>, name: &str, v: Option<&str>) -> Option<u32> {
    let v = v.map(str::trim).filter(|t| !t.is_empty())?;
    v.parse::<u32>().ok().filter(|d| *d <= 36_500).or_else(|| {
        errors.push(FieldError::new(name, "invalid_number", "must be a whole number of days"));
        None
    })
}

pub fn job_query(raw: RawJobQuery<'_>) -> DomainResult<JobQuery> {
    let mut e = Vec::new();
    let q = JobQuery {
        status: choice(&mut e, "status", raw.status, STATUSES),
        kind: choice(&mut e, "kind", raw.kind, KINDS),
        client: text(raw.client),
        recruiter: user(&mut e, "recruiter", raw.recruiter),
        manager: user(&mut e, "manager", raw.manager),
        priority: choice(&mut e, "priority", raw.priority, PRIORITIES),
        ageing_min: days(&mut e, "ageing_min", raw.ageing_min),
        ageing_max: days(&mut e, "ageing_max", raw.ageing_max),
        text: raw.q.and_then(build_text_query),
        published: match raw.published.map(str::trim) {
            None | Some("") => None,
            Some("true") => Some(true),
            Some("false") => Some(false),
            Some(_) => {
                e.push(FieldError::new("published", "invalid_choice", "must be `true` or `false`"));
                None
            }
        },
        owner: match choice(&mut e, "owner", raw.owner, &["mine", "shared"]).as_deref() {
            Some("mine") => Some(OwnerFilter::Mine),
            Some(_) => Some(OwnerFilter::Shared),
            None => None,
        },
        sort: match choice(&mut e, "sort", raw.sort, &["newest", "oldest", "ageing", "priority", "title", "updated"]).as_deref() {
            Some("oldest") => JobSort::Oldest,
            Some("ageing") => JobSort::Ageing,
            Some("priority") => JobSort::Priority,
            Some("title") => JobSort::Title,
            Some("updated") => JobSort::Updated,
            _ => JobSort::Newest,
        },
    };
    if let (Some(lo), Some(hi)) = (q.ageing_min, q.ageing_max)
        && lo > hi
    {
        e.push(FieldError::new("ageing_max", "less_than_min", "must not be below ageing_min"));
    }
    if e.is_empty() { Ok(q) } else { Err(DomainError::Validation(e)) }
}

/// The public board's filters.
pub fn public_job_query(
    q: Option<&str>,
    location: Option<&str>,
    employment_type: Option<&str>,
    work_mode: Option<&str>,
    tag: Option<&str>,
    company: Option<&str>,
) -> DomainResult<PublicJobQuery> {
    let mut e = Vec::new();
    let query = PublicJobQuery {
        text: q.and_then(build_text_query),
        location: text(location),
        employment_type: choice(&mut e, "employment_type", employment_type, EMPLOYMENT_TYPES),
        work_mode: choice(&mut e, "work_mode", work_mode, WORK_MODES),
        tag: text(tag),
        company: company.map(str::trim).filter(|t| !t.is_empty()).and_then(|c| {
            c.parse().map_err(|_| e.push(FieldError::new("company", "invalid_id", "must be a company id"))).ok()
        }),
    };
    if e.is_empty() { Ok(query) } else { Err(DomainError::Validation(e)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_filter_values_name_the_parameter() {
        let raw = RawJobQuery {
            status: Some("gone"),
            kind: Some("gig"),
            recruiter: Some("nobody"),
            priority: Some("asap"),
            ageing_min: Some("-1"),
            published: Some("yes"),
            owner: Some("theirs"),
            sort: Some("random"),
            ..Default::default()
        };
        match job_query(raw) {
            Err(DomainError::Validation(errs)) => {
                let names: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
                assert_eq!(names, ["status", "kind", "recruiter", "priority", "ageing_min", "published", "owner", "sort"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn good_filters_parse() {
        let q = job_query(RawJobQuery {
            status: Some("open"),
            ageing_min: Some("3"),
            ageing_max: Some("10"),
            published: Some("true"),
            owner: Some("shared"),
            sort: Some("ageing"),
            q: Some("rust"),
            ..Default::default()
        })
        .unwrap();
        assert_eq!((q.status.as_deref(), q.ageing_min, q.ageing_max, q.published, q.owner, q.sort), (Some("open"), Some(3), Some(10), Some(true), Some(OwnerFilter::Shared), JobSort::Ageing));
        assert!(job_query(RawJobQuery { ageing_min: Some("9"), ageing_max: Some("2"), ..Default::default() }).is_err());
        assert!(public_job_query(None, None, Some("gig"), None, None, None).is_err());
        assert!(public_job_query(None, None, None, None, None, Some("x")).is_err());
    }
}
