use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::CompanyType;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

pub const MAX_STAGES: usize = 30;
pub const STAGE_NAME_MAX: usize = 80;

/// What reaching a stage means. `hired` and `rejected` are terminal: leaving
/// them takes the reopen permission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    Active,
    Hired,
    Rejected,
}

impl StageKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            StageKind::Active => "active",
            StageKind::Hired => "hired",
            StageKind::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(StageKind::Active),
            "hired" => Some(StageKind::Hired),
            "rejected" => Some(StageKind::Rejected),
            _ => None,
        }
    }

    pub fn is_terminal(&self) -> bool {
        !matches!(self, StageKind::Active)
    }
}

/// A stage before it is stored: its place is its index in the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageDraft {
    pub name: String,
    pub kind: StageKind,
}

impl StageDraft {
    pub fn new(name: &str, kind: StageKind) -> Self {
        Self { name: name.to_string(), kind }
    }
}

/// The template a company starts with: spec 003's staffing stages for
/// agencies, spec 002's hiring stages for employers.
pub fn default_template(kind: CompanyType) -> Vec<StageDraft> {
    use StageKind::*;
    let stages: &[(&str, StageKind)] = match kind {
        CompanyType::Agency => &[
            ("Submitted", Active),
            ("L1 Scheduled", Active),
            ("L1 Cleared", Active),
            ("L2 Scheduled", Active),
            ("L2 Cleared", Active),
            ("Client Interview", Active),
            ("Offered", Active),
            ("Joined", Hired),
            ("Rejected", Rejected),
            ("On hold", Active),
        ],
        CompanyType::Employer => &[
            ("Applied", Active),
            ("Screening", Active),
            ("Interview", Active),
            ("Offer", Active),
            ("Hired", Hired),
            ("Rejected", Rejected),
        ],
    };
    stages.iter().map(|(n, k)| StageDraft::new(n, *k)).collect()
}

/// A usable pipeline: 1 to 30 stages with trimmed names unique regardless of
/// case, starting with an active stage (where new applications land), with at
/// least one hired and one rejected stage. Errors name `stages[i].name`.
pub fn validate_stages(stages: &[StageDraft]) -> DomainResult<Vec<StageDraft>> {
    let mut errors = Vec::new();
    if stages.is_empty() || stages.len() > MAX_STAGES {
        return Err(DomainError::field("stages", "invalid_count", "must have between 1 and 30 stages"));
    }
    let mut seen = HashSet::new();
    let mut cleaned = Vec::with_capacity(stages.len());
    for (i, s) in stages.iter().enumerate() {
        let name = s.name.trim();
        let len = name.chars().count();
        if len == 0 || len > STAGE_NAME_MAX || name.chars().any(char::is_control) {
            errors.push(FieldError::new(format!("stages[{i}].name"), "invalid_length", "must be between 1 and 80 characters"));
        } else if !seen.insert(name.to_lowercase()) {
            errors.push(FieldError::new(format!("stages[{i}].name"), "duplicate", "stage names must be unique"));
        }
        cleaned.push(StageDraft { name: name.to_string(), kind: s.kind });
    }
    if cleaned.first().is_some_and(|s| s.kind != StageKind::Active) {
        errors.push(FieldError::new("stages[0].kind", "must_be_active", "the first stage, where applications start, must be active"));
    }
    for (kind, code) in [(StageKind::Hired, "hired_stage_required"), (StageKind::Rejected, "rejected_stage_required")] {
        if !cleaned.iter().any(|s| s.kind == kind) {
            errors.push(FieldError::new("stages", code, format!("needs at least one {} stage", kind.as_str())));
        }
    }
    if errors.is_empty() { Ok(cleaned) } else { Err(DomainError::Validation(errors)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(r: DomainResult<Vec<StageDraft>>) -> Vec<(String, String)> {
        match r {
            Err(DomainError::Validation(errs)) => errs.into_iter().map(|e| (e.field, e.code)).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_defaults_are_valid_and_follow_the_specs() {
        let agency = validate_stages(&default_template(CompanyType::Agency)).unwrap();
        assert_eq!(agency.first().unwrap().name, "Submitted");
        assert!(agency.iter().any(|s| s.name == "Joined" && s.kind == StageKind::Hired));
        let employer = validate_stages(&default_template(CompanyType::Employer)).unwrap();
        assert_eq!(employer.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Applied", "Screening", "Interview", "Offer", "Hired", "Rejected"]);
    }

    #[test]
    fn bad_pipelines_name_every_problem() {
        use StageKind::*;
        let stages = [StageDraft::new("  ", Hired), StageDraft::new("Screen", Active), StageDraft::new("screen ", Active)];
        assert_eq!(
            codes(validate_stages(&stages)),
            [
                ("stages[0].name".into(), "invalid_length".into()),
                ("stages[2].name".into(), "duplicate".into()),
                ("stages[0].kind".into(), "must_be_active".into()),
                ("stages".into(), "rejected_stage_required".into()),
            ]
        );
        assert_eq!(codes(validate_stages(&[])), [("stages".into(), "invalid_count".into())]);
        let too_many: Vec<_> = (0..31).map(|i| StageDraft::new(&format!("S{i}"), Active)).collect();
        assert_eq!(codes(validate_stages(&too_many)), [("stages".into(), "invalid_count".into())]);
    }

    #[test]
    fn names_are_trimmed_and_terminal_kinds_known() {
        use StageKind::*;
        let ok = validate_stages(&[StageDraft::new(" New ", Active), StageDraft::new("Won", Hired), StageDraft::new("Lost", Rejected)]).unwrap();
        assert_eq!(ok[0].name, "New");
        assert!(!Active.is_terminal() && Hired.is_terminal() && Rejected.is_terminal());
        assert_eq!(StageKind::parse("hired"), Some(Hired));
        assert_eq!(StageKind::parse("won"), None);
    }
}
