import type { Dashboard, KeyCount } from "../../api/types";

export interface Kpi {
  label: string;
  value: number;
  hint?: string;
}

const sum = (rows: KeyCount[]) => rows.reduce((n, r) => n + r.count, 0);

/** The headline numbers of each dashboard variant (docs/search-and-dashboards.md); the breakdowns are in dashboardCharts. */
export function dashboardKpis(d: Dashboard): Kpi[] {
  switch (d.kind) {
    case "platform":
      return [
        { label: "Open jobs", value: d.open_jobs, hint: "open or on hold" },
        { label: "Applications", value: d.applications_total },
        { label: "Applications, last 7 days", value: d.applications_last_7_days },
        { label: "Users", value: sum(d.users_by_status) },
      ];
    case "candidate":
      return [
        { label: "Active applications", value: d.counts.active },
        { label: "Hired", value: d.counts.hired },
        { label: "Not selected", value: d.counts.rejected },
        { label: "Saved jobs", value: d.saved_jobs },
      ];
    case "employer":
      return [
        { label: "Open jobs", value: d.open_jobs, hint: "open or on hold" },
        { label: "New applications this week", value: d.new_applications_this_week },
        { label: "Hires this month", value: d.hires_this_month },
      ];
    case "manager":
      return [
        { label: "Submissions", value: d.funnel.submissions, hint: `${d.period.from} – ${d.period.to}` },
        { label: "Interviews", value: d.funnel.interviews },
        { label: "Offers", value: d.funnel.offers },
        { label: "Hires", value: d.funnel.hires },
        { label: "Open requirements", value: d.ageing.total },
      ];
    case "recruiter":
      return [
        { label: "Open requirements", value: d.open_requirements.length },
        { label: "Submissions this week", value: d.submissions_this_week },
        { label: "In interview stages", value: d.in_interview_stages },
      ];
  }
}
