//! The recruiter list: filters, sort and the FULLTEXT term builder.

use super::profile::{clean, SOURCES};
use crate::text_search::{build_text_query, TextQuery};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::ids::{CandidateId, CompanyId, UserId};
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CandidateSort {
    #[default]
    Newest,
    Name,
    Updated,
}

/// Filters as the request gives them.
#[derive(Clone, Debug, Default)]
pub struct CandidateFilters {
    pub q: Option<String>,
    pub tag: Option<String>,
    pub skill: Option<String>,
    pub source: Option<String>,
    pub location: Option<String>,
    pub experience_min: Option<f64>,
    pub experience_max: Option<f64>,
    pub created_by: Option<UserId>,
    pub created_from: Option<NaiveDate>,
    pub created_to: Option<NaiveDate>,
    pub sort: Option<String>,
}

/// A checked list query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CandidateQuery {
    /// A FULLTEXT boolean-mode expression: every word a required prefix.
    /// The `q` search, as FULLTEXT (see `text_search`).
    pub fulltext: Option<TextQuery>,
    pub tag: Option<String>,
    pub skill: Option<String>,
    pub source: Option<String>,
    pub location: Option<String>,
    pub experience_min: Option<f64>,
    pub experience_max: Option<f64>,
    pub created_by: Option<UserId>,
    pub created_from: Option<NaiveDate>,
    /// Inclusive day.
    pub created_to: Option<NaiveDate>,
    pub sort: CandidateSort,
}

pub fn candidate_query(f: &CandidateFilters) -> DomainResult<CandidateQuery> {
    let mut errors = Vec::new();
    let source = clean(f.source.as_deref()).map(|s| s.to_lowercase());
    if let Some(s) = &source && !SOURCES.contains(&s.as_str()) {
        errors.push(FieldError::new("source", "invalid_source", "is not a known source"));
    }
    let sort = match clean(f.sort.as_deref()).as_deref() {
        None | Some("newest") => CandidateSort::Newest,
        Some("name") => CandidateSort::Name,
        Some("updated") => CandidateSort::Updated,
        Some(_) => {
            errors.push(FieldError::new("sort", "invalid_sort", "must be newest, name or updated"));
            CandidateSort::Newest
        }
    };
    if let (Some(min), Some(max)) = (f.experience_min, f.experience_max) && min > max {
        errors.push(FieldError::new("experience_max", "below_min", "must not be below experience_min"));
    }
    if let (Some(from), Some(to)) = (f.created_from, f.created_to) && to < from {
        errors.push(FieldError::new("created_to", "before_start", "must not be before created_from"));
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let short = |s: Option<&str>| clean(s).map(|v| v.chars().take(200).collect::<String>());
    Ok(CandidateQuery {
        fulltext: f.q.as_deref().and_then(build_text_query),
        tag: short(f.tag.as_deref()),
        skill: short(f.skill.as_deref()),
        source,
        location: short(f.location.as_deref()),
        experience_min: f.experience_min,
        experience_max: f.experience_max,
        created_by: f.created_by,
        created_from: f.created_from,
        created_to: f.created_to,
        sort,
    })
}

/// One row of the recruiter list.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateSummary {
    pub id: CandidateId,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub headline: Option<String>,
    pub current_title: Option<String>,
    pub location: Option<String>,
    pub total_experience_years: Option<f64>,
    pub tags: Vec<String>,
    pub source: Option<String>,
    pub skills: Vec<String>,
    pub application_count: u64,
    pub owner_id: Option<CompanyId>,
    pub owner_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_filters_are_field_errors() {
        let q = candidate_query(&CandidateFilters { sort: Some("name".into()), source: Some("LinkedIn".into()), ..Default::default() }).unwrap();
        assert_eq!((q.sort, q.source.as_deref()), (CandidateSort::Name, Some("linkedin")));
        match candidate_query(&CandidateFilters {
            sort: Some("age".into()),
            source: Some("fax".into()),
            experience_min: Some(5.0),
            experience_max: Some(2.0),
            ..Default::default()
        }) {
            Err(DomainError::Validation(e)) => {
                assert_eq!(e.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["source", "sort", "experience_max"])
            }
            other => panic!("{other:?}"),
        }
    }
}
