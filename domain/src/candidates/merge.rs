//! Merge planning: what a survivor keeps, gains and takes over from a duplicate.

use super::profile::{CandidateProfile, Links, ProfileFields, TAGS_MAX};
use crate::ids::{CandidateId, ProfileItemId};
use serde::Serialize;

/// What the merge writes, decided without I/O.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan {
    pub survivor: CandidateId,
    pub duplicate: CandidateId,
    /// The survivor's scalar fields, empty ones filled from the duplicate.
    pub fields: ProfileFields,
    pub links: Links,
    pub tags: Vec<String>,
    /// Survivor skills whose years grow to the duplicate's.
    pub skill_years: Vec<(ProfileItemId, f64)>,
    /// Duplicate skills the survivor lacks: moved over.
    pub skills_moved: Vec<ProfileItemId>,
    /// Duplicate skills the survivor already has: dropped.
    pub skills_dropped: Vec<ProfileItemId>,
}

/// How much moved, for the audit row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MergeCounts {
    pub applications_moved: u64,
    /// Applications to a job both had applied to: the duplicate's history and
    /// feedback moved onto the survivor's, then the duplicate's was removed.
    pub applications_combined: u64,
    pub notes_moved: u64,
    pub experience_moved: u64,
    pub education_moved: u64,
    pub documents_moved: u64,
    pub skills_moved: u64,
}

fn fill<T: Clone>(mine: &mut Option<T>, theirs: &Option<T>) {
    if mine.is_none() {
        mine.clone_from(theirs);
    }
}

pub fn plan_merge(survivor: &CandidateProfile, duplicate: &CandidateProfile) -> MergePlan {
    let mut f = survivor.fields.clone();
    let d = &duplicate.fields;
    fill(&mut f.email, &d.email);
    fill(&mut f.phone, &d.phone);
    fill(&mut f.headline, &d.headline);
    fill(&mut f.current_title, &d.current_title);
    fill(&mut f.current_company, &d.current_company);
    fill(&mut f.location, &d.location);
    fill(&mut f.total_experience_years, &d.total_experience_years);
    fill(&mut f.notice_period_days, &d.notice_period_days);
    fill(&mut f.current_salary, &d.current_salary);
    fill(&mut f.expected_salary, &d.expected_salary);
    fill(&mut f.salary_currency, &d.salary_currency);
    fill(&mut f.summary, &d.summary);
    fill(&mut f.source, &d.source);

    let mut links = survivor.links.clone();
    fill(&mut links.linkedin, &duplicate.links.linkedin);
    fill(&mut links.github, &duplicate.links.github);
    fill(&mut links.portfolio, &duplicate.links.portfolio);
    fill(&mut links.website, &duplicate.links.website);

    let mut tags = survivor.tags.clone();
    for t in &duplicate.tags {
        if tags.len() < TAGS_MAX && !tags.iter().any(|m| m.to_lowercase() == t.to_lowercase()) {
            tags.push(t.clone());
        }
    }

    let (mut skill_years, mut skills_moved, mut skills_dropped) = (Vec::new(), Vec::new(), Vec::new());
    for theirs in &duplicate.skills {
        match survivor.skills.iter().find(|m| m.name.to_lowercase() == theirs.name.to_lowercase()) {
            Some(mine) => {
                if let Some(years) = theirs.years_experience && mine.years_experience.is_none_or(|y| y < years) {
                    skill_years.push((mine.id, years));
                }
                skills_dropped.push(theirs.id);
            }
            None => skills_moved.push(theirs.id),
        }
    }
    MergePlan { survivor: survivor.id, duplicate: duplicate.id, fields: f, links, tags, skill_years, skills_moved, skills_dropped }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::candidates::profile::Skill;
    use chrono::Utc;

    pub(crate) fn profile(name: &str) -> CandidateProfile {
        CandidateProfile {
            id: CandidateId::new(),
            company_id: None,
            company_name: None,
            user_id: None,
            fields: ProfileFields { full_name: name.into(), ..Default::default() },
            links: Links::default(),
            tags: vec![],
            skills: vec![],
            experience: vec![],
            education: vec![],
            documents: vec![],
            applications: vec![],
            created_by: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            editable: true,
        }
    }

    fn skill(name: &str, years: Option<f64>) -> Skill {
        Skill { id: ProfileItemId::new(), name: name.into(), proficiency: None, years_experience: years }
    }

    #[test]
    fn empty_fields_are_filled_and_set_ones_kept() {
        let mut s = profile("Priya");
        s.fields.email = Some("priya@a.com".into());
        s.fields.headline = Some("Backend".into());
        s.links.github = Some("https://github.com/p".into());
        let mut d = profile("Priya S");
        d.fields.email = Some("ps@b.com".into());
        d.fields.phone = Some("+91 98765 43210".into());
        d.fields.headline = Some("Other".into());
        d.fields.notice_period_days = Some(30);
        d.links.github = Some("https://github.com/other".into());
        d.links.linkedin = Some("https://linkedin.com/in/p".into());
        let plan = plan_merge(&s, &d);
        assert_eq!(plan.fields.full_name, "Priya");
        assert_eq!(plan.fields.email.as_deref(), Some("priya@a.com"));
        assert_eq!(plan.fields.phone.as_deref(), Some("+91 98765 43210"));
        assert_eq!(plan.fields.headline.as_deref(), Some("Backend"));
        assert_eq!(plan.fields.notice_period_days, Some(30));
        assert_eq!(plan.links.github.as_deref(), Some("https://github.com/p"));
        assert_eq!(plan.links.linkedin.as_deref(), Some("https://linkedin.com/in/p"));
    }

    #[test]
    fn skills_and_tags_are_united() {
        let mut s = profile("A");
        s.tags = vec!["Rust".into(), "Remote".into()];
        s.skills = vec![skill("Rust", Some(3.0)), skill("SQL", Some(5.0))];
        let mut d = profile("B");
        d.tags = vec!["remote".into(), "Night shift".into()];
        d.skills = vec![skill("rust", Some(4.5)), skill("sql", Some(2.0)), skill("Go", None)];
        let plan = plan_merge(&s, &d);
        assert_eq!(plan.tags, ["Rust", "Remote", "Night shift"]);
        assert_eq!(plan.skill_years, [(s.skills[0].id, 4.5)]);
        assert_eq!(plan.skills_moved, [d.skills[2].id]);
        assert_eq!(plan.skills_dropped, [d.skills[0].id, d.skills[1].id]);
    }
}
