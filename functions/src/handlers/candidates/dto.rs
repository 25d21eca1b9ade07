//! Bodies and views shared by the recruiter and self-service candidate routes.

use chrono::{DateTime, NaiveDate, Utc};
use hireops_domain::candidates::{CandidateProfile, Education, EducationInput, Experience, ExperienceInput, Links, Skill, SkillInput};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// Present-and-null versus absent, for PATCH bodies.
pub fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Clone, Debug, Default, Deserialize, Serialize, ToSchema)]
pub struct LinksBody {
    /// http(s) URL, at most 500 characters.
    pub linkedin: Option<String>,
    pub github: Option<String>,
    pub portfolio: Option<String>,
    pub website: Option<String>,
}

impl From<LinksBody> for Links {
    fn from(b: LinksBody) -> Self {
        Links { linkedin: b.linkedin, github: b.github, portfolio: b.portfolio, website: b.website }
    }
}

impl From<Links> for LinksBody {
    fn from(b: Links) -> Self {
        LinksBody { linkedin: b.linkedin, github: b.github, portfolio: b.portfolio, website: b.website }
    }
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct SkillBody {
    /// 1 to 100 characters, unique on the profile (case-insensitively).
    pub name: String,
    /// `beginner`, `intermediate`, `advanced` or `expert`.
    pub proficiency: Option<String>,
    /// 0 to 60.
    pub years_experience: Option<f64>,
}

impl From<SkillBody> for SkillInput {
    fn from(b: SkillBody) -> Self {
        SkillInput { name: b.name, proficiency: b.proficiency, years_experience: b.years_experience }
    }
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ExperienceBody {
    pub company_name: String,
    pub job_title: String,
    pub description: Option<String>,
    pub start_date: NaiveDate,
    /// Not before `start_date`; absent when `is_current`.
    pub end_date: Option<NaiveDate>,
    #[serde(default)]
    pub is_current: bool,
}

impl From<ExperienceBody> for ExperienceInput {
    fn from(b: ExperienceBody) -> Self {
        ExperienceInput {
            company_name: b.company_name,
            job_title: b.job_title,
            description: b.description,
            start_date: b.start_date,
            end_date: b.end_date,
            is_current: b.is_current,
        }
    }
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct EducationBody {
    pub institution: String,
    pub degree: String,
    pub field_of_study: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub grade: Option<String>,
}

impl From<EducationBody> for EducationInput {
    fn from(b: EducationBody) -> Self {
        EducationInput {
            institution: b.institution,
            degree: b.degree,
            field_of_study: b.field_of_study,
            start_date: b.start_date,
            end_date: b.end_date,
            grade: b.grade,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SkillView {
    pub id: Uuid,
    pub name: String,
    pub proficiency: Option<String>,
    pub years_experience: Option<f64>,
}

impl From<Skill> for SkillView {
    fn from(s: Skill) -> Self {
        SkillView { id: s.id.0, name: s.name, proficiency: s.proficiency, years_experience: s.years_experience }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ExperienceView {
    pub id: Uuid,
    pub company_name: String,
    pub job_title: String,
    pub description: Option<String>,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub is_current: bool,
}

impl From<Experience> for ExperienceView {
    fn from(e: Experience) -> Self {
        ExperienceView {
            id: e.id.0,
            company_name: e.company_name,
            job_title: e.job_title,
            description: e.description,
            start_date: e.start_date,
            end_date: e.end_date,
            is_current: e.is_current,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct EducationView {
    pub id: Uuid,
    pub institution: String,
    pub degree: String,
    pub field_of_study: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub grade: Option<String>,
}

impl From<Education> for EducationView {
    fn from(e: Education) -> Self {
        EducationView {
            id: e.id.0,
            institution: e.institution,
            degree: e.degree,
            field_of_study: e.field_of_study,
            start_date: e.start_date,
            end_date: e.end_date,
            grade: e.grade,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct OwnerView {
    pub id: Uuid,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct DocumentView {
    pub file_id: Uuid,
    pub file_name: String,
    /// `resume`, `cover_letter` or `other`.
    pub kind: String,
    pub virus_status: String,
    pub size: Option<u64>,
    pub added_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct JobRef {
    pub id: Uuid,
    pub title: String,
    pub reference: String,
}

#[derive(Serialize, ToSchema)]
pub struct StageRef {
    pub id: Uuid,
    pub name: String,
    /// `active`, `hired` or `rejected`.
    pub kind: String,
}

#[derive(Serialize, ToSchema)]
pub struct ProfileApplicationView {
    pub id: Uuid,
    pub job: JobRef,
    pub stage: StageRef,
    pub state: String,
    pub submitted_at: DateTime<Utc>,
}

/// A full candidate profile.
#[derive(Serialize, ToSchema)]
pub struct CandidateView {
    pub id: Uuid,
    /// The owning company; null for a candidate user's own profile.
    pub owner: Option<OwnerView>,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub headline: Option<String>,
    pub current_title: Option<String>,
    pub current_company: Option<String>,
    pub location: Option<String>,
    pub total_experience_years: Option<f64>,
    pub notice_period_days: Option<u32>,
    pub current_salary: Option<f64>,
    pub expected_salary: Option<f64>,
    pub salary_currency: Option<String>,
    pub summary: Option<String>,
    pub source: Option<String>,
    pub links: LinksBody,
    pub tags: Vec<String>,
    pub skills: Vec<SkillView>,
    pub experience: Vec<ExperienceView>,
    pub education: Vec<EducationView>,
    pub documents: Vec<DocumentView>,
    /// Only the applications the caller may see.
    pub applications: Vec<ProfileApplicationView>,
    /// True when the caller's company owns the profile.
    pub editable: bool,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub fn candidate_view(p: CandidateProfile) -> CandidateView {
    let f = p.fields;
    CandidateView {
        id: p.id.0,
        owner: p.company_id.map(|c| OwnerView { id: c.0, name: p.company_name.unwrap_or_default() }),
        full_name: f.full_name,
        email: f.email,
        phone: f.phone,
        headline: f.headline,
        current_title: f.current_title,
        current_company: f.current_company,
        location: f.location,
        total_experience_years: f.total_experience_years,
        notice_period_days: f.notice_period_days,
        current_salary: f.current_salary,
        expected_salary: f.expected_salary,
        salary_currency: f.salary_currency,
        summary: f.summary,
        source: f.source,
        links: p.links.into(),
        tags: p.tags,
        skills: p.skills.into_iter().map(Into::into).collect(),
        experience: p.experience.into_iter().map(Into::into).collect(),
        education: p.education.into_iter().map(Into::into).collect(),
        documents: p
            .documents
            .into_iter()
            .map(|d| DocumentView { file_id: d.file_id.0, file_name: d.file_name, kind: d.kind, virus_status: d.virus_status, size: d.size, added_at: d.added_at })
            .collect(),
        applications: p
            .applications
            .into_iter()
            .map(|a| ProfileApplicationView {
                id: a.id.0,
                job: JobRef { id: a.job_id.0, title: a.job_title, reference: a.job_reference },
                stage: StageRef { id: a.stage_id.0, name: a.stage_name, kind: a.stage_kind },
                state: a.state,
                submitted_at: a.submitted_at,
            })
            .collect(),
        editable: p.editable,
        created_by: p.created_by.map(|u| u.0),
        created_at: p.created_at,
        updated_at: p.updated_at,
    }
}
