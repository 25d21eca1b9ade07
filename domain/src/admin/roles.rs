//! Custom roles: a company's own named sets of permissions, beside the
//! system roles (which are fixed in code and can't be edited or deleted).

use super::{AdminService, NewRole, Role};
use crate::audit::{AuditEntry, RequestMeta};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::{CompanyFilter, Permission, Principal, SystemRole};
use crate::ids::{CompanyId, RoleId};
use serde::Serialize;
use std::collections::BTreeSet;

pub const ROLE_NAME_MIN: usize = 2;
pub const ROLE_NAME_MAX: usize = 64;
pub const ROLE_DESCRIPTION_MAX: usize = 500;

/// Permissions only the platform hands out: never part of a custom role.
const PLATFORM_ONLY: [Permission; 2] = [Permission::PlatformCompaniesManage, Permission::CandidateSelf];

/// `POST`/`PUT /api/admin/roles` as the domain receives them. On update an
/// absent name or description stays as it is; permissions are always the full set.
#[derive(Clone, Debug, Default)]
pub struct RoleInput {
    pub name: Option<String>,
    pub description: Option<String>,
    pub permissions: Vec<String>,
    /// Super admins name the company on create; company admins get their own.
    pub company_id: Option<CompanyId>,
}

/// A custom role name: trimmed, 2 to 64 of letters, digits, space, `_` and `-`,
/// starting with a letter or digit, and not the name of a system role.
pub fn validate_role_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    let len = name.chars().count();
    if !(ROLE_NAME_MIN..=ROLE_NAME_MAX).contains(&len) {
        return Err(FieldError::new("name", "invalid_length", "must be between 2 and 64 characters"));
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '-');
    if !name.chars().all(allowed) || !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err(FieldError::new("name", "invalid_characters", "may hold letters, digits, spaces, `_` and `-`, starting with a letter or digit"));
    }
    // "Super Admin" would read as the system role in every list; refuse look-alikes too.
    let canonical: String = name.to_ascii_lowercase().chars().map(|c| if c == ' ' || c == '-' { '_' } else { c }).collect();
    if SystemRole::parse(&canonical).is_some() {
        return Err(FieldError::new("name", "reserved_name", "is the name of a system role"));
    }
    Ok(name.to_string())
}

fn validate_description(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    match raw.map(str::trim) {
        Some(d) if d.chars().count() > ROLE_DESCRIPTION_MAX => {
            Err(FieldError::new("description", "invalid_length", "must be at most 500 characters"))
        }
        other => Ok(other.map(str::to_string)),
    }
}

/// Resolve permission codes for a custom role the actor defines: every code
/// must exist, be grantable to a company role, and (unless the actor is a
/// super admin) be held by the actor, so nobody hands out more than they have.
pub fn check_permissions(actor: &Principal, codes: &[String]) -> Result<BTreeSet<Permission>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut set = BTreeSet::new();
    for (i, code) in codes.iter().enumerate() {
        let field = format!("permissions[{i}]");
        match Permission::parse(code.trim()) {
            None => errors.push(FieldError::new(field, "unknown_permission", format!("`{code}` is not a permission"))),
            Some(p) if PLATFORM_ONLY.contains(&p) => {
                errors.push(FieldError::new(field, "permission_not_allowed", format!("`{code}` can't be part of a custom role")))
            }
            Some(p) if !actor.is_super_admin() && !actor.can(p) => {
                errors.push(FieldError::new(field, "permission_not_grantable", format!("you don't hold `{code}` yourself")))
            }
            Some(p) => {
                set.insert(p);
            }
        }
    }
    if errors.is_empty() { Ok(set) } else { Err(errors) }
}

/// Whether the actor may see the role at all: super admins see every role;
/// company members see the system roles of their company's type and their
/// company's custom roles.
pub fn visible_to(actor: &Principal, role: &Role) -> bool {
    if actor.is_super_admin() {
        return true;
    }
    match role.company_id {
        Some(owner) => actor.company_id == Some(owner),
        None => actor.company_type.is_some() && SystemRole::parse(&role.name).and_then(|r| r.company_type()) == actor.company_type,
    }
}

#[derive(Serialize)]
struct RoleSnapshot<'a> {
    name: &'a str,
    description: &'a str,
    permissions: Vec<&'static str>,
}

impl<'a> RoleSnapshot<'a> {
    fn of(name: &'a str, description: &'a str, permissions: &BTreeSet<Permission>) -> Self {
        Self { name, description, permissions: permissions.iter().map(Permission::code).collect() }
    }
}

