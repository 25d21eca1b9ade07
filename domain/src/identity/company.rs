use crate::ids::CompanyId;
use serde::{Deserialize, Serialize};

/// An agency recruits for clients; an employer hires for itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompanyType {
    Agency,
    Employer,
}

impl CompanyType {
    pub fn as_str(&self) -> &'static str {
        match self {
            CompanyType::Agency => "agency",
            CompanyType::Employer => "employer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "agency" => Some(CompanyType::Agency),
            "employer" => Some(CompanyType::Employer),
            _ => None,
        }
    }
}

/// A suspended company's users can neither sign in nor keep a session.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompanyStatus {
    #[default]
    Active,
    Suspended,
}

impl CompanyStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            CompanyStatus::Active => "active",
            CompanyStatus::Suspended => "suspended",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(CompanyStatus::Active),
            "suspended" => Some(CompanyStatus::Suspended),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    pub id: CompanyId,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: CompanyType,
    #[serde(default)]
    pub status: CompanyStatus,
}
