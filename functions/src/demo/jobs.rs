//! The demo jobs: employer openings (some shared with agencies) and agency
//! requirements for clients that are not on the platform.

use super::people::{Cast, Company};
use crate::state::AppState;
use anyhow::{anyhow, Result};
use hireops_domain::audit::RequestMeta;
use hireops_domain::jobs::{JobDetail, NewJobInput, TeamMemberInput};
use hireops_domain::ids::CompanyId;

/// A job as the demo made it, with the company that owns it.
pub struct DemoJob {
    pub detail: JobDetail,
    pub owner: usize,
    pub owner_is_agency: bool,
}

struct Spec {
    title: &'static str,
    client: Option<(&'static str, &'static str)>,
    location: &'static str,
    work_mode: &'static str,
    employment_type: &'static str,
    priority: &'static str,
    positions: i64,
    budget: Option<(f64, f64, &'static str, &'static str)>,
    experience: (f64, f64),
    tags: &'static [&'static str],
    status: &'static str,
    publish: bool,
    about: &'static str,
}

const EMPLOYER_JOBS: [&[Spec]; 2] = [
    &[
        Spec { title: "Senior Rust Engineer", client: None, location: "Berlin", work_mode: "hybrid", employment_type: "full_time", priority: "high", positions: 2, budget: Some((85000.0, 110000.0, "EUR", "year")), experience: (5.0, 10.0), tags: &["rust", "backend", "robotics"], status: "open", publish: true, about: "Build the control-plane services that keep our warehouse robots coordinated: Rust, async, PostgreSQL, and a lot of telemetry." },
        Spec { title: "Robotics Test Technician", client: None, location: "Munich", work_mode: "onsite", employment_type: "full_time", priority: "medium", positions: 3, budget: None, experience: (1.0, 4.0), tags: &["hardware", "testing"], status: "open", publish: true, about: "Run hardware-in-the-loop test campaigns on new robot generations and report what breaks before customers see it." },
        Spec { title: "Product Designer", client: None, location: "Remote (EU)", work_mode: "remote", employment_type: "full_time", priority: "low", positions: 1, budget: None, experience: (3.0, 8.0), tags: &["design", "figma"], status: "draft", publish: false, about: "Design the fleet dashboard operators use all day." },
    ],
    &[
        Spec { title: "Clinical Data Analyst", client: None, location: "Boston", work_mode: "hybrid", employment_type: "full_time", priority: "high", positions: 1, budget: Some((90000.0, 120000.0, "USD", "year")), experience: (3.0, 7.0), tags: &["sql", "python", "healthcare"], status: "open", publish: true, about: "Turn trial data into decisions: SQL, Python and a good sense for data quality in regulated settings." },
        Spec { title: "DevOps Engineer", client: None, location: "Remote (US)", work_mode: "remote", employment_type: "contract", priority: "medium", positions: 1, budget: None, experience: (4.0, 9.0), tags: &["aws", "terraform", "kubernetes"], status: "open", publish: true, about: "Own our AWS estate: Terraform, EKS, observability and the pipelines that ship every day." },
    ],
];

const AGENCY_REQUIREMENTS: [&[Spec]; 2] = [
    &[
        Spec { title: "Java Backend Developer", client: Some(("Initech", "Bill Lumbergh")), location: "Pune", work_mode: "hybrid", employment_type: "full_time", priority: "high", positions: 3, budget: Some((1800000.0, 2400000.0, "INR", "year")), experience: (4.0, 8.0), tags: &["java", "spring", "microservices"], status: "open", publish: true, about: "Spring Boot microservices for Initech's payments platform." },
        Spec { title: "QA Automation Engineer", client: Some(("Initech", "Bill Lumbergh")), location: "Pune", work_mode: "onsite", employment_type: "contract_to_hire", priority: "medium", positions: 2, budget: Some((1000000.0, 1400000.0, "INR", "year")), experience: (2.0, 5.0), tags: &["selenium", "java", "testing"], status: "open", publish: false, about: "Selenium and REST-assured suites for a banking client." },
        Spec { title: "SAP FICO Consultant", client: Some(("Umbrella Corp", "Alice Abernathy")), location: "Bengaluru", work_mode: "onsite", employment_type: "contract", priority: "critical", positions: 1, budget: Some((150000.0, 200000.0, "INR", "month")), experience: (6.0, 12.0), tags: &["sap", "fico"], status: "open", publish: false, about: "S/4HANA finance rollout, two countries." },
        Spec { title: "Data Engineer", client: Some(("Umbrella Corp", "Alice Abernathy")), location: "Hyderabad", work_mode: "hybrid", employment_type: "full_time", priority: "low", positions: 2, budget: None, experience: (3.0, 6.0), tags: &["spark", "airflow", "python"], status: "on_hold", publish: false, about: "Batch and streaming pipelines on Spark and Airflow." },
    ],
    &[
        Spec { title: "Frontend Developer (React)", client: Some(("Hooli", "Gavin Belson")), location: "London", work_mode: "hybrid", employment_type: "full_time", priority: "high", positions: 2, budget: Some((60000.0, 75000.0, "GBP", "year")), experience: (3.0, 6.0), tags: &["react", "typescript"], status: "open", publish: true, about: "React and TypeScript for Hooli's consumer apps." },
        Spec { title: "Site Reliability Engineer", client: Some(("Hooli", "Gavin Belson")), location: "London", work_mode: "remote", employment_type: "contract", priority: "medium", positions: 1, budget: Some((550.0, 700.0, "GBP", "day")), experience: (5.0, 10.0), tags: &["sre", "kubernetes", "go"], status: "open", publish: false, about: "On-call, SLOs and capacity planning for a large Kubernetes estate." },
    ],
];

