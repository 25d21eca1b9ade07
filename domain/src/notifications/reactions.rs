//! What each domain event produces: who is notified, with what, and which
//! email they get if they want email for that kind. Pure; the service loads
//! the people and applies preferences.

use crate::identity::User;
use crate::ids::{ResetRequestId, UserId};
use crate::mail::MailMessage;
use crate::ports::NewNotification;
use sha2::{Digest, Sha256};

/// Where approvers review pending password resets in the web app.
pub const REVIEW_RESETS_PATH: &str = "/admin/password-resets";

#[derive(Clone, Debug)]
pub struct Delivery {
    pub recipient: User,
    pub notification: NewNotification,
    /// Sent when the recipient wants email for this kind; None: in-app only.
    pub email: Option<MailMessage>,
}

fn absolute(frontend_url: &str, path: &str) -> String {
    format!("{}{}", frontend_url.trim_end_matches('/'), path)
}

/// Every approver but the requester hears of the request.
pub fn password_reset_requested(request_id: ResetRequestId, requester: &User, approvers: Vec<User>, frontend_url: &str) -> Vec<Delivery> {
    approvers
        .into_iter()
        .filter(|a| a.id != requester.id)
        .map(|approver| Delivery {
            notification: NewNotification {
                user_id: approver.id,
                kind: "password_reset.requested",
                title: "Password reset requested".into(),
                body: format!("{} ({}) asked to reset their password.", requester.full_name, requester.email),
                link: Some(REVIEW_RESETS_PATH.into()),
                data: serde_json::json!({ "request_id": request_id, "user_id": requester.id }),
            },
            email: Some(MailMessage::PasswordResetRequested {
                requester_name: requester.full_name.clone(),
                requester_email: requester.email.to_string(),
                review_link: absolute(frontend_url, REVIEW_RESETS_PATH),
            }),
            recipient: approver,
        })
        .collect()
}

/// The new user gets a welcome note (in-app only: the activation email is
/// their email); the company's user admins hear of it, except whoever created it.
pub fn account_created(new_user: &User, admins: Vec<User>, created_by: Option<UserId>, frontend_url: &str) -> Vec<Delivery> {
    let company = new_user.company.as_ref().map(|c| c.name.clone());
    let welcome = Delivery {
        notification: NewNotification {
            user_id: new_user.id,
            kind: "account.created",
            title: "Welcome to HireOps".into(),
            body: match &company {
                Some(name) => format!("Your account at {name} is ready."),
                None => "Your account is ready.".into(),
            },
            link: Some("/".into()),
            data: serde_json::json!({ "user_id": new_user.id, "welcome": true }),
        },
        email: None,
        recipient: new_user.clone(),
    };
    let link = format!("/admin/users/{}", new_user.id);
    let title = "New account created".to_string();
    let body = format!("An account was created for {} ({}).", new_user.full_name, new_user.email);
    let mut out = vec![welcome];
    out.extend(admins.into_iter().filter(|a| Some(a.id) != created_by && a.id != new_user.id).map(|admin| Delivery {
        notification: NewNotification {
            user_id: admin.id,
            kind: "account.created",
            title: title.clone(),
            body: body.clone(),
            link: Some(link.clone()),
            data: serde_json::json!({ "user_id": new_user.id, "created_by": created_by }),
        },
        email: Some(MailMessage::Notification { title: title.clone(), body: body.clone(), link: Some(absolute(frontend_url, &link)) }),
        recipient: admin,
    }));
    out
}

/// The id of the email one event sends one user: the same on every retry, so
/// the mail worker sends it once.
pub fn delivery_mail_id(event_id: uuid::Uuid, user: UserId, kind: &str) -> uuid::Uuid {
    let digest = Sha256::new().chain_update(event_id.as_bytes()).chain_update(user.0.as_bytes()).chain_update(kind.as_bytes()).finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::{Company, CompanyType, Email, UserStatus};
    use crate::ids::CompanyId;

    fn user(name: &str, company: Option<&Company>) -> User {
        User {
            id: UserId::new(),
            email: Email::parse(&format!("{}@example.com", name.to_lowercase())).unwrap(),
            full_name: name.into(),
            status: UserStatus::Active,
            company: company.cloned(),
            roles: vec![],
            permissions: Default::default(),
            password_hash: None,
            failed_login_count: 0,
            locked_until: None,
            login_hold_reason: None,
        }
    }

    #[test]
    fn approvers_but_not_the_requester_are_told_with_a_review_link() {
        let requester = user("Jane", None);
        let admin = user("Ann", None);
        let out = password_reset_requested(ResetRequestId::new(), &requester, vec![admin.clone(), requester.clone()], "https://app.test/");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].recipient.id, admin.id);
        assert_eq!(out[0].notification.link.as_deref(), Some(REVIEW_RESETS_PATH));
        assert!(out[0].notification.body.contains("jane@example.com"));
        match &out[0].email {
            Some(MailMessage::PasswordResetRequested { review_link, .. }) => assert_eq!(review_link, "https://app.test/admin/password-resets"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_new_account_welcomes_the_user_and_tells_other_admins() {
        let acme = Company { id: CompanyId::new(), name: "Acme".into(), kind: CompanyType::Agency, status: crate::identity::CompanyStatus::Active };
        let new_user = user("Rob", Some(&acme));
        let creator = user("Ann", Some(&acme));
        let other_admin = user("Bea", Some(&acme));
        let out = account_created(&new_user, vec![creator.clone(), other_admin.clone()], Some(creator.id), "https://app.test");
        let ids: Vec<UserId> = out.iter().map(|d| d.recipient.id).collect();
        assert_eq!(ids, [new_user.id, other_admin.id]);
        assert!(out[0].email.is_none(), "the activation email welcomes by email");
        assert!(out[0].notification.body.contains("Acme"));
        assert!(matches!(&out[1].email, Some(MailMessage::Notification { link: Some(l), .. }) if l == &format!("https://app.test/admin/users/{}", new_user.id)));
    }

    #[test]
    fn mail_ids_are_stable_per_event_and_recipient() {
        let (e, u) = (uuid::Uuid::now_v7(), UserId::new());
        assert_eq!(delivery_mail_id(e, u, "k"), delivery_mail_id(e, u, "k"));
        assert_ne!(delivery_mail_id(e, u, "k"), delivery_mail_id(e, UserId::new(), "k"));
        assert_ne!(delivery_mail_id(e, u, "k"), delivery_mail_id(uuid::Uuid::now_v7(), u, "k"));
    }
}
