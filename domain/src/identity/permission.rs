use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! permissions {
    ($($variant:ident => $code:literal, $about:literal;)*) => {
        /// The permission catalogue. Roles are sets of these; handlers require one.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum Permission {
            $(#[doc = $about] #[serde(rename = $code)] $variant,)*
        }

        impl Permission {
            pub const ALL: &'static [Permission] = &[$(Permission::$variant,)*];

            pub fn code(&self) -> &'static str {
                match self { $(Permission::$variant => $code,)* }
            }

            pub fn description(&self) -> &'static str {
                match self { $(Permission::$variant => $about,)* }
            }

            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some(Permission::$variant),)* _ => None }
            }
        }
    };
}

permissions! {
    PlatformCompaniesManage => "companies:manage", "Create, list and edit companies on the platform (super admin).";
    UsersRead => "users:read", "List and view users of the company.";
    UsersCreate => "users:create", "Create users and import them from CSV.";
    UsersUpdate => "users:update", "Edit users, hold or release their login, unlock them.";
    UsersDeactivate => "users:deactivate", "Deactivate users and end their sessions.";
    RolesManage => "roles:manage", "Define custom roles and their permissions.";
    SettingsManage => "settings:manage", "Edit tenant settings and email templates.";
    PasswordResetsApprove => "password_resets:approve", "See and approve password reset requests of the company.";
    AuditRead => "audit:read", "Read and export the audit log.";
    JobsRead => "jobs:read", "View jobs and requirements.";
    JobsWrite => "jobs:write", "Create, edit, publish and close jobs and requirements.";
    CandidatesRead => "candidates:read", "View candidate profiles.";
    CandidatesWrite => "candidates:write", "Create, edit and merge candidate profiles.";
    ApplicationsRead => "applications:read", "View applications and their history.";
    ApplicationsWrite => "applications:write", "Create applications and give feedback.";
    ApplicationsMove => "applications:move", "Move applications between pipeline stages.";
    ApplicationsReopen => "applications:reopen", "Move applications out of a terminal stage.";
    PipelinesManage => "pipelines:manage", "Edit pipeline templates and job stages.";
    InterviewsManage => "interviews:manage", "Propose, accept, decline and cancel interviews.";
    MessagingUse => "messaging:use", "Converse with others the messaging rules allow.";
    ReportsRead => "reports:read", "See dashboards and team performance.";
    CandidateSelf => "candidate:self", "Manage one's own candidate profile, resumes and applications.";
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for p in Permission::ALL {
            assert_eq!(Permission::parse(p.code()), Some(*p));
            assert!(seen.insert(p.code()), "duplicate code {}", p.code());
        }
        assert_eq!(Permission::parse("nope:nope"), None);
    }
}
