//! Who sees recruiting data across companies. Inside a company every member
//! sees the company's jobs, candidates and applications (permissions decide
//! what they may do). Across companies, the only bridges are a job an employer
//! shares with an agency, and an application that joins an agency's candidate
//! to an employer's job. The MySQL adapters apply the same rules in SQL
//! (`adapters/src/mysql/visibility.rs`); the API tests hold both to them.

use super::Scope;
use crate::ids::CompanyId;

/// The companies that own or share a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobAudience {
    pub owner: CompanyId,
    /// Agencies the employer shared the job with.
    pub shared_with: Vec<CompanyId>,
}

/// The two sides of an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApplicationSides {
    /// The company whose job it is.
    pub job_company: CompanyId,
    /// The company whose candidate it is (None: a candidate user's own profile).
    pub candidate_company: Option<CompanyId>,
}

impl Scope {
    /// The job's company and the agencies it is shared with see a job.
    pub fn sees_job(&self, job: &JobAudience) -> bool {
        match self {
            Scope::Platform => true,
            Scope::Company(me) => job.owner == *me || job.shared_with.contains(me),
            Scope::Personal => false,
        }
    }

    /// Only the job's company edits it (publishes, closes, shares, staffs it).
    pub fn owns_job(&self, job: &JobAudience) -> bool {
        match self {
            Scope::Platform => true,
            Scope::Company(me) => job.owner == *me,
            Scope::Personal => false,
        }
    }

    /// Both sides see an application; another agency working the same shared
    /// job does not see its competitor's submissions.
    pub fn sees_application(&self, app: &ApplicationSides) -> bool {
        match self {
            Scope::Platform => true,
            Scope::Company(me) => app.job_company == *me || app.candidate_company == Some(*me),
            Scope::Personal => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_jobs_are_seen_by_the_agencies_they_are_shared_with_only() {
        let (employer, agency, other_agency) = (CompanyId::new(), CompanyId::new(), CompanyId::new());
        let job = JobAudience { owner: employer, shared_with: vec![agency] };
        assert!(Scope::Company(employer).sees_job(&job));
        assert!(Scope::Company(agency).sees_job(&job));
        assert!(!Scope::Company(other_agency).sees_job(&job));
        assert!(!Scope::Personal.sees_job(&job));
        assert!(Scope::Platform.sees_job(&job));
        assert!(Scope::Company(employer).owns_job(&job));
        assert!(!Scope::Company(agency).owns_job(&job), "sharing lets an agency work a job, not edit it");
    }

    #[test]
    fn an_application_is_seen_by_its_two_sides_and_no_competitor() {
        let (employer, agency, competitor) = (CompanyId::new(), CompanyId::new(), CompanyId::new());
        let app = ApplicationSides { job_company: employer, candidate_company: Some(agency) };
        assert!(Scope::Company(employer).sees_application(&app));
        assert!(Scope::Company(agency).sees_application(&app));
        assert!(!Scope::Company(competitor).sees_application(&app));
        assert!(!Scope::Personal.sees_application(&app));
        let direct = ApplicationSides { job_company: employer, candidate_company: None };
        assert!(Scope::Company(employer).sees_application(&direct));
        assert!(!Scope::Company(agency).sees_application(&direct));
    }
}
