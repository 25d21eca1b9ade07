use crate::http::{ApiQuery, ApiResult, Caller, PageQuery, Paginated};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use hireops_domain::insights::{SearchHit, SearchInput};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The words to look for (required, at most 200 characters). Operators and
    /// quotes are ignored; every word of 3+ characters must match (as a prefix).
    pub q: Option<String>,
    /// `candidates` (default, needs `candidates:read`) or `jobs` (needs `jobs:read`).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub search_type: Option<String>,
    /// Candidates: location contains.
    pub location: Option<String>,
    /// Candidates: has this skill.
    pub skill: Option<String>,
    /// Candidates: carries this tag.
    pub tag: Option<String>,
    /// Candidates: at least this many years of experience.
    pub experience_min: Option<String>,
    /// Candidates: at most this many years of experience.
    pub experience_max: Option<String>,
    /// Jobs: `draft`, `open`, `on_hold` or `closed`.
    pub status: Option<String>,
    /// Jobs: `low`, `medium`, `high` or `critical`.
    pub priority: Option<String>,
    /// Jobs: client name contains.
    pub client: Option<String>,
    /// Jobs: `opening` or `requirement`.
    pub kind: Option<String>,
}

/// Matched words in the snippet, as `[start, end)` character offsets.
#[derive(Serialize, ToSchema)]
pub struct SnippetView {
    /// At most 200 characters of the searchable text around the first match.
    pub text: String,
    pub highlights: Vec<[usize; 2]>,
}

#[derive(Serialize, ToSchema)]
pub struct SearchHitView {
    /// `candidate` or `job`.
    #[serde(rename = "type")]
    pub kind: String,
    pub id: Uuid,
    /// The candidate's name or the job title.
    pub title: String,
    /// "Current title @ Company · Location", or "Client · Location" for jobs.
    pub subtitle: String,
    /// Natural-language relevance (higher is better; 0 for substring matches).
    pub score: f64,
    pub snippet: SnippetView,
}

fn view(h: SearchHit) -> SearchHitView {
    SearchHitView {
        kind: h.kind.as_str().to_string(),
        id: h.id,
        title: h.title,
        subtitle: h.subtitle,
        score: h.score,
        snippet: SnippetView { text: h.snippet.text, highlights: h.snippet.highlights },
    }
}

/// Ranked full-text search over the candidates or jobs the caller may see.
#[utoipa::path(get, path = "/api/search", tag = "search", security(("bearer" = [])), params(SearchParams, PageQuery),
    responses(
        (status = 200, body = Paginated<SearchHitView>),
        (status = 403, description = "`missing_permission`: candidates:read (type=candidates) or jobs:read (type=jobs)", body = crate::http::error::Problem),
        (status = 422, description = "Missing, blank or too long `q`, an unknown `type` or a bad filter", body = crate::http::error::Problem),
    ))]
pub async fn search(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(p): ApiQuery<SearchParams>,
    ApiQuery(page): ApiQuery<PageQuery>,
) -> ApiResult<Json<Paginated<SearchHitView>>> {
    let input = SearchInput {
        q: p.q,
        kind: p.search_type,
        location: p.location,
        skill: p.skill,
        tag: p.tag,
        experience_min: p.experience_min,
        experience_max: p.experience_max,
        status: p.status,
        priority: p.priority,
        client: p.client,
        job_kind: p.kind,
    };
    let hits = state.insights.search(&caller, &input, page.request()).await?;
    Ok(Json(Paginated::from_page(hits, view)))
}
