//! FULLTEXT search: `MATCH … AGAINST` in boolean mode decides what matches
//! (the query string is built by the domain), natural-language relevance
//! orders it. When no word is indexable the domain asks for substrings instead.

use super::super::visibility::{push_candidate_visible, push_job_visible};
use super::super::text_search::push_text_match;
use super::super::{infra, like};
use hireops_domain::identity::CompanyFilter;
use hireops_domain::ids::{CandidateId, JobId};
use hireops_domain::insights::{CandidateFilters, CandidateMatch, JobFilters, JobMatch, TextQuery};
use hireops_domain::paging::{Page, PageRequest};
use hireops_domain::ports::PortResult;
use sqlx::{MySql, MySqlPool, QueryBuilder, Row};

/// The score columns: natural-language relevance, then boolean relevance as a tie-breaker.
fn push_scores(qb: &mut QueryBuilder<'_, MySql>, alias: &str, text: &TextQuery) {
    match &text.boolean {
        Some(boolean) => {
            qb.push(format!(", MATCH({alias}.search_text) AGAINST ("))
                .push_bind(text.natural.clone())
                .push(format!(" IN NATURAL LANGUAGE MODE) AS score, MATCH({alias}.search_text) AGAINST ("))
                .push_bind(boolean.clone())
                .push(" IN BOOLEAN MODE) AS boolean_score");
        }
        None => {
            qb.push(", 0e0 AS score, 0e0 AS boolean_score");
        }
    }
}

/// ` WHERE …` of a candidate search; false when nothing can match.
fn candidate_where(qb: &mut QueryBuilder<'_, MySql>, text: &TextQuery, f: &CandidateFilters, companies: CompanyFilter) -> bool {
    qb.push(" WHERE 1 = 1");
    if !push_candidate_visible(qb, "c", companies) {
        return false;
    }
    push_text_match(qb, "c", text);
    if let Some(location) = &f.location {
        qb.push(" AND c.location LIKE ").push_bind(like::contains(location));
    }
    if let Some(skill) = &f.skill {
        qb.push(" AND EXISTS (SELECT 1 FROM candidate_skills s WHERE s.candidate_id = c.id AND s.name = ").push_bind(skill.clone()).push(")");
    }
    if let Some(tag) = &f.tag {
        qb.push(" AND JSON_CONTAINS(c.tags, JSON_QUOTE(").push_bind(tag.clone()).push("))");
    }
    if let Some(min) = f.experience_min {
        qb.push(" AND c.total_experience_years >= ").push_bind(min);
    }
    if let Some(max) = f.experience_max {
        qb.push(" AND c.total_experience_years <= ").push_bind(max);
    }
    true
}

pub(super) async fn candidates(pool: &MySqlPool, text: &TextQuery, f: &CandidateFilters, companies: CompanyFilter, page: PageRequest) -> PortResult<Page<CandidateMatch>> {
    let mut count = QueryBuilder::new("SELECT COUNT(*) FROM candidates c");
    if !candidate_where(&mut count, text, f, companies) {
        return Ok(Page::new(vec![], 0, page));
    }
    let total: i64 = count.build_query_scalar().fetch_one(pool).await.map_err(infra)?;
    let mut qb = QueryBuilder::new("SELECT c.id, c.full_name, c.current_title, c.current_company, c.location, c.search_text");
    push_scores(&mut qb, "c", text);
    qb.push(" FROM candidates c");
    candidate_where(&mut qb, text, f, companies);
    qb.push(" ORDER BY score DESC, boolean_score DESC, c.updated_at DESC, c.id DESC LIMIT ").push_bind(page.limit()).push(" OFFSET ").push_bind(page.offset());
    let rows = qb.build().fetch_all(pool).await.map_err(infra)?;
    let items = rows
        .iter()
        .map(|r| {
            Ok(CandidateMatch {
                id: CandidateId(r.try_get("id")?),
                full_name: r.try_get("full_name")?,
                current_title: r.try_get("current_title")?,
                current_company: r.try_get("current_company")?,
                location: r.try_get("location")?,
                search_text: r.try_get("search_text")?,
                score: r.try_get("score")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()
        .map_err(infra)?;
    Ok(Page::new(items, total as u64, page))
}

fn job_where(qb: &mut QueryBuilder<'_, MySql>, text: &TextQuery, f: &JobFilters, companies: CompanyFilter) -> bool {
    qb.push(" WHERE j.deleted_at IS NULL");
    if !push_job_visible(qb, "j", companies) {
        return false;
    }
    push_text_match(qb, "j", text);
    if let Some(status) = &f.status {
        qb.push(" AND j.status = ").push_bind(status.clone());
    }
    if let Some(priority) = &f.priority {
        qb.push(" AND j.priority = ").push_bind(priority.clone());
    }
    if let Some(kind) = &f.kind {
        qb.push(" AND j.kind = ").push_bind(kind.clone());
    }
    if let Some(client) = &f.client {
        qb.push(" AND j.client_name LIKE ").push_bind(like::contains(client));
    }
    true
}

pub(super) async fn jobs(pool: &MySqlPool, text: &TextQuery, f: &JobFilters, companies: CompanyFilter, page: PageRequest) -> PortResult<Page<JobMatch>> {
    let mut count = QueryBuilder::new("SELECT COUNT(*) FROM jobs j");
    if !job_where(&mut count, text, f, companies) {
        return Ok(Page::new(vec![], 0, page));
    }
    let total: i64 = count.build_query_scalar().fetch_one(pool).await.map_err(infra)?;
    let mut qb = QueryBuilder::new("SELECT j.id, j.title, j.client_name, co.name AS company_name, j.location, j.search_text");
    push_scores(&mut qb, "j", text);
    qb.push(" FROM jobs j JOIN companies co ON co.id = j.company_id");
    job_where(&mut qb, text, f, companies);
    qb.push(" ORDER BY score DESC, boolean_score DESC, j.updated_at DESC, j.id DESC LIMIT ").push_bind(page.limit()).push(" OFFSET ").push_bind(page.offset());
    let rows = qb.build().fetch_all(pool).await.map_err(infra)?;
    let items = rows
        .iter()
        .map(|r| {
            Ok(JobMatch {
                id: JobId(r.try_get("id")?),
                title: r.try_get("title")?,
                client_name: r.try_get("client_name")?,
                company_name: r.try_get("company_name")?,
                location: r.try_get("location")?,
                search_text: r.try_get("search_text")?,
                score: r.try_get("score")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()
        .map_err(infra)?;
    Ok(Page::new(items, total as u64, page))
}
