//! The audit trail: who did what to whom, with which outcome. Append-only.

mod trail;

pub use trail::{AuditCursor, AuditFilter, AuditQuery, AuditRecord, AuditTrailService, EXPORT_CHUNK, EXPORT_MAX_ROWS};

use crate::identity::Principal;
use crate::ids::{CompanyId, UserId};
use serde::Serialize;
use serde_json::{Map, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Failure,
    Denied,
}

impl Outcome {
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Denied => "denied",
        }
    }
}

/// Where a request came from; recorded with every audit row.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

#[derive(Clone, Debug)]
pub struct AuditEntry {
    /// A stable dotted code such as `auth.login` or `auth.refresh_reuse`.
    pub action: &'static str,
    pub outcome: Outcome,
    pub actor_id: Option<UserId>,
    pub company_id: Option<CompanyId>,
    pub target_type: Option<&'static str>,
    pub target_id: Option<String>,
    pub details: serde_json::Value,
    pub meta: RequestMeta,
}

impl AuditEntry {
    pub fn new(action: &'static str, outcome: Outcome, meta: &RequestMeta) -> Self {
        Self {
            action,
            outcome,
            actor_id: None,
            company_id: None,
            target_type: None,
            target_id: None,
            details: serde_json::Value::Object(Default::default()),
            meta: meta.clone(),
        }
    }

    /// An action a signed-in user took: actor and their company filled in.
    pub fn by(principal: &Principal, action: &'static str, meta: &RequestMeta) -> Self {
        Self::new(action, Outcome::Success, meta).actor(principal.user_id, principal.company_id)
    }

    pub fn actor(mut self, actor: UserId, company: Option<CompanyId>) -> Self {
        self.actor_id = Some(actor);
        self.company_id = company;
        self
    }

    pub fn target(mut self, kind: &'static str, id: impl ToString) -> Self {
        self.target_type = Some(kind);
        self.target_id = Some(id.to_string());
        self
    }

    pub fn company(mut self, company: Option<CompanyId>) -> Self {
        self.company_id = company;
        self
    }

    /// Record what changed: `details.changes` maps each top-level field whose
    /// value differs to `{"before": .., "after": ..}`. Either side may be
    /// `None` for creation or removal.
    pub fn changes<B: Serialize, A: Serialize>(self, before: Option<&B>, after: Option<&A>) -> Self {
        let as_map = |v: Option<Value>| match v {
            Some(Value::Object(m)) => m,
            Some(other) => Map::from_iter([("value".to_string(), other)]),
            None => Map::new(),
        };
        let before = as_map(before.and_then(|b| serde_json::to_value(b).ok()));
        let after = as_map(after.and_then(|a| serde_json::to_value(a).ok()));
        self.detail("changes", diff(&before, &after))
    }

    pub fn detail(mut self, key: &str, value: impl Serialize) -> Self {
        if let serde_json::Value::Object(map) = &mut self.details {
            map.insert(key.to_string(), serde_json::to_value(value).unwrap_or(serde_json::Value::Null));
        }
        self
    }
}

/// Field-by-field difference of two JSON objects (top level; nested values compare whole).
pub fn diff(before: &Map<String, Value>, after: &Map<String, Value>) -> Map<String, Value> {
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut out = Map::new();
    for key in keys {
        let (b, a) = (before.get(key).unwrap_or(&Value::Null), after.get(key).unwrap_or(&Value::Null));
        if b != a {
            out.insert(key.clone(), serde_json::json!({"before": b, "after": a}));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Serialize)]
    struct Person {
        name: &'static str,
        roles: Vec<&'static str>,
        status: &'static str,
    }

    #[test]
    fn changes_list_only_what_differs() {
        let before = Person { name: "Ann", roles: vec!["recruiter"], status: "active" };
        let after = Person { name: "Ann", roles: vec!["manager"], status: "active" };
        let e = AuditEntry::new("users.update", Outcome::Success, &RequestMeta::default()).changes(Some(&before), Some(&after));
        assert_eq!(e.details["changes"], json!({"roles": {"before": ["recruiter"], "after": ["manager"]}}));
    }

    #[test]
    fn creation_has_no_before() {
        let after = Person { name: "Ann", roles: vec![], status: "active" };
        let e = AuditEntry::new("users.create", Outcome::Success, &RequestMeta::default()).changes(None::<&Person>, Some(&after));
        assert_eq!(e.details["changes"]["name"], json!({"before": null, "after": "Ann"}));
        assert_eq!(e.details["changes"].as_object().unwrap().len(), 3);
    }
}
