//! Tenant settings and email templates (`settings:manage`). Company admins act
//! on their company; super admins on the platform defaults, or on one company
//! with `?company_id=`.

pub mod email_templates;
pub mod tenant;

use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OwnerQuery {
    /// Super admins: this company's settings instead of the platform defaults.
    /// Company admins may name only their own company (another one answers 404).
    pub company_id: Option<Uuid>,
}

impl OwnerQuery {
    pub fn company(&self) -> Option<hireops_domain::ids::CompanyId> {
        self.company_id.map(hireops_domain::ids::CompanyId)
    }
}
