// Shared shapes of the API's figures as chart specs: `[{key, count}]` lists and ageing buckets.
import type { Ageing, KeyCount } from "../../api/types";
import type { ChartRow, ChartSeries, ChartSpec } from "./chartModel";

/** `pending_activation` → "Pending activation": the API's closed lists in words. */
export const humanize = (key: string) => {
  const words = key.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const COUNT: ChartSeries[] = [{ key: "count", label: "Count" }];

/** One bar per `{key, count}`, in the API's order (pipeline order for stages). */
export function keyCountChart(
  base: { id: string; title: string; category: string; emptyText: string; seriesLabel?: string },
  rows: KeyCount[],
  label: (key: string) => string = (key) => key,
): ChartSpec {
  const { seriesLabel, ...rest } = base;
  return {
    ...rest,
    series: seriesLabel ? [{ key: "count", label: seriesLabel }] : COUNT,
    rows: rows.map((r) => ({ id: r.key, label: label(r.key), values: { count: r.count } })),
  };
}

type Bucket = Exclude<keyof Ageing, "total">;

/** The API's buckets (edges inclusive), youngest first; colours go from calm to alarming. */
export const ageingBuckets: readonly (readonly [Bucket, string])[] = [
  ["days_0_7", "0–7 days"],
  ["days_8_15", "8–15 days"],
  ["days_16_30", "16–30 days"],
  ["days_31_60", "31–60 days"],
  ["days_61_plus", "61+ days"],
];

/** Bucket columns plus a table-only total, for one row per client or recruiter. */
export const ageingSeries: ChartSeries[] = [
  ...ageingBuckets.map(([key, label], i) => ({ key, label, color: `var(--chart-age-${i + 1})` })),
  { key: "total", label: "Total", plotted: false },
];

export function ageingRow(id: string, label: string, a: Ageing): ChartRow {
  return { id, label, values: { days_0_7: a.days_0_7, days_8_15: a.days_8_15, days_16_30: a.days_16_30, days_31_60: a.days_31_60, days_61_plus: a.days_61_plus, total: a.total } };
}

/** The buckets of one ageing view as bars (row per bucket). */
export function ageingChart(base: { id: string; title: string; emptyText: string }, a: Ageing): ChartSpec {
  return {
    ...base,
    category: "Open for",
    series: [{ key: "count", label: "Requirements" }],
    rows: ageingBuckets.map(([key, label]) => ({ id: key, label, values: { count: a[key] } })),
  };
}
