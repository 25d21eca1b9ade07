//! Pipelines: the ordered stages an application moves through. A company has
//! a template (or the default for its type); each job copies it at creation
//! and may then be edited on its own.

mod edit;
mod service;
mod template;

pub use edit::{plan_stage_edit, JobStage, PlannedStage, StageEdit, StagePlan};
pub use service::{PipelineDeps, PipelineService, StageEditOutcome, TemplateView};

pub use template::{default_template, validate_stages, StageDraft, StageKind, MAX_STAGES, STAGE_NAME_MAX};
