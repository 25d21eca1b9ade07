//! Use cases: submitting, listing, moving, verifying, ordering and rating
//! applications, the kanban board, candidates' own applications and public
//! applications from the job board.

use super::input::{parse_source, validate_feedback, validate_remarks, PublicApplyInput};
use super::moves::{plan_move, MoveRequest};
use super::rank::{plan_reorder, Placement, Reorder};
use super::{ApplicationQuery, ApplicationView, Board, Feedback, HistoryEntry, JobInfo, NewApplication, OwnApplication, PublicApplication, StageMove, StageRef};
use crate::audit::{AuditEntry, RequestMeta};
use crate::clock::Clock;
use crate::error::{DomainError, DomainResult, FieldError};
use crate::events::{DomainEvent, EventEnvelope};
use crate::identity::{Permission, Principal, Scope};
use crate::ids::{ApplicationId, CandidateId, FeedbackId, FileId, JobId, UserId};
use crate::paging::{Page, PageRequest};
use crate::pipelines::JobStage;
use crate::ports::{ApplicationStore, AuditLog, EventPublisher, JobStageStore};
use std::sync::Arc;

/// Cards shown per kanban column (the count is always the full count).
pub const BOARD_CARD_CAP: u32 = 200;

pub struct ApplicationDeps {
    pub applications: Arc<dyn ApplicationStore>,
    pub jobs: Arc<dyn JobStageStore>,
    pub events: Arc<dyn EventPublisher>,
    pub audit: Arc<dyn AuditLog>,
    pub clock: Arc<dyn Clock>,
}

pub struct ApplicationService {
    d: ApplicationDeps,
}

/// `POST /api/applications` as the domain receives it.
#[derive(Clone, Debug, Default)]
pub struct NewApplicationInput {
    pub candidate_id: Option<CandidateId>,
    pub job_id: Option<JobId>,
    pub source: Option<String>,
    pub remarks: Option<String>,
}

/// What a public application answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicApplyOutcome {
    Created(ApplicationId),
    /// The honeypot was filled: nothing was written, the id is made up.
    Ignored(ApplicationId),
}

impl PublicApplyOutcome {
    pub fn id(&self) -> ApplicationId {
        match self {
            PublicApplyOutcome::Created(id) | PublicApplyOutcome::Ignored(id) => *id,
        }
    }
}

fn stage_ref(s: &JobStage) -> StageRef {
    StageRef { id: s.id, name: s.name.clone(), kind: s.kind }
}

impl ApplicationService {
    pub fn new(deps: ApplicationDeps) -> Self {
        Self { d: deps }
    }

    async fn visible_job(&self, caller: &Principal, id: JobId) -> DomainResult<JobInfo> {
        match self.d.jobs.job(id).await? {
            Some(job) if !job.deleted && caller.scope().sees_job(&job.audience()) => Ok(job),
            _ => Err(DomainError::NotFound),
        }
    }

    /// An application the caller sees, else `NotFound`.
    pub async fn get(&self, caller: &Principal, id: ApplicationId) -> DomainResult<ApplicationView> {
        match self.d.applications.find(id).await? {
            Some(app) if caller.scope().sees_application(&app.sides()) => Ok(app),
            _ => Err(DomainError::NotFound),
        }
    }

    pub async fn list(&self, caller: &Principal, query: ApplicationQuery, page: PageRequest) -> DomainResult<Page<ApplicationView>> {
        self.d.applications.list(&query, caller.scope().company_filter(), page).await
    }

