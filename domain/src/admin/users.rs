//! User accounts managed by admins: creation with an activation link, edits,
//! deactivation, login holds and unlocking. Company admins act only inside
//! their company; super admins anywhere.

use super::{AdminService, ManagedUser, Role, UserQuery, UserSnapshot};
use crate::audit::{AuditEntry, RequestMeta};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::events::{DomainEvent, EventEnvelope};
use crate::identity::{Company, CompanyFilter, Email, Principal, SystemRole, User, UserStatus};
use crate::ids::{CompanyId, UserId};
use crate::mail::{MailMessage, OutgoingMail};
use crate::paging::{Page, PageRequest};
use crate::ports::{EventPublisher, MailOutbox, NewUser, OneTimePurpose};

pub const FULL_NAME_MAX: usize = 200;
pub const HOLD_REASON_MAX: usize = 500;

/// One account to create, from the API or a CSV row.
#[derive(Clone, Debug)]
pub struct CreateUser {
    pub email: String,
    pub full_name: String,
    /// A role name: a system role of the company's type or one of its custom roles.
    pub role: String,
    /// Super admins must name the company; company admins may omit it.
    pub company_id: Option<CompanyId>,
}

/// The input of [`CreateUser`] once its fields are well-formed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidNewUser {
    pub email: Email,
    pub full_name: String,
    pub role: String,
}

/// `PATCH /api/admin/users/{id}`: absent fields stay as they are.
#[derive(Clone, Debug, Default)]
pub struct UserChanges {
    pub full_name: Option<String>,
    pub role: Option<String>,
}

/// List filters as the API receives them.
#[derive(Clone, Debug, Default)]
pub struct UserFilters {
    pub role: Option<String>,
    pub status: Option<String>,
    pub text: Option<String>,
    /// Super admins: one company only.
    pub company_id: Option<CompanyId>,
}

fn validate_full_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    let len = name.chars().count();
    if len == 0 || len > FULL_NAME_MAX || name.chars().any(char::is_control) {
        return Err(FieldError::new("full_name", "invalid_length", "must be between 1 and 200 characters"));
    }
    Ok(name.to_string())
}

/// The pure checks of a new account (no look-ups): every broken field is reported.
pub fn validate_new_user(input: &CreateUser) -> Result<ValidNewUser, Vec<FieldError>> {
    let mut errors = Vec::new();
    let email = match Email::parse(&input.email) {
        Ok(e) => Some(e),
        Err(DomainError::Validation(mut e)) => {
            errors.append(&mut e);
            None
        }
        Err(_) => None,
    };
    let full_name = validate_full_name(&input.full_name).map_err(|e| errors.push(e)).ok();
    let role = input.role.trim();
    if role.is_empty() {
        errors.push(FieldError::new("role", "required", "is required"));
    }
    match (email, full_name) {
        (Some(email), Some(full_name)) if errors.is_empty() => Ok(ValidNewUser { email, full_name, role: role.to_string() }),
        _ => Err(errors),
    }
}

/// May the actor give `role` to a member of `company`? The role must belong
/// there (a system role of the company's type, never `super_admin` or
/// `candidate`, or the company's own custom role) and, unless the actor is a
/// super admin, carry no permission the actor lacks.
pub fn check_role_assignable(actor: &Principal, company: &Company, role: &Role) -> Result<(), FieldError> {
    let belongs = if role.is_system {
        SystemRole::parse(&role.name).and_then(|r| r.company_type()) == Some(company.kind)
    } else {
        role.company_id == Some(company.id)
    };
    if !belongs {
        return Err(FieldError::new("role", "unknown_role", "is not a role of this company"));
    }
    if !actor.is_super_admin() && !role.permissions.is_subset(&actor.permissions) {
        return Err(FieldError::new("role", "role_not_grantable", "holds permissions you don't have"));
    }
    Ok(())
}

fn validate_hold_reason(raw: &str) -> DomainResult<String> {
    let reason = raw.trim();
    let len = reason.chars().count();
    if len == 0 || len > HOLD_REASON_MAX {
        return Err(DomainError::field("reason", "invalid_length", "must be between 1 and 500 characters"));
    }
    Ok(reason.to_string())
}

