// The analytics reports (docs/search-and-dashboards.md) as KPI figures and chart specs.
import type { PipelineReport, RequirementsReport } from "../../api/types";
import { ageingChart, ageingRow, ageingSeries } from "../charts/builders";
import type { ChartSpec } from "../charts/chartModel";

export function pipelineKpis(r: PipelineReport) {
  return [
    { label: "Applications", value: r.totals.applications },
    { label: "Active", value: r.totals.active },
    { label: "Hired", value: r.totals.hired },
    { label: "Rejected", value: r.totals.rejected },
  ];
}

/** Stage conversion (a funnel of bars, stages top to bottom) and time in stage. */
export function pipelineCharts(r: PipelineReport): ChartSpec[] {
  const stages = [...r.stages].sort((a, b) => a.position - b.position);
  const id = (i: number) => `${i}-${stages[i]!.stage}`;
  return [
    {
      id: "conversion",
      title: "Stage conversion",
      category: "Stage",
      horizontal: true,
      series: [
        { key: "reached", label: "Reached" },
        { key: "current", label: "In the stage now" },
        { key: "conversion", label: "Conversion from previous stage", format: "percent", plotted: false },
      ],
      rows: stages.map((s, i) => ({ id: id(i), label: s.stage, values: { reached: s.reached, current: s.current, conversion: s.conversion_from_previous ?? null } })),
      emptyText: "No applications have entered these stages yet.",
    },
    {
      id: "time-in-stage",
      title: "Time in stage (days)",
      category: "Stage",
      series: [
        { key: "avg", label: "Average days", format: "days" },
        { key: "median", label: "Median days", format: "days" },
      ],
      rows: stages.map((s, i) => ({ id: id(i), label: s.stage, values: { avg: s.avg_days_in_stage ?? null, median: s.median_days_in_stage ?? null } })),
      emptyText: "No time in stage recorded yet.",
    },
  ];
}

/** Ageing of open requirements: all of them by bucket, then per client and per recruiter stacked by bucket. */
export function requirementsCharts(r: RequirementsReport): ChartSpec[] {
  return [
    ageingChart({ id: "ageing", title: "Open requirements by age", emptyText: "No open requirements." }, r.totals),
    {
      id: "by-client",
      title: "Ageing by client",
      category: "Client",
      stacked: true,
      horizontal: true,
      series: ageingSeries,
      rows: r.by_client.map((c) => ageingRow(c.client === null || c.client === undefined ? "no-client" : `client:${c.client}`, c.client ?? "No client", c)),
      emptyText: "No open requirements.",
    },
    {
      id: "by-recruiter",
      title: "Ageing by recruiter",
      category: "Recruiter",
      stacked: true,
      horizontal: true,
      series: ageingSeries,
      rows: r.by_recruiter.map((row) => ageingRow(row.recruiter?.id ?? "no-recruiter", row.recruiter?.name ?? "No recruiter", row)),
      emptyText: "No open requirements.",
    },
  ];
}
