//! Who may message whom.
//!
//! | pair                               | verdict                                   |
//! |------------------------------------|-------------------------------------------|
//! | super admin ↔ anyone               | allowed                                   |
//! | candidate ↔ employer user          | blocked (`messaging_pair_blocked`)         |
//! | colleagues of the same company     | allowed                                   |
//! | candidate ↔ recruiter side         | allowed only through a shared application |
//! | employer ↔ recruiter side          | allowed only through a shared job/application |
//! | anything else (two candidates, two unrelated companies of one kind) | blocked (`no_shared_context`) |
//!
//! A group is allowed only if every pair in it is allowed.

use crate::identity::{CompanyType, SystemRole};
use crate::ids::{CompanyId, MessageId, UserId};

/// The side of the marketplace a user is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    SuperAdmin,
    Candidate,
    /// Users of an agency company.
    Recruiter,
    /// Users of an employer company.
    Employer,
}

impl Family {
    /// Classify by roles and company type. Super admin wins; a user with a
    /// company is on that company's side; a user without one is a candidate.
    pub fn classify(roles: &[String], company_type: Option<CompanyType>) -> Family {
        if roles.iter().any(|r| r == SystemRole::SuperAdmin.name()) {
            return Family::SuperAdmin;
        }
        match company_type {
            Some(CompanyType::Agency) => Family::Recruiter,
            Some(CompanyType::Employer) => Family::Employer,
            None => Family::Candidate,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Family::SuperAdmin => "super_admin",
            Family::Candidate => "candidate",
            Family::Recruiter => "recruiter",
            Family::Employer => "employer",
        }
    }

    pub fn parse(s: &str) -> Option<Family> {
        [Family::SuperAdmin, Family::Candidate, Family::Recruiter, Family::Employer].into_iter().find(|f| f.as_str() == s)
    }
}

/// One (prospective) participant as the rules see them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Party {
    pub user_id: UserId,
    pub family: Family,
    pub company_id: Option<CompanyId>,
}

/// Why a pair may not converse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// Candidates and employer users never message each other directly.
    PairBlocked,
    /// Different companies (or candidates) with no shared job or application.
    NoSharedContext,
}

impl Blocked {
    pub fn code(&self) -> &'static str {
        match self {
            Blocked::PairBlocked => "messaging_pair_blocked",
            Blocked::NoSharedContext => "no_shared_context",
        }
    }
}

fn same_company(a: &Party, b: &Party) -> bool {
    a.company_id.is_some() && a.company_id == b.company_id
}

/// Does this pair need a shared job/application ("bridge") to converse?
/// False when the answer does not depend on one (always allowed or always blocked).
pub fn needs_bridge(a: &Party, b: &Party) -> bool {
    use Family::*;
    if a.family == SuperAdmin || b.family == SuperAdmin || same_company(a, b) {
        return false;
    }
    matches!((a.family, b.family), (Candidate, Recruiter) | (Recruiter, Candidate) | (Employer, Recruiter) | (Recruiter, Employer))
}

/// The verdict for one pair; `bridged` is whether a shared job or application
/// links them (only consulted when [`needs_bridge`] says so).
pub fn decide_pair(a: &Party, b: &Party, bridged: bool) -> Result<(), Blocked> {
    use Family::*;
    if a.family == SuperAdmin || b.family == SuperAdmin {
        return Ok(());
    }
    if matches!((a.family, b.family), (Candidate, Employer) | (Employer, Candidate)) {
        return Err(Blocked::PairBlocked);
    }
    if same_company(a, b) {
        return Ok(());
    }
    if needs_bridge(a, b) && bridged {
        return Ok(());
    }
    Err(Blocked::NoSharedContext)
}

/// Check every newcomer against every current member and every other newcomer.
/// Answers the first blocked pair `(a, b, why)`; `bridge` is asked only for pairs
/// that need one. `messaging_pair_blocked` is reported before `no_shared_context`.
pub fn check_group(
    members: &[Party],
    newcomers: &[Party],
    mut bridge: impl FnMut(&Party, &Party) -> bool,
) -> Result<(), (Party, Party, Blocked)> {
    let mut pairs = Vec::new();
    for (i, n) in newcomers.iter().enumerate() {
        for m in members.iter().chain(newcomers[..i].iter()) {
            if m.user_id != n.user_id {
                pairs.push((*m, *n));
            }
        }
    }
    // Pair-blocked is decided without bridges: report it first.
    if let Some((a, b)) = pairs.iter().find(|(a, b)| decide_pair(a, b, true) == Err(Blocked::PairBlocked)) {
        return Err((*a, *b, Blocked::PairBlocked));
    }
    for (a, b) in pairs {
        let bridged = needs_bridge(&a, &b) && bridge(&a, &b);
        if let Err(why) = decide_pair(&a, &b, bridged) {
            return Err((a, b, why));
        }
    }
    Ok(())
}

