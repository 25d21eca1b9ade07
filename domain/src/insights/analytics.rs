//! Pipeline and requirement analytics: pure computations over the rows the
//! adapter fetches (stages, applications, stage history, open jobs).

use crate::ids::{ApplicationId, JobId, UserId};
use crate::pipelines::StageKind;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Job statuses that count as "open" in every report: still being worked.
pub const OPEN_STATUSES: &[&str] = &["open", "on_hold"];

/// A stage of the analysed pipeline (stages of several jobs merge by name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageRow {
    pub name: String,
    pub kind: StageKind,
    pub position: u32,
}

/// An application and where it is now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationRow {
    pub id: ApplicationId,
    pub stage: String,
    pub state: StageKind,
}

/// One history row: the application entered `stage` at `at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryRow {
    pub application: ApplicationId,
    pub stage: String,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StageStats {
    pub stage: String,
    pub kind: StageKind,
    pub position: u32,
    /// Applications in it now.
    pub current: u64,
    /// Applications that ever entered it.
    pub reached: u64,
    /// reached / the previous stage's reached; None for the first stage or when that is 0.
    pub conversion_from_previous: Option<f64>,
    pub avg_days_in_stage: Option<f64>,
    pub median_days_in_stage: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PipelineTotals {
    pub applications: u64,
    pub hired: u64,
    pub rejected: u64,
    pub active: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PipelineReport {
    pub job_id: Option<JobId>,
    pub stages: Vec<StageStats>,
    pub totals: PipelineTotals,
}

/// Stages of several jobs merged by name: the lowest position and the first kind seen.
pub fn merge_stages(rows: Vec<StageRow>) -> Vec<StageRow> {
    let mut by_name: Vec<StageRow> = Vec::new();
    for r in rows {
        match by_name.iter_mut().find(|s| s.name == r.name) {
            Some(s) => s.position = s.position.min(r.position),
            None => by_name.push(r),
        }
    }
    by_name.sort_by(|a, b| a.position.cmp(&b.position).then_with(|| a.name.cmp(&b.name)));
    by_name
}

/// `reached` per stage name: distinct applications with a history row into it.
pub fn reached(history: &[HistoryRow]) -> HashMap<&str, u64> {
    let mut seen: HashSet<(&str, ApplicationId)> = HashSet::new();
    let mut out: HashMap<&str, u64> = HashMap::new();
    for h in history {
        if seen.insert((h.stage.as_str(), h.application)) {
            *out.entry(h.stage.as_str()).or_default() += 1;
        }
    }
    out
}

/// reached / previous reached, None when the previous is 0.
pub fn conversion(reached: u64, previous: u64) -> Option<f64> {
    (previous > 0).then(|| round2(reached as f64 / previous as f64))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Days each application spent in each stage: every history row opens a
/// visit that the application's next row closes; its last row stays open until
/// `now` when that stage is active (an application in a hired or rejected
/// stage has left the pipeline, so its final visit has no duration). Visits of
/// one application to one stage add up to a single sample.
pub fn days_in_stage(history: &[HistoryRow], kinds: &HashMap<&str, StageKind>, now: DateTime<Utc>) -> HashMap<String, Vec<f64>> {
    let mut by_app: BTreeMap<ApplicationId, Vec<&HistoryRow>> = BTreeMap::new();
    for h in history {
        by_app.entry(h.application).or_default().push(h);
    }
    let mut samples: HashMap<String, Vec<f64>> = HashMap::new();
    for rows in by_app.values_mut() {
        rows.sort_by_key(|h| h.at);
        let mut per_stage: BTreeMap<&str, f64> = BTreeMap::new();
        for (i, h) in rows.iter().enumerate() {
            let end = match rows.get(i + 1) {
                Some(next) => next.at,
                None if kinds.get(h.stage.as_str()).copied().unwrap_or(StageKind::Active) == StageKind::Active => now,
                None => continue,
            };
            let days = (end - h.at).num_milliseconds().max(0) as f64 / 86_400_000.0;
            *per_stage.entry(h.stage.as_str()).or_default() += days;
        }
        for (stage, days) in per_stage {
            samples.entry(stage.to_string()).or_default().push(days);
        }
    }
    samples
}

pub fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| round2(xs.iter().sum::<f64>() / xs.len() as f64))
}

pub fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(round2(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }))
}