impl AdminService {
    /// Create one account in `pending_activation` (no password) and email it
    /// an activation link. The one place accounts are created by admins: the
    /// API and the CSV import both call it. Errors: `Validation` with every
    /// broken field (`email`, `full_name`, `role`: `unknown_role` or
    /// `role_not_grantable`, `company_id`), `Conflict("email_taken")`.
    pub async fn create_user(&self, actor: &Principal, input: CreateUser, meta: &RequestMeta) -> DomainResult<UserId> {
        self.create_user_with_id(actor, input, UserId::new(), meta).await
    }

    /// [`Self::create_user`] with the new user's id chosen by the caller: the
    /// CSV import picks it at upload so a retried row recognises its user.
    pub async fn create_user_with_id(&self, actor: &Principal, input: CreateUser, id: UserId, meta: &RequestMeta) -> DomainResult<UserId> {
        self.create_user_via(actor, input, id, meta, self.d.mail.as_ref(), self.d.events.as_ref()).await
    }

    /// [`Self::create_user_with_id`] sending the activation email and the event
    /// through the given outboxes (the CSV import collects them per chunk and
    /// sends them in batches).
    pub async fn create_user_via(
        &self,
        actor: &Principal,
        input: CreateUser,
        id: UserId,
        meta: &RequestMeta,
        mail: &dyn MailOutbox,
        events: &dyn EventPublisher,
    ) -> DomainResult<UserId> {
        let mut errors = Vec::new();
        let valid = validate_new_user(&input).map_err(|mut e| errors.append(&mut e)).ok();
        let company = match actor.scope().owning_company(input.company_id) {
            Ok(id) => match self.d.companies.find(id).await? {
                Some(found) => Some(found.company),
                None => {
                    errors.push(FieldError::new("company_id", "unknown_company", "no such company"));
                    None
                }
            },
            Err(DomainError::Validation(mut e)) => {
                errors.append(&mut e);
                None
            }
            Err(e) => return Err(e),
        };
        let role_name = input.role.trim();
        let role = match &company {
            Some(company) if !role_name.is_empty() => match self.d.roles.find_by_name(company.id, role_name).await? {
                Some(role) => check_role_assignable(actor, company, &role).map_err(|e| errors.push(e)).ok().map(|_| role),
                None => {
                    errors.push(FieldError::new("role", "unknown_role", "no such role"));
                    None
                }
            },
            _ => None,
        };
        let (Some(valid), Some(company), Some(role), true) = (valid, company, role, errors.is_empty()) else {
            return Err(DomainError::Validation(errors));
        };
        self.d
            .users
            .create(NewUser {
                id,
                email: valid.email,
                full_name: valid.full_name,
                password_hash: None,
                status: UserStatus::PendingActivation,
                company_id: Some(company.id),
                roles: vec![role.name.clone()],
            })
            .await?;
        let user = self.d.users.find_by_id(id).await?.ok_or(DomainError::NotFound)?;
        self.send_activation(&user, mail).await?;
        let now = self.d.clock.now();
        let event = DomainEvent::AccountCreated { user_id: id, company_id: Some(company.id), created_by: Some(actor.user_id) };
        events.publish(EventEnvelope::new(event, now)).await?;
        self.audit(
            AuditEntry::by(actor, "users.create", meta)
                .company(Some(company.id))
                .target("user", id)
                .changes(None::<&()>, Some(&UserSnapshot::of(&user))),
        )
        .await?;
        Ok(id)
    }

    async fn send_activation(&self, user: &User, mail: &dyn MailOutbox) -> DomainResult<()> {
        let now = self.d.clock.now();
        let token = self.d.secrets.random_token();
        let ttl = self.d.activation_ttl;
        self.d.one_time.create(OneTimePurpose::Activation, user.id, &self.d.secrets.digest(&token), now + ttl, None).await?;
        let message = MailMessage::ActivateAccount {
            link: self.link(&format!("/activate?token={token}")),
            expires_in_hours: ttl.num_hours() as u32,
            company_name: user.company.as_ref().map(|c| c.name.clone()),
        };
        mail.enqueue(OutgoingMail::new(user.email.clone(), Some(user.full_name.clone()), message)).await
    }

