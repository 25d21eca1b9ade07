//! The move state machine: which stage changes are allowed, pure.

use super::StageRef;
use crate::error::{DomainError, DomainResult, FieldError};
use crate::ids::StageId;
use crate::pipelines::{JobStage, StageKind};

pub const REMARKS_MAX: usize = 2000;
pub const REJECTION_REASON_MAX: usize = 500;

/// `POST /api/applications/{id}/move` as the domain receives it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MoveRequest {
    pub to_stage_id: Option<StageId>,
    pub remarks: Option<String>,
    pub rejection_reason: Option<String>,
    /// The version the caller saw; a different current version is a conflict.
    pub version: Option<u32>,
}

/// What the move will write.
#[derive(Clone, Debug, PartialEq)]
pub struct AllowedMove {
    pub to: StageRef,
    pub remarks: Option<String>,
    /// Only kept when moving into a rejected stage.
    pub rejection_reason: Option<String>,
}

fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// Decide a move of an application sitting in `current` (at `version`) to a
/// stage of its job's `stages`. Checked in this order: the fields (422), a
/// stale version (409 `application_changed`), the same stage (409
/// `already_in_stage`), leaving a terminal stage without the reopen
/// permission (403 `reopen_permission_required`).
pub fn plan_move(current: &StageRef, version: u32, stages: &[JobStage], req: &MoveRequest, can_reopen: bool) -> DomainResult<AllowedMove> {
    let mut errors = Vec::new();
    let target = match req.to_stage_id {
        None => {
            errors.push(FieldError::new("to_stage_id", "required", "choose the stage to move to"));
            None
        }
        Some(id) => {
            let found = stages.iter().find(|s| s.id == id);
            if found.is_none() {
                errors.push(FieldError::new("to_stage_id", "unknown_stage", "not a stage of this application's job"));
            }
            found
        }
    };
    let remarks = trimmed(&req.remarks);
    if remarks.as_ref().is_some_and(|r| r.chars().count() > REMARKS_MAX) {
        errors.push(FieldError::new("remarks", "too_long", "at most 2000 characters"));
    }
    let reason = trimmed(&req.rejection_reason);
    if reason.as_ref().is_some_and(|r| r.chars().count() > REJECTION_REASON_MAX) {
        errors.push(FieldError::new("rejection_reason", "too_long", "at most 500 characters"));
    }
    if let Some(t) = target
        && t.kind == StageKind::Rejected
        && reason.is_none()
    {
        errors.push(FieldError::new("rejection_reason", "required", "say why the candidate is rejected"));
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let target = target.expect("checked above");
    if req.version.is_some_and(|v| v != version) {
        return Err(DomainError::Conflict("application_changed"));
    }
    if target.id == current.id {
        return Err(DomainError::Conflict("already_in_stage"));
    }
    if current.kind.is_terminal() && !can_reopen {
        return Err(DomainError::Forbidden("reopen_permission_required"));
    }
    Ok(AllowedMove {
        to: StageRef { id: target.id, name: target.name.clone(), kind: target.kind },
        remarks,
        rejection_reason: if target.kind == StageKind::Rejected { reason } else { None },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use StageKind::*;

    fn stages() -> Vec<JobStage> {
        [("Applied", Active), ("Interview", Active), ("Hired", Hired), ("Rejected", Rejected)]
            .iter()
            .enumerate()
            .map(|(i, (n, k))| JobStage { id: StageId::new(), position: i as u32, name: n.to_string(), kind: *k, count: 0 })
            .collect()
    }

    fn at(s: &JobStage) -> StageRef {
        StageRef { id: s.id, name: s.name.clone(), kind: s.kind }
    }

    fn to(s: &JobStage) -> MoveRequest {
        MoveRequest { to_stage_id: Some(s.id), ..Default::default() }
    }

    fn fields(r: DomainResult<AllowedMove>) -> Vec<(String, String)> {
        match r {
            Err(DomainError::Validation(e)) => e.into_iter().map(|e| (e.field, e.code)).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_active_application_moves_forward_and_back_with_remarks() {
        let s = stages();
        let m = plan_move(&at(&s[0]), 1, &s, &MoveRequest { remarks: Some("  good call ".into()), ..to(&s[1]) }, false).unwrap();
        assert_eq!((m.to.id, m.remarks.as_deref(), m.rejection_reason), (s[1].id, Some("good call"), None));
        assert!(plan_move(&at(&s[1]), 2, &s, &to(&s[0]), false).is_ok());
        assert!(plan_move(&at(&s[1]), 2, &s, &to(&s[2]), false).is_ok(), "hiring needs no extra permission");
    }

    #[test]
    fn the_target_must_be_a_stage_of_the_job() {
        let s = stages();
        let other = MoveRequest { to_stage_id: Some(StageId::new()), ..Default::default() };
        assert_eq!(fields(plan_move(&at(&s[0]), 1, &s, &other, true)), [("to_stage_id".into(), "unknown_stage".into())]);
        assert_eq!(fields(plan_move(&at(&s[0]), 1, &s, &MoveRequest::default(), true)), [("to_stage_id".into(), "required".into())]);
    }

    #[test]
    fn the_same_stage_is_a_conflict() {
        let s = stages();
        assert!(matches!(plan_move(&at(&s[1]), 1, &s, &to(&s[1]), true), Err(DomainError::Conflict("already_in_stage"))));
    }

    #[test]
    fn leaving_a_terminal_stage_takes_the_reopen_permission() {
        let s = stages();
        for terminal in [&s[2], &s[3]] {
            assert!(matches!(plan_move(&at(terminal), 3, &s, &to(&s[1]), false), Err(DomainError::Forbidden("reopen_permission_required"))));
            assert!(plan_move(&at(terminal), 3, &s, &to(&s[1]), true).is_ok());
        }
    }

    #[test]
    fn rejecting_needs_a_reason_which_is_kept_only_for_rejections() {
        let s = stages();
        assert_eq!(fields(plan_move(&at(&s[0]), 1, &s, &to(&s[3]), true)), [("rejection_reason".into(), "required".into())]);
        let blank = MoveRequest { rejection_reason: Some("   ".into()), ..to(&s[3]) };
        assert_eq!(fields(plan_move(&at(&s[0]), 1, &s, &blank, true)), [("rejection_reason".into(), "required".into())]);
        let ok = plan_move(&at(&s[0]), 1, &s, &MoveRequest { rejection_reason: Some("No visa".into()), ..to(&s[3]) }, true).unwrap();
        assert_eq!(ok.rejection_reason.as_deref(), Some("No visa"));
        let elsewhere = plan_move(&at(&s[0]), 1, &s, &MoveRequest { rejection_reason: Some("No visa".into()), ..to(&s[1]) }, true).unwrap();
        assert_eq!(elsewhere.rejection_reason, None);
    }

    #[test]
    fn long_remarks_and_reasons_are_refused_together() {
        let s = stages();
        let req = MoveRequest { remarks: Some("x".repeat(2001)), rejection_reason: Some("y".repeat(501)), ..to(&s[3]) };
        assert_eq!(fields(plan_move(&at(&s[0]), 1, &s, &req, true)), [("remarks".into(), "too_long".into()), ("rejection_reason".into(), "too_long".into())]);
        let ok = MoveRequest { remarks: Some("x".repeat(2000)), ..to(&s[1]) };
        assert!(plan_move(&at(&s[0]), 1, &s, &ok, true).is_ok());
    }

    #[test]
    fn a_stale_version_is_a_conflict_and_none_skips_the_check() {
        let s = stages();
        let stale = MoveRequest { version: Some(1), ..to(&s[1]) };
        assert!(matches!(plan_move(&at(&s[0]), 2, &s, &stale, true), Err(DomainError::Conflict("application_changed"))));
        let current = MoveRequest { version: Some(2), ..to(&s[1]) };
        assert!(plan_move(&at(&s[0]), 2, &s, &current, true).is_ok());
        assert!(plan_move(&at(&s[0]), 2, &s, &to(&s[1]), true).is_ok());
    }
}
