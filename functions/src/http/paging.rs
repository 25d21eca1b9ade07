//! `?page=&per_page=` in, `{items, total, page, per_page}` out, for every list.

use hireops_domain::paging::{Page, PageRequest};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Pagination query parameters. Out-of-range values are clamped (per_page ≤ 100).
#[derive(Clone, Copy, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// 1-based page number (default 1).
    pub page: Option<u32>,
    /// Items per page (default 25, at most 100).
    pub per_page: Option<u32>,
}

impl PageQuery {
    pub fn request(&self) -> PageRequest {
        PageRequest::new(self.page, self.per_page)
    }
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Paginated<T: ToSchema> {
    pub items: Vec<T>,
    /// Items across all pages.
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

impl<T: ToSchema> Paginated<T> {
    pub fn from_page<D>(page: Page<D>, view: impl FnMut(D) -> T) -> Self {
        let page = page.map(view);
        Self { items: page.items, total: page.total, page: page.page, per_page: page.per_page }
    }
}
