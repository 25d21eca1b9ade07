// What a chart shows, independent of how it is drawn: the same rows feed the
// recharts drawing, its aria-label summary and the table alternative.

export type ValueFormat = "count" | "percent" | "days";

export interface ChartSeries {
  key: string;
  label: string;
  format?: ValueFormat;
  /** False: a table-only column (e.g. a conversion rate next to counts). */
  plotted?: boolean;
  /** A CSS colour; by default the series takes `--chart-<n>` by its position. */
  color?: string;
}

export interface ChartRow {
  id: string;
  label: string;
  /** By series key; null where the API has no figure (shown as "—", not drawn). */
  values: Record<string, number | null>;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** Header of the label column, e.g. "Stage". */
  category: string;
  series: ChartSeries[];
  rows: ChartRow[];
  /** Shown instead of the drawing when there is nothing to draw. */
  emptyText: string;
  /** One bar per row with the series stacked in it (ageing buckets). */
  stacked?: boolean;
  /** Bars along the x axis: long labels (clients, names) stay readable, and stages read like a funnel. */
  horizontal?: boolean;
}

const countFormat = new Intl.NumberFormat(undefined);
const daysFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

export function formatValue(value: number | null | undefined, format: ValueFormat = "count"): string {
  if (value === null || value === undefined) return "—";
  if (format === "percent") return `${percentFormat.format(value * 100)}%`;
  if (format === "days") return daysFormat.format(value);
  return countFormat.format(value);
}

export const plottedSeries = (spec: ChartSpec) => spec.series.filter((s) => s.plotted !== false);

/** Whether any bar would have a length: all-zero or all-missing data gets the empty text instead. */
export function isDrawable(spec: ChartSpec): boolean {
  const series = plottedSeries(spec);
  return spec.rows.some((row) => series.some((s) => (row.values[s.key] ?? 0) > 0));
}

const SUMMARY_ROWS = 12;

/**
 * The aria-label of the drawing: kind, title and the plotted figures, e.g.
 * "Bar chart, Applicants by stage: Applied 12; Screening 5." Long charts name
 * their first rows and point to the table for the rest.
 */
export function chartSummary(spec: ChartSpec): string {
  const series = plottedSeries(spec);
  const kind = spec.stacked ? "Stacked bar chart" : "Bar chart";
  const single = series.length === 1;
  const parts = spec.rows.slice(0, SUMMARY_ROWS).map((row) => {
    const figures = series.map((s) => (single ? "" : `${s.label} `) + formatValue(row.values[s.key], s.format));
    return single ? `${row.label} ${figures[0]}` : `${row.label}: ${figures.join(", ")}`;
  });
  const rest = spec.rows.length - SUMMARY_ROWS;
  const more = rest > 0 ? ` And ${rest} more in the table.` : "";
  return `${kind}, ${spec.title}: ${parts.join("; ")}.${more}`;
}
