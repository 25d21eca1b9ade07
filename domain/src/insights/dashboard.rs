//! The dashboard: one variant per kind of caller, chosen here from the
//! principal, with the KPI definitions as pure functions over fetched rows.

use super::analytics::{AgeingBuckets, Person, RequirementRow};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::identity::{CompanyType, Permission, Principal};
use crate::ids::{ApplicationId, JobId, UserId};
use crate::pipelines::StageKind;
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use std::collections::{BTreeMap, HashSet};

/// Which dashboard a caller gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DashboardVariant {
    /// Super admins: the whole platform.
    Platform,
    /// Candidate users: their own applications.
    Candidate,
    /// Members of an employer company.
    Employer,
    /// Agency members who run requirements (`jobs:write`: admins and managers).
    Manager,
    /// Other agency members (recruiters, sales).
    Recruiter,
}

pub fn dashboard_variant(p: &Principal) -> DashboardVariant {
    if p.is_super_admin() {
        DashboardVariant::Platform
    } else if p.company_id.is_none() {
        DashboardVariant::Candidate
    } else if p.company_type == Some(CompanyType::Employer) {
        DashboardVariant::Employer
    } else if p.can(Permission::JobsWrite) {
        DashboardVariant::Manager
    } else {
        DashboardVariant::Recruiter
    }
}

/// A reporting period: whole UTC days `from..=to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

pub const DEFAULT_PERIOD_DAYS: i64 = 30;
pub const MAX_PERIOD_DAYS: i64 = 366;

impl Period {
    pub fn start(&self) -> DateTime<Utc> {
        Utc.from_utc_datetime(&self.from.and_hms_opt(0, 0, 0).expect("midnight"))
    }

    /// Exclusive end: midnight after `to`.
    pub fn end(&self) -> DateTime<Utc> {
        self.start() + Duration::days((self.to - self.from).num_days() + 1)
    }
}

/// `from`/`to` as `YYYY-MM-DD`; by default the last 30 days up to today.
pub fn parse_period(from: Option<&str>, to: Option<&str>, today: NaiveDate) -> DomainResult<Period> {
    let mut errors = Vec::new();
    let mut date = |field: &str, v: Option<&str>| -> Option<NaiveDate> {
        let v = v.map(str::trim).filter(|v| !v.is_empty())?;
        match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FieldError::new(field, "invalid_date", "must be a date as YYYY-MM-DD"));
                None
            }
        }
    };
    let (from_raw, to_raw) = (date("from", from), date("to", to));
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let to = to_raw.unwrap_or(today);
    let from = from_raw.unwrap_or(to - Duration::days(DEFAULT_PERIOD_DAYS - 1));
    if from > to {
        return Err(DomainError::field("to", "before_from", "must not be before `from`"));
    }
    if (to - from).num_days() >= MAX_PERIOD_DAYS {
        return Err(DomainError::field("from", "period_too_long", "a period spans at most 366 days"));
    }
    Ok(Period { from, to })
}

/// Dashboard filters as received.
#[derive(Clone, Debug, Default)]
pub struct DashboardFilters {
    pub from: Option<String>,
    pub to: Option<String>,
    /// Requirement client name (agency views).
    pub client: Option<String>,
    /// One recruiter (manager view).
    pub recruiter_id: Option<UserId>,
}

/// A stage name counts as an interview stage when it says so: real interview
/// scheduling arrives later, until then "interview" or "scheduled" in the
/// name (case-insensitive) marks one.
pub fn is_interview_stage(name: &str) -> bool {
    let n = name.to_lowercase();
    n.contains("interview") || n.contains("scheduled")
}

/// "Offer", "Offered", "Offer made"…
pub fn is_offer_stage(name: &str) -> bool {
    name.to_lowercase().contains("offer")
}

/// The start of the UTC calendar month of `now`.
pub fn month_start(now: DateTime<Utc>) -> DateTime<Utc> {
    let first = NaiveDate::from_ymd_opt(now.year(), now.month(), 1).expect("first of month");
    Utc.from_utc_datetime(&first.and_hms_opt(0, 0, 0).expect("midnight"))
}

