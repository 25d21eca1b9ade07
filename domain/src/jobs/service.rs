//! The job use cases. Visibility: the owner company and the agencies a job is
//! shared with see it (others get 404); only the owner edits, publishes,
//! closes, shares or deletes it (a sharing agency gets 403 `not_job_owner`);
//! each company staffs its own side of the team.

use super::fields::validate_reference;
use super::{
    validate_fields, validate_team, visible_team, CompanyRef, Job, JobChanges, JobDetail, JobFields, JobQuery, JobSummary, Lifecycle, NewJobInput,
    PublicJob, PublicJobQuery, TeamMember, TeamMemberInput,
};
use crate::audit::{AuditEntry, RequestMeta};
use crate::clock::Clock;
use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::{CompanyStatus, CompanyType, Principal, Scope};
use crate::ids::{CompanyId, JobId, UserId};
use crate::paging::{Page, PageRequest};
use crate::pipelines::default_template;
use crate::ports::{AuditLog, CompanyRepository, JobRepository, PipelineTemplateStore};
use serde::Serialize;
use std::sync::Arc;

pub struct JobDeps {
    pub jobs: Arc<dyn JobRepository>,
    pub companies: Arc<dyn CompanyRepository>,
    pub templates: Arc<dyn PipelineTemplateStore>,
    pub audit: Arc<dyn AuditLog>,
    pub clock: Arc<dyn Clock>,
}

pub struct JobService {
    d: JobDeps,
}

/// The audited shape of a job.
#[derive(Serialize)]
struct Snapshot<'a> {
    reference: &'a str,
    #[serde(flatten)]
    fields: &'a JobFields,
    #[serde(flatten)]
    lifecycle: &'a Lifecycle,
}

impl<'a> Snapshot<'a> {
    fn of(job: &'a Job) -> Self {
        Self { reference: &job.reference, fields: &job.fields, lifecycle: &job.lifecycle }
    }
}

/// Does the caller own the job (may edit, publish, share it…)?
fn owns(actor: &Principal, detail: &JobDetail) -> bool {
    actor.scope().owns_job(&detail.audience())
}

impl JobService {
    pub fn new(d: JobDeps) -> Self {
        Self { d }
    }

    /// A job the caller sees, else 404.
    /// Its team is limited to what the caller may see (`visible_team`).
    pub async fn job(&self, actor: &Principal, id: JobId) -> DomainResult<JobDetail> {
        match self.d.jobs.find(id).await? {
            Some(mut d) if actor.scope().sees_job(&d.audience()) => {
                d.team = visible_team(std::mem::take(&mut d.team), d.job.company_id, actor.scope());
                Ok(d)
            }
            _ => Err(DomainError::NotFound),
        }
    }

    /// A job the caller owns: unseen → 404, seen through sharing → 403.
    async fn owned(&self, actor: &Principal, id: JobId) -> DomainResult<JobDetail> {
        let d = self.job(actor, id).await?;
        if owns(actor, &d) { Ok(d) } else { Err(DomainError::Forbidden("not_job_owner")) }
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.d.clock.now()
    }

    async fn manager_error(&self, company: CompanyId, manager: Option<UserId>) -> DomainResult<Option<FieldError>> {
        let Some(m) = manager else { return Ok(None) };
        let found = self.d.jobs.active_members(company, &[m]).await?;
        Ok((!found.contains(&m)).then(|| FieldError::new("manager_id", "not_company_member", "must be an active user of the job's company")))
    }

    pub async fn create(&self, actor: &Principal, input: NewJobInput, meta: &RequestMeta) -> DomainResult<JobDetail> {
        let company_id = actor.scope().owning_company(input.company_id)?;
        let company = match self.d.companies.find(company_id).await? {
            Some(c) if c.company.status == CompanyStatus::Active => c.company,
            _ => return Err(DomainError::field("company_id", "unknown_company", "no such active company")),
        };
        let now = self.d.clock.now();
        let mut errors = Vec::new();
        let reference = match input.reference.as_deref() {
            Some(r) => validate_reference(r).map(Some).unwrap_or_else(|e| {
                errors.push(e);
                None
            }),
            None => None,
        };
        let lifecycle = Lifecycle::new(input.status.as_deref(), now).map_err(|e| errors.push(e)).ok();
        let fields = validate_fields(&input.fields(), company.kind).map_err(|e| errors.extend(e)).ok();
        if let Some(e) = self.manager_error(company_id, input.manager_id).await? {
            errors.push(e);
        }
        let (Some(fields), Some(lifecycle), true) = (fields, lifecycle, errors.is_empty()) else {
            return Err(DomainError::Validation(errors));
        };
        let prefix = if fields.kind == "requirement" { "REQ" } else { "JOB" };
        let generate = reference.is_none().then_some(prefix);
        let mut job = Job {
            id: JobId::new(),
            company_id,
            reference: reference.unwrap_or_default(),
            fields,
            lifecycle,
            created_by: actor.user_id,
            created_at: now,
            updated_at: now,
        };
        let stages = match self.d.templates.template(company_id).await? {
            Some(stages) => stages,
            None => default_template(company.kind),
        };
        job.reference = self.d.jobs.create(&job, &stages, generate).await?;
        self.d
            .audit
            .record(
                AuditEntry::by(actor, "jobs.create", meta)
                    .company(Some(company_id))
                    .target("job", job.id)
                    .changes(None::<&()>, Some(&Snapshot::of(&job))),
            )
            .await?;
        self.job(actor, job.id).await
    }

