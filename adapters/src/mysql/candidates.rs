//! Candidate profiles: recruiter-managed (company_id set) and candidate
//! users' own (company_id NULL). Every write refreshes the search text in
//! its transaction.

mod merge;
mod saved_jobs;

pub use saved_jobs::MySqlSavedJobs;

use super::text_search::push_text_match;
use super::search_text::refresh_candidate_search_text;
use super::visibility::{push_application_visible, push_candidate_visible};
use super::{infra, is_duplicate_key, like};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use hireops_domain::candidates::{
    CandidateNote, CandidateProfile, CandidateQuery, CandidateSort, CandidateSummary, Education, EducationInput, Experience, ExperienceInput,
    Links, MergeCounts, MergePlan, ProfileApplication, ProfileDocument, ProfileFields, ProfileItem, ProfileItemKind, Skill, SkillInput,
    ValidProfile,
};
use hireops_domain::identity::CompanyFilter;
use hireops_domain::ids::{ApplicationId, CandidateId, CompanyId, FileId, JobId, NoteId, ProfileItemId, StageId, UserId};
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::ports::{CandidateRepository, NewCandidate, PortResult};
use hireops_domain::DomainError;
use sqlx::mysql::MySqlRow;
use sqlx::types::Json;
use sqlx::{MySql, MySqlConnection, MySqlPool, QueryBuilder, Row};
use uuid::Uuid;

pub struct MySqlCandidates {
    pool: MySqlPool,
}

impl MySqlCandidates {
    pub fn new(pool: MySqlPool) -> Self {
        Self { pool }
    }
}

const PROFILE: &str = "SELECT c.id, c.company_id, co.name AS company_name, c.user_id, c.full_name, c.email, c.phone, c.headline,
        c.current_title, c.current_company, c.location, CAST(c.total_experience_years AS DOUBLE) AS total_experience_years,
        c.notice_period_days, CAST(c.current_salary AS DOUBLE) AS current_salary, CAST(c.expected_salary AS DOUBLE) AS expected_salary,
        c.salary_currency, c.summary, c.source, c.links, c.tags, c.created_by, c.created_at, c.updated_at
    FROM candidates c LEFT JOIN companies co ON co.id = c.company_id";

fn fields(row: &MySqlRow) -> Result<ProfileFields, sqlx::Error> {
    Ok(ProfileFields {
        full_name: row.try_get("full_name")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        headline: row.try_get("headline")?,
        current_title: row.try_get("current_title")?,
        current_company: row.try_get("current_company")?,
        location: row.try_get("location")?,
        total_experience_years: row.try_get("total_experience_years")?,
        notice_period_days: row.try_get("notice_period_days")?,
        current_salary: row.try_get("current_salary")?,
        expected_salary: row.try_get("expected_salary")?,
        salary_currency: row.try_get("salary_currency")?,
        summary: row.try_get("summary")?,
        source: row.try_get("source")?,
    })
}

fn profile_row(row: &MySqlRow) -> Result<CandidateProfile, sqlx::Error> {
    let links: Json<Links> = row.try_get("links")?;
    let tags: Json<Vec<String>> = row.try_get("tags")?;
    Ok(CandidateProfile {
        id: CandidateId(row.try_get("id")?),
        company_id: row.try_get::<Option<Uuid>, _>("company_id")?.map(CompanyId),
        company_name: row.try_get("company_name")?,
        user_id: row.try_get::<Option<Uuid>, _>("user_id")?.map(UserId),
        fields: fields(row)?,
        links: links.0,
        tags: tags.0,
        skills: vec![],
        experience: vec![],
        education: vec![],
        documents: vec![],
        applications: vec![],
        created_by: row.try_get::<Option<Uuid>, _>("created_by")?.map(UserId),
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        editable: false,
    })
}

