use super::{CompanyType, Permission};
use Permission::*;

/// Roles that ship with the platform. Their permission sets are fixed here,
/// and synced into the database at start so custom roles can sit beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SystemRole {
    SuperAdmin,
    AgencyAdmin,
    Manager,
    Recruiter,
    Sales,
    EmployerAdmin,
    HiringManager,
    Interviewer,
    Candidate,
}

pub const ALL_SYSTEM_ROLES: &[SystemRole] = &[
    SystemRole::SuperAdmin,
    SystemRole::AgencyAdmin,
    SystemRole::Manager,
    SystemRole::Recruiter,
    SystemRole::Sales,
    SystemRole::EmployerAdmin,
    SystemRole::HiringManager,
    SystemRole::Interviewer,
    SystemRole::Candidate,
];

impl SystemRole {
    pub fn name(&self) -> &'static str {
        match self {
            SystemRole::SuperAdmin => "super_admin",
            SystemRole::AgencyAdmin => "agency_admin",
            SystemRole::Manager => "manager",
            SystemRole::Recruiter => "recruiter",
            SystemRole::Sales => "sales",
            SystemRole::EmployerAdmin => "employer_admin",
            SystemRole::HiringManager => "hiring_manager",
            SystemRole::Interviewer => "interviewer",
            SystemRole::Candidate => "candidate",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        ALL_SYSTEM_ROLES.iter().copied().find(|r| r.name() == name)
    }

    /// Which kind of company this role lives in; `None` for platform-wide roles.
    pub fn company_type(&self) -> Option<CompanyType> {
        match self {
            SystemRole::SuperAdmin | SystemRole::Candidate => None,
            SystemRole::AgencyAdmin | SystemRole::Manager | SystemRole::Recruiter | SystemRole::Sales => Some(CompanyType::Agency),
            SystemRole::EmployerAdmin | SystemRole::HiringManager | SystemRole::Interviewer => Some(CompanyType::Employer),
        }
    }

    /// Admins sign in with a second factor (spec: 2FA for all admins and super admin).
    pub fn is_admin(&self) -> bool {
        matches!(self, SystemRole::SuperAdmin | SystemRole::AgencyAdmin | SystemRole::EmployerAdmin)
    }

    pub fn permissions(&self) -> &'static [Permission] {
        match self {
            SystemRole::SuperAdmin => &[
                PlatformCompaniesManage, UsersRead, UsersCreate, UsersUpdate, UsersDeactivate, RolesManage,
                SettingsManage, PasswordResetsApprove, AuditRead,
                // Platform support may talk to anyone (the messaging rules allow it).
                MessagingUse,
            ],
            SystemRole::AgencyAdmin => &[
                UsersRead, UsersCreate, UsersUpdate, UsersDeactivate, RolesManage, SettingsManage,
                PasswordResetsApprove, AuditRead, JobsRead, JobsWrite, CandidatesRead, CandidatesWrite,
                ApplicationsRead, ApplicationsWrite, ApplicationsMove, ApplicationsReopen, PipelinesManage,
                InterviewsManage, MessagingUse, ReportsRead,
            ],
            SystemRole::Manager => &[
                UsersRead, JobsRead, JobsWrite, CandidatesRead, CandidatesWrite, ApplicationsRead,
                ApplicationsWrite, ApplicationsMove, ApplicationsReopen, InterviewsManage, MessagingUse, ReportsRead,
            ],
            SystemRole::Recruiter => &[
                JobsRead, CandidatesRead, CandidatesWrite, ApplicationsRead, ApplicationsWrite, ApplicationsMove,
                InterviewsManage, MessagingUse, ReportsRead,
            ],
            SystemRole::Sales => &[JobsRead, CandidatesRead, ApplicationsRead, ReportsRead],
            SystemRole::EmployerAdmin => &[
                UsersRead, UsersCreate, UsersUpdate, UsersDeactivate, RolesManage, SettingsManage,
                PasswordResetsApprove, AuditRead, JobsRead, JobsWrite, CandidatesRead, ApplicationsRead,
                ApplicationsWrite, ApplicationsMove, ApplicationsReopen, PipelinesManage, InterviewsManage,
                MessagingUse, ReportsRead,
            ],
            SystemRole::HiringManager => &[
                JobsRead, JobsWrite, CandidatesRead, ApplicationsRead, ApplicationsWrite, ApplicationsMove,
                InterviewsManage, MessagingUse, ReportsRead,
            ],
            SystemRole::Interviewer => &[JobsRead, CandidatesRead, ApplicationsRead, ApplicationsWrite, InterviewsManage, MessagingUse],
            SystemRole::Candidate => &[CandidateSelf, MessagingUse],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in ALL_SYSTEM_ROLES {
            assert_eq!(SystemRole::parse(r.name()), Some(*r));
        }
    }

    #[test]
    fn only_company_admins_and_super_admin_need_a_second_factor() {
        let admins: Vec<_> = ALL_SYSTEM_ROLES.iter().filter(|r| r.is_admin()).map(|r| r.name()).collect();
        assert_eq!(admins, ["super_admin", "agency_admin", "employer_admin"]);
    }

    #[test]
    fn sales_is_read_only() {
        for p in SystemRole::Sales.permissions() {
            assert!(p.code().ends_with(":read"), "sales has {p}");
        }
    }

    #[test]
    fn candidates_hold_no_company_permission() {
        assert_eq!(SystemRole::Candidate.permissions(), &[CandidateSelf, MessagingUse]);
    }
}
