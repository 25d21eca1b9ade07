//! Where a job stands: draft → open ⇄ on_hold → closed (→ reopened), and
//! whether it is on the public board. Ageing is the whole days it has been
//! open: from when it first opened to when it closed (or now).

use crate::error::{DomainError, DomainResult, FieldError};
use chrono::{DateTime, Utc};
use serde::Serialize;

pub const STATUSES: &[&str] = &["draft", "open", "on_hold", "closed"];
/// The statuses PATCH may set; closing and reopening have their own routes.
const EDITABLE_STATUSES: &[&str] = &["draft", "open", "on_hold"];

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Lifecycle {
    pub status: String,
    pub close_reason: Option<String>,
    /// When it first became open; kept through hold, close and reopen.
    pub opened_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Set while it is on the public board (shown there only when open).
    pub published_at: Option<DateTime<Utc>>,
}

/// Whole days from `opened_at` to `closed_at` (or `now`); 0 when never opened.
pub fn ageing_days(opened_at: Option<DateTime<Utc>>, closed_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> i64 {
    match opened_at {
        Some(opened) => (closed_at.unwrap_or(now) - opened).num_days().max(0),
        None => 0,
    }
}

impl Lifecycle {
    /// A new job: `draft` (default) or `open`.
    pub fn new(status: Option<&str>, now: DateTime<Utc>) -> Result<Self, FieldError> {
        let status = status.map(str::trim).unwrap_or("draft");
        if !["draft", "open"].contains(&status) {
            return Err(FieldError::new("status", "invalid_status", "a new job is `draft` or `open`"));
        }
        Ok(Self {
            status: status.to_string(),
            close_reason: None,
            opened_at: (status == "open").then_some(now),
            closed_at: None,
            published_at: None,
        })
    }

    pub fn is_closed(&self) -> bool {
        self.status == "closed"
    }

    pub fn ageing_days(&self, now: DateTime<Utc>) -> i64 {
        ageing_days(self.opened_at, self.closed_at, now)
    }

    fn open(&mut self, now: DateTime<Utc>) {
        self.status = "open".into();
        self.opened_at.get_or_insert(now);
    }

    /// PATCH: between draft, open and on hold only.
    pub fn set_status(&mut self, to: &str, now: DateTime<Utc>) -> Result<(), FieldError> {
        let to = to.trim();
        if self.is_closed() {
            return Err(FieldError::new("status", "job_closed", "a closed job is reopened with /reopen"));
        }
        if !EDITABLE_STATUSES.contains(&to) {
            return Err(FieldError::new("status", "invalid_status", "must be `draft`, `open` or `on_hold` (close with /close)"));
        }
        if to == "open" {
            self.open(now);
        } else {
            self.status = to.to_string();
        }
        Ok(())
    }

    /// Put it on the public board, opening a draft or held job.
    pub fn publish(&mut self, now: DateTime<Utc>) -> DomainResult<()> {
        if self.is_closed() {
            return Err(DomainError::Conflict("job_closed"));
        }
        self.open(now);
        self.published_at.get_or_insert(now);
        Ok(())
    }

    pub fn unpublish(&mut self) {
        self.published_at = None;
    }

    /// Close for `reason` (filled, cancelled, other); it leaves the board.
    pub fn close(&mut self, reason: &str, now: DateTime<Utc>) -> DomainResult<()> {
        let reason = reason.trim();
        if !super::CLOSE_REASONS.contains(&reason) {
            return Err(DomainError::field("reason", "invalid_choice", "must be `filled`, `cancelled` or `other`"));
        }
        if self.is_closed() {
            return Err(DomainError::Conflict("job_closed"));
        }
        self.status = "closed".into();
        self.close_reason = Some(reason.to_string());
        self.closed_at = Some(now);
        self.published_at = None;
        Ok(())
    }

    /// Back to open; ageing counts on from the first opening.
    pub fn reopen(&mut self, now: DateTime<Utc>) -> DomainResult<()> {
        if !self.is_closed() {
            return Err(DomainError::Conflict("job_not_closed"));
        }
        self.open(now);
        self.closed_at = None;
        self.close_reason = None;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, day, 12, 0, 0).unwrap()
    }

    #[test]
    fn new_jobs_are_draft_or_open() {
        let draft = Lifecycle::new(None, t(1)).unwrap();
        assert_eq!((draft.status.as_str(), draft.opened_at), ("draft", None));
        let open = Lifecycle::new(Some("open"), t(1)).unwrap();
        assert_eq!(open.opened_at, Some(t(1)));
        assert_eq!(Lifecycle::new(Some("closed"), t(1)).unwrap_err().field, "status");
        assert_eq!(Lifecycle::new(Some("on_hold"), t(1)).unwrap_err().field, "status");
    }

    #[test]
    fn draft_open_hold_open_keeps_the_first_opening() {
        let mut l = Lifecycle::new(None, t(1)).unwrap();
        l.set_status("open", t(2)).unwrap();
        l.set_status("on_hold", t(3)).unwrap();
        l.set_status("open", t(4)).unwrap();
        assert_eq!((l.status.as_str(), l.opened_at), ("open", Some(t(2))));
        assert_eq!(l.set_status("closed", t(5)).unwrap_err().code, "invalid_status");
        l.close("filled", t(6)).unwrap();
        assert_eq!(l.set_status("open", t(7)).unwrap_err().code, "job_closed");
    }

    #[test]
    fn close_and_reopen() {
        let mut l = Lifecycle::new(Some("open"), t(1)).unwrap();
        l.publish(t(2)).unwrap();
        assert!(matches!(l.close("bored", t(3)), Err(DomainError::Validation(_))));
        l.close("cancelled", t(3)).unwrap();
        assert_eq!((l.status.as_str(), l.close_reason.as_deref(), l.closed_at, l.published_at), ("closed", Some("cancelled"), Some(t(3)), None));
        assert!(matches!(l.close("filled", t(4)), Err(DomainError::Conflict("job_closed"))));
        assert!(matches!(l.publish(t(4)), Err(DomainError::Conflict("job_closed"))));
        l.reopen(t(5)).unwrap();
        assert_eq!((l.status.as_str(), l.closed_at, l.close_reason.clone(), l.opened_at), ("open", None, None, Some(t(1))));
        assert!(matches!(l.reopen(t(6)), Err(DomainError::Conflict("job_not_closed"))));
    }

    #[test]
    fn publishing_opens_drafts_and_held_jobs() {
        let mut l = Lifecycle::new(None, t(1)).unwrap();
        l.publish(t(2)).unwrap();
        assert_eq!((l.status.as_str(), l.opened_at, l.published_at), ("open", Some(t(2)), Some(t(2))));
        l.publish(t(3)).unwrap();
        assert_eq!(l.published_at, Some(t(2)), "publishing again keeps the first date");
        l.unpublish();
        assert_eq!(l.published_at, None);
        l.set_status("on_hold", t(4)).unwrap();
        l.publish(t(5)).unwrap();
        assert_eq!((l.status.as_str(), l.published_at), ("open", Some(t(5))));
    }

    #[test]
    fn ageing_counts_whole_days_open() {
        assert_eq!(ageing_days(None, None, t(9)), 0);
        assert_eq!(ageing_days(Some(t(1)), None, t(9)), 8);
        assert_eq!(ageing_days(Some(t(1)), None, t(9) - Duration::minutes(1)), 7);
        assert_eq!(ageing_days(Some(t(1)), Some(t(4)), t(9)), 3);
        assert_eq!(ageing_days(Some(t(5)), None, t(1)), 0);
    }
}
