//! What each domain event produces: who is notified, with what, and which
//! email they get if they want email for that kind. Pure; the service loads
//! the people and applies preferences.

use crate::applications::Audience;
use crate::identity::User;
use crate::ids::{ApplicationId, ResetRequestId, UserId};
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

/// Where staff open an application, and candidates their own applications.
pub fn application_path(id: ApplicationId) -> String {
    format!("/applications/{id}")
}
pub const OWN_APPLICATIONS_PATH: &str = "/candidate/applications";

#[allow(clippy::too_many_arguments)]
fn staff_deliveries(staff: Vec<User>, by: Option<UserId>, kind: &'static str, title: String, body: String, link: String, data: serde_json::Value, frontend_url: &str) -> Vec<Delivery> {
    let mut seen = std::collections::HashSet::new();
    staff
        .into_iter()
        .filter(|u| Some(u.id) != by && seen.insert(u.id))
        .map(|recipient| Delivery {
            notification: NewNotification { user_id: recipient.id, kind, title: title.clone(), body: body.clone(), link: Some(link.clone()), data: data.clone() },
            email: Some(MailMessage::Notification { title: title.clone(), body: body.clone(), link: Some(absolute(frontend_url, &link)) }),
            recipient,
        })
        .collect()
}

/// The job's manager and team and the recruiter (those who see the
/// application) hear of a new application, except whoever submitted it.
pub fn application_created(id: ApplicationId, audience: &Audience, staff: Vec<User>, by: Option<UserId>, frontend_url: &str) -> Vec<Delivery> {
    let body = match by {
        Some(_) => format!("{} was submitted to {}.", audience.candidate_name, audience.job_title),
        None => format!("{} applied to {} through the job board.", audience.candidate_name, audience.job_title),
    };
    staff_deliveries(staff, by, "application.created", "New application".into(), body, application_path(id), serde_json::json!({ "application_id": id }), frontend_url)
}

/// Staff as for a new application, plus the candidate's own user (not the actor).
pub fn application_stage_changed(
    id: ApplicationId,
    audience: &Audience,
    staff: Vec<User>,
    candidate_user: Option<User>,
    (from, to): (&str, &str),
    by: Option<UserId>,
    frontend_url: &str,
) -> Vec<Delivery> {
    let data = serde_json::json!({ "application_id": id, "from_stage": from, "to_stage": to });
    let body = format!("{} moved from {from} to {to} on {}.", audience.candidate_name, audience.job_title);
    let mut out = staff_deliveries(staff, by, "application.stage_changed", "Application moved".into(), body, application_path(id), data.clone(), frontend_url);
    if let Some(user) = candidate_user.filter(|u| Some(u.id) != by && !out.iter().any(|d| d.recipient.id == u.id)) {
        let title = "Your application was updated".to_string();
        let body = format!("Your application to {} is now at {to}.", audience.job_title);
        out.push(Delivery {
            notification: NewNotification {
                user_id: user.id,
                kind: "application.stage_changed",
                title: title.clone(),
                body: body.clone(),
                link: Some(OWN_APPLICATIONS_PATH.into()),
                data,
            },
            email: Some(MailMessage::Notification { title, body, link: Some(absolute(frontend_url, OWN_APPLICATIONS_PATH)) }),
            recipient: user,
        });
    }
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

    fn audience() -> Audience {
        Audience { job_title: "Rust Engineer".into(), candidate_name: "Priya".into(), staff: vec![], candidate_user: None }
    }

    #[test]
    fn staff_but_not_the_actor_hear_of_a_new_application_once() {
        let (actor, manager) = (user("Ann", None), user("Max", None));
        let out = application_created(ApplicationId::new(), &audience(), vec![actor.clone(), manager.clone(), manager.clone()], Some(actor.id), "https://app.test");
        assert_eq!(out.iter().map(|d| d.recipient.id).collect::<Vec<_>>(), [manager.id]);
        assert!(out[0].notification.body.contains("Priya") && out[0].notification.body.contains("Rust Engineer"));
        let board = application_created(ApplicationId::new(), &audience(), vec![manager.clone()], None, "https://app.test");
        assert!(board[0].notification.body.contains("job board"));
    }

    #[test]
    fn a_move_tells_staff_and_the_candidate_user() {
        let (actor, manager, candidate) = (user("Ann", None), user("Max", None), user("Cal", None));
        let id = ApplicationId::new();
        let out = application_stage_changed(id, &audience(), vec![actor.clone(), manager.clone()], Some(candidate.clone()), ("Applied", "Interview"), Some(actor.id), "https://app.test");
        assert_eq!(out.iter().map(|d| d.recipient.id).collect::<Vec<_>>(), [manager.id, candidate.id]);
        assert_eq!(out[0].notification.link.as_deref(), Some(application_path(id).as_str()));
        assert_eq!(out[1].notification.link.as_deref(), Some(OWN_APPLICATIONS_PATH));
        assert!(out[1].notification.body.contains("Interview"));
    }

    #[test]
    fn mail_ids_are_stable_per_event_and_recipient() {
        let (e, u) = (uuid::Uuid::now_v7(), UserId::new());
        assert_eq!(delivery_mail_id(e, u, "k"), delivery_mail_id(e, u, "k"));
        assert_ne!(delivery_mail_id(e, u, "k"), delivery_mail_id(e, UserId::new(), "k"));
        assert_ne!(delivery_mail_id(e, u, "k"), delivery_mail_id(uuid::Uuid::now_v7(), u, "k"));
    }
}
