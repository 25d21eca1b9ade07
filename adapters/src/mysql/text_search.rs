//! The SQL side of `hireops_domain::text_search`: how a `TextQuery` limits rows.

use super::like;
use hireops_domain::text_search::TextQuery;
use sqlx::{MySql, QueryBuilder};

/// ` AND <alias.search_text matches>`: FULLTEXT in boolean mode, or, when no
/// word is long enough to be indexed, every word as a substring.
pub(crate) fn push_text_match(qb: &mut QueryBuilder<'_, MySql>, alias: &str, text: &TextQuery) {
    match &text.boolean {
        Some(boolean) => {
            qb.push(format!(" AND MATCH({alias}.search_text) AGAINST (")).push_bind(boolean.clone()).push(" IN BOOLEAN MODE)");
        }
        None => {
            for w in &text.like_words {
                qb.push(format!(" AND {alias}.search_text LIKE ")).push_bind(like::contains(w));
            }
        }
    }
}
