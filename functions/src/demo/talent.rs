//! The demo candidates and their applications: agency talent pools,
//! submissions to requirements and to shared employer jobs, moves through the
//! pipelines with remarks, feedback, and two candidate users who applied on
//! the public board.

use super::jobs::{meta, DemoJob};
use super::people::Cast;
use crate::state::AppState;
use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use hireops_domain::applications::{MoveRequest, NewApplicationInput, PublicApplyInput};
use hireops_domain::candidates::{ExperienceInput, ProfileInput, SkillInput};
use hireops_domain::identity::Principal;
use hireops_domain::ids::{ApplicationId, CandidateId};
use hireops_domain::pipelines::StageKind;

const FIRST: [&str; 16] =
    ["Aarav", "Chloe", "Diego", "Fatima", "Grace", "Hiro", "Isabel", "Jamal", "Kiran", "Lena", "Mateo", "Nia", "Omar", "Pooja", "Quinn", "Rosa"];
const LAST: [&str; 8] = ["Mehta", "Dubois", "Santos", "Haddad", "Kim", "Novak", "Adeyemi", "Larsen"];
const TITLES: [(&str, &[&str]); 6] = [
    ("Backend Engineer", &["java", "spring", "microservices", "sql"]),
    ("Rust Developer", &["rust", "tokio", "postgresql", "kubernetes"]),
    ("QA Engineer", &["selenium", "java", "rest-assured"]),
    ("Data Engineer", &["python", "spark", "airflow", "sql"]),
    ("Frontend Developer", &["react", "typescript", "css"]),
    ("SAP Consultant", &["sap", "fico", "s/4hana"]),
];
const EMPLOYERS_BEFORE: [&str; 6] = ["Infosys", "Zalando", "Wipro", "N26", "Accenture", "Spotify"];

/// How far each demo application gets: the number of moves along the active
/// stages, then optionally a terminal stage.
const JOURNEYS: [(usize, Option<StageKind>); 8] = [
    (0, None),
    (1, None),
    (2, None),
    (3, None),
    (1, Some(StageKind::Rejected)),
    (4, None),
    (5, Some(StageKind::Hired)),
    (2, Some(StageKind::Rejected)),
];

/// Journeys on employers' shared jobs: the hiring manager interviews, offers,
/// hires and rejects, so an employer's board has every column in use.
const EMPLOYER_JOURNEYS: [(usize, Option<StageKind>); 4] = [(2, None), (3, None), (1, Some(StageKind::Rejected)), (3, Some(StageKind::Hired))];

pub struct Talent {
    pub applications: Vec<ApplicationId>,
}

pub async fn create(state: &AppState, cast: &Cast, jobs: &[DemoJob]) -> Result<Talent> {
    let mut applications = Vec::new();
    let mut n = 0usize;
    for (a, agency) in cast.agencies.iter().enumerate() {
        let recruiter = &agency.members[0].as_caller;
        let mut pool = Vec::new();
        for i in 0..10 {
            pool.push(candidate(state, recruiter, a, i).await?);
        }
        // Requirements of this agency, and employer jobs shared with it.
        let targets: Vec<&DemoJob> = jobs
            .iter()
            .filter(|j| (j.owner_is_agency && j.owner == a) || j.detail.shared_with.iter().any(|c| c.id == agency.id))
            .filter(|j| j.detail.job.lifecycle.status == "open")
            .collect();
        for (t, job) in targets.iter().enumerate() {
            let submitter = &agency.members[t % 2].as_caller;
            let count = if job.owner_is_agency { 4 } else { 2 };
            for k in 0..count {
                let candidate = pool[(t * 3 + k) % pool.len()];
                let app = state
                    .applications
                    .create(
                        submitter,
                        NewApplicationInput { candidate_id: Some(candidate), job_id: Some(job.detail.job.id), source: Some("sourced".into()), remarks: Some("Profile shared with the client".into()) },
                    )
                    .await;
                let app = match app {
                    Ok(app) => app,
                    Err(hireops_domain::DomainError::Duplicate { .. }) => continue,
                    Err(e) => return Err(anyhow!("application: {e:?}")),
                };
                // The owner of the job moves it: the agency on its requirements,
                // the employer's hiring manager on its own jobs.
                let mover = if job.owner_is_agency { &agency.lead.as_caller } else { &cast.employers[job.owner].lead.as_caller };
                let path = if job.owner_is_agency { JOURNEYS[n % JOURNEYS.len()] } else { EMPLOYER_JOURNEYS[(a * 2 + k) % EMPLOYER_JOURNEYS.len()] };
                journey(state, mover, app.id, job, path).await?;
                if n.is_multiple_of(3) {
                    state
                        .applications
                        .add_feedback(mover, app.id, "screening", Some(3 + (n % 3) as i64), Some("Solid fundamentals; communication clear."))
                        .await
                        .map_err(|e| anyhow!("feedback: {e:?}"))?;
                }
                applications.push(app.id);
                n += 1;
            }
        }
    }
    // The two candidate users apply to published employer jobs on the public board.
    let board: Vec<&DemoJob> = jobs.iter().filter(|j| !j.owner_is_agency && j.detail.job.lifecycle.published_at.is_some()).collect();
    for (i, person) in cast.candidates.iter().enumerate() {
        let user = state.auth.principal_for(person.id).await.map_err(|e| anyhow!("{e:?}"))?;
        let name = if i == 0 { "Maya Fernandes" } else { "Leo Okafor" };
        for job in board.iter().skip(i).step_by(2) {
            let input = PublicApplyInput {
                full_name: name.into(),
                email: person.email.clone(),
                phone: None,
                cover_letter: Some(format!("I'd love to bring my experience to the {} role.", job.detail.job.fields.title)),
                linkedin_url: None,
                website: None,
            };
            state.applications.apply_public(job.detail.job.id, input, None, Some(user.user_id)).await.map_err(|e| anyhow!("public apply: {e:?}"))?;
        }
    }
    Ok(Talent { applications })
}

