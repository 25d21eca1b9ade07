//! Applications: submit, list, read, move, history, verify, feedback, the
//! kanban board and a candidate's own applications.

pub mod board;
pub mod crud;
pub mod feedback;
pub mod own;

use chrono::{DateTime, Utc};
use hireops_domain::applications::Person;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct PersonRef {
    pub id: Uuid,
    pub full_name: String,
}

pub fn person(p: Person) -> PersonRef {
    PersonRef { id: p.id.0, full_name: p.full_name }
}

/// Whole days since `since`.
pub fn days_since(since: DateTime<Utc>) -> i64 {
    (Utc::now() - since).num_days().max(0)
}
