//! Applications: a candidate in a job's pipeline. Moves between stages follow
//! a pure state machine (`moves`), every move appends to the status history in
//! the same transaction under a version check, and the kanban board orders
//! cards by rank (`rank`).

mod input;
mod model;
mod moves;
mod rank;
mod service;

pub use input::{application_query, parse_source, validate_feedback, ApplicantDetails, ListFilters, PublicApplyInput, FEEDBACK_TYPES, SOURCES};
pub use model::*;
pub use moves::{plan_move, AllowedMove, MoveRequest, REJECTION_REASON_MAX, REMARKS_MAX};
pub use rank::{end_of_column, plan_reorder, Placement, Reorder, MIN_GAP};
pub use service::{ApplicationDeps, ApplicationService, NewApplicationInput, PublicApplyOutcome, BOARD_CARD_CAP};
