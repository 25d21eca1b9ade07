//! The demo companies and their people.

use super::DEMO_PASSWORD;
use crate::state::AppState;
use anyhow::{anyhow, Context, Result};
use hireops_domain::admin::{company_query, NewCompanyInput};
use hireops_domain::audit::RequestMeta;
use hireops_domain::identity::Principal;
use hireops_domain::ids::{CompanyId, UserId};
use hireops_domain::paging::PageRequest;

/// A demo account and the caller it acts as.
pub struct Person {
    pub id: UserId,
    pub email: String,
    pub as_caller: Principal,
}

pub struct Company {
    pub id: CompanyId,
    pub admin: Person,
    /// Agency: manager; employer: hiring manager.
    pub lead: Person,
    /// Agency: recruiters; employer: interviewers.
    pub members: Vec<Person>,
}

pub struct Cast {
    pub agencies: Vec<Company>,
    pub employers: Vec<Company>,
    pub candidates: Vec<Person>,
}

const AGENCIES: [(&str, &str); 2] = [("Northwind Talent", "northwind"), ("Bluepeak Staffing", "bluepeak")];
const EMPLOYERS: [(&str, &str); 2] = [("Acme Robotics", "acme"), ("Globex Health", "globex")];

/// Everyone, or None when the first demo company already exists.
pub async fn create(state: &AppState) -> Result<Option<Cast>> {
    let root_email = state.config.bootstrap_superadmin_email.clone().context("BOOTSTRAP_SUPERADMIN_EMAIL names the super admin the seed acts as")?;
    let root_user = state
        .auth
        .provision_user(&root_email, "Super Admin", "super_admin", None, state.config.bootstrap_superadmin_password.as_deref().unwrap_or(DEMO_PASSWORD))
        .await
        .map_err(|e| anyhow!("super admin: {e:?}"))?;
    let root = state.auth.principal_for(root_user).await.map_err(|e| anyhow!("{e:?}"))?;
    let query = company_query(None, None, Some(AGENCIES[0].0)).map_err(|e| anyhow!("{e:?}"))?;
    let existing = state.admin.companies(&root, query, PageRequest::new(Some(1), Some(10))).await.map_err(|e| anyhow!("{e:?}"))?;
    if existing.items.iter().any(|c| c.company.name == AGENCIES[0].0) {
        return Ok(None);
    }
    let mut agencies = Vec::new();
    for (name, slug) in AGENCIES {
        let id = company(state, &root, name, "agency").await?;
        agencies.push(Company {
            id,
            admin: person(state, &format!("admin@{slug}.demo"), &format!("{name} Admin"), "agency_admin", Some(id)).await?,
            lead: person(state, &format!("manager@{slug}.demo"), &first_last(slug, 0), "manager", Some(id)).await?,
            members: vec![
                person(state, &format!("recruiter1@{slug}.demo"), &first_last(slug, 1), "recruiter", Some(id)).await?,
                person(state, &format!("recruiter2@{slug}.demo"), &first_last(slug, 2), "recruiter", Some(id)).await?,
                person(state, &format!("sales@{slug}.demo"), &first_last(slug, 3), "sales", Some(id)).await?,
            ],
        });
    }
    let mut employers = Vec::new();
    for (name, slug) in EMPLOYERS {
        let id = company(state, &root, name, "employer").await?;
        employers.push(Company {
            id,
            admin: person(state, &format!("admin@{slug}.demo"), &format!("{name} Admin"), "employer_admin", Some(id)).await?,
            lead: person(state, &format!("hiring@{slug}.demo"), &first_last(slug, 4), "hiring_manager", Some(id)).await?,
            members: vec![person(state, &format!("interviewer@{slug}.demo"), &first_last(slug, 5), "interviewer", Some(id)).await?],
        });
    }
    let candidates = vec![
        person(state, "maya.candidate@example.com", "Maya Fernandes", "candidate", None).await?,
        person(state, "leo.candidate@example.com", "Leo Okafor", "candidate", None).await?,
    ];
    Ok(Some(Cast { agencies, employers, candidates }))
}

async fn company(state: &AppState, root: &Principal, name: &str, kind: &str) -> Result<CompanyId> {
    let created = state
        .admin
        .create_company(root, NewCompanyInput { name: name.into(), kind: kind.into() }, &RequestMeta::default())
        .await
        .map_err(|e| anyhow!("company {name}: {e:?}"))?;
    Ok(created.company.id)
}

async fn person(state: &AppState, email: &str, full_name: &str, role: &str, company: Option<CompanyId>) -> Result<Person> {
    let id = state.auth.provision_user(email, full_name, role, company, DEMO_PASSWORD).await.map_err(|e| anyhow!("user {email}: {e:?}"))?;
    let as_caller = state.auth.principal_for(id).await.map_err(|e| anyhow!("{e:?}"))?;
    Ok(Person { id, email: email.to_string(), as_caller })
}

/// Stable, varied names per company.
fn first_last(slug: &str, n: usize) -> String {
    const FIRST: [&str; 12] = ["Priya", "Daniel", "Aisha", "Tomás", "Mei", "Jonas", "Sofia", "Arjun", "Hannah", "Kwame", "Elena", "Ravi"];
    const LAST: [&str; 12] = ["Sharma", "Keller", "Rahman", "García", "Lin", "Berg", "Rossi", "Nair", "Weber", "Mensah", "Petrova", "Iyer"];
    let offset = slug.bytes().map(usize::from).sum::<usize>();
    format!("{} {}", FIRST[(offset + n) % FIRST.len()], LAST[(offset + 3 * n + 1) % LAST.len()])
}
