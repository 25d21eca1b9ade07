//! The audit trail: who did what to whom, with which outcome. Append-only.

use crate::ids::{CompanyId, UserId};
use serde::Serialize;

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

    pub fn detail(mut self, key: &str, value: impl Serialize) -> Self {
        if let serde_json::Value::Object(map) = &mut self.details {
            map.insert(key.to_string(), serde_json::to_value(value).unwrap_or(serde_json::Value::Null));
        }
        self
    }
}
