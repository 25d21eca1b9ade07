//! The recruiting visibility rules of `hireops_domain::identity::visibility`,
//! as SQL conditions appended to a query. Every recruiting adapter filters
//! through these, so lists and single loads agree with the domain rules.

use hireops_domain::identity::CompanyFilter;
use sqlx::{MySql, QueryBuilder};

/// ` AND <job `alias` is visible>`: its company, or an agency it is shared with.
/// False when the filter can match nothing (the caller answers an empty list).
pub(crate) fn push_job_visible(qb: &mut QueryBuilder<'_, MySql>, alias: &str, companies: CompanyFilter) -> bool {
    match companies {
        CompanyFilter::Any => true,
        CompanyFilter::Only(me) => {
            qb.push(format!(" AND ({alias}.company_id = "))
                .push_bind(me.0)
                .push(format!(" OR EXISTS (SELECT 1 FROM job_agencies ja_vis WHERE ja_vis.job_id = {alias}.id AND ja_vis.agency_id = "))
                .push_bind(me.0)
                .push("))");
            true
        }
        CompanyFilter::Nothing => false,
    }
}

/// ` AND <application `alias` is visible>`: the job's company or the candidate's.
pub(crate) fn push_application_visible(qb: &mut QueryBuilder<'_, MySql>, alias: &str, companies: CompanyFilter) -> bool {
    match companies {
        CompanyFilter::Any => true,
        CompanyFilter::Only(me) => {
            qb.push(format!(" AND ({alias}.job_company_id = "))
                .push_bind(me.0)
                .push(format!(" OR {alias}.candidate_company_id = "))
                .push_bind(me.0)
                .push(")");
            true
        }
        CompanyFilter::Nothing => false,
    }
}

/// ` AND <candidate `alias` is visible>`: live profiles of the caller's company,
/// and (read-only, the use cases decide) profiles that applied to its jobs.
pub(crate) fn push_candidate_visible(qb: &mut QueryBuilder<'_, MySql>, alias: &str, companies: CompanyFilter) -> bool {
    qb.push(format!(" AND {alias}.merged_into_id IS NULL AND {alias}.deleted_at IS NULL"));
    match companies {
        CompanyFilter::Any => {
            qb.push(format!(" AND {alias}.company_id IS NOT NULL"));
            true
        }
        CompanyFilter::Only(me) => {
            qb.push(format!(" AND ({alias}.company_id = "))
                .push_bind(me.0)
                .push(format!(" OR EXISTS (SELECT 1 FROM applications a_vis WHERE a_vis.candidate_id = {alias}.id AND a_vis.job_company_id = "))
                .push_bind(me.0)
                .push("))");
            true
        }
        CompanyFilter::Nothing => false,
    }
}