    pub async fn user(&self, actor: &Principal, id: UserId) -> DomainResult<ManagedUser> {
        actor.scoped(self.d.users.find_managed(id).await?)
    }

    /// Newest first, within the caller's scope.
    pub async fn users(&self, actor: &Principal, filters: UserFilters, page: PageRequest) -> DomainResult<Page<ManagedUser>> {
        let status = match filters.status.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Some(UserStatus::parse(s).ok_or_else(|| DomainError::field("status", "invalid_status", "is not a user status"))?),
            None => None,
        };
        let companies = match (actor.scope().company_filter(), filters.company_id) {
            (CompanyFilter::Any, Some(one)) => CompanyFilter::Only(one),
            (CompanyFilter::Only(mine), Some(asked)) if asked != mine => CompanyFilter::Nothing,
            (filter, _) => filter,
        };
        let blank = |s: Option<String>| s.map(|v| v.trim().chars().take(200).collect::<String>()).filter(|v| !v.is_empty());
        let query = UserQuery { companies, role: blank(filters.role), status, text: blank(filters.text) };
        self.d.users.list_managed(&query, page).await
    }

    /// A user the actor may change: in scope, and holding no permission the
    /// actor lacks (a custom admin role can't act on the company's full admins).
    async fn manageable(&self, actor: &Principal, id: UserId) -> DomainResult<ManagedUser> {
        let target = self.user(actor, id).await?;
        if !actor.is_super_admin() && !target.user.permissions.is_subset(&actor.permissions) {
            return Err(DomainError::Forbidden("user_not_manageable"));
        }
        Ok(target)
    }

    pub async fn update_user(&self, actor: &Principal, id: UserId, changes: UserChanges, meta: &RequestMeta) -> DomainResult<ManagedUser> {
        let full_name = changes.full_name.as_deref().map(validate_full_name).transpose().map_err(|e| DomainError::Validation(vec![e]))?;
        let before = self.manageable(actor, id).await?.user;
        let role = match changes.role.as_deref().map(str::trim) {
            None => None,
            Some(_) if id == actor.user_id => return Err(DomainError::Conflict("cannot_change_own_role")),
            Some(name) => {
                let Some(company) = &before.company else {
                    return Err(DomainError::field("role", "not_changeable", "this account's role can't be changed"));
                };
                let role = self.d.roles.find_by_name(company.id, name).await?.ok_or_else(|| DomainError::field("role", "unknown_role", "no such role"))?;
                check_role_assignable(actor, company, &role).map_err(|e| DomainError::Validation(vec![e]))?;
                Some(role)
            }
        };
        if let Some(name) = full_name.as_deref().filter(|n| *n != before.full_name) {
            self.d.users.update_full_name(id, name).await?;
        }
        if let Some(role) = role.as_ref().filter(|r| before.roles != [r.name.clone()]) {
            self.d.users.replace_roles(id, role.id).await?;
        }
        let after = self.user(actor, id).await?;
        let entry = AuditEntry::by(actor, "users.update", meta)
            .company(before.company.as_ref().map(|c| c.id))
            .target("user", id)
            .changes(Some(&UserSnapshot::of(&before)), Some(&UserSnapshot::of(&after.user)));
        self.audit(entry).await?;
        Ok(after)
    }

    /// Switch the account off: status `deactivated`, every session ended,
    /// history kept. Deactivating an already deactivated user changes nothing.
    pub async fn deactivate_user(&self, actor: &Principal, id: UserId, meta: &RequestMeta) -> DomainResult<()> {
        if id == actor.user_id {
            return Err(DomainError::Conflict("cannot_deactivate_self"));
        }
        let before = self.manageable(actor, id).await?.user;
        if before.status == UserStatus::Deactivated {
            return Ok(());
        }
        self.d.users.set_status(id, UserStatus::Deactivated).await?;
        self.d.sessions.revoke_all_for_user(id, "deactivated", self.d.clock.now()).await?;
        let mut after = before.clone();
        after.status = UserStatus::Deactivated;
        self.audit_user_change(actor, "users.deactivate", &before, &after, meta).await
    }

    /// Undo a deactivation: back to `active`, or to `pending_activation` when
    /// the user never set a password. Reactivating an active user changes nothing.
    pub async fn reactivate_user(&self, actor: &Principal, id: UserId, meta: &RequestMeta) -> DomainResult<()> {
        let before = self.manageable(actor, id).await?.user;
        if before.status != UserStatus::Deactivated {
            return Ok(());
        }
        let status = if before.password_hash.is_some() { UserStatus::Active } else { UserStatus::PendingActivation };
        self.d.users.set_status(id, status).await?;
        let mut after = before.clone();
        after.status = status;
        self.audit_user_change(actor, "users.reactivate", &before, &after, meta).await
    }

    /// Hold the login: sessions end now, sign-in and refresh answer
    /// `login_on_hold` until released.
    pub async fn hold_login(&self, actor: &Principal, id: UserId, reason: &str, meta: &RequestMeta) -> DomainResult<()> {
        let reason = validate_hold_reason(reason)?;
        if id == actor.user_id {
            return Err(DomainError::Conflict("cannot_hold_self"));
        }
        let before = self.manageable(actor, id).await?.user;
        self.d.users.set_login_hold(id, Some(&reason)).await?;
        self.d.sessions.revoke_all_for_user(id, "login_hold", self.d.clock.now()).await?;
        let mut after = before.clone();
        after.login_hold_reason = Some(reason);
        self.audit_user_change(actor, "users.hold_login", &before, &after, meta).await
    }

    pub async fn release_login(&self, actor: &Principal, id: UserId, meta: &RequestMeta) -> DomainResult<()> {
        let before = self.manageable(actor, id).await?.user;
        if before.login_hold_reason.is_none() {
            return Ok(());
        }
        self.d.users.set_login_hold(id, None).await?;
        let mut after = before.clone();
        after.login_hold_reason = None;
        self.audit_user_change(actor, "users.release_login", &before, &after, meta).await
    }

    /// Clear a lockout after failed sign-ins (the count and the lock).
    pub async fn unlock_user(&self, actor: &Principal, id: UserId, meta: &RequestMeta) -> DomainResult<()> {
        let before = self.manageable(actor, id).await?.user;
        self.d.users.clear_lockout(id).await?;
        self.audit(
            AuditEntry::by(actor, "users.unlock", meta)
                .company(before.company.as_ref().map(|c| c.id))
                .target("user", id)
                .detail("failed_login_count", before.failed_login_count)
                .detail("locked_until", before.locked_until),
        )
        .await
    }

    /// A fresh activation link for a user who has not activated yet (earlier links keep working until they expire).
    pub async fn resend_activation(&self, actor: &Principal, id: UserId, meta: &RequestMeta) -> DomainResult<()> {
        self.resend_activation_via(actor, id, meta, self.d.mail.as_ref()).await
    }

    pub async fn resend_activation_via(&self, actor: &Principal, id: UserId, meta: &RequestMeta, mail: &dyn MailOutbox) -> DomainResult<()> {
        let user = self.manageable(actor, id).await?.user;
        if user.status != UserStatus::PendingActivation {
            return Err(DomainError::Conflict("not_pending_activation"));
        }
        self.send_activation(&user, mail).await?;
        self.audit(AuditEntry::by(actor, "users.resend_activation", meta).company(user.company.as_ref().map(|c| c.id)).target("user", id)).await
    }

    async fn audit_user_change(&self, actor: &Principal, action: &'static str, before: &User, after: &User, meta: &RequestMeta) -> DomainResult<()> {
        self.audit(
            AuditEntry::by(actor, action, meta)
                .company(before.company.as_ref().map(|c| c.id))
                .target("user", before.id)
                .changes(Some(&UserSnapshot::of(before)), Some(&UserSnapshot::of(after))),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::{CompanyStatus, CompanyType, Permission};
    use crate::ids::RoleId;
    use std::collections::BTreeSet;

    fn input(email: &str, name: &str, role: &str) -> CreateUser {
        CreateUser { email: email.into(), full_name: name.into(), role: role.into(), company_id: None }
    }

    fn company(kind: CompanyType) -> Company {
        Company { id: CompanyId::new(), name: "Acme".into(), kind, status: CompanyStatus::Active }
    }

    fn actor(company: &Company, role: &str, perms: &[Permission]) -> Principal {
        Principal::for_test(Some(company.id), Some(company.kind), &[role], perms)
    }

    fn system(r: SystemRole) -> Role {
        Role {
            id: RoleId::new(),
            company_id: None,
            name: r.name().into(),
            description: String::new(),
            is_system: true,
            permissions: r.permissions().iter().copied().collect(),
            user_count: 0,
        }
    }

    fn custom(company: CompanyId, perms: &[Permission]) -> Role {
        Role {
            id: RoleId::new(),
            company_id: Some(company),
            name: "Sourcer".into(),
            description: String::new(),
            is_system: false,
            permissions: perms.iter().copied().collect::<BTreeSet<_>>(),
            user_count: 0,
        }
    }

    #[test]
    fn a_well_formed_user_is_normalized() {
        let v = validate_new_user(&input(" Ann@Example.com ", "  Ann Lee ", " recruiter ")).unwrap();
        assert_eq!((v.email.as_str(), v.full_name.as_str(), v.role.as_str()), ("ann@example.com", "Ann Lee", "recruiter"));
    }

    #[test]
    fn every_broken_field_is_reported() {
        let errs = validate_new_user(&input("not-an-email", " ", "")).unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "full_name", "role"]);
        assert!(validate_new_user(&input("a@example.com", &"x".repeat(201), "recruiter")).is_err());
    }

    #[test]
    fn system_roles_must_match_the_company_type() {
        let agency = company(CompanyType::Agency);
        let root = Principal { company_id: None, company_type: None, roles: vec!["super_admin".into()], ..actor(&agency, "super_admin", &[]) };
        assert!(check_role_assignable(&root, &agency, &system(SystemRole::Recruiter)).is_ok());
        assert!(check_role_assignable(&root, &agency, &system(SystemRole::AgencyAdmin)).is_ok());
        for wrong in [SystemRole::HiringManager, SystemRole::SuperAdmin, SystemRole::Candidate] {
            assert_eq!(check_role_assignable(&root, &agency, &system(wrong)).unwrap_err().code, "unknown_role", "{wrong:?}");
        }
    }

    #[test]
    fn custom_roles_only_in_their_company() {
        let agency = company(CompanyType::Agency);
        let admin = actor(&agency, "agency_admin", SystemRole::AgencyAdmin.permissions());
        assert!(check_role_assignable(&admin, &agency, &custom(agency.id, &[Permission::JobsRead])).is_ok());
        assert_eq!(check_role_assignable(&admin, &agency, &custom(CompanyId::new(), &[])).unwrap_err().code, "unknown_role");
    }

    #[test]
    fn nobody_grants_more_than_they_hold_except_super_admins() {
        let agency = company(CompanyType::Agency);
        let narrow = actor(&agency, "Team Lead", &[Permission::UsersCreate, Permission::JobsRead]);
        assert!(check_role_assignable(&narrow, &agency, &custom(agency.id, &[Permission::JobsRead])).is_ok());
        assert_eq!(check_role_assignable(&narrow, &agency, &system(SystemRole::Recruiter)).unwrap_err().code, "role_not_grantable");
        assert_eq!(check_role_assignable(&narrow, &agency, &system(SystemRole::AgencyAdmin)).unwrap_err().code, "role_not_grantable");
    }

    #[test]
    fn hold_reasons_are_bounded() {
        assert_eq!(validate_hold_reason("  left the team ").unwrap(), "left the team");
        assert!(validate_hold_reason(" ").is_err());
        assert!(validate_hold_reason(&"x".repeat(501)).is_err());
    }
}