/// The whole pipeline report from the fetched rows.
pub fn pipeline_report(job_id: Option<JobId>, stages: Vec<StageRow>, apps: &[ApplicationRow], history: &[HistoryRow], now: DateTime<Utc>) -> PipelineReport {
    let stages = merge_stages(stages);
    let kinds: HashMap<&str, StageKind> = stages.iter().map(|s| (s.name.as_str(), s.kind)).collect();
    let reached_by = reached(history);
    let samples = days_in_stage(history, &kinds, now);
    let mut out = Vec::with_capacity(stages.len());
    let mut previous: Option<u64> = None;
    for s in &stages {
        let reached = reached_by.get(s.name.as_str()).copied().unwrap_or(0);
        let times = samples.get(&s.name).map(Vec::as_slice).unwrap_or(&[]);
        out.push(StageStats {
            stage: s.name.clone(),
            kind: s.kind,
            position: s.position,
            current: apps.iter().filter(|a| a.stage == s.name).count() as u64,
            reached,
            conversion_from_previous: previous.and_then(|p| conversion(reached, p)),
            avg_days_in_stage: mean(times),
            median_days_in_stage: median(times),
        });
        previous = Some(reached);
    }
    let count = |k: StageKind| apps.iter().filter(|a| a.state == k).count() as u64;
    PipelineReport {
        job_id,
        stages: out,
        totals: PipelineTotals { applications: apps.len() as u64, hired: count(StageKind::Hired), rejected: count(StageKind::Rejected), active: count(StageKind::Active) },
    }
}

/// Requirement ageing buckets, in days since the job opened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AgeingBuckets {
    pub days_0_7: u64,
    pub days_8_15: u64,
    pub days_16_30: u64,
    pub days_31_60: u64,
    pub days_61_plus: u64,
}

impl AgeingBuckets {
    pub fn add(&mut self, days: i64) {
        match days {
            ..=7 => self.days_0_7 += 1,
            8..=15 => self.days_8_15 += 1,
            16..=30 => self.days_16_30 += 1,
            31..=60 => self.days_31_60 += 1,
            _ => self.days_61_plus += 1,
        }
    }

    pub fn total(&self) -> u64 {
        self.days_0_7 + self.days_8_15 + self.days_16_30 + self.days_31_60 + self.days_61_plus
    }
}

/// Whole days since `opened` (never negative).
pub fn ageing_days(opened: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (now - opened).num_days().max(0)
}

/// A person as reports show them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Person {
    pub id: UserId,
    pub name: String,
}

