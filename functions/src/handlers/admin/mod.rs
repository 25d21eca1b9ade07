//! Identity administration: companies (super admin), roles and permissions,
//! users. Handlers are thin: the rules live in `hireops_domain::admin`.

pub mod companies;
pub mod roles;
pub mod users;