    pub async fn list(&self, actor: &Principal, query: JobQuery, page: PageRequest) -> DomainResult<Page<JobSummary>> {
        self.d.jobs.list(&query, actor.scope().company_filter(), self.d.clock.now(), page).await
    }

    pub async fn update(&self, actor: &Principal, id: JobId, changes: JobChanges, meta: &RequestMeta) -> DomainResult<JobDetail> {
        let detail = self.owned(actor, id).await?;
        let before = detail.job.clone();
        let now = self.d.clock.now();
        let mut after = before.clone();
        let mut errors = Vec::new();
        if let Some(r) = changes.reference.as_deref() {
            match validate_reference(r) {
                Ok(r) => after.reference = r,
                Err(e) => errors.push(e),
            }
        }
        if let Some(s) = changes.status.as_deref()
            && let Err(e) = after.lifecycle.set_status(s, now)
        {
            errors.push(e);
        }
        let applied = changes.apply(&before.fields);
        match validate_fields(&applied, detail.company_type) {
            Ok(f) => after.fields = f,
            Err(e) => errors.extend(e),
        }
        if applied.manager_id != before.fields.manager_id
            && let Some(e) = self.manager_error(before.company_id, applied.manager_id).await?
        {
            errors.push(e);
        }
        if !errors.is_empty() {
            return Err(DomainError::Validation(errors));
        }
        if after == before {
            return Ok(detail);
        }
        self.d.jobs.save(&after, now).await?;
        self.audit(actor, "jobs.update", &before, &after, meta, None).await?;
        self.job(actor, id).await
    }

    pub async fn delete(&self, actor: &Principal, id: JobId, meta: &RequestMeta) -> DomainResult<()> {
        let detail = self.owned(actor, id).await?;
        if self.d.jobs.application_count(id).await? > 0 {
            return Err(DomainError::Conflict("job_has_applications"));
        }
        self.d.jobs.delete(id, self.d.clock.now()).await?;
        self.d
            .audit
            .record(
                AuditEntry::by(actor, "jobs.delete", meta)
                    .company(Some(detail.job.company_id))
                    .target("job", id)
                    .changes(Some(&Snapshot::of(&detail.job)), None::<&()>),
            )
            .await
    }

    async fn audit(&self, actor: &Principal, action: &'static str, before: &Job, after: &Job, meta: &RequestMeta, note: Option<&str>) -> DomainResult<()> {
        let mut entry = AuditEntry::by(actor, action, meta)
            .company(Some(before.company_id))
            .target("job", before.id)
            .changes(Some(&Snapshot::of(before)), Some(&Snapshot::of(after)));
        if let Some(n) = note {
            entry = entry.detail("note", n);
        }
        self.d.audit.record(entry).await
    }

    /// Apply a lifecycle step to a job the caller owns; unchanged jobs are not rewritten.
    async fn transition(
        &self,
        actor: &Principal,
        id: JobId,
        action: &'static str,
        note: Option<&str>,
        step: impl FnOnce(&mut Lifecycle, chrono::DateTime<chrono::Utc>) -> DomainResult<()>,
        meta: &RequestMeta,
    ) -> DomainResult<JobDetail> {
        let detail = self.owned(actor, id).await?;
        let before = detail.job.clone();
        let now = self.d.clock.now();
        let mut after = before.clone();
        step(&mut after.lifecycle, now)?;
        if after == before {
            return Ok(detail);
        }
        self.d.jobs.save(&after, now).await?;
        self.audit(actor, action, &before, &after, meta, note).await?;
        self.job(actor, id).await
    }

    pub async fn publish(&self, actor: &Principal, id: JobId, meta: &RequestMeta) -> DomainResult<JobDetail> {
        self.transition(actor, id, "jobs.publish", None, |l, now| l.publish(now), meta).await
    }

    pub async fn unpublish(&self, actor: &Principal, id: JobId, meta: &RequestMeta) -> DomainResult<JobDetail> {
        self.transition(
            actor,
            id,
            "jobs.unpublish",
            None,
            |l, _| {
                l.unpublish();
                Ok(())
            },
            meta,
        )
        .await
    }

