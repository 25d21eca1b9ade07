//! Candidates: company-owned profiles managed by recruiters, and candidate
//! users' own profiles.

mod contact;
mod merge;
mod profile;
mod query;
mod self_service;
mod service;

pub use contact::{normalize_email, normalize_phone};
pub use merge::{plan_merge, MergeCounts, MergePlan};
pub use profile::{
    validate_profile, valid_url, CandidateProfile, Education, EducationInput, Experience, ExperienceInput, Links, ProfileApplication,
    ProfileDocument, ProfileFields, ProfileInput, Skill, SkillInput, ValidProfile, PROFICIENCIES, SOURCES,
};
pub use query::{candidate_query, CandidateFilters, CandidateQuery, CandidateSort, CandidateSummary};
pub use self_service::{ProfileItem, ProfileItemKind, SavedJob, StoredItem};
pub use service::{dedupe_keys_to_check, may_edit, CandidateDeps, CandidateNote, CandidateService, ProfilePatch, NOTE_MAX};
