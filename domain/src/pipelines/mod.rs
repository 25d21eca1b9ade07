//! Pipelines: the ordered stages an application moves through. A company has
//! a template (or the default for its type); each job copies it at creation
//! and may then be edited on its own.

mod template;

pub use template::{default_template, validate_stages, StageDraft, StageKind, MAX_STAGES, STAGE_NAME_MAX};
