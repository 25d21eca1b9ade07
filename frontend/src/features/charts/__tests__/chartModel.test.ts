import { describe, expect, it } from "vitest";
import { ageingChart, ageingRow, ageingSeries, humanize, keyCountChart } from "../builders";
import { chartSummary, formatValue, isDrawable, type ChartSpec } from "../chartModel";

const spec = (rows: ChartSpec["rows"], extra: Partial<ChartSpec> = {}): ChartSpec => ({
  id: "x",
  title: "Applicants by stage",
  category: "Stage",
  series: [{ key: "count", label: "Applicants" }],
  rows,
  emptyText: "None.",
  ...extra,
});

describe("chart values", () => {
  it("formats counts, percentages of a 0–1 ratio, days and missing figures", () => {
    expect(formatValue(12)).toBe("12");
    expect(formatValue(0)).toBe("0");
    expect(formatValue(1234)).toBe("1,234");
    expect(formatValue(0.33, "percent")).toBe("33%");
    expect(formatValue(0.29, "percent")).toBe("29%");
    expect(formatValue(1.5, "percent")).toBe("150%");
    expect(formatValue(3.33, "days")).toBe("3.33");
    expect(formatValue(15, "days")).toBe("15");
    expect(formatValue(null, "days")).toBe("—");
    expect(formatValue(undefined)).toBe("—");
  });

  it("draws only when some plotted figure is above zero", () => {
    expect(isDrawable(spec([]))).toBe(false);
    expect(isDrawable(spec([{ id: "a", label: "Applied", values: { count: 0 } }]))).toBe(false);
    expect(isDrawable(spec([{ id: "a", label: "Applied", values: { count: 2 } }]))).toBe(true);
    // A table-only column does not make a chart drawable.
    const tableOnly = spec([{ id: "a", label: "Applied", values: { count: 0, rate: 0.5 } }], {
      series: [{ key: "count", label: "Applicants" }, { key: "rate", label: "Rate", plotted: false }],
    });
    expect(isDrawable(tableOnly)).toBe(false);
    expect(isDrawable(spec([{ id: "a", label: "Applied", values: { count: null } }]))).toBe(false);
  });

  it("summarises a single series as label and figure", () => {
    const s = spec([
      { id: "a", label: "Applied", values: { count: 12 } },
      { id: "s", label: "Screening", values: { count: 5 } },
    ]);
    expect(chartSummary(s)).toBe("Bar chart, Applicants by stage: Applied 12; Screening 5.");
  });

  it("names each plotted series of a multi-series chart and leaves table-only columns out", () => {
    const s = spec([{ id: "a", label: "Applied", values: { reached: 3, current: 0, conv: null } }], {
      title: "Stage conversion",
      series: [
        { key: "reached", label: "Reached" },
        { key: "current", label: "In the stage now" },
        { key: "conv", label: "Conversion", format: "percent", plotted: false },
      ],
      stacked: true,
    });
    expect(chartSummary(s)).toBe("Stacked bar chart, Stage conversion: Applied: Reached 3, In the stage now 0.");
  });

  it("points to the table past twelve rows", () => {
    const rows = Array.from({ length: 14 }, (_, i) => ({ id: String(i), label: `S${i}`, values: { count: i } }));
    const summary = chartSummary(spec(rows));
    expect(summary).toContain("S11 11.");
    expect(summary).not.toContain("S12");
    expect(summary).toMatch(/And 2 more in the table\.$/);
  });
});

describe("chart builders", () => {
  it("turns the API's closed-list keys into words", () => {
    expect(humanize("pending_activation")).toBe("Pending activation");
    expect(humanize("agency")).toBe("Agency");
  });

  it("keeps [{key, count}] in the API's order with exact counts", () => {
    const c = keyCountChart({ id: "k", title: "Users by status", category: "Status", emptyText: "None." }, [
      { key: "active", count: 7 },
      { key: "deactivated", count: 0 },
    ], humanize);
    expect(c.series).toEqual([{ key: "count", label: "Count" }]);
    expect(c.rows).toEqual([
      { id: "active", label: "Active", values: { count: 7 } },
      { id: "deactivated", label: "Deactivated", values: { count: 0 } },
    ]);
  });

  it("maps ageing buckets youngest first, with a table-only total", () => {
    const a = { days_0_7: 1, days_8_15: 2, days_16_30: 3, days_31_60: 4, days_61_plus: 5, total: 15 };
    expect(ageingChart({ id: "a", title: "Age", emptyText: "None." }, a).rows.map((r) => [r.label, r.values.count])).toEqual([
      ["0–7 days", 1],
      ["8–15 days", 2],
      ["16–30 days", 3],
      ["31–60 days", 4],
      ["61+ days", 5],
    ]);
    expect(ageingRow("c", "Acme", a).values).toEqual(a);
    expect(ageingSeries.filter((s) => s.plotted === false).map((s) => s.key)).toEqual(["total"]);
  });
});
