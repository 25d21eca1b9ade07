import { describe, expect, it } from "vitest";
import { pipelineCharts, pipelineKpis, requirementsCharts } from "../analyticsCharts";
import { pipelineReport, requirementsReport } from "./fixtures";

describe("pipeline report as charts", () => {
  it("keeps the totals as KPI figures", () => {
    expect(pipelineKpis(pipelineReport()).map((k) => [k.label, k.value])).toEqual([
      ["Applications", 3],
      ["Active", 1],
      ["Hired", 1],
      ["Rejected", 1],
    ]);
  });

  it("maps reached, current and conversion per stage, in position order", () => {
    const report = pipelineReport();
    report.stages.reverse();
    const [conversion] = pipelineCharts(report);
    expect(conversion!.series.map((s) => [s.key, s.plotted ?? true, s.format ?? "count"])).toEqual([
      ["reached", true, "count"],
      ["current", true, "count"],
      ["conversion", false, "percent"],
    ]);
    expect(conversion!.rows.map((r) => [r.label, r.values])).toEqual([
      ["Applied", { reached: 3, current: 0, conversion: null }],
      ["Screening", { reached: 3, current: 0, conversion: 1 }],
      ["Interview", { reached: 1, current: 1, conversion: 0.33 }],
      ["Offer", { reached: 0, current: 0, conversion: 0 }],
      ["Hired", { reached: 1, current: 1, conversion: null }],
      ["Rejected", { reached: 1, current: 1, conversion: 1 }],
    ]);
  });

  it("maps the mean and median days in stage, null where there are no samples", () => {
    const [, time] = pipelineCharts(pipelineReport());
    expect(time!.rows.map((r) => [r.label, r.values])).toEqual([
      ["Applied", { avg: 3.33, median: 4 }],
      ["Screening", { avg: 2, median: 2 }],
      ["Interview", { avg: 15, median: 15 }],
      ["Offer", { avg: null, median: null }],
      ["Hired", { avg: null, median: null }],
      ["Rejected", { avg: null, median: null }],
    ]);
    expect(time!.series.every((s) => s.format === "days")).toBe(true);
  });
});

describe("requirements report as charts", () => {
  it("maps the totals per bucket, and clients and recruiters stacked by bucket with their total", () => {
    const [totals, byClient, byRecruiter] = requirementsCharts(requirementsReport());
    expect(totals!.rows.map((r) => [r.label, r.values.count])).toEqual([
      ["0–7 days", 1],
      ["8–15 days", 1],
      ["16–30 days", 1],
      ["31–60 days", 0],
      ["61+ days", 1],
    ]);
    expect(byClient!.stacked).toBe(true);
    expect(byClient!.rows.map((r) => [r.id, r.label, r.values])).toEqual([
      ["client:Acme", "Acme", { days_0_7: 1, days_8_15: 0, days_16_30: 0, days_31_60: 0, days_61_plus: 1, total: 2 }],
      ["client:Globex", "Globex", { days_0_7: 0, days_8_15: 0, days_16_30: 1, days_31_60: 0, days_61_plus: 0, total: 1 }],
      ["no-client", "No client", { days_0_7: 0, days_8_15: 1, days_16_30: 0, days_31_60: 0, days_61_plus: 0, total: 1 }],
    ]);
    expect(byRecruiter!.rows.map((r) => [r.id, r.label, r.values.total])).toEqual([
      ["r-ann", "Ann Recruiter", 2],
      ["r-bob", "Bob Recruiter", 1],
      ["no-recruiter", "No recruiter", 2],
    ]);
  });
});
