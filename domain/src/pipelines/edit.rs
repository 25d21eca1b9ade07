//! Editing a job's own stages: which stages keep their identity (renamed,
//! reordered, kind changed), which are new, and which go away. A stage that
//! still holds applications cannot go away.

use super::{validate_stages, StageDraft, StageKind};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::ids::StageId;
use std::collections::HashSet;

/// A stored stage of a job, with how many applications sit in it.
#[derive(Clone, Debug, PartialEq)]
pub struct JobStage {
    pub id: StageId,
    pub position: u32,
    pub name: String,
    pub kind: StageKind,
    pub count: u64,
}

/// One entry of `PUT /api/jobs/{id}/stages`: with an id it is an existing stage.
#[derive(Clone, Debug, PartialEq)]
pub struct StageEdit {
    pub id: Option<StageId>,
    pub name: String,
    pub kind: StageKind,
}

/// A stage as it will be stored (position = index in `stages`).
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedStage {
    pub id: StageId,
    pub name: String,
    pub kind: StageKind,
    /// False for a new stage.
    pub existing: bool,
    /// An existing stage whose kind changes: its applications' state follows.
    pub kind_changed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StagePlan {
    pub stages: Vec<PlannedStage>,
    /// Existing stages left out.
    pub removed: Vec<StageId>,
    /// Names of removed stages that still hold applications (the edit is refused).
    pub in_use: Vec<String>,
}

/// Plan the edit: names follow `validate_stages`; an id must be one of the
/// job's stages and appear once (else `stages[i].id`).
pub fn plan_stage_edit(current: &[JobStage], requested: &[StageEdit]) -> DomainResult<StagePlan> {
    let drafts: Vec<StageDraft> = requested.iter().map(|s| StageDraft { name: s.name.clone(), kind: s.kind }).collect();
    let mut errors = match validate_stages(&drafts) {
        Ok(_) => vec![],
        Err(DomainError::Validation(e)) => e,
        Err(other) => return Err(other),
    };
    let mut seen = HashSet::new();
    for (i, s) in requested.iter().enumerate() {
        if let Some(id) = s.id {
            if !current.iter().any(|c| c.id == id) {
                errors.push(FieldError::new(format!("stages[{i}].id"), "unknown_stage", "not a stage of this job"));
            } else if !seen.insert(id) {
                errors.push(FieldError::new(format!("stages[{i}].id"), "duplicate", "each stage may appear once"));
            }
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let stages = requested
        .iter()
        .map(|s| {
            let old = s.id.and_then(|id| current.iter().find(|c| c.id == id));
            PlannedStage {
                id: s.id.unwrap_or_default(),
                name: s.name.trim().to_string(),
                kind: s.kind,
                existing: old.is_some(),
                kind_changed: old.is_some_and(|o| o.kind != s.kind),
            }
        })
        .collect();
    let left_out: Vec<&JobStage> = current.iter().filter(|c| !seen.contains(&c.id)).collect();
    Ok(StagePlan {
        stages,
        removed: left_out.iter().map(|c| c.id).collect(),
        in_use: left_out.iter().filter(|c| c.count > 0).map(|c| c.name.clone()).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use StageKind::*;

    fn stage(name: &str, kind: StageKind, count: u64, position: u32) -> JobStage {
        JobStage { id: StageId::new(), position, name: name.into(), kind, count }
    }

    fn edit(id: Option<StageId>, name: &str, kind: StageKind) -> StageEdit {
        StageEdit { id, name: name.into(), kind }
    }

    #[test]
    fn kept_renamed_reordered_added_and_removed() {
        let current = [stage("Applied", Active, 3, 0), stage("Screen", Active, 0, 1), stage("Hired", Hired, 1, 2), stage("Rejected", Rejected, 0, 3)];
        let plan = plan_stage_edit(
            &current,
            &[
                edit(Some(current[0].id), "New", Active),
                edit(None, "Phone screen", Active),
                edit(Some(current[3].id), "Declined", Rejected),
                edit(Some(current[2].id), "Hired", Hired),
            ],
        )
        .unwrap();
        assert_eq!(plan.stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["New", "Phone screen", "Declined", "Hired"]);
        assert_eq!(plan.stages[0].id, current[0].id);
        assert!(plan.stages[0].existing && !plan.stages[1].existing);
        assert_ne!(plan.stages[1].id, current[1].id);
        assert_eq!(plan.removed, [current[1].id]);
        assert!(plan.in_use.is_empty(), "the removed stage was empty");
        assert!(plan.stages.iter().all(|s| !s.kind_changed));
    }

    #[test]
    fn removing_a_stage_with_applications_is_named() {
        let current = [stage("Applied", Active, 0, 0), stage("Offer", Active, 2, 1), stage("Hired", Hired, 0, 2), stage("Rejected", Rejected, 0, 3)];
        let plan = plan_stage_edit(&current, &[edit(Some(current[0].id), "Applied", Active), edit(Some(current[2].id), "Hired", Hired), edit(Some(current[3].id), "Rejected", Rejected)])
            .unwrap();
        assert_eq!(plan.in_use, ["Offer"]);
    }

    #[test]
    fn kind_changes_are_flagged_for_the_applications() {
        let current = [stage("Applied", Active, 0, 0), stage("Offer", Active, 2, 1), stage("Hired", Hired, 0, 2), stage("Rejected", Rejected, 0, 3)];
        let plan = plan_stage_edit(
            &current,
            &[edit(Some(current[0].id), "Applied", Active), edit(Some(current[1].id), "Offer", Hired), edit(Some(current[3].id), "Rejected", Rejected)],
        )
        .unwrap();
        assert!(plan.stages[1].kind_changed);
        assert_eq!(plan.removed, [current[2].id]);
    }

    #[test]
    fn unknown_and_repeated_ids_and_bad_names_are_field_errors() {
        let current = [stage("Applied", Active, 0, 0), stage("Hired", Hired, 0, 1), stage("Rejected", Rejected, 0, 2)];
        let err = plan_stage_edit(
            &current,
            &[edit(Some(StageId::new()), "Applied", Active), edit(Some(current[1].id), "Hired", Hired), edit(Some(current[1].id), "", Rejected)],
        )
        .unwrap_err();
        let DomainError::Validation(errs) = err else { panic!() };
        let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(got, [("stages[2].name", "invalid_length"), ("stages[0].id", "unknown_stage"), ("stages[2].id", "duplicate")]);
    }
}
