import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../../features/charts/chartModel";
import { dashboardCharts } from "../dashboardCharts";
import { dashboardKpis } from "../dashboardKpis";
import { candidate, employer, manager, platform, recruiter } from "./fixtures";

/** [title, [[row label, {series: value}]]] for compact exact comparisons. */
const shape = (specs: ChartSpec[]) => specs.map((s) => [s.title, s.rows.map((r) => [r.label, r.values])]);

describe("dashboard charts", () => {
  it("platform: companies and users by key, in words, exact counts", () => {
    expect(shape(dashboardCharts(platform()))).toEqual([
      ["Companies by type", [["Agency", { count: 3 }], ["Employer", { count: 5 }]]],
      ["Companies by status", [["Active", { count: 7 }], ["Suspended", { count: 1 }]]],
      ["Users by status", [["Active", { count: 41 }], ["Pending activation", { count: 4 }], ["Pending verification", { count: 2 }], ["Deactivated", { count: 0 }]]],
    ]);
    expect(dashboardKpis(platform()).map((k) => [k.label, k.value])).toEqual([
      ["Open jobs", 12],
      ["Applications", 230],
      ["Applications, last 7 days", 17],
      ["Users", 47],
    ]);
  });

  it("candidate: applications by state", () => {
    expect(shape(dashboardCharts(candidate()))).toEqual([["My applications by state", [["Active", { count: 2 }], ["Hired", { count: 1 }], ["Not selected", { count: 3 }]]]]);
  });

  it("employer: applicants by stage in pipeline order, stage names kept", () => {
    expect(shape(dashboardCharts(employer()))).toEqual([["Applicants by stage", [["Applied", { count: 9 }], ["Interview", { count: 4 }], ["Hired", { count: 1 }]]]]);
  });

  it("manager: the period's activity, recruiters, priorities and ageing", () => {
    const charts = dashboardCharts(manager());
    expect(shape(charts)).toEqual([
      ["Activity, 2026-10-23 – 2026-11-21", [["Submissions", { count: 20 }], ["Interviews", { count: 8 }], ["Offers", { count: 3 }], ["Hires", { count: 2 }], ["Rejections", { count: 6 }]]],
      [
        "Recruiter performance",
        [
          ["Ann Recruiter", { submissions: 12, interviews: 5, offers: 2, hires: 1, rejections: 4, active_requirements: 3 }],
          ["Bob Recruiter", { submissions: 8, interviews: 3, offers: 1, hires: 1, rejections: 2, active_requirements: 1 }],
        ],
      ],
      ["Open requirements by priority", [["Low", { count: 1 }], ["Medium", { count: 2 }], ["High", { count: 1 }], ["Critical", { count: 0 }]]],
      ["Open requirements by age", [["0–7 days", { count: 1 }], ["8–15 days", { count: 1 }], ["16–30 days", { count: 1 }], ["31–60 days", { count: 0 }], ["61+ days", { count: 1 }]]],
    ]);
    // Rejections and open requirements are table-only next to the funnel bars.
    expect(charts[1]!.series.filter((s) => s.plotted === false).map((s) => s.key)).toEqual(["rejections", "active_requirements"]);
    expect(charts[1]!.rows.map((r) => r.id)).toEqual(["r1", "r2"]);
  });

  it("recruiter: pipeline by stage and each open requirement's days open", () => {
    expect(shape(dashboardCharts(recruiter()))).toEqual([
      ["My pipeline by stage", [["Applied", { count: 4 }], ["Screening", { count: 2 }]]],
      ["My open requirements, days open", [["REQ-0003 · QA (Acme)", { days: 70 }], ["REQ-0001 · Java Lead", { days: 3 }]]],
    ]);
  });
});