    /// Submit a candidate of the caller's company to a job it sees.
    pub async fn create(&self, caller: &Principal, input: NewApplicationInput) -> DomainResult<ApplicationView> {
        let scope = caller.scope();
        let mut errors = Vec::new();
        let candidate = match input.candidate_id {
            None => None,
            Some(id) => self.d.applications.candidate(id).await?,
        };
        let candidate = candidate.filter(|c| {
            c.live
                && match scope {
                    Scope::Platform => c.company_id.is_some(),
                    Scope::Company(me) => c.company_id == Some(me),
                    Scope::Personal => false,
                }
        });
        if candidate.is_none() {
            errors.push(FieldError::new("candidate_id", "unknown_candidate", "not a candidate profile of your company"));
        }
        let job = match input.job_id {
            None => None,
            Some(id) => self.d.jobs.job(id).await?,
        };
        let job = job.filter(|j| !j.deleted && scope.sees_job(&j.audience()));
        if job.is_none() {
            errors.push(FieldError::new("job_id", "unknown_job", "not a job you can work on"));
        }
        let source = parse_source(input.source.as_deref()).map_err(|e| errors.push(e)).ok();
        let remarks = validate_remarks(input.remarks.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
        // A super admin's candidate must belong to a side of the job.
        if let (Scope::Platform, Some(c), Some(j)) = (scope, &candidate, &job) {
            let company = c.company_id.expect("filtered");
            if company != j.company_id && !j.shared_with.contains(&company) {
                errors.push(FieldError::new("candidate_id", "unknown_candidate", "the candidate's company does not work this job"));
            }
        }
        if !errors.is_empty() {
            return Err(DomainError::Validation(errors));
        }
        let (candidate, job) = (candidate.expect("checked"), job.expect("checked"));
        match job.status.as_str() {
            "open" => {}
            "closed" => return Err(DomainError::Conflict("job_closed")),
            _ => return Err(DomainError::Conflict("job_not_open")),
        }
        let stages = self.d.jobs.stages(job.id).await?;
        let first = stages.first().ok_or_else(|| DomainError::infra(format!("job {} has no stages", job.id)))?;
        let new = NewApplication {
            id: ApplicationId::new(),
            job_id: job.id,
            job_company_id: job.company_id,
            candidate_id: candidate.id,
            candidate_company_id: candidate.company_id,
            stage: stage_ref(first),
            source: source.expect("checked"),
            recruiter_id: Some(caller.user_id),
            remarks,
            at: self.d.clock.now(),
        };
        self.d.applications.create(&new).await?;
        self.publish(DomainEvent::ApplicationCreated {
            application_id: new.id,
            job_id: job.id,
            candidate_id: candidate.id,
            job_company_id: job.company_id,
            candidate_company_id: candidate.company_id,
            by: Some(caller.user_id),
        })
        .await?;
        self.get(caller, new.id).await
    }

    async fn publish(&self, event: DomainEvent) -> DomainResult<()> {
        self.d.events.publish(EventEnvelope::new(event, self.d.clock.now())).await
    }

    /// Move to another stage of the job: the state machine decides, the store
    /// writes the move and its history row at once, guarded by the version.
    pub async fn move_stage(&self, caller: &Principal, id: ApplicationId, req: MoveRequest) -> DomainResult<ApplicationView> {
        let app = self.get(caller, id).await?;
        let stages = self.d.jobs.stages(app.job_id).await?;
        let allowed = plan_move(&app.stage, app.version, &stages, &req, caller.can(Permission::ApplicationsReopen))?;
        let mv = StageMove {
            application_id: app.id,
            job_id: app.job_id,
            from: app.stage.clone(),
            to: allowed.to,
            expected_version: app.version,
            remarks: allowed.remarks,
            rejection_reason: allowed.rejection_reason,
            by: caller.user_id,
            at: self.d.clock.now(),
        };
        if !self.d.applications.move_stage(&mv).await? {
            return Err(DomainError::Conflict("application_changed"));
        }
        self.publish(DomainEvent::ApplicationStageChanged {
            application_id: app.id,
            job_id: app.job_id,
            from_stage: mv.from.name.clone(),
            to_stage: mv.to.name.clone(),
            to_kind: mv.to.kind.as_str().to_string(),
            by: Some(caller.user_id),
        })
        .await?;
        self.get(caller, id).await
    }

    pub async fn history(&self, caller: &Principal, id: ApplicationId) -> DomainResult<Vec<HistoryEntry>> {
        let app = self.get(caller, id).await?;
        self.d.applications.history(app.id).await
    }

    /// Set or clear the "verified by manager" flag.
    pub async fn verify(&self, caller: &Principal, id: ApplicationId, verified: bool, meta: &RequestMeta) -> DomainResult<ApplicationView> {
        let app = self.get(caller, id).await?;
        if app.verified_at.is_some() != verified {
            self.d.applications.set_verified(app.id, verified.then_some(caller.user_id), self.d.clock.now()).await?;
            self.d
                .audit
                .record(
                    AuditEntry::by(caller, "applications.verify", meta)
                        .company(caller.company_id.or(Some(app.job_company_id)))
                        .target("application", app.id)
                        .changes(Some(&serde_json::json!({ "verified": !verified })), Some(&serde_json::json!({ "verified": verified }))),
                )
                .await?;
        }
        self.get(caller, id).await
    }

    pub async fn board(&self, caller: &Principal, job: JobId) -> DomainResult<Board> {
        let job = self.visible_job(caller, job).await?;
        self.d.applications.board(&job, caller.scope().company_filter(), BOARD_CARD_CAP).await
    }

    /// Move a card within its column, before or after another card.
    pub async fn reorder(&self, caller: &Principal, job: JobId, card: Option<ApplicationId>, before: Option<ApplicationId>, after: Option<ApplicationId>) -> DomainResult<()> {
        let job = self.visible_job(caller, job).await?;
        let mut errors = Vec::new();
        let placement = match (before, after) {
            (Some(b), None) => Some((Placement::Before(b), "before_id")),
            (None, Some(a)) => Some((Placement::After(a), "after_id")),
            _ => {
                errors.push(FieldError::new("before_id", "exactly_one", "give exactly one of before_id and after_id"));
                None
            }
        };
        let app = match card {
            None => None,
            Some(id) => self.d.applications.find(id).await?,
        };
        let app = app.filter(|a| a.job_id == job.id && caller.scope().sees_application(&a.sides()));
        if app.is_none() {
            errors.push(FieldError::new("application_id", "unknown_application", "not an application of this job"));
        }
        if !errors.is_empty() {
            return Err(DomainError::Validation(errors));
        }
        let (app, (placement, field)) = (app.expect("checked"), placement.expect("checked"));
        let anchor = match placement {
            Placement::Before(a) | Placement::After(a) => a,
        };
        let anchor_visible = self.d.applications.find(anchor).await?.is_some_and(|a| caller.scope().sees_application(&a.sides()));
        if !anchor_visible {
            return Err(DomainError::field(field, "not_in_stage", "must be another application in the same stage"));
        }
        let column = self.d.applications.column(job.id, app.stage.id).await?;
        match plan_reorder(&column, app.id, placement, field)? {
            Reorder::Rank(rank) => self.d.applications.set_rank(app.id, rank).await,
            Reorder::Renumber(order) => self.d.applications.renumber(&order).await,
            Reorder::Unchanged => Ok(()),
        }
    }

    pub async fn add_feedback(&self, caller: &Principal, id: ApplicationId, feedback_type: &str, rating: Option<i64>, comments: Option<&str>) -> DomainResult<Feedback> {
        let (kind, rating, comments) = validate_feedback(feedback_type, rating, comments)?;
        let app = self.get(caller, id).await?;
        let fid = FeedbackId::new();
        self.d.applications.add_feedback(fid, app.id, caller.user_id, &kind, rating, comments.as_deref(), self.d.clock.now()).await?;
        self.d.applications.feedback(app.id).await?.into_iter().find(|f| f.id == fid).ok_or(DomainError::NotFound)
    }

    pub async fn feedback(&self, caller: &Principal, id: ApplicationId) -> DomainResult<Vec<Feedback>> {
        let app = self.get(caller, id).await?;
        self.d.applications.feedback(app.id).await
    }

    /// A candidate user's own applications.
    pub async fn own(&self, caller: &Principal) -> DomainResult<Vec<OwnApplication>> {
        self.d.applications.of_candidate_user(caller.user_id).await
    }

    /// Apply from the public job board. `user`: a signed-in candidate user.
    pub async fn apply_public(&self, job: JobId, input: PublicApplyInput, resume_file_id: Option<FileId>, user: Option<UserId>) -> DomainResult<PublicApplyOutcome> {
        let job = match self.d.jobs.job(job).await? {
            Some(j) if j.published && !j.deleted && j.status == "open" => j,
            _ => return Err(DomainError::NotFound),
        };
        if input.is_bot() {
            return Ok(PublicApplyOutcome::Ignored(ApplicationId::new()));
        }
        let details = input.validate()?;
        let stages = self.d.jobs.stages(job.id).await?;
        let first = stages.first().ok_or_else(|| DomainError::infra(format!("job {} has no stages", job.id)))?;
        let application = PublicApplication {
            id: ApplicationId::new(),
            job_id: job.id,
            job_company_id: job.company_id,
            first_stage: stage_ref(first),
            full_name: details.full_name,
            email: details.email,
            email_normalized: details.email_normalized,
            phone: details.phone,
            phone_normalized: details.phone_normalized,
            cover_letter: details.cover_letter,
            linkedin_url: details.linkedin_url,
            resume_file_id,
            user_id: user,
            at: self.d.clock.now(),
        };
        let candidate = self.d.applications.apply_public(&application).await?;
        self.publish(DomainEvent::ApplicationCreated {
            application_id: application.id,
            job_id: job.id,
            candidate_id: candidate,
            job_company_id: job.company_id,
            candidate_company_id: Some(job.company_id),
            by: None,
        })
        .await?;
        Ok(PublicApplyOutcome::Created(application.id))
    }
}
