//! A job's team: each company staffs its own side. The owner assigns its
//! hiring team or recruiters; an agency the job is shared with assigns its
//! own recruiters. Membership itself (active user of the caller's company) is
//! checked by the service against the store.

use super::TeamMember;
use crate::error::FieldError;
use crate::identity::Scope;
use crate::ids::{CompanyId, UserId};
use std::collections::HashSet;

pub const TEAM_ROLES: &[&str] = &["recruiter", "hiring_manager", "interviewer"];
pub const TEAM_MAX: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamMemberInput {
    pub user_id: UserId,
    pub role: String,
}

/// Roles known, no user twice, at most 100 members.
pub fn validate_team(members: &[TeamMemberInput]) -> Result<Vec<TeamMemberInput>, Vec<FieldError>> {
    let mut e = Vec::new();
    if members.len() > TEAM_MAX {
        e.push(FieldError::new("members", "too_many", format!("at most {TEAM_MAX} members")));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(members.len());
    for (i, m) in members.iter().enumerate() {
        let role = m.role.trim();
        if !TEAM_ROLES.contains(&role) {
            e.push(FieldError::new(format!("members[{i}].role"), "invalid_choice", "must be `recruiter`, `hiring_manager` or `interviewer`"));
        }
        if !seen.insert(m.user_id) {
            e.push(FieldError::new(format!("members[{i}].user_id"), "duplicate", "each user appears once"));
        }
        out.push(TeamMemberInput { user_id: m.user_id, role: role.to_string() });
    }
    if e.is_empty() { Ok(out) } else { Err(e) }
}

/// The part of a job's team a caller sees: everything for the owner; for an
/// agency working a shared job, the owner's side and its own, never another
/// agency's recruiters.
pub fn visible_team(team: Vec<TeamMember>, owner: CompanyId, viewer: Scope) -> Vec<TeamMember> {
    match viewer {
        Scope::Company(me) if me != owner => team.into_iter().filter(|m| m.company_id == Some(owner) || m.company_id == Some(me)).collect(),
        _ => team,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_see_the_owner_side_and_their_own_only() {
        let (employer, agency, rival) = (CompanyId::new(), CompanyId::new(), CompanyId::new());
        let m = |c: CompanyId| TeamMember { user_id: UserId::new(), full_name: "x".into(), role: "recruiter".into(), company_id: Some(c) };
        let team = vec![m(employer), m(agency), m(rival)];
        let sides = |viewer| visible_team(team.clone(), employer, viewer).into_iter().map(|t| t.company_id.unwrap()).collect::<Vec<_>>();
        assert_eq!(sides(Scope::Company(employer)), [employer, agency, rival]);
        assert_eq!(sides(Scope::Company(agency)), [employer, agency]);
        assert_eq!(sides(Scope::Company(rival)), [employer, rival]);
        assert_eq!(sides(Scope::Platform).len(), 3);
    }

    #[test]
    fn roles_are_known_and_users_unique() {
        let a = UserId::new();
        let ok = validate_team(&[TeamMemberInput { user_id: a, role: " recruiter ".into() }]).unwrap();
        assert_eq!(ok[0].role, "recruiter");
        let errs = validate_team(&[
            TeamMemberInput { user_id: a, role: "recruiter".into() },
            TeamMemberInput { user_id: a, role: "boss".into() },
        ])
        .unwrap_err();
        let names: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(names, [("members[1].role", "invalid_choice"), ("members[1].user_id", "duplicate")]);
        assert!(validate_team(&[]).unwrap().is_empty());
    }
}
