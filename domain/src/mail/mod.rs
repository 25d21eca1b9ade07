//! Outbound email as data. Each variant names a template the mail worker renders.

use crate::identity::Email;
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
}

impl OutgoingMail {
    pub fn new(to: Email, to_name: Option<String>, message: MailMessage) -> Self {
        Self { id: uuid::Uuid::now_v7(), to, to_name, message }
    }
}