impl AdminService {
    /// System roles the caller may see plus custom roles of their company
    /// (super admins: all, or one company's with `company_id`).
    pub async fn roles(&self, actor: &Principal, company_id: Option<CompanyId>) -> DomainResult<Vec<Role>> {
        let custom = match (actor.scope().company_filter(), company_id) {
            (CompanyFilter::Any, Some(one)) => CompanyFilter::Only(one),
            (CompanyFilter::Only(mine), Some(asked)) if asked != mine => CompanyFilter::Nothing,
            (filter, _) => filter,
        };
        let roles = self.d.roles.list(custom).await?;
        Ok(roles.into_iter().filter(|r| visible_to(actor, r)).collect())
    }

    pub async fn role(&self, actor: &Principal, id: RoleId) -> DomainResult<Role> {
        self.d.roles.find(id).await?.filter(|r| visible_to(actor, r)).ok_or(DomainError::NotFound)
    }

    /// A role the actor may change: visible, and not a system role.
    async fn editable_role(&self, actor: &Principal, id: RoleId) -> DomainResult<Role> {
        let role = self.role(actor, id).await?;
        if role.is_system {
            return Err(DomainError::Forbidden("system_role_immutable"));
        }
        Ok(role)
    }

    pub async fn create_role(&self, actor: &Principal, input: RoleInput, meta: &RequestMeta) -> DomainResult<Role> {
        let mut errors = Vec::new();
        let name = match input.name.as_deref().map(validate_role_name) {
            None => {
                errors.push(FieldError::new("name", "required", "is required"));
                None
            }
            Some(Ok(n)) => Some(n),
            Some(Err(e)) => {
                errors.push(e);
                None
            }
        };
        let description = validate_description(input.description.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
        let permissions = check_permissions(actor, &input.permissions).map_err(|mut e| errors.append(&mut e)).ok();
        let company = match actor.scope().owning_company(input.company_id) {
            Ok(c) => Some(c),
            Err(DomainError::Validation(mut e)) => {
                errors.append(&mut e);
                None
            }
            Err(e) => return Err(e),
        };
        // Company admins' own company exists; a super admin's choice must be checked.
        let unknown_company = match company {
            Some(c) if actor.is_super_admin() => self.d.companies.find(c).await?.is_none(),
            _ => false,
        };
        if unknown_company {
            errors.push(FieldError::new("company_id", "unknown_company", "no such company"));
        }
        let (Some(name), Some(permissions), Some(company), true) = (name, permissions, company, errors.is_empty()) else {
            return Err(DomainError::Validation(errors));
        };
        let role = NewRole { id: RoleId::new(), company_id: company, name, description: description.unwrap_or_default(), permissions };
        self.d.roles.create(&role, self.d.clock.now()).await?;
        self.audit(
            AuditEntry::by(actor, "roles.create", meta)
                .company(Some(company))
                .target("role", role.id)
                .changes(None::<&()>, Some(&RoleSnapshot::of(&role.name, &role.description, &role.permissions))),
        )
        .await?;
        self.role(actor, role.id).await
    }

    /// Rename, describe and re-permission a custom role. Holders get the new
    /// permissions on their next request (the caller is loaded per request).
    pub async fn update_role(&self, actor: &Principal, id: RoleId, input: RoleInput, meta: &RequestMeta) -> DomainResult<Role> {
        let before = self.editable_role(actor, id).await?;
        let mut errors = Vec::new();
        let name = input.name.as_deref().map(validate_role_name).transpose().map_err(|e| errors.push(e)).ok().flatten();
        let description = validate_description(input.description.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
        let permissions = check_permissions(actor, &input.permissions).map_err(|mut e| errors.append(&mut e)).ok();
        let Some(permissions) = permissions.filter(|_| errors.is_empty()) else {
            return Err(DomainError::Validation(errors));
        };
        let name = name.unwrap_or_else(|| before.name.clone());
        let description = description.unwrap_or_else(|| before.description.clone());
        self.d.roles.update(id, &name, &description, &permissions).await?;
        self.audit(
            AuditEntry::by(actor, "roles.update", meta).company(before.company_id).target("role", id).changes(
                Some(&RoleSnapshot::of(&before.name, &before.description, &before.permissions)),
                Some(&RoleSnapshot::of(&name, &description, &permissions)),
            ),
        )
        .await?;
        self.role(actor, id).await
    }

    pub async fn delete_role(&self, actor: &Principal, id: RoleId, meta: &RequestMeta) -> DomainResult<()> {
        let role = self.editable_role(actor, id).await?;
        self.d.roles.delete(id).await?;
        self.audit(
            AuditEntry::by(actor, "roles.delete", meta)
                .company(role.company_id)
                .target("role", id)
                .changes(Some(&RoleSnapshot::of(&role.name, &role.description, &role.permissions)), None::<&()>),
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::CompanyType;

    fn principal(company: Option<CompanyId>, kind: Option<CompanyType>, role: &str, perms: &[Permission]) -> Principal {
        Principal::for_test(company, kind, &[role], perms)
    }

    fn role(company: Option<CompanyId>, name: &str) -> Role {
        Role {
            id: RoleId::new(),
            company_id: company,
            name: name.into(),
            description: String::new(),
            is_system: company.is_none(),
            permissions: BTreeSet::new(),
            user_count: 0,
        }
    }

    #[test]
    fn names_are_bounded_plain_and_not_reserved() {
        assert_eq!(validate_role_name("  Senior Recruiter ").unwrap(), "Senior Recruiter");
        assert_eq!(validate_role_name("qa_lead-2").unwrap(), "qa_lead-2");
        assert_eq!(validate_role_name("x").unwrap_err().code, "invalid_length");
        assert_eq!(validate_role_name(&"x".repeat(65)).unwrap_err().code, "invalid_length");
        assert!(validate_role_name(&"x".repeat(64)).is_ok());
        for bad in ["<script>", "_hidden", "caf\u{e9}", "a/b"] {
            assert_eq!(validate_role_name(bad).unwrap_err().code, "invalid_characters", "{bad}");
        }
        for reserved in ["recruiter", "Super Admin", "agency-admin", "CANDIDATE"] {
            assert_eq!(validate_role_name(reserved).unwrap_err().code, "reserved_name", "{reserved}");
        }
    }

    #[test]
    fn permissions_must_exist_be_company_level_and_held() {
        let admin = principal(Some(CompanyId::new()), Some(CompanyType::Agency), "agency_admin", &[Permission::JobsRead, Permission::UsersRead]);
        let ok = check_permissions(&admin, &["jobs:read".into(), "users:read".into(), "jobs:read".into()]).unwrap();
        assert_eq!(ok.into_iter().collect::<Vec<_>>(), [Permission::UsersRead, Permission::JobsRead]);
        let errs = check_permissions(&admin, &["jobs:read".into(), "nope:nope".into(), "companies:manage".into(), "candidate:self".into(), "jobs:write".into()])
            .unwrap_err();
        let got: Vec<(&str, &str)> = errs.iter().map(|e| (e.field.as_str(), e.code.as_str())).collect();
        assert_eq!(
            got,
            [
                ("permissions[1]", "unknown_permission"),
                ("permissions[2]", "permission_not_allowed"),
                ("permissions[3]", "permission_not_allowed"),
                ("permissions[4]", "permission_not_grantable"),
            ]
        );
    }

    #[test]
    fn super_admins_grant_anything_but_platform_permissions() {
        let root = principal(None, None, "super_admin", &[]);
        assert!(check_permissions(&root, &["jobs:write".into(), "settings:manage".into()]).is_ok());
        assert_eq!(check_permissions(&root, &["companies:manage".into()]).unwrap_err()[0].code, "permission_not_allowed");
    }

    #[test]
    fn members_see_their_type_of_system_roles_and_their_own_custom_roles() {
        let mine = CompanyId::new();
        let agency_admin = principal(Some(mine), Some(CompanyType::Agency), "agency_admin", &[]);
        assert!(visible_to(&agency_admin, &role(None, "recruiter")));
        assert!(!visible_to(&agency_admin, &role(None, "hiring_manager")));
        assert!(!visible_to(&agency_admin, &role(None, "super_admin")));
        assert!(!visible_to(&agency_admin, &role(None, "candidate")));
        assert!(visible_to(&agency_admin, &role(Some(mine), "Sourcer")));
        assert!(!visible_to(&agency_admin, &role(Some(CompanyId::new()), "Sourcer")));
        let root = principal(None, None, "super_admin", &[]);
        assert!(visible_to(&root, &role(None, "candidate")));
        assert!(visible_to(&root, &role(Some(mine), "Sourcer")));
    }
}
