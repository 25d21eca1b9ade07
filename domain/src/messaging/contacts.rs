//! Who the caller may start a conversation with, for people pickers.

use super::{decide_pair, Contact, MessagingService};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::Principal;
use crate::messaging::Family;
use crate::text_input::trimmed;

pub const CONTACTS_LIMIT_DEFAULT: u32 = 20;
pub const CONTACTS_LIMIT_MAX: u32 = 50;
/// Shortest search the super admin may run (everyone is their contact).
pub const CONTACT_SEARCH_MIN: usize = 2;

/// The search and page size of `GET /api/messaging/contacts`.
#[derive(Clone, Debug, Default)]
pub struct ContactQuery {
    pub search: Option<String>,
    pub limit: Option<u32>,
}

impl MessagingService {
    /// People the caller may message, found by the same bridges the rules
    /// use; every one is re-checked by the pure pair rule, so the list can
    /// never offer a pair that creating the conversation would refuse.
    pub async fn contacts(&self, caller: &Principal, query: ContactQuery) -> DomainResult<Vec<Contact>> {
        let me = super::service::caller_party(caller);
        let search = trimmed(query.search.as_deref());
        let limit = match query.limit {
            Some(0) => return Err(DomainError::field("limit", "invalid_limit", "must be between 1 and 50")),
            Some(n) => n.min(CONTACTS_LIMIT_MAX),
            None => CONTACTS_LIMIT_DEFAULT,
        };
        if me.family == Family::SuperAdmin && search.as_ref().is_none_or(|s| s.chars().count() < CONTACT_SEARCH_MIN) {
            return Err(DomainError::Validation(vec![FieldError::new("q", "required", "search at least 2 characters")]));
        }
        let found = self.d.store.contacts(&me, search.as_deref(), limit).await?;
        Ok(found.into_iter().filter(|c| c.person.user_id != me.user_id && decide_pair(&me, &c.person.party(), true).is_ok()).collect())
    }
}
