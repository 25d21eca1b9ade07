//! Domain events: facts other parts of the system react to (notifications,
//! emails, later search indexing). Published to the events queue; the events
//! consumer turns them into in-app notifications and emails.

use crate::ids::{ApplicationId, CandidateId, CompanyId, JobId, ResetRequestId, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum DomainEvent {
    /// A user asked for a password reset; the approvers of their scope are told.
    #[serde(rename = "password_reset.requested")]
    PasswordResetRequested {
        request_id: ResetRequestId,
        user_id: UserId,
        /// Whose admins approve: the user's company, or (None) the super admins.
        approver_company_id: Option<CompanyId>,
    },
    /// An admin created an account (by hand or by CSV import).
    #[serde(rename = "account.created")]
    AccountCreated { user_id: UserId, company_id: Option<CompanyId>, created_by: Option<UserId> },
    /// A candidate entered a job's pipeline (by a recruiter, or `by` None: the job board).
    #[serde(rename = "application.created")]
    ApplicationCreated {
        application_id: ApplicationId,
        job_id: JobId,
        candidate_id: CandidateId,
        job_company_id: CompanyId,
        candidate_company_id: Option<CompanyId>,
        by: Option<UserId>,
    },
    /// An application moved to another stage (names as they were at the move).
    #[serde(rename = "application.stage_changed")]
    ApplicationStageChanged {
        application_id: ApplicationId,
        job_id: JobId,
        from_stage: String,
        to_stage: String,
        /// active | hired | rejected
        to_kind: String,
        by: Option<UserId>,
    },
}

impl DomainEvent {
    /// The stable event code, also the notification kind and the preference key.
    pub fn kind(&self) -> &'static str {
        match self {
            DomainEvent::PasswordResetRequested { .. } => "password_reset.requested",
            DomainEvent::AccountCreated { .. } => "account.created",
            DomainEvent::ApplicationCreated { .. } => "application.created",
            DomainEvent::ApplicationStageChanged { .. } => "application.stage_changed",
        }
    }
}

/// What travels on the queue: the event with a business key for idempotency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventEnvelope {
    pub id: uuid::Uuid,
    pub occurred_at: DateTime<Utc>,
    #[serde(flatten)]
    pub event: DomainEvent,
}

impl EventEnvelope {
    pub fn new(event: DomainEvent, occurred_at: DateTime<Utc>) -> Self {
        Self { id: uuid::Uuid::now_v7(), occurred_at, event }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelopes_round_trip_with_a_type_tag() {
        let e = EventEnvelope::new(DomainEvent::AccountCreated { user_id: UserId::new(), company_id: None, created_by: None }, Utc::now());
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["type"], "account.created");
        assert_eq!(serde_json::from_value::<EventEnvelope>(json).unwrap(), e);
        assert_eq!(e.event.kind(), "account.created");
    }
}
