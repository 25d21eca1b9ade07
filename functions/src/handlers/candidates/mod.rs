//! Recruiter-managed candidate profiles: create, list, view, edit, notes, merge.

pub mod dto;
pub mod notes;
pub mod profiles;
