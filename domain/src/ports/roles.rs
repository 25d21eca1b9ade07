use super::PortResult;
use crate::admin::{NewRole, Role};
use crate::identity::{CompanyFilter, Permission};
use crate::ids::{CompanyId, RoleId};
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;

/// System and custom roles with their permissions.
#[async_trait::async_trait]
pub trait RoleRepository: Send + Sync {
    /// Every system role, plus the custom roles `custom` lets through; by name.
    async fn list(&self, custom: CompanyFilter) -> PortResult<Vec<Role>>;
    async fn find(&self, id: RoleId) -> PortResult<Option<Role>>;
    /// The company's custom role of that name, else the system role of that name.
    async fn find_by_name(&self, company: CompanyId, name: &str) -> PortResult<Option<Role>>;
    /// `Err(Conflict("role_name_taken"))` when the company has a role of that name.
    async fn create(&self, role: &NewRole, at: DateTime<Utc>) -> PortResult<()>;
    /// Replace name, description and permissions; `Conflict("role_name_taken")` like `create`.
    async fn update(&self, id: RoleId, name: &str, description: &str, permissions: &BTreeSet<Permission>) -> PortResult<()>;
    /// Atomically refuse with `Conflict("role_in_use")` while any user holds it.
    async fn delete(&self, id: RoleId) -> PortResult<()>;
}
