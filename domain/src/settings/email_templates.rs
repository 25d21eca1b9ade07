//! The catalogue of email templates: every outbound email has one, with a
//! description, the variables it may use and sample data to check edits with.

use crate::mail::MailMessage;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// The three parts of an email template (minijinja sources), or of a rendered email.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TemplateSource {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A template as an admin sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TemplateView {
    pub name: &'static str,
    pub description: &'static str,
    pub variables: Vec<&'static str>,
    #[serde(flatten)]
    pub source: TemplateSource,
    /// The viewer's level (company, or the platform) has its own version.
    pub customized: bool,
    pub updated_at: Option<DateTime<Utc>>,
}

pub const MAX_SUBJECT_CHARS: usize = 500;
pub const MAX_BODY_CHARS: usize = 100_000;

/// Every template may use these besides its own variables.
pub const COMMON_VARIABLES: &[&str] = &["product_name", "recipient_name", "tenant_name", "email_footer", "brand_color"];

pub struct TemplateInfo {
    pub name: &'static str,
    pub description: &'static str,
    pub variables: &'static [&'static str],
    /// Realistic data an edited template must render with.
    pub sample: fn() -> MailMessage,
}

pub const TEMPLATES: &[TemplateInfo] = &[
    TemplateInfo {
        name: "two_factor_code",
        description: "The sign-in code emailed to administrators.",
        variables: &["code", "expires_in_minutes"],
        sample: || MailMessage::TwoFactorCode { code: "493027".into(), expires_in_minutes: 10 },
    },
    TemplateInfo {
        name: "verify_email",
        description: "Asks a self-registered candidate to confirm their address.",
        variables: &["link", "expires_in_hours"],
        sample: || MailMessage::VerifyEmail { link: "https://app.example.com/verify-email?token=sample".into(), expires_in_hours: 24 },
    },
    TemplateInfo {
        name: "account_already_exists",
        description: "Sent when someone registers with an address that already has an account.",
        variables: &["sign_in_link", "reset_link"],
        sample: || MailMessage::AccountAlreadyExists {
            sign_in_link: "https://app.example.com/sign-in".into(),
            reset_link: "https://app.example.com/forgot-password".into(),
        },
    },
    TemplateInfo {
        name: "activate_account",
        description: "Invites a user an admin created to set their first password.",
        variables: &["link", "expires_in_hours", "company_name"],
        sample: || MailMessage::ActivateAccount {
            link: "https://app.example.com/activate?token=sample".into(),
            expires_in_hours: 72,
            company_name: Some("Acme Staffing".into()),
        },
    },
    TemplateInfo {
        name: "password_reset_requested",
        description: "Tells approvers that a user asked for a password reset.",
        variables: &["requester_name", "requester_email", "review_link"],
        sample: || MailMessage::PasswordResetRequested {
            requester_name: "Jane Doe".into(),
            requester_email: "jane.doe@example.com".into(),
            review_link: "https://app.example.com/admin/password-resets".into(),
        },
    },
    TemplateInfo {
        name: "password_reset_link",
        description: "The approved, single-use password reset link.",
        variables: &["link", "expires_in_minutes"],
        sample: || MailMessage::PasswordResetLink { link: "https://app.example.com/reset-password?token=sample".into(), expires_in_minutes: 60 },
    },
    TemplateInfo {
        name: "password_changed",
        description: "Confirms a password change; every session was ended.",
        variables: &[],
        sample: || MailMessage::PasswordChanged,
    },
    TemplateInfo {
        name: "account_locked",
        description: "Too many failed sign-ins locked the account for a while.",
        variables: &["minutes"],
        sample: || MailMessage::AccountLocked { minutes: 15 },
    },
    TemplateInfo {
        name: "notification",
        description: "An in-app notification the recipient also gets by email.",
        variables: &["title", "body", "link"],
        sample: || MailMessage::Notification {
            title: "Password reset requested".into(),
            body: "Jane Doe (jane.doe@example.com) asked to reset their password.".into(),
            link: Some("https://app.example.com/admin/password-resets".into()),
        },
    },
];

pub fn template_info(name: &str) -> Option<&'static TemplateInfo> {
    TEMPLATES.iter().find(|t| t.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_belong_to_their_template_and_name_their_variables() {
        for t in TEMPLATES {
            let sample = (t.sample)();
            assert_eq!(sample.template_name(), t.name);
            let json = serde_json::to_value(&sample).unwrap();
            let mut fields: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).filter(|k| *k != "template").collect();
            fields.sort();
            let mut declared = t.variables.to_vec();
            declared.sort();
            assert_eq!(fields, declared, "{}", t.name);
        }
        assert!(template_info("nope").is_none());
    }
}
