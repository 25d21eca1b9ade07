//! Who people are: users, companies, roles and permissions.

mod company;
mod email;
mod permission;
mod principal;
mod role;
mod scope;
mod user;
mod visibility;

pub use company::{Company, CompanyStatus, CompanyType};
pub use email::Email;
pub use permission::Permission;
pub use principal::Principal;
pub use role::{SystemRole, ALL_SYSTEM_ROLES};
pub use scope::{CompanyFilter, CompanyOwned, Scope};
pub use user::{User, UserStatus};
pub use visibility::{ApplicationSides, JobAudience};
