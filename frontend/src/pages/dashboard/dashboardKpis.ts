import type { Dashboard, KeyCount } from "../../api/types";

export interface Kpi {
  label: string;
  value: number;
  hint?: string;
}

export interface Breakdown {
  title: string;
  rows: KeyCount[];
}

const sum = (rows: KeyCount[]) => rows.reduce((n, r) => n + r.count, 0);

/** The headline numbers of each dashboard variant (docs/search-and-dashboards.md). */
export function dashboardKpis(d: Dashboard): { kpis: Kpi[]; breakdowns: Breakdown[] } {
  switch (d.kind) {
    case "platform":
      return {
        kpis: [
          { label: "Open jobs", value: d.open_jobs, hint: "open or on hold" },
          { label: "Applications", value: d.applications_total },
          { label: "Applications, last 7 days", value: d.applications_last_7_days },
          { label: "Users", value: sum(d.users_by_status) },
        ],
        breakdowns: [
          { title: "Companies by type", rows: d.companies_by_type },
          { title: "Companies by status", rows: d.companies_by_status },
          { title: "Users by status", rows: d.users_by_status },
        ],
      };
    case "candidate":
      return {
        kpis: [
          { label: "Active applications", value: d.counts.active },
          { label: "Hired", value: d.counts.hired },
          { label: "Not selected", value: d.counts.rejected },
          { label: "Saved jobs", value: d.saved_jobs },
        ],
        breakdowns: [],
      };
    case "employer":
      return {
        kpis: [
          { label: "Open jobs", value: d.open_jobs, hint: "open or on hold" },
          { label: "New applications this week", value: d.new_applications_this_week },
          { label: "Hires this month", value: d.hires_this_month },
        ],
        breakdowns: [{ title: "Applicants by stage", rows: d.applicants_by_stage }],
      };
    case "manager":
      return {
        kpis: [
          { label: "Submissions", value: d.funnel.submissions, hint: `${d.period.from} – ${d.period.to}` },
          { label: "Interviews", value: d.funnel.interviews },
          { label: "Offers", value: d.funnel.offers },
          { label: "Hires", value: d.funnel.hires },
          { label: "Open requirements", value: d.ageing.total },
        ],
        breakdowns: [{ title: "Open requirements by priority", rows: d.open_requirements_by_priority }],
      };
    case "recruiter":
      return {
        kpis: [
          { label: "Open requirements", value: d.open_requirements.length },
          { label: "Submissions this week", value: d.submissions_this_week },
          { label: "In interview stages", value: d.in_interview_stages },
        ],
        breakdowns: [{ title: "My pipeline by stage", rows: d.pipeline_by_stage }],
      };
  }
}