/// A read receipt only moves forward: the later of the current and the new
/// message (UUIDv7 ids sort by creation time).
pub fn advance_read(current: Option<MessageId>, new: MessageId) -> MessageId {
    match current {
        Some(cur) if cur > new => cur,
        _ => new,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Family::*;

    fn party(family: Family, company: Option<CompanyId>) -> Party {
        Party { user_id: UserId::new(), family, company_id: company }
    }

    #[test]
    fn classification_follows_roles_and_company_type() {
        let r = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(Family::classify(&r(&["super_admin"]), None), SuperAdmin);
        assert_eq!(Family::classify(&r(&["candidate"]), None), Candidate);
        for role in ["agency_admin", "manager", "recruiter", "sales"] {
            assert_eq!(Family::classify(&r(&[role]), Some(CompanyType::Agency)), Recruiter);
        }
        for role in ["employer_admin", "hiring_manager", "interviewer"] {
            assert_eq!(Family::classify(&r(&[role]), Some(CompanyType::Employer)), Employer);
        }
        for f in [SuperAdmin, Candidate, Recruiter, Employer] {
            assert_eq!(Family::parse(f.as_str()), Some(f));
        }
    }

    #[test]
    fn candidate_and_employer_are_always_blocked() {
        let c = party(Candidate, None);
        let e = party(Employer, Some(CompanyId::new()));
        assert_eq!(decide_pair(&c, &e, true), Err(Blocked::PairBlocked));
        assert_eq!(decide_pair(&e, &c, false), Err(Blocked::PairBlocked));
        assert!(!needs_bridge(&c, &e));
        assert_eq!(Blocked::PairBlocked.code(), "messaging_pair_blocked");
    }

    #[test]
    fn candidate_and_recruiter_need_a_bridge() {
        let c = party(Candidate, None);
        let r = party(Recruiter, Some(CompanyId::new()));
        assert!(needs_bridge(&c, &r) && needs_bridge(&r, &c));
        assert_eq!(decide_pair(&c, &r, true), Ok(()));
        assert_eq!(decide_pair(&r, &c, true), Ok(()));
        assert_eq!(decide_pair(&c, &r, false), Err(Blocked::NoSharedContext));
        assert_eq!(Blocked::NoSharedContext.code(), "no_shared_context");
    }

    #[test]
    fn employer_and_recruiter_of_other_companies_need_a_bridge() {
        let e = party(Employer, Some(CompanyId::new()));
        let r = party(Recruiter, Some(CompanyId::new()));
        assert!(needs_bridge(&e, &r));
        assert_eq!(decide_pair(&e, &r, true), Ok(()));
        assert_eq!(decide_pair(&r, &e, false), Err(Blocked::NoSharedContext));
    }

    #[test]
    fn colleagues_talk_freely() {
        let agency = CompanyId::new();
        let employer = CompanyId::new();
        let (a1, a2) = (party(Recruiter, Some(agency)), party(Recruiter, Some(agency)));
        let (e1, e2) = (party(Employer, Some(employer)), party(Employer, Some(employer)));
        assert!(!needs_bridge(&a1, &a2));
        assert_eq!(decide_pair(&a1, &a2, false), Ok(()));
        assert_eq!(decide_pair(&e1, &e2, false), Ok(()));
    }

    #[test]
    fn same_side_of_other_companies_and_two_candidates_are_unrelated() {
        let r1 = party(Recruiter, Some(CompanyId::new()));
        let r2 = party(Recruiter, Some(CompanyId::new()));
        let e1 = party(Employer, Some(CompanyId::new()));
        let e2 = party(Employer, Some(CompanyId::new()));
        let (c1, c2) = (party(Candidate, None), party(Candidate, None));
        for (a, b) in [(r1, r2), (e1, e2), (c1, c2)] {
            assert!(!needs_bridge(&a, &b));
            assert_eq!(decide_pair(&a, &b, true), Err(Blocked::NoSharedContext));
        }
    }

    #[test]
    fn super_admins_reach_everyone() {
        let sa = party(SuperAdmin, None);
        for other in [party(Candidate, None), party(Recruiter, Some(CompanyId::new())), party(Employer, Some(CompanyId::new())), party(SuperAdmin, None)] {
            assert!(!needs_bridge(&sa, &other));
            assert_eq!(decide_pair(&sa, &other, false), Ok(()));
            assert_eq!(decide_pair(&other, &sa, false), Ok(()));
        }
    }

    #[test]
    fn a_group_with_a_candidate_and_an_employer_is_refused_even_with_bridges() {
        let agency = CompanyId::new();
        let r = party(Recruiter, Some(agency));
        let c = party(Candidate, None);
        let e = party(Employer, Some(CompanyId::new()));
        let got = check_group(&[r], &[c, e], |_, _| true);
        assert!(matches!(got, Err((_, _, Blocked::PairBlocked))));
        // Adding the employer to an existing recruiter+candidate conversation too.
        let got = check_group(&[r, c], &[e], |_, _| true);
        assert!(matches!(got, Err((a, b, Blocked::PairBlocked)) if a == c && b == e));
    }

    #[test]
    fn a_group_needs_every_bridge() {
        let r = party(Recruiter, Some(CompanyId::new()));
        let c1 = party(Candidate, None);
        let e = party(Employer, Some(CompanyId::new()));
        let colleague = party(Recruiter, r.company_id);
        assert_eq!(check_group(&[r], &[e, colleague], |_, _| true), Ok(()));
        let only_first = |a: &Party, b: &Party| a.user_id != e.user_id && b.user_id != e.user_id;
        assert!(matches!(check_group(&[r], &[colleague, e], only_first), Err((_, b, Blocked::NoSharedContext)) if b == e));
        // The bridge is asked only for pairs needing one.
        let mut asked = 0;
        assert_eq!(check_group(&[r], &[colleague, c1], |_, _| { asked += 1; true }), Ok(()));
        assert_eq!(asked, 2);
    }

    #[test]
    fn a_group_of_colleagues_needs_no_bridge() {
        let company = Some(CompanyId::new());
        let members = [party(Employer, company), party(Employer, company)];
        assert_eq!(check_group(&members[..1], &members[1..], |_, _| panic!("no bridge needed")), Ok(()));
    }

    #[test]
    fn read_receipts_never_move_back() {
        let first = MessageId::new();
        let second = MessageId::new();
        assert_eq!(advance_read(None, first), first);
        assert_eq!(advance_read(Some(first), second), second);
        assert_eq!(advance_read(Some(second), first), second);
        assert_eq!(advance_read(Some(second), second), second);
    }
}
