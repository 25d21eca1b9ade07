//! Jobs and client requirements: CRUD, lifecycle (publish, close…), team and
//! sharing with agencies. The public board is in `handlers::public_jobs`.

pub mod agency_directory;
pub mod crud;
pub mod lifecycle;
pub mod team;

use chrono::{DateTime, Utc};
use hireops_domain::identity::Principal;
use hireops_domain::jobs::{ageing_days, CompanyRef, JobDetail, JobSummary, TeamMember, UserRef};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// `Some(None)` for an explicit `null`, `Some(Some(v))` for a value; absent
/// fields stay `None` through `#[serde(default)]`.
pub(crate) fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Serialize, ToSchema)]
pub struct CompanyRefView {
    pub id: Uuid,
    pub name: String,
}

pub(crate) fn company_view(c: CompanyRef) -> CompanyRefView {
    CompanyRefView { id: c.id.0, name: c.name }
}

#[derive(Serialize, ToSchema)]
pub struct UserRefView {
    pub id: Uuid,
    pub full_name: String,
}

fn user_view(u: UserRef) -> UserRefView {
    UserRefView { id: u.id.0, full_name: u.full_name }
}

#[derive(Serialize, ToSchema)]
pub struct StageView {
    pub id: Uuid,
    pub name: String,
    /// `active`, `hired` or `rejected`.
    pub kind: String,
    pub position: u32,
}

#[derive(Serialize, ToSchema)]
pub struct TeamMemberView {
    pub user_id: Uuid,
    pub full_name: String,
    /// `recruiter`, `hiring_manager` or `interviewer`.
    pub role: String,
    /// The member's company: the owner's, or an agency's the job is shared with.
    pub company_id: Option<Uuid>,
}

pub(crate) fn team_view(t: TeamMember) -> TeamMemberView {
    TeamMemberView { user_id: t.user_id.0, full_name: t.full_name, role: t.role, company_id: t.company_id.map(|c| c.0) }
}

/// A job or client requirement, in full.
#[derive(Serialize, ToSchema)]
pub struct JobDetails {
    pub id: Uuid,
    pub reference: String,
    /// `opening` or `requirement`.
    pub kind: String,
    pub title: String,
    pub description: String,
    pub department: Option<String>,
    pub location: Option<String>,
    /// `onsite`, `remote` or `hybrid`.
    pub work_mode: Option<String>,
    /// `full_time`, `part_time`, `contract`, `contract_to_hire`, `internship` or `freelance`.
    pub employment_type: Option<String>,
    pub tags: Vec<String>,
    pub client_name: Option<String>,
    pub client_spoc: Option<String>,
    pub end_customer: Option<String>,
    pub account: Option<String>,
    pub positions: i64,
    pub budget_min: Option<f64>,
    pub budget_max: Option<f64>,
    pub budget_currency: Option<String>,
    /// `year`, `month`, `day` or `hour`.
    pub budget_period: Option<String>,
    pub experience_min: Option<f64>,
    pub experience_max: Option<f64>,
    /// `low`, `medium`, `high` or `critical`.
    pub priority: String,
    pub manager: Option<UserRefView>,
    pub notes: Option<String>,
    /// `draft`, `open`, `on_hold` or `closed`.
    pub status: String,
    /// `filled`, `cancelled` or `other` (closed jobs).
    pub close_reason: Option<String>,
    pub opened_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    /// On the public board (when also open).
    pub published: bool,
    /// Whole days open: from the first opening to closing (or now).
    pub ageing_days: i64,
    pub company: CompanyRefView,
    /// True when the caller sees the job because it was shared with its agency.
    pub shared: bool,
    pub stages: Vec<StageView>,
    pub team: Vec<TeamMemberView>,
    /// The agencies it is shared with; shown to the owner only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_with: Option<Vec<CompanyRefView>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub(crate) fn detail_view(caller: &Principal, d: JobDetail, now: DateTime<Utc>) -> JobDetails {
    let owner = caller.scope().owns_job(&d.audience());
    let j = d.job;
    let f = j.fields;
    let l = j.lifecycle;
    JobDetails {
        id: j.id.0,
        reference: j.reference,
        kind: f.kind,
        title: f.title,
        description: f.description,
        department: f.department,
        location: f.location,
        work_mode: f.work_mode,
        employment_type: f.employment_type,
        tags: f.tags,
        client_name: f.client_name,
        client_spoc: f.client_spoc,
        end_customer: f.end_customer,
        account: f.account,
        positions: f.positions,
        budget_min: f.budget_min,
        budget_max: f.budget_max,
        budget_currency: f.budget_currency,
        budget_period: f.budget_period,
        experience_min: f.experience_min,
        experience_max: f.experience_max,
        priority: f.priority,
        manager: d.manager.map(user_view),
        notes: f.notes,
        ageing_days: ageing_days(l.opened_at, l.closed_at, now),
        published: l.published_at.is_some(),
        status: l.status,
        close_reason: l.close_reason,
        opened_at: l.opened_at,
        closed_at: l.closed_at,
        published_at: l.published_at,
        company: company_view(d.company),
        shared: !owner,
        stages: d.stages.into_iter().map(|s| StageView { id: s.id.0, name: s.name, kind: s.kind, position: s.position }).collect(),
        team: d.team.into_iter().map(team_view).collect(),
        shared_with: owner.then(|| d.shared_with.into_iter().map(company_view).collect()),
        created_at: j.created_at,
        updated_at: j.updated_at,
    }
}

/// One row of the job list.
#[derive(Serialize, ToSchema)]
pub struct JobListItem {
    pub id: Uuid,
    pub reference: String,
    pub kind: String,
    pub title: String,
    pub status: String,
    pub priority: String,
    pub client_name: Option<String>,
    pub location: Option<String>,
    pub employment_type: Option<String>,
    pub positions: u32,
    pub ageing_days: i64,
    pub published: bool,
    pub manager: Option<UserRefView>,
    /// People on the job's team (all sides).
    pub team_size: u32,
    /// Active applications the caller can see.
    pub application_count: u32,
    pub company: CompanyRefView,
    /// True when the caller sees it because it was shared with its agency.
    pub shared: bool,
    pub opened_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub(crate) fn list_view(caller: &Principal, s: JobSummary, now: DateTime<Utc>) -> JobListItem {
    JobListItem {
        id: s.id.0,
        reference: s.reference,
        kind: s.kind,
        title: s.title,
        status: s.status,
        priority: s.priority,
        client_name: s.client_name,
        location: s.location,
        employment_type: s.employment_type,
        positions: s.positions,
        ageing_days: ageing_days(s.opened_at, s.closed_at, now),
        published: s.published_at.is_some(),
        manager: s.manager.map(user_view),
        team_size: s.team_size,
        application_count: s.application_count,
        shared: caller.company_id.is_some_and(|c| c != s.company.id),
        company: company_view(s.company),
        opened_at: s.opened_at,
        created_at: s.created_at,
        updated_at: s.updated_at,
    }
}