    pub async fn close(&self, actor: &Principal, id: JobId, reason: &str, note: Option<&str>, meta: &RequestMeta) -> DomainResult<JobDetail> {
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > 2000) {
            return Err(DomainError::field("note", "too_long", "must be at most 2000 characters"));
        }
        self.transition(actor, id, "jobs.close", note, |l, now| l.close(reason, now), meta).await
    }

    pub async fn reopen(&self, actor: &Principal, id: JobId, meta: &RequestMeta) -> DomainResult<JobDetail> {
        self.transition(actor, id, "jobs.reopen", None, |l, now| l.reopen(now), meta).await
    }

    /// Replace the caller company's side of the team. The owner staffs its
    /// side; an agency the job is shared with staffs its own recruiters.
    pub async fn set_team(&self, actor: &Principal, id: JobId, members: Vec<TeamMemberInput>, meta: &RequestMeta) -> DomainResult<Vec<TeamMember>> {
        let detail = self.job(actor, id).await?;
        let side = match actor.scope() {
            Scope::Company(me) => me,
            Scope::Platform => detail.job.company_id,
            Scope::Personal => return Err(DomainError::NotFound),
        };
        let members = validate_team(&members).map_err(DomainError::Validation)?;
        let ids: Vec<UserId> = members.iter().map(|m| m.user_id).collect();
        let active = self.d.jobs.active_members(side, &ids).await?;
        let errors: Vec<FieldError> = members
            .iter()
            .enumerate()
            .filter(|(_, m)| !active.contains(&m.user_id))
            .map(|(i, _)| FieldError::new(format!("members[{i}].user_id"), "not_company_member", "must be an active user of your company"))
            .collect();
        if !errors.is_empty() {
            return Err(DomainError::Validation(errors));
        }
        let before: Vec<(UserId, String)> =
            detail.team.iter().filter(|m| m.company_id == Some(side)).map(|m| (m.user_id, m.role.clone())).collect();
        self.d.jobs.replace_team(id, side, &members, actor.user_id, self.d.clock.now()).await?;
        let after: Vec<(UserId, String)> = members.iter().map(|m| (m.user_id, m.role.clone())).collect();
        self.d
            .audit
            .record(
                AuditEntry::by(actor, "jobs.team", meta)
                    .company(Some(side))
                    .target("job", id)
                    .detail("job_company_id", detail.job.company_id)
                    .changes(Some(&serde_json::json!({ "members": before })), Some(&serde_json::json!({ "members": after }))),
            )
            .await?;
        Ok(self.job(actor, id).await?.team)
    }

    /// Replace the agencies an employer's job is shared with.
    pub async fn share(&self, actor: &Principal, id: JobId, agency_ids: Vec<CompanyId>, meta: &RequestMeta) -> DomainResult<Vec<CompanyRef>> {
        let detail = self.owned(actor, id).await?;
        if detail.company_type != CompanyType::Employer {
            return Err(DomainError::field("agency_ids", "not_shareable", "only an employer's jobs are shared with agencies"));
        }
        let mut unique: Vec<CompanyId> = Vec::new();
        let mut errors = Vec::new();
        if agency_ids.len() > 100 {
            errors.push(FieldError::new("agency_ids", "too_many", "at most 100 agencies"));
        }
        let active = self.d.jobs.active_agencies(&agency_ids).await?;
        for (i, a) in agency_ids.iter().enumerate() {
            if !active.contains(a) {
                errors.push(FieldError::new(format!("agency_ids[{i}]"), "unknown_agency", "must be an active agency"));
            } else if unique.contains(a) {
                errors.push(FieldError::new(format!("agency_ids[{i}]"), "duplicate", "each agency appears once"));
            } else {
                unique.push(*a);
            }
        }
        if !errors.is_empty() {
            return Err(DomainError::Validation(errors));
        }
        let before: Vec<CompanyId> = detail.shared_with.iter().map(|c| c.id).collect();
        let after = self.d.jobs.replace_agencies(id, &unique, actor.user_id, self.d.clock.now()).await?;
        self.d
            .audit
            .record(
                AuditEntry::by(actor, "jobs.share", meta)
                    .company(Some(detail.job.company_id))
                    .target("job", id)
                    .changes(Some(&serde_json::json!({ "agency_ids": before })), Some(&serde_json::json!({ "agency_ids": unique }))),
            )
            .await?;
        Ok(after)
    }

    pub async fn public_jobs(&self, query: PublicJobQuery, page: PageRequest) -> DomainResult<Page<PublicJob>> {
        self.d.jobs.public_list(&query, page).await
    }

    pub async fn public_job(&self, id: JobId) -> DomainResult<PublicJob> {
        self.d.jobs.public_find(id).await?.ok_or(DomainError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identity::{JobAudience, Permission};

    fn detail(owner: CompanyId, shared: Vec<CompanyId>) -> JobAudience {
        JobAudience { owner, shared_with: shared }
    }

    #[test]
    fn only_the_owner_edits_a_shared_job() {
        let (employer, agency) = (CompanyId::new(), CompanyId::new());
        let owner = Principal::for_test(Some(employer), Some(CompanyType::Employer), &["employer_admin"], &[Permission::JobsWrite]);
        let partner = Principal::for_test(Some(agency), Some(CompanyType::Agency), &["agency_admin"], &[Permission::JobsWrite]);
        let audience = detail(employer, vec![agency]);
        assert!(owner.scope().owns_job(&audience));
        assert!(partner.scope().sees_job(&audience) && !partner.scope().owns_job(&audience));
    }
}
