//! A candidate user's own profile, its skills, experience and education, and saved jobs.

pub mod items;
pub mod profile;
pub mod saved_jobs;
