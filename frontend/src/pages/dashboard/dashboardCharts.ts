import type { Dashboard } from "../../api/types";
import { ageingChart, humanize, keyCountChart } from "../../features/charts/builders";
import type { ChartSpec } from "../../features/charts/chartModel";
import { priorities, wordFor } from "../../features/recruiting/labels";

/**
 * The breakdowns of each dashboard variant as charts (docs/search-and-dashboards.md).
 * The API has no time series yet (the manager's period is one total), so every chart is a bar chart.
 */
export function dashboardCharts(d: Dashboard): ChartSpec[] {
  switch (d.kind) {
    case "platform":
      return [
        keyCountChart({ id: "companies-by-type", title: "Companies by type", category: "Type", seriesLabel: "Companies", emptyText: "No companies yet." }, d.companies_by_type, humanize),
        keyCountChart({ id: "companies-by-status", title: "Companies by status", category: "Status", seriesLabel: "Companies", emptyText: "No companies yet." }, d.companies_by_status, humanize),
        keyCountChart({ id: "users-by-status", title: "Users by status", category: "Status", seriesLabel: "Users", emptyText: "No users yet." }, d.users_by_status, humanize),
      ];
    case "candidate":
      return [
        {
          id: "applications-by-state",
          title: "My applications by state",
          category: "State",
          series: [{ key: "count", label: "Applications" }],
          rows: [
            { id: "active", label: "Active", values: { count: d.counts.active } },
            { id: "hired", label: "Hired", values: { count: d.counts.hired } },
            { id: "rejected", label: "Not selected", values: { count: d.counts.rejected } },
          ],
          emptyText: "No applications yet.",
        },
      ];
    case "employer":
      return [
        keyCountChart({ id: "applicants-by-stage", title: "Applicants by stage", category: "Stage", seriesLabel: "Applicants", emptyText: "No applicants on open jobs yet." }, d.applicants_by_stage),
      ];
    case "manager":
      return [
        {
          id: "activity",
          title: `Activity, ${d.period.from} – ${d.period.to}`,
          category: "Step",
          series: [{ key: "count", label: "Applications" }],
          rows: (
            [
              ["submissions", "Submissions"],
              ["interviews", "Interviews"],
              ["offers", "Offers"],
              ["hires", "Hires"],
              ["rejections", "Rejections"],
            ] as const
          ).map(([key, label]) => ({ id: key, label, values: { count: d.funnel[key] } })),
          emptyText: "No activity in this period.",
        },
        {
          id: "recruiters",
          title: "Recruiter performance",
          category: "Recruiter",
          horizontal: true,
          series: [
            { key: "submissions", label: "Submissions" },
            { key: "interviews", label: "Interviews" },
            { key: "offers", label: "Offers" },
            { key: "hires", label: "Hires" },
            { key: "rejections", label: "Rejections", plotted: false },
            { key: "active_requirements", label: "Open requirements", plotted: false },
          ],
          rows: d.recruiters.map((r) => ({
            id: r.recruiter.id,
            label: r.recruiter.name,
            values: { submissions: r.submissions, interviews: r.interviews, offers: r.offers, hires: r.hires, rejections: r.rejections, active_requirements: r.active_requirements },
          })),
          emptyText: "No recruiter activity in this period.",
        },
        keyCountChart(
          { id: "requirements-by-priority", title: "Open requirements by priority", category: "Priority", seriesLabel: "Requirements", emptyText: "No open requirements." },
          d.open_requirements_by_priority,
          (key) => wordFor(priorities, key),
        ),
        ageingChart({ id: "requirements-by-age", title: "Open requirements by age", emptyText: "No open requirements." }, d.ageing),
      ];
    case "recruiter":
      return [
        keyCountChart({ id: "pipeline-by-stage", title: "My pipeline by stage", category: "Stage", seriesLabel: "Applications", emptyText: "No applications in your pipeline yet." }, d.pipeline_by_stage),
        {
          id: "my-requirements",
          title: "My open requirements, days open",
          category: "Requirement",
          horizontal: true,
          series: [{ key: "days", label: "Days open" }],
          rows: d.open_requirements.map((r) => ({ id: r.id, label: `${r.reference} · ${r.title}${r.client ? ` (${r.client})` : ""}`, values: { days: r.ageing_days } })),
          emptyText: "No open requirements on your team.",
        },
      ];
  }
}
