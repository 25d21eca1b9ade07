//! Use cases: a company's pipeline template and a job's own stages.

use super::{default_template, plan_stage_edit, validate_stages, JobStage, StageDraft, StageEdit};
use crate::applications::JobInfo;
use crate::audit::{AuditEntry, RequestMeta};
use crate::clock::Clock;
use crate::error::{DomainError, DomainResult};
use crate::identity::Principal;
use crate::ids::{CompanyId, JobId};
use crate::ports::{AuditLog, CompanyRepository, JobStageStore, PipelineTemplateStore};
use std::sync::Arc;

pub struct PipelineDeps {
    pub templates: Arc<dyn PipelineTemplateStore>,
    pub companies: Arc<dyn CompanyRepository>,
    pub jobs: Arc<dyn JobStageStore>,
    pub audit: Arc<dyn AuditLog>,
    pub clock: Arc<dyn Clock>,
}

pub struct PipelineService {
    d: PipelineDeps,
}

/// A company's template; `is_default` when it has not saved its own.
#[derive(Clone, Debug, PartialEq)]
pub struct TemplateView {
    pub company_id: CompanyId,
    pub is_default: bool,
    pub stages: Vec<StageDraft>,
}

/// The answer to a job stage edit.
#[derive(Clone, Debug, PartialEq)]
pub enum StageEditOutcome {
    Saved(Vec<JobStage>),
    /// Nothing changed: these stages left out still hold applications.
    InUse(Vec<String>),
}

impl PipelineService {
    pub fn new(deps: PipelineDeps) -> Self {
        Self { d: deps }
    }

    async fn template_of(&self, company: CompanyId) -> DomainResult<TemplateView> {
        let record = self.d.companies.find(company).await?.ok_or(DomainError::NotFound)?;
        Ok(match self.d.templates.template(company).await? {
            Some(stages) => TemplateView { company_id: company, is_default: false, stages },
            None => TemplateView { company_id: company, is_default: true, stages: default_template(record.company.kind) },
        })
    }

    /// The caller's company's template (super admins name the company).
    pub async fn template(&self, caller: &Principal, company: Option<CompanyId>) -> DomainResult<TemplateView> {
        self.template_of(caller.scope().owning_company(company)?).await
    }

    /// Replace the template; jobs created later copy it, existing jobs keep theirs.
    pub async fn save_template(&self, caller: &Principal, company: Option<CompanyId>, stages: Vec<StageDraft>, meta: &RequestMeta) -> DomainResult<TemplateView> {
        let company = caller.scope().owning_company(company)?;
        let stages = validate_stages(&stages)?;
        let before = self.template_of(company).await?;
        self.d.templates.save(company, &stages).await?;
        self.d
            .audit
            .record(
                AuditEntry::by(caller, "pipelines.template_update", meta)
                    .company(Some(company))
                    .target("company", company)
                    .changes(Some(&serde_json::json!({ "stages": before.stages })), Some(&serde_json::json!({ "stages": stages }))),
            )
            .await?;
        self.template_of(company).await
    }

    /// A job the caller sees, else `NotFound`.
    pub async fn visible_job(&self, caller: &Principal, id: JobId) -> DomainResult<JobInfo> {
        match self.d.jobs.job(id).await? {
            Some(job) if !job.deleted && caller.scope().sees_job(&job.audience()) => Ok(job),
            _ => Err(DomainError::NotFound),
        }
    }

    pub async fn job_stages(&self, caller: &Principal, id: JobId) -> DomainResult<Vec<JobStage>> {
        let job = self.visible_job(caller, id).await?;
        self.d.jobs.stages(job.id).await
    }

    /// Edit a job's stages (its owner only: a sharing agency gets `not_job_owner`).
    pub async fn edit_job_stages(&self, caller: &Principal, id: JobId, edits: Vec<StageEdit>, meta: &RequestMeta) -> DomainResult<StageEditOutcome> {
        let job = self.visible_job(caller, id).await?;
        if !caller.scope().owns_job(&job.audience()) {
            return Err(DomainError::Forbidden("not_job_owner"));
        }
        let before = self.d.jobs.stages(job.id).await?;
        let plan = plan_stage_edit(&before, &edits)?;
        if !plan.in_use.is_empty() {
            return Ok(StageEditOutcome::InUse(plan.in_use));
        }
        self.d.jobs.replace_stages(job.id, &plan, self.d.clock.now()).await?;
        let after = self.d.jobs.stages(job.id).await?;
        let shape = |s: &[JobStage]| serde_json::json!({ "stages": s.iter().map(|s| serde_json::json!({"id": s.id, "name": s.name, "kind": s.kind})).collect::<Vec<_>>() });
        self.d
            .audit
            .record(
                AuditEntry::by(caller, "pipelines.job_stages_update", meta)
                    .company(Some(job.company_id))
                    .target("job", job.id)
                    .changes(Some(&shape(&before)), Some(&shape(&after))),
            )
            .await?;
        Ok(StageEditOutcome::Saved(after))
    }
}
