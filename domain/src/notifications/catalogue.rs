//! Every kind of notification (one per domain event kind), with what it means
//! and whether it emails by default. Later issues add their events here.

pub struct KindInfo {
    /// The event code, e.g. `password_reset.requested`.
    pub kind: &'static str,
    pub description: &'static str,
    /// Whether it also emails a user who has not chosen.
    pub email_by_default: bool,
}

pub const KINDS: &[KindInfo] = &[
    KindInfo {
        kind: "password_reset.requested",
        description: "Someone you approve for asked for a password reset.",
        // Someone is locked out until an approver acts: worth an email.
        email_by_default: true,
    },
    KindInfo {
        kind: "account.created",
        description: "An account was created in your company (and the welcome note of a new account).",
        email_by_default: false,
    },
    KindInfo {
        kind: "application.created",
        description: "A candidate applied or was submitted to a job you work on.",
        email_by_default: false,
    },
    KindInfo {
        kind: "application.stage_changed",
        description: "An application you follow (or your own) moved to another stage.",
        email_by_default: false,
    },
];

pub fn kind_info(kind: &str) -> Option<&'static KindInfo> {
    KINDS.iter().find(|k| k.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::DomainEvent;
    use crate::ids::{ApplicationId, CandidateId, CompanyId, JobId, ResetRequestId, UserId};

    #[test]
    fn every_event_kind_is_in_the_catalogue() {
        let events = [
            DomainEvent::PasswordResetRequested { request_id: ResetRequestId::new(), user_id: UserId::new(), approver_company_id: None },
            DomainEvent::AccountCreated { user_id: UserId::new(), company_id: None, created_by: None },
            DomainEvent::ApplicationCreated {
                application_id: ApplicationId::new(),
                job_id: JobId::new(),
                candidate_id: CandidateId::new(),
                job_company_id: CompanyId::new(),
                candidate_company_id: None,
                by: None,
            },
            DomainEvent::ApplicationStageChanged {
                application_id: ApplicationId::new(),
                job_id: JobId::new(),
                from_stage: "Applied".into(),
                to_stage: "Interview".into(),
                to_kind: "active".into(),
                by: None,
            },
        ];
        for e in events {
            assert!(kind_info(e.kind()).is_some(), "{}", e.kind());
        }
        assert!(kind_info("jobs.nothing").is_none());
    }
}