async fn candidate(state: &AppState, recruiter: &Principal, agency: usize, i: usize) -> Result<CandidateId> {
    let first = FIRST[(agency * 7 + i) % FIRST.len()];
    let last = LAST[(agency * 3 + i) % LAST.len()];
    let (title, skills) = TITLES[(i + agency) % TITLES.len()];
    let years = 2.0 + ((i * 3 + agency) % 9) as f64;
    let start = NaiveDate::from_ymd_opt(2026 - years as i32, 1 + (i % 12) as u32, 1).ok_or_else(|| anyhow!("date"))?;
    let input = ProfileInput {
        full_name: Some(format!("{first} {last}")),
        email: Some(format!("{}.{}{}@example.com", first.to_lowercase(), last.to_lowercase(), agency + 1)),
        phone: Some(format!("+9198{agency}{:07}", 1_000_000 + i * 7919)),
        headline: Some(format!("{title} with {years} years of experience")),
        current_title: Some(title.into()),
        current_company: Some(EMPLOYERS_BEFORE[(i + agency) % EMPLOYERS_BEFORE.len()].into()),
        location: Some(["Pune", "Bengaluru", "London", "Berlin", "Remote"][i % 5].into()),
        total_experience_years: Some(years),
        notice_period_days: Some([15, 30, 60, 90][i % 4]),
        source: Some(["linkedin", "referral", "job_board", "sourced"][i % 4].into()),
        tags: Some(vec![if i.is_multiple_of(3) { "immediate-joiner" } else { "shortlisted" }.to_string()]),
        skills: Some(skills.iter().enumerate().map(|(k, s)| SkillInput { name: s.to_string(), proficiency: Some(["expert", "advanced", "intermediate", "intermediate"][k % 4].into()), years_experience: Some((years - k as f64).max(1.0)) }).collect()),
        experience: Some(vec![ExperienceInput {
            company_name: EMPLOYERS_BEFORE[(i + agency) % EMPLOYERS_BEFORE.len()].into(),
            job_title: title.into(),
            description: Some(format!("Worked on {} in a product team.", skills.join(", "))),
            start_date: start,
            end_date: None,
            is_current: true,
        }]),
        ..Default::default()
    };
    let created = state.candidates.create(recruiter, input, None, &meta()).await.map_err(|e| anyhow!("candidate {first} {last}: {e:?}"))?;
    Ok(created.id)
}

/// Move an application `steps` stages along the job's active stages, then
/// into a terminal stage when the journey ends in one.
async fn journey(state: &AppState, mover: &Principal, id: ApplicationId, job: &DemoJob, (steps, end): (usize, Option<StageKind>)) -> Result<()> {
    let active: Vec<_> = job.detail.stages.iter().filter(|s| s.kind == "active" && s.name != "On hold").collect();
    let mut version = None;
    for stage in active.iter().skip(1).take(steps) {
        let moved = state
            .applications
            .move_stage(mover, id, MoveRequest { to_stage_id: Some(stage.id), remarks: Some(format!("Moved to {}", stage.name)), rejection_reason: None, version })
            .await
            .map_err(|e| anyhow!("move to {}: {e:?}", stage.name))?;
        version = Some(moved.version);
    }
    if let Some(kind) = end {
        let stage = job.detail.stages.iter().find(|s| s.kind == kind.as_str()).ok_or_else(|| anyhow!("no {} stage", kind.as_str()))?;
        let (remarks, reason) = match kind {
            StageKind::Rejected => ("Client feedback received", Some("Not enough hands-on experience with the client's stack".to_string())),
            _ => ("Offer accepted; joining confirmed", None),
        };
        state
            .applications
            .move_stage(mover, id, MoveRequest { to_stage_id: Some(stage.id), remarks: Some(remarks.into()), rejection_reason: reason, version })
            .await
            .map_err(|e| anyhow!("move to {}: {e:?}", stage.name))?;
    }
    Ok(())
}