/// The collections and the applications `companies` sees.
async fn fill_profile(conn: &mut MySqlConnection, p: &mut CandidateProfile, companies: CompanyFilter) -> Result<(), sqlx::Error> {
    let id = p.id.0;
    p.skills = sqlx::query(
        "SELECT id, name, proficiency, CAST(years_experience AS DOUBLE) AS years FROM candidate_skills WHERE candidate_id = ? ORDER BY created_at, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(Skill {
            id: ProfileItemId(r.try_get("id")?),
            name: r.try_get("name")?,
            proficiency: r.try_get("proficiency")?,
            years_experience: r.try_get("years")?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    p.experience = sqlx::query(
        "SELECT id, company_name, job_title, description, start_date, end_date, is_current FROM candidate_experience
         WHERE candidate_id = ? ORDER BY start_date DESC, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(Experience {
            id: ProfileItemId(r.try_get("id")?),
            company_name: r.try_get("company_name")?,
            job_title: r.try_get("job_title")?,
            description: r.try_get("description")?,
            start_date: r.try_get("start_date")?,
            end_date: r.try_get("end_date")?,
            is_current: r.try_get("is_current")?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    p.education = sqlx::query(
        "SELECT id, institution, degree, field_of_study, start_date, end_date, grade FROM candidate_education
         WHERE candidate_id = ? ORDER BY start_date IS NULL, start_date DESC, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(Education {
            id: ProfileItemId(r.try_get("id")?),
            institution: r.try_get("institution")?,
            degree: r.try_get("degree")?,
            field_of_study: r.try_get("field_of_study")?,
            start_date: r.try_get("start_date")?,
            end_date: r.try_get("end_date")?,
            grade: r.try_get("grade")?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    p.documents = sqlx::query(
        "SELECT d.file_id, f.file_name, d.kind, f.virus_status, f.size, d.added_at
         FROM candidate_documents d JOIN stored_files f ON f.id = d.file_id WHERE d.candidate_id = ? ORDER BY d.added_at DESC, d.file_id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(ProfileDocument {
            file_id: FileId(r.try_get("file_id")?),
            file_name: r.try_get("file_name")?,
            kind: r.try_get("kind")?,
            virus_status: r.try_get("virus_status")?,
            size: r.try_get("size")?,
            added_at: r.try_get("added_at")?,
        })
    })
    .collect::<Result<_, sqlx::Error>>()?;
    let mut qb = QueryBuilder::<MySql>::new(
        "SELECT a.id, a.job_id, j.title, j.reference, a.stage_id, s.name AS stage_name, s.kind AS stage_kind, a.state, a.submitted_at
         FROM applications a JOIN jobs j ON j.id = a.job_id JOIN job_stages s ON s.id = a.stage_id WHERE a.candidate_id = ",
    );
    qb.push_bind(id);
    if push_application_visible(&mut qb, "a", companies) {
        qb.push(" ORDER BY a.submitted_at DESC, a.id DESC");
        p.applications = qb
            .build()
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| {
                Ok(ProfileApplication {
                    id: ApplicationId(r.try_get("id")?),
                    job_id: JobId(r.try_get("job_id")?),
                    job_title: r.try_get("title")?,
                    job_reference: r.try_get("reference")?,
                    stage_id: StageId(r.try_get("stage_id")?),
                    stage_name: r.try_get("stage_name")?,
                    stage_kind: r.try_get("stage_kind")?,
                    state: r.try_get("state")?,
                    submitted_at: r.try_get("submitted_at")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()?;
    }
    Ok(())
}

async fn insert_skill(conn: &mut MySqlConnection, candidate: CandidateId, id: ProfileItemId, s: &SkillInput, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO candidate_skills (id, candidate_id, name, proficiency, years_experience, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id.0)
    .bind(candidate.0)
    .bind(&s.name)
    .bind(&s.proficiency)
    .bind(s.years_experience)
    .bind(at)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}

async fn insert_experience(conn: &mut MySqlConnection, candidate: CandidateId, id: ProfileItemId, e: &ExperienceInput, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO candidate_experience (id, candidate_id, company_name, job_title, description, start_date, end_date, is_current, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id.0)
    .bind(candidate.0)
    .bind(&e.company_name)
    .bind(&e.job_title)
    .bind(&e.description)
    .bind(e.start_date)
    .bind(e.end_date)
    .bind(e.is_current)
    .bind(at)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}

async fn insert_education(conn: &mut MySqlConnection, candidate: CandidateId, id: ProfileItemId, e: &EducationInput, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO candidate_education (id, candidate_id, institution, degree, field_of_study, start_date, end_date, grade, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id.0)
    .bind(candidate.0)
    .bind(&e.institution)
    .bind(&e.degree)
    .bind(&e.field_of_study)
    .bind(e.start_date)
    .bind(e.end_date)
    .bind(&e.grade)
    .bind(at)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Replace the collections the profile carries.
async fn write_collections(conn: &mut MySqlConnection, id: CandidateId, p: &ValidProfile, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    if let Some(skills) = &p.skills {
        sqlx::query("DELETE FROM candidate_skills WHERE candidate_id = ?").bind(id.0).execute(&mut *conn).await?;
        for s in skills {
            insert_skill(conn, id, ProfileItemId::new(), s, at).await?;
        }
    }
    if let Some(list) = &p.experience {
        sqlx::query("DELETE FROM candidate_experience WHERE candidate_id = ?").bind(id.0).execute(&mut *conn).await?;
        for e in list {
            insert_experience(conn, id, ProfileItemId::new(), e, at).await?;
        }
    }
    if let Some(list) = &p.education {
        sqlx::query("DELETE FROM candidate_education WHERE candidate_id = ?").bind(id.0).execute(&mut *conn).await?;
        for e in list {
            insert_education(conn, id, ProfileItemId::new(), e, at).await?;
        }
    }
    if let Some(links) = &p.links {
        sqlx::query("UPDATE candidates SET links = ? WHERE id = ?").bind(Json(links)).bind(id.0).execute(&mut *conn).await?;
    }
    if let Some(tags) = &p.tags {
        sqlx::query("UPDATE candidates SET tags = ? WHERE id = ?").bind(Json(tags)).bind(id.0).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Store every scalar field (and the dedupe keys).
pub(super) async fn write_fields(conn: &mut MySqlConnection, id: CandidateId, f: &ProfileFields, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE candidates SET full_name = ?, email = ?, email_normalized = ?, phone = ?, phone_normalized = ?, headline = ?, current_title = ?,
            current_company = ?, location = ?, total_experience_years = ?, notice_period_days = ?, current_salary = ?, expected_salary = ?,
            salary_currency = ?, summary = ?, source = ?, updated_at = ?
         WHERE id = ?",
    )
    .bind(&f.full_name)
    .bind(&f.email)
    .bind(f.email_key())
    .bind(&f.phone)
    .bind(f.phone_key())
    .bind(&f.headline)
    .bind(&f.current_title)
    .bind(&f.current_company)
    .bind(&f.location)
    .bind(f.total_experience_years)
    .bind(f.notice_period_days)
    .bind(f.current_salary)
    .bind(f.expected_salary)
    .bind(&f.salary_currency)
    .bind(&f.summary)
    .bind(&f.source)
    .bind(at)
    .bind(id.0)
    .execute(conn)
    .await?;
    Ok(())
}

impl MySqlCandidates {
    /// A unique-key race on the dedupe keys: answer with the profile that won.
    async fn duplicate_or(&self, e: sqlx::Error, company: Option<CompanyId>, f: &ProfileFields, except: Option<CandidateId>) -> DomainError {
        if !is_duplicate_key(&e) {
            return infra(e);
        }
        if let Some(company) = company
            && let Ok(Some(existing)) = self.find_duplicate(company, f.email_key().as_deref(), f.phone_key().as_deref(), except).await
        {
            return DomainError::Duplicate { code: "duplicate_candidate", existing_id: existing.0 };
        }
        DomainError::Conflict("duplicate_candidate")
    }

    async fn company_of(&self, id: CandidateId) -> PortResult<Option<CompanyId>> {
        let row: Option<(Option<Uuid>,)> =
            sqlx::query_as("SELECT company_id FROM candidates WHERE id = ?").bind(id.0).fetch_optional(&self.pool).await.map_err(infra)?;
        Ok(row.and_then(|r| r.0).map(CompanyId))
    }
}

fn push_filters(qb: &mut QueryBuilder<'_, MySql>, q: &CandidateQuery, companies: CompanyFilter) -> bool {
    qb.push(" WHERE 1 = 1");
    if !push_candidate_visible(qb, "c", companies) {
        return false;
    }
    if let Some(text) = &q.fulltext {
        push_text_match(qb, "c", text);
    }
    if let Some(tag) = &q.tag {
        qb.push(" AND JSON_CONTAINS(LOWER(c.tags), JSON_QUOTE(LOWER(").push_bind(tag.clone()).push(")))");
    }
    if let Some(skill) = &q.skill {
        qb.push(" AND EXISTS (SELECT 1 FROM candidate_skills fs WHERE fs.candidate_id = c.id AND fs.name = ").push_bind(skill.clone()).push(")");
    }
    if let Some(source) = &q.source {
        qb.push(" AND c.source = ").push_bind(source.clone());
    }
    if let Some(location) = &q.location {
        qb.push(" AND c.location LIKE ").push_bind(like::contains(location));
    }
    if let Some(min) = q.experience_min {
        qb.push(" AND c.total_experience_years >= ").push_bind(min);
    }
    if let Some(max) = q.experience_max {
        qb.push(" AND c.total_experience_years <= ").push_bind(max);
    }
    if let Some(by) = q.created_by {
        qb.push(" AND c.created_by = ").push_bind(by.0);
    }
    let start = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    if let Some(from) = q.created_from.and_then(start) {
        qb.push(" AND c.created_at >= ").push_bind(from);
    }
    if let Some(to) = q.created_to.and_then(start) {
        qb.push(" AND c.created_at < ").push_bind(to + Duration::days(1));
    }
    true
}

fn summary(row: &MySqlRow) -> Result<CandidateSummary, sqlx::Error> {
    let tags: Json<Vec<String>> = row.try_get("tags")?;
    let skills: Option<String> = row.try_get("skill_names")?;
    Ok(CandidateSummary {
        id: CandidateId(row.try_get("id")?),
        full_name: row.try_get("full_name")?,
        email: row.try_get("email")?,
        phone: row.try_get("phone")?,
        headline: row.try_get("headline")?,
        current_title: row.try_get("current_title")?,
        location: row.try_get("location")?,
        total_experience_years: row.try_get("total_experience_years")?,
        tags: tags.0,
        source: row.try_get("source")?,
        skills: skills.map(|s| s.split('\n').map(str::to_string).collect()).unwrap_or_default(),
        application_count: row.try_get::<i64, _>("application_count")? as u64,
        owner_id: row.try_get::<Option<Uuid>, _>("company_id")?.map(CompanyId),
        owner_name: row.try_get("company_name")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

fn item_table(kind: ProfileItemKind) -> &'static str {
    match kind {
        ProfileItemKind::Skill => "candidate_skills",
        ProfileItemKind::Experience => "candidate_experience",
        ProfileItemKind::Education => "candidate_education",
    }
}

async fn touch(conn: &mut MySqlConnection, candidate: CandidateId, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE candidates SET updated_at = ? WHERE id = ?").bind(at).bind(candidate.0).execute(&mut *conn).await?;
    refresh_candidate_search_text(conn, candidate).await
}

#[async_trait::async_trait]
impl CandidateRepository for MySqlCandidates {
    async fn find_duplicate(&self, company: CompanyId, email_key: Option<&str>, phone_key: Option<&str>, except: Option<CandidateId>)
        -> PortResult<Option<CandidateId>> {
        let mut qb = QueryBuilder::<MySql>::new("SELECT id FROM candidates WHERE company_id = ");
        qb.push_bind(company.0).push(" AND merged_into_id IS NULL AND deleted_at IS NULL AND (0 = 1");
        if let Some(e) = email_key {
            qb.push(" OR email_normalized = ").push_bind(e.to_string());
        }
        if let Some(p) = phone_key {
            qb.push(" OR phone_normalized = ").push_bind(p.to_string());
        }
        qb.push(")");
        if let Some(except) = except {
            qb.push(" AND id <> ").push_bind(except.0);
        }
        qb.push(" ORDER BY created_at, id LIMIT 1");
        let id: Option<Uuid> = qb.build_query_scalar().fetch_optional(&self.pool).await.map_err(infra)?;
        Ok(id.map(CandidateId))
    }

    async fn create(&self, new: &NewCandidate) -> PortResult<()> {
        let result: Result<(), sqlx::Error> = async {
            let mut tx = self.pool.begin().await?;
            let p = &new.profile;
            sqlx::query(
                "INSERT INTO candidates (id, company_id, full_name, links, tags, search_text, created_by, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)",
            )
            .bind(new.id.0)
            .bind(new.company_id.0)
            .bind(&p.fields.full_name)
            .bind(Json(p.links.clone().unwrap_or_default()))
            .bind(Json(p.tags.clone().unwrap_or_default()))
            .bind(new.created_by.0)
            .bind(new.at)
            .bind(new.at)
            .execute(&mut *tx)
            .await?;
            write_fields(&mut tx, new.id, &p.fields, new.at).await?;
            write_collections(&mut tx, new.id, p, new.at).await?;
            refresh_candidate_search_text(&mut tx, new.id).await?;
            tx.commit().await
        }
        .await;
        match result {
            Ok(()) => Ok(()),
            Err(e) => Err(self.duplicate_or(e, Some(new.company_id), &new.profile.fields, None).await),
        }
    }

    async fn find(&self, id: CandidateId, companies: CompanyFilter) -> PortResult<Option<CandidateProfile>> {
        let mut conn = self.pool.acquire().await.map_err(infra)?;
        let mut qb = QueryBuilder::<MySql>::new(PROFILE);
        qb.push(" WHERE c.id = ").push_bind(id.0);
        if !push_candidate_visible(&mut qb, "c", companies) {
            return Ok(None);
        }
        let Some(row) = qb.build().fetch_optional(&mut *conn).await.map_err(infra)? else { return Ok(None) };
        let mut profile = profile_row(&row).map_err(infra)?;
        fill_profile(&mut conn, &mut profile, companies).await.map_err(infra)?;
        Ok(Some(profile))
    }

    async fn list(&self, q: &CandidateQuery, companies: CompanyFilter, page: PageRequest) -> PortResult<Page<CandidateSummary>> {
        let mut count = QueryBuilder::<MySql>::new("SELECT COUNT(*) FROM candidates c");
        if !push_filters(&mut count, q, companies) {
            return Ok(Page::new(vec![], 0, page));
        }
        let total: i64 = count.build_query_scalar().fetch_one(&self.pool).await.map_err(infra)?;
        let mut qb = QueryBuilder::<MySql>::new(
            "SELECT c.id, c.full_name, c.email, c.phone, c.headline, c.current_title, c.location,
                CAST(c.total_experience_years AS DOUBLE) AS total_experience_years, c.tags, c.source, c.company_id, co.name AS company_name,
                c.created_at, c.updated_at,
                (SELECT GROUP_CONCAT(s.name ORDER BY s.name SEPARATOR '\n') FROM candidate_skills s WHERE s.candidate_id = c.id) AS skill_names,
                (SELECT COUNT(*) FROM applications a WHERE a.candidate_id = c.id",
        );
        push_application_visible(&mut qb, "a", companies);
        qb.push(") AS application_count FROM candidates c LEFT JOIN companies co ON co.id = c.company_id");
        push_filters(&mut qb, q, companies);
        qb.push(match q.sort {
            CandidateSort::Newest => " ORDER BY c.created_at DESC, c.id DESC",
            CandidateSort::Name => " ORDER BY c.full_name ASC, c.id ASC",
            CandidateSort::Updated => " ORDER BY c.updated_at DESC, c.id DESC",
        });
        qb.push(" LIMIT ").push_bind(page.limit()).push(" OFFSET ").push_bind(page.offset());
        let rows = qb.build().fetch_all(&self.pool).await.map_err(infra)?;
        let items = rows.iter().map(summary).collect::<Result<Vec<_>, _>>().map_err(infra)?;
        Ok(Page::new(items, total as u64, page))
    }

    async fn update(&self, id: CandidateId, profile: &ValidProfile, at: DateTime<Utc>) -> PortResult<()> {
        let result: Result<(), sqlx::Error> = async {
            let mut tx = self.pool.begin().await?;
            write_fields(&mut tx, id, &profile.fields, at).await?;
            write_collections(&mut tx, id, profile, at).await?;
            refresh_candidate_search_text(&mut tx, id).await?;
            tx.commit().await
        }
        .await;
        match result {
            Ok(()) => Ok(()),
            Err(e) => {
                let company = self.company_of(id).await?;
                Err(self.duplicate_or(e, company, &profile.fields, Some(id)).await)
            }
        }
    }

    async fn add_note(&self, id: NoteId, candidate: CandidateId, author: UserId, body: &str, at: DateTime<Utc>) -> PortResult<()> {
        sqlx::query("INSERT INTO candidate_notes (id, candidate_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)")
            .bind(id.0)
            .bind(candidate.0)
            .bind(author.0)
            .bind(body)
            .bind(at)
            .execute(&self.pool)
            .await
            .map_err(infra)?;
        Ok(())
    }

    async fn notes(&self, candidate: CandidateId, page: PageRequest) -> PortResult<Page<CandidateNote>> {
        let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM candidate_notes WHERE candidate_id = ?")
            .bind(candidate.0)
            .fetch_one(&self.pool)
            .await
            .map_err(infra)?;
        let rows = sqlx::query(
            "SELECT n.id, n.author_id, u.full_name, n.body, n.created_at FROM candidate_notes n JOIN users u ON u.id = n.author_id
             WHERE n.candidate_id = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ? OFFSET ?",
        )
        .bind(candidate.0)
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(&self.pool)
        .await
        .map_err(infra)?;
        let items = rows
            .iter()
            .map(|r| {
                Ok(CandidateNote {
                    id: NoteId(r.try_get("id")?),
                    author_id: UserId(r.try_get("author_id")?),
                    author_name: r.try_get("full_name")?,
                    body: r.try_get("body")?,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect::<Result<Vec<_>, sqlx::Error>>()
            .map_err(infra)?;
        Ok(Page::new(items, total as u64, page))
    }

    async fn merge(&self, plan: &MergePlan, at: DateTime<Utc>) -> PortResult<MergeCounts> {
        match merge::run(&self.pool, plan, at).await {
            Ok(Some(counts)) => Ok(counts),
            Ok(None) => Err(DomainError::Conflict("candidate_changed")),
            Err(e) if is_duplicate_key(&e) => Err(DomainError::Conflict("merge_conflict")),
            Err(e) => Err(infra(e)),
        }
    }

    async fn ensure_personal(&self, user: UserId, at: DateTime<Utc>) -> PortResult<CandidateId> {
        let find = || sqlx::query_scalar::<_, Uuid>("SELECT id FROM candidates WHERE personal_key = ?").bind(user.0);
        if let Some(id) = find().fetch_optional(&self.pool).await.map_err(infra)? {
            return Ok(CandidateId(id));
        }
        let id = CandidateId::new();
        let result: Result<(), sqlx::Error> = async {
            let mut tx = self.pool.begin().await?;
            sqlx::query(
                "INSERT INTO candidates (id, company_id, user_id, full_name, email, email_normalized, links, tags, search_text, created_by, created_at, updated_at)
                 SELECT ?, NULL, u.id, u.full_name, u.email, LOWER(TRIM(u.email)), '{}', '[]', '', u.id, ?, ? FROM users u WHERE u.id = ?",
            )
            .bind(id.0)
            .bind(at)
            .bind(at)
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
            refresh_candidate_search_text(&mut tx, id).await?;
            tx.commit().await
        }
        .await;
        match result {
            Ok(()) => {}
            Err(e) if is_duplicate_key(&e) => {}
            Err(e) => return Err(infra(e)),
        }
        find().fetch_optional(&self.pool).await.map_err(infra)?.map(CandidateId).ok_or(DomainError::NotFound)
    }

    async fn load_personal(&self, id: CandidateId) -> PortResult<Option<CandidateProfile>> {
        let mut conn = self.pool.acquire().await.map_err(infra)?;
        let row = sqlx::query(&format!("{PROFILE} WHERE c.id = ? AND c.company_id IS NULL"))
            .bind(id.0)
            .fetch_optional(&mut *conn)
            .await
            .map_err(infra)?;
        let Some(row) = row else { return Ok(None) };
        let mut profile = profile_row(&row).map_err(infra)?;
        fill_profile(&mut conn, &mut profile, CompanyFilter::Any).await.map_err(infra)?;
        Ok(Some(profile))
    }

    async fn add_item(&self, candidate: CandidateId, id: ProfileItemId, item: &ProfileItem, at: DateTime<Utc>) -> PortResult<()> {
        let result: Result<(), sqlx::Error> = async {
            let mut tx = self.pool.begin().await?;
            match item {
                ProfileItem::Skill(s) => insert_skill(&mut tx, candidate, id, s, at).await?,
                ProfileItem::Experience(e) => insert_experience(&mut tx, candidate, id, e, at).await?,
                ProfileItem::Education(e) => insert_education(&mut tx, candidate, id, e, at).await?,
            }
            touch(&mut tx, candidate, at).await?;
            tx.commit().await
        }
        .await;
        result.map_err(infra)
    }

    async fn update_item(&self, candidate: CandidateId, id: ProfileItemId, item: &ProfileItem, at: DateTime<Utc>) -> PortResult<bool> {
        let result: Result<bool, sqlx::Error> = async {
            let mut tx = self.pool.begin().await?;
            let table = item_table(item.kind());
            let found: Option<(i32,)> = sqlx::query_as(&format!("SELECT 1 FROM {table} WHERE id = ? AND candidate_id = ? FOR UPDATE"))
                .bind(id.0)
                .bind(candidate.0)
                .fetch_optional(&mut *tx)
                .await?;
            if found.is_none() {
                return Ok(false);
            }
            match item {
                ProfileItem::Skill(s) => {
                    sqlx::query("UPDATE candidate_skills SET name = ?, proficiency = ?, years_experience = ?, updated_at = ? WHERE id = ?")
                        .bind(&s.name)
                        .bind(&s.proficiency)
                        .bind(s.years_experience)
                        .bind(at)
                        .bind(id.0)
                        .execute(&mut *tx)
                        .await?;
                }
                ProfileItem::Experience(e) => {
                    sqlx::query(
                        "UPDATE candidate_experience SET company_name = ?, job_title = ?, description = ?, start_date = ?, end_date = ?,
                            is_current = ?, updated_at = ? WHERE id = ?",
                    )
                    .bind(&e.company_name)
                    .bind(&e.job_title)
                    .bind(&e.description)
                    .bind(e.start_date)
                    .bind(e.end_date)
                    .bind(e.is_current)
                    .bind(at)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?;
                }
                ProfileItem::Education(e) => {
                    sqlx::query(
                        "UPDATE candidate_education SET institution = ?, degree = ?, field_of_study = ?, start_date = ?, end_date = ?,
                            grade = ?, updated_at = ? WHERE id = ?",
                    )
                    .bind(&e.institution)
                    .bind(&e.degree)
                    .bind(&e.field_of_study)
                    .bind(e.start_date)
                    .bind(e.end_date)
                    .bind(&e.grade)
                    .bind(at)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            touch(&mut tx, candidate, at).await?;
            tx.commit().await?;
            Ok(true)
        }
        .await;
        result.map_err(infra)
    }

    async fn delete_item(&self, candidate: CandidateId, kind: ProfileItemKind, id: ProfileItemId, at: DateTime<Utc>) -> PortResult<bool> {
        let result: Result<bool, sqlx::Error> = async {
            let mut tx = self.pool.begin().await?;
            let done = sqlx::query(&format!("DELETE FROM {} WHERE id = ? AND candidate_id = ?", item_table(kind)))
                .bind(id.0)
                .bind(candidate.0)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Ok(false);
            }
            touch(&mut tx, candidate, at).await?;
            tx.commit().await?;
            Ok(true)
        }
        .await;
        result.map_err(infra)
    }
}