pub async fn create(state: &AppState, cast: &Cast) -> Result<Vec<DemoJob>> {
    let mut jobs = Vec::new();
    for (i, (employer, specs)) in cast.employers.iter().zip(EMPLOYER_JOBS).enumerate() {
        for spec in specs {
            let detail = job(state, employer, spec).await?;
            jobs.push(DemoJob { detail, owner: i, owner_is_agency: false });
        }
    }
    for (i, (agency, specs)) in cast.agencies.iter().zip(AGENCY_REQUIREMENTS).enumerate() {
        for (n, spec) in specs.iter().enumerate() {
            let detail = job(state, agency, spec).await?;
            // Each requirement gets one or two of the agency's recruiters.
            let recruiters: Vec<_> = agency.members.iter().take(2).skip(n % 2).collect();
            let team = recruiters.iter().map(|p| TeamMemberInput { user_id: p.id, role: "recruiter".into() }).collect();
            state.jobs.set_team(&agency.admin.as_caller, detail.job.id, team, &meta()).await.map_err(|e| anyhow!("team: {e:?}"))?;
            jobs.push(DemoJob { detail, owner: i, owner_is_agency: true });
        }
    }
    // Acme shares its Rust role with both agencies, Globex its analyst role with Northwind.
    let agencies: Vec<CompanyId> = cast.agencies.iter().map(|a| a.id).collect();
    share(state, cast, &jobs, 0, "Senior Rust Engineer", &agencies).await?;
    share(state, cast, &jobs, 1, "Clinical Data Analyst", &agencies[..1]).await?;
    for agency in &cast.agencies {
        let shared: Vec<_> = jobs.iter().filter(|j| !j.owner_is_agency && j.detail.shared_with.iter().any(|c| c.id == agency.id)).collect();
        for j in shared {
            let team = vec![TeamMemberInput { user_id: agency.members[0].id, role: "recruiter".into() }];
            state.jobs.set_team(&agency.lead.as_caller, j.detail.job.id, team, &meta()).await.map_err(|e| anyhow!("agency team: {e:?}"))?;
        }
    }
    Ok(jobs)
}

async fn share(state: &AppState, cast: &Cast, jobs: &[DemoJob], employer: usize, title: &str, agencies: &[CompanyId]) -> Result<()> {
    let admin = &cast.employers[employer].admin.as_caller;
    let job = jobs.iter().find(|j| !j.owner_is_agency && j.owner == employer && j.detail.job.fields.title == title).ok_or_else(|| anyhow!("no demo job {title}"))?;
    state.jobs.share(admin, job.detail.job.id, agencies.to_vec(), &meta()).await.map_err(|e| anyhow!("share: {e:?}"))?;
    Ok(())
}

/// Jobs as they are after sharing and staffing.
pub async fn reload(state: &AppState, cast: &Cast, jobs: Vec<DemoJob>) -> Result<Vec<DemoJob>> {
    let mut out = Vec::new();
    for j in jobs {
        let owner = if j.owner_is_agency { &cast.agencies[j.owner] } else { &cast.employers[j.owner] };
        let detail = state.jobs.job(&owner.admin.as_caller, j.detail.job.id).await.map_err(|e| anyhow!("{e:?}"))?;
        out.push(DemoJob { detail, ..j });
    }
    Ok(out)
}

async fn job(state: &AppState, company: &Company, spec: &Spec) -> Result<JobDetail> {
    let input = NewJobInput {
        kind: Some(if spec.client.is_some() { "requirement" } else { "opening" }.into()),
        status: Some(if spec.status == "draft" { "draft" } else { "open" }.into()),
        title: Some(spec.title.into()),
        description: Some(spec.about.into()),
        location: Some(spec.location.into()),
        work_mode: Some(spec.work_mode.into()),
        employment_type: Some(spec.employment_type.into()),
        tags: Some(spec.tags.iter().map(|t| t.to_string()).collect()),
        client_name: spec.client.map(|c| c.0.into()),
        client_spoc: spec.client.map(|c| c.1.into()),
        end_customer: spec.client.map(|c| c.0.into()),
        account: spec.client.map(|_| "Enterprise".into()),
        positions: Some(spec.positions),
        budget_min: spec.budget.map(|b| b.0),
        budget_max: spec.budget.map(|b| b.1),
        budget_currency: spec.budget.map(|b| b.2.into()),
        budget_period: spec.budget.map(|b| b.3.into()),
        experience_min: Some(spec.experience.0),
        experience_max: Some(spec.experience.1),
        priority: Some(spec.priority.into()),
        manager_id: Some(company.lead.id),
        ..Default::default()
    };
    let actor = &company.admin.as_caller;
    let created = state.jobs.create(actor, input, &meta()).await.map_err(|e| anyhow!("job {}: {e:?}", spec.title))?;
    let id = created.job.id;
    if spec.publish {
        state.jobs.publish(actor, id, &meta()).await.map_err(|e| anyhow!("publish {}: {e:?}", spec.title))?;
    }
    if spec.status == "on_hold" {
        let changes = hireops_domain::jobs::JobChanges { status: Some("on_hold".into()), ..Default::default() };
        state.jobs.update(actor, id, changes, &meta()).await.map_err(|e| anyhow!("hold {}: {e:?}", spec.title))?;
    }
    state.jobs.job(actor, id).await.map_err(|e| anyhow!("{e:?}"))
}

pub(super) fn meta() -> RequestMeta {
    RequestMeta { request_id: Some("demo-seed".into()), ..Default::default() }
}
