//! Outbound email as data. Each variant names a template the mail worker renders.

use crate::identity::Email;
use crate::ids::CompanyId;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "template", rename_all = "snake_case")]
pub enum MailMessage {
    /// The sign-in code for administrators.
    TwoFactorCode { code: String, expires_in_minutes: u32 },
    /// Confirm a self-registered candidate's address.
    VerifyEmail { link: String, expires_in_hours: u32 },
    /// Someone tried to register with an address that already has an account.
    AccountAlreadyExists { sign_in_link: String, reset_link: String },
    /// An admin created the account; the link sets the first password.
    ActivateAccount { link: String, expires_in_hours: u32, company_name: Option<String> },
    /// Tells approvers that a user asked for a password reset.
    PasswordResetRequested { requester_name: String, requester_email: String, review_link: String },
    /// The approved, single-use reset link.
    PasswordResetLink { link: String, expires_in_minutes: u32 },
    /// The password was changed and all sessions were ended.
    PasswordChanged,
    /// Too many failed sign-ins locked the account for a while.
    AccountLocked { minutes: u32 },
    /// An in-app notification the recipient also wants by email.
    Notification { title: String, body: String, link: Option<String> },
}

impl MailMessage {
    pub fn template_name(&self) -> &'static str {
        match self {
            MailMessage::TwoFactorCode { .. } => "two_factor_code",
            MailMessage::VerifyEmail { .. } => "verify_email",
            MailMessage::AccountAlreadyExists { .. } => "account_already_exists",
            MailMessage::ActivateAccount { .. } => "activate_account",
            MailMessage::PasswordResetRequested { .. } => "password_reset_requested",
            MailMessage::PasswordResetLink { .. } => "password_reset_link",
            MailMessage::PasswordChanged => "password_changed",
            MailMessage::AccountLocked { .. } => "account_locked",
            MailMessage::Notification { .. } => "notification",
        }
    }
}

/// One email to send, as queued for the mail worker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingMail {
    /// Business key: the worker sends each id at most once.
    pub id: uuid::Uuid,
    pub to: Email,
    pub to_name: Option<String>,
    pub message: MailMessage,
    /// Whose email templates apply: the recipient's company (None: platform
    /// templates). Older queued mail has no field and gets the platform's.
    #[serde(default)]
    pub company_id: Option<CompanyId>,
}

impl OutgoingMail {
    pub fn new(to: Email, to_name: Option<String>, message: MailMessage) -> Self {
        Self { id: uuid::Uuid::now_v7(), to, to_name, message, company_id: None }
    }

    /// Render with this company's templates (the recipient's company).
    pub fn for_company(mut self, company_id: Option<CompanyId>) -> Self {
        self.company_id = company_id;
        self
    }

    /// A fixed business key, so a retried producer enqueues the same mail
    /// (which the worker then sends once).
    pub fn with_id(mut self, id: uuid::Uuid) -> Self {
        self.id = id;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_queued_before_company_ids_still_reads() {
        let json = serde_json::json!({
            "id": uuid::Uuid::now_v7(), "to": "a@example.com", "to_name": null,
            "message": {"template": "password_changed"}
        });
        let mail: OutgoingMail = serde_json::from_value(json).unwrap();
        assert_eq!(mail.company_id, None);
        let company = CompanyId::new();
        let mail = mail.for_company(Some(company));
        let back: OutgoingMail = serde_json::from_value(serde_json::to_value(&mail).unwrap()).unwrap();
        assert_eq!(back.company_id, Some(company));
    }
}
