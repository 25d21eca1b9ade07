//! Page-number pagination shared by every list use case.

use serde::Serialize;

/// Which page of a list, bounded so no request asks for everything at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRequest {
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

impl PageRequest {
    pub const DEFAULT_PER_PAGE: u32 = 25;
    pub const MAX_PER_PAGE: u32 = 100;

    /// Missing or out-of-range values are clamped, never refused.
    pub fn new(page: Option<u32>, per_page: Option<u32>) -> Self {
        Self {
            page: page.unwrap_or(1).max(1),
            per_page: per_page.unwrap_or(Self::DEFAULT_PER_PAGE).clamp(1, Self::MAX_PER_PAGE),
        }
    }

    pub fn offset(&self) -> u64 {
        u64::from(self.page - 1) * u64::from(self.per_page)
    }

    pub fn limit(&self) -> u64 {
        u64::from(self.per_page)
    }
}

impl Default for PageRequest {
    fn default() -> Self {
        Self::new(None, None)
    }
}

/// One page of results and the total across all pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
}

impl<T> Page<T> {
    pub fn new(items: Vec<T>, total: u64, request: PageRequest) -> Self {
        Self { items, total, page: request.page, per_page: request.per_page }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), total: self.total, page: self.page, per_page: self.per_page }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_clamped() {
        assert_eq!(PageRequest::new(None, None), PageRequest { page: 1, per_page: 25 });
        assert_eq!(PageRequest::new(Some(0), Some(0)), PageRequest { page: 1, per_page: 1 });
        assert_eq!(PageRequest::new(Some(3), Some(1000)), PageRequest { page: 3, per_page: 100 });
        assert_eq!(PageRequest::new(Some(3), Some(10)).offset(), 20);
    }
}