/// "This week": the last 7 days up to now.
pub fn week_start(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(7)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyCount {
    pub key: String,
    pub count: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlatformDashboard {
    /// agency / employer.
    pub companies_by_type: Vec<KeyCount>,
    /// active / suspended.
    pub companies_by_status: Vec<KeyCount>,
    pub users_by_status: Vec<KeyCount>,
    pub open_jobs: u64,
    pub applications_total: u64,
    pub applications_last_7_days: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MyApplication {
    pub id: ApplicationId,
    pub job_id: JobId,
    pub job_title: String,
    pub company_name: String,
    pub stage: String,
    pub stage_kind: StageKind,
    pub submitted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StateCounts {
    pub active: u64,
    pub hired: u64,
    pub rejected: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CandidateDashboard {
    pub applications: Vec<MyApplication>,
    pub counts: StateCounts,
    pub saved_jobs: u64,
}

pub fn state_counts(apps: &[MyApplication]) -> StateCounts {
    let n = |k: StageKind| apps.iter().filter(|a| a.stage_kind == k).count() as u64;
    StateCounts { active: n(StageKind::Active), hired: n(StageKind::Hired), rejected: n(StageKind::Rejected) }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecentApplication {
    pub id: ApplicationId,
    pub candidate_name: String,
    pub job_id: JobId,
    pub job_title: String,
    pub stage: String,
    pub submitted_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployerDashboard {
    pub open_jobs: u64,
    /// Applications on open jobs by current stage name, in pipeline order (zeros included).
    pub applicants_by_stage: Vec<KeyCount>,
    pub new_applications_this_week: u64,
    pub hires_this_month: u64,
    pub recent_applications: Vec<RecentApplication>,
}

/// One history row in the period, for the team funnel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunnelEvent {
    pub application: ApplicationId,
    pub recruiter: Option<UserId>,
    /// The stage entered (its name then, and its kind).
    pub stage: String,
    pub kind: StageKind,
    /// The submission row (no previous stage).
    pub submission: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Funnel {
    pub submissions: u64,
    pub interviews: u64,
    pub offers: u64,
    pub hires: u64,
    pub rejections: u64,
}

/// Distinct applications per step among `events`: submitted, moved into an
/// interview stage, an offer stage, a hired-kind or a rejected-kind stage.
pub fn funnel<'a>(events: impl IntoIterator<Item = &'a FunnelEvent>) -> Funnel {
    let mut sets: [HashSet<ApplicationId>; 5] = Default::default();
    for e in events {
        if e.submission {
            sets[0].insert(e.application);
        } else if is_interview_stage(&e.stage) {
            sets[1].insert(e.application);
        } else if is_offer_stage(&e.stage) {
            sets[2].insert(e.application);
        }
        match e.kind {
            StageKind::Hired if !e.submission => {
                sets[3].insert(e.application);
            }
            StageKind::Rejected if !e.submission => {
                sets[4].insert(e.application);
            }
            _ => {}
        }
    }
    let n = |i: usize| sets[i].len() as u64;
    Funnel { submissions: n(0), interviews: n(1), offers: n(2), hires: n(3), rejections: n(4) }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecruiterPerformance {
    pub recruiter: Person,
    pub funnel: Funnel,
    /// Open requirements where the recruiter is on the team.
    pub active_requirements: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManagerDashboard {
    pub period: Period,
    pub funnel: Funnel,
    pub recruiters: Vec<RecruiterPerformance>,
    /// low, medium, high, critical.
    pub open_requirements_by_priority: Vec<KeyCount>,
    pub ageing: AgeingBuckets,
}

pub const PRIORITIES: &[&str] = &["low", "medium", "high", "critical"];

pub fn manager_dashboard(
    period: Period,
    events: &[FunnelEvent],
    recruiters: Vec<Person>,
    requirements: &[RequirementRow],
    now: DateTime<Utc>,
) -> ManagerDashboard {
    let recruiters = recruiters
        .into_iter()
        .map(|p| RecruiterPerformance {
            funnel: funnel(events.iter().filter(|e| e.recruiter == Some(p.id))),
            active_requirements: requirements.iter().filter(|r| r.team.contains(&p.id)).count() as u64,
            recruiter: p,
        })
        .collect();
    let mut ageing = AgeingBuckets::default();
    for r in requirements {
        ageing.add(super::analytics::ageing_days(r.opened_at, now));
    }
    ManagerDashboard {
        period,
        funnel: funnel(events),
        recruiters,
        open_requirements_by_priority: PRIORITIES
            .iter()
            .map(|p| KeyCount { key: p.to_string(), count: requirements.iter().filter(|r| r.priority == *p).count() as u64 })
            .collect(),
        ageing,
    }
}

/// One of the recruiter's applications, where it is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PipelineRow {
    pub stage: String,
    pub position: u32,
    pub state: StageKind,
    pub submitted_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementSummary {
    pub id: JobId,
    pub reference: String,
    pub title: String,
    pub client: Option<String>,
    pub priority: String,
    pub status: String,
    pub ageing_days: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecruiterDashboard {
    pub period: Period,
    /// Open jobs where the caller is on the team or the manager, oldest first.
    pub open_requirements: Vec<RequirementSummary>,
    /// The caller's applications submitted in the last 7 days.
    pub submissions_this_week: u64,
    /// The caller's active applications whose stage name says interview or scheduled.
    pub in_interview_stages: u64,
    /// The caller's applications by current stage name, in pipeline order.
    pub pipeline_by_stage: Vec<KeyCount>,
}

pub fn recruiter_dashboard(period: Period, me: UserId, requirements: &[RequirementRow], mine: &[PipelineRow], now: DateTime<Utc>) -> RecruiterDashboard {
    let mut open: Vec<&RequirementRow> = requirements.iter().filter(|r| r.team.contains(&me) || r.manager_id == Some(me)).collect();
    open.sort_by_key(|r| (r.opened_at, r.id));
    let mut stages: BTreeMap<String, (u32, u64)> = BTreeMap::new();
    for row in mine {
        let e = stages.entry(row.stage.clone()).or_insert((row.position, 0));
        e.0 = e.0.min(row.position);
        e.1 += 1;
    }
    let mut by_stage: Vec<(String, u32, u64)> = stages.into_iter().map(|(k, (p, n))| (k, p, n)).collect();
    by_stage.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    let since = week_start(now);
    RecruiterDashboard {
        period,
        open_requirements: open
            .into_iter()
            .map(|r| RequirementSummary {
                id: r.id,
                reference: r.reference.clone(),
                title: r.title.clone(),
                client: r.client.clone(),
                priority: r.priority.clone(),
                status: r.status.clone(),
                ageing_days: super::analytics::ageing_days(r.opened_at, now),
            })
            .collect(),
        submissions_this_week: mine.iter().filter(|r| r.submitted_at >= since).count() as u64,
        in_interview_stages: mine.iter().filter(|r| r.state == StageKind::Active && is_interview_stage(&r.stage)).count() as u64,
        pipeline_by_stage: by_stage.into_iter().map(|(key, _, count)| KeyCount { key, count }).collect(),
    }
}

/// The dashboard, tagged by variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dashboard {
    Platform(PlatformDashboard),
    Candidate(CandidateDashboard),
    Employer(EmployerDashboard),
    Manager(ManagerDashboard),
    Recruiter(RecruiterDashboard),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::CompanyId;

    fn p(company: Option<CompanyId>, kind: Option<CompanyType>, role: &str, perms: &[Permission]) -> Principal {
        Principal::for_test(company, kind, &[role], perms)
    }

    #[test]
    fn the_variant_follows_the_caller() {
        use crate::identity::SystemRole;
        let c = Some(CompanyId::new());
        let of = |role: SystemRole| {
            let kind = role.company_type();
            p(if kind.is_some() { c } else { None }, kind, role.name(), role.permissions())
        };
        assert_eq!(dashboard_variant(&of(SystemRole::SuperAdmin)), DashboardVariant::Platform);
        assert_eq!(dashboard_variant(&of(SystemRole::Candidate)), DashboardVariant::Candidate);
        for r in [SystemRole::EmployerAdmin, SystemRole::HiringManager, SystemRole::Interviewer] {
            assert_eq!(dashboard_variant(&of(r)), DashboardVariant::Employer, "{r:?}");
        }
        for r in [SystemRole::AgencyAdmin, SystemRole::Manager] {
            assert_eq!(dashboard_variant(&of(r)), DashboardVariant::Manager, "{r:?}");
        }
        for r in [SystemRole::Recruiter, SystemRole::Sales] {
            assert_eq!(dashboard_variant(&of(r)), DashboardVariant::Recruiter, "{r:?}");
        }
        // A custom agency role with jobs:write is a manager.
        assert_eq!(dashboard_variant(&p(c, Some(CompanyType::Agency), "lead", &[Permission::JobsWrite])), DashboardVariant::Manager);
    }

    #[test]
    fn periods_default_to_the_last_30_days_and_refuse_bad_dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let d = parse_period(None, None, today).unwrap();
        assert_eq!((d.from, d.to), (NaiveDate::from_ymd_opt(2026, 10, 23).unwrap(), today));
        assert_eq!((d.end() - d.start()).num_days(), 30);
        let DomainError::Validation(errs) = parse_period(Some("2026-13-01"), Some("yesterday"), today).unwrap_err() else { panic!() };
        assert_eq!(errs.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["from", "to"]);
        let DomainError::Validation(errs) = parse_period(Some("2026-11-10"), Some("2026-11-01"), today).unwrap_err() else { panic!() };
        assert_eq!((errs[0].field.as_str(), errs[0].code.as_str()), ("to", "before_from"));
        assert!(parse_period(Some("2025-01-01"), Some("2026-11-01"), today).is_err());
        let one = parse_period(Some("2026-11-01"), Some("2026-11-01"), today).unwrap();
        assert_eq!(one.end() - one.start(), Duration::days(1));
    }

    #[test]
    fn interview_and_offer_stages_are_recognised_by_name() {
        for n in ["L1 Scheduled", "Client Interview", "interview", "PHONE SCHEDULED"] {
            assert!(is_interview_stage(n), "{n}");
        }
        for n in ["Submitted", "Offered", "Joined", "L1 Cleared"] {
            assert!(!is_interview_stage(n), "{n}");
        }
        assert!(is_offer_stage("Offered") && is_offer_stage("offer") && !is_offer_stage("Joined"));
    }

    #[test]
    fn the_funnel_counts_distinct_applications_per_step() {
        let (a, b) = (ApplicationId::new(), ApplicationId::new());
        let r = UserId::new();
        let e = |app, stage: &str, kind, submission| FunnelEvent { application: app, recruiter: Some(r), stage: stage.into(), kind, submission };
        let events = vec![
            e(a, "Submitted", StageKind::Active, true),
            e(a, "L1 Scheduled", StageKind::Active, false),
            e(a, "L2 Scheduled", StageKind::Active, false),
            e(a, "Offered", StageKind::Active, false),
            e(a, "Joined", StageKind::Hired, false),
            e(b, "Submitted", StageKind::Active, true),
            e(b, "Client Interview", StageKind::Active, false),
            e(b, "Rejected", StageKind::Rejected, false),
        ];
        assert_eq!(funnel(&events), Funnel { submissions: 2, interviews: 2, offers: 1, hires: 1, rejections: 1 });
        let other = Person { id: UserId::new(), name: "Zed".into() };
        let me = Person { id: r, name: "Ann".into() };
        let period = Period { from: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), to: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap() };
        let m = manager_dashboard(period, &events, vec![me, other], &[], Utc::now());
        assert_eq!(m.recruiters[0].funnel.submissions, 2);
        assert_eq!(m.recruiters[1].funnel, Funnel::default());
        assert_eq!(m.open_requirements_by_priority.iter().map(|k| k.count).sum::<u64>(), 0);
    }

    #[test]
    fn month_and_week_starts() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 5, 0, 0).unwrap();
        assert_eq!(month_start(now), Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap());
        assert_eq!(week_start(now), Utc.with_ymd_and_hms(2026, 11, 14, 5, 0, 0).unwrap());
    }

    #[test]
    fn the_recruiter_pipeline_is_in_stage_order() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 5, 0, 0).unwrap();
        let row = |stage: &str, position, state, days| PipelineRow { stage: stage.into(), position, state, submitted_at: now - Duration::days(days) };
        let mine = vec![
            row("L1 Scheduled", 1, StageKind::Active, 2),
            row("Submitted", 0, StageKind::Active, 1),
            row("Submitted", 0, StageKind::Active, 10),
            row("Client Interview", 5, StageKind::Active, 20),
            row("Rejected", 8, StageKind::Rejected, 3),
        ];
        let period = Period { from: now.date_naive(), to: now.date_naive() };
        let d = recruiter_dashboard(period, UserId::new(), &[], &mine, now);
        assert_eq!(d.submissions_this_week, 3);
        assert_eq!(d.in_interview_stages, 2);
        let stages: Vec<_> = d.pipeline_by_stage.iter().map(|k| (k.key.as_str(), k.count)).collect();
        assert_eq!(stages, [("Submitted", 2), ("L1 Scheduled", 1), ("Client Interview", 1), ("Rejected", 1)]);
    }
}