/// An open job with what the requirement reports need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementRow {
    pub id: JobId,
    pub reference: String,
    pub title: String,
    pub client: Option<String>,
    pub priority: String,
    pub status: String,
    /// opened_at, else created_at.
    pub opened_at: DateTime<Utc>,
    pub manager_id: Option<UserId>,
    /// Team members with team role `recruiter`.
    pub recruiters: Vec<Person>,
    /// Every team member (any team role).
    pub team: Vec<UserId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientAgeing {
    pub client: Option<String>,
    pub buckets: AgeingBuckets,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecruiterAgeing {
    /// None: jobs without a recruiter.
    pub recruiter: Option<Person>,
    pub buckets: AgeingBuckets,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequirementsReport {
    pub totals: AgeingBuckets,
    pub by_client: Vec<ClientAgeing>,
    pub by_recruiter: Vec<RecruiterAgeing>,
}

/// Bucket open jobs by age, per client and per recruiter. A job with two
/// recruiters counts for each; one without any counts as unassigned (last).
pub fn requirements_report(rows: &[RequirementRow], now: DateTime<Utc>) -> RequirementsReport {
    let mut totals = AgeingBuckets::default();
    let mut by_client: BTreeMap<Option<String>, AgeingBuckets> = BTreeMap::new();
    let mut by_recruiter: BTreeMap<(String, UserId), (Person, AgeingBuckets)> = BTreeMap::new();
    let mut unassigned = AgeingBuckets::default();
    for r in rows {
        let days = ageing_days(r.opened_at, now);
        totals.add(days);
        by_client.entry(r.client.clone()).or_default().add(days);
        if r.recruiters.is_empty() {
            unassigned.add(days);
        }
        for p in &r.recruiters {
            by_recruiter.entry((p.name.clone(), p.id)).or_insert_with(|| (p.clone(), AgeingBuckets::default())).1.add(days);
        }
    }
    let mut recruiters: Vec<RecruiterAgeing> = by_recruiter.into_values().map(|(p, b)| RecruiterAgeing { recruiter: Some(p), buckets: b }).collect();
    if unassigned.total() > 0 {
        recruiters.push(RecruiterAgeing { recruiter: None, buckets: unassigned });
    }
    RequirementsReport {
        totals,
        // Named clients by name, then jobs without a client.
        by_client: {
            let mut v: Vec<ClientAgeing> = by_client.into_iter().map(|(client, buckets)| ClientAgeing { client, buckets }).collect();
            v.sort_by_key(|c| (c.client.is_none(), c.client.clone()));
            v
        },
        by_recruiter: recruiters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap()
    }

    fn h(app: ApplicationId, stage: &str, day: f64) -> HistoryRow {
        HistoryRow { application: app, stage: stage.into(), at: t0() + Duration::minutes((day * 1440.0) as i64) }
    }

    fn stage(name: &str, kind: StageKind, position: u32) -> StageRow {
        StageRow { name: name.into(), kind, position }
    }

    #[test]
    fn conversion_divides_by_the_previous_stage_and_is_null_on_zero() {
        assert_eq!(conversion(2, 4), Some(0.5));
        assert_eq!(conversion(1, 3), Some(0.33));
        assert_eq!(conversion(3, 0), None);
    }

    #[test]
    fn time_in_stage_uses_consecutive_rows_and_counts_open_visits_up_to_now() {
        let (a, b, c) = (ApplicationId::new(), ApplicationId::new(), ApplicationId::new());
        // a: Applied 0 → Screening 2 → Interview 5 (still there at day 10).
        // b: Applied 0 → Screening 4 → Rejected 5.
        // c: Applied 1 → Screening 2 → Applied 3 → Screening 6 → Hired 7.
        let history = vec![
            h(a, "Applied", 0.0), h(a, "Screening", 2.0), h(a, "Interview", 5.0),
            h(b, "Applied", 0.0), h(b, "Screening", 4.0), h(b, "Rejected", 5.0),
            h(c, "Applied", 1.0), h(c, "Screening", 2.0), h(c, "Applied", 3.0), h(c, "Screening", 6.0), h(c, "Hired", 7.0),
        ];
        let stages = vec![
            stage("Applied", StageKind::Active, 0), stage("Screening", StageKind::Active, 1), stage("Interview", StageKind::Active, 2),
            stage("Hired", StageKind::Hired, 3), stage("Rejected", StageKind::Rejected, 4),
        ];
        let apps = vec![
            ApplicationRow { id: a, stage: "Interview".into(), state: StageKind::Active },
            ApplicationRow { id: b, stage: "Rejected".into(), state: StageKind::Rejected },
            ApplicationRow { id: c, stage: "Hired".into(), state: StageKind::Hired },
        ];
        let r = pipeline_report(None, stages, &apps, &history, t0() + Duration::days(10));
        let by: HashMap<_, _> = r.stages.iter().map(|s| (s.stage.as_str(), s)).collect();
        // Applied: a 2, b 4, c 1+3 = 4 → mean 3.33, median 4.
        assert_eq!((by["Applied"].avg_days_in_stage, by["Applied"].median_days_in_stage), (Some(3.33), Some(4.0)));
        // Screening: a 3, b 1, c 1+1 = 2 → mean 2, median 2.
        assert_eq!((by["Screening"].avg_days_in_stage, by["Screening"].median_days_in_stage), (Some(2.0), Some(2.0)));
        // Interview: a still there, 5 days up to now.
        assert_eq!((by["Interview"].avg_days_in_stage, by["Interview"].median_days_in_stage), (Some(5.0), Some(5.0)));
        // Terminal stages: no open-ended visit.
        assert_eq!(by["Hired"].avg_days_in_stage, None);
        assert_eq!(by["Rejected"].median_days_in_stage, None);
        let reached: Vec<_> = r.stages.iter().map(|s| (s.stage.as_str(), s.reached, s.current, s.conversion_from_previous)).collect();
        assert_eq!(
            reached,
            [
                ("Applied", 3, 0, None),
                ("Screening", 3, 0, Some(1.0)),
                ("Interview", 1, 1, Some(0.33)),
                ("Hired", 1, 1, Some(1.0)),
                ("Rejected", 1, 1, Some(1.0)),
            ]
        );
        assert_eq!(r.totals, PipelineTotals { applications: 3, hired: 1, rejected: 1, active: 1 });
    }

    #[test]
    fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[4.0, 1.0, 3.0, 10.0]), Some(3.5));
        assert_eq!(median(&[]), None);
        assert_eq!(mean(&[1.0, 2.0]), Some(1.5));
    }

    #[test]
    fn stages_of_several_jobs_merge_by_name() {
        let merged = merge_stages(vec![stage("Offer", StageKind::Active, 3), stage("Applied", StageKind::Active, 0), stage("Offer", StageKind::Active, 2)]);
        assert_eq!(merged.iter().map(|s| (s.name.as_str(), s.position)).collect::<Vec<_>>(), [("Applied", 0), ("Offer", 2)]);
    }

    #[test]
    fn zero_reached_makes_the_next_conversion_null() {
        let a = ApplicationId::new();
        let r = pipeline_report(
            None,
            vec![stage("A", StageKind::Active, 0), stage("B", StageKind::Active, 1), stage("C", StageKind::Active, 2)],
            &[ApplicationRow { id: a, stage: "C".into(), state: StageKind::Active }],
            &[h(a, "A", 0.0), h(a, "C", 1.0)],
            t0() + Duration::days(3),
        );
        let conv: Vec<_> = r.stages.iter().map(|s| s.conversion_from_previous).collect();
        assert_eq!(conv, [None, Some(0.0), None]);
    }

    #[test]
    fn ageing_buckets_have_inclusive_edges() {
        let mut b = AgeingBuckets::default();
        for d in [0, 7, 8, 15, 16, 30, 31, 60, 61, 400] {
            b.add(d);
        }
        assert_eq!(b, AgeingBuckets { days_0_7: 2, days_8_15: 2, days_16_30: 2, days_31_60: 2, days_61_plus: 2 });
        assert_eq!(b.total(), 10);
        assert_eq!(ageing_days(t0(), t0() + Duration::hours(47)), 1);
        assert_eq!(ageing_days(t0() + Duration::days(1), t0()), 0);
    }

    #[test]
    fn requirements_group_by_client_and_recruiter_with_unassigned_last() {
        let ann = Person { id: UserId::new(), name: "Ann".into() };
        let bob = Person { id: UserId::new(), name: "Bob".into() };
        let row = |client: Option<&str>, days: i64, recruiters: Vec<Person>| RequirementRow {
            id: JobId::new(),
            reference: "R".into(),
            title: "T".into(),
            client: client.map(Into::into),
            priority: "high".into(),
            status: "open".into(),
            opened_at: t0() - Duration::days(days),
            manager_id: None,
            team: recruiters.iter().map(|p| p.id).collect(),
            recruiters,
        };
        let rows = vec![
            row(Some("Globex"), 3, vec![ann.clone()]),
            row(Some("Acme"), 20, vec![ann.clone(), bob.clone()]),
            row(None, 90, vec![]),
        ];
        let r = requirements_report(&rows, t0());
        assert_eq!(r.totals, AgeingBuckets { days_0_7: 1, days_16_30: 1, days_61_plus: 1, ..Default::default() });
        let clients: Vec<_> = r.by_client.iter().map(|c| (c.client.as_deref(), c.buckets.total())).collect();
        assert_eq!(clients, [(Some("Acme"), 1), (Some("Globex"), 1), (None, 1)]);
        let recruiters: Vec<_> = r.by_recruiter.iter().map(|c| (c.recruiter.as_ref().map(|p| p.name.as_str()), c.buckets.total())).collect();
        assert_eq!(recruiters, [(Some("Ann"), 2), (Some("Bob"), 1), (None, 1)]);
        assert_eq!(r.by_recruiter[0].buckets, AgeingBuckets { days_0_7: 1, days_16_30: 1, ..Default::default() });
    }
}
