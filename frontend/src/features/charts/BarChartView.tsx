// The recharts drawing of a ChartSpec. Loaded lazily by ChartFigure; its
// parent carries role="img" and the summary, so nothing in here takes focus.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatValue, plottedSeries, type ChartSpec } from "./chartModel";

const tick = { fill: "var(--chart-axis)", fontSize: 12 };
const tooltipStyle = {
  backgroundColor: "var(--chart-tooltip-bg)",
  borderColor: "var(--chart-grid)",
  color: "var(--chart-text)",
  borderRadius: 6,
  fontSize: 13,
};

const MAX_TICK = 18;

const reducedMotion = () => typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

export default function BarChartView({ spec }: { spec: ChartSpec }) {
  const series = plottedSeries(spec);
  // Row index as the category key: labels may repeat (two recruiters with one name).
  const data = spec.rows.map((row, index) => ({ index, ...Object.fromEntries(series.map((s) => [s.key, row.values[s.key] ?? null])) }));
  const labelOf = (index: unknown) => spec.rows[Number(index)]?.label ?? "";
  // Axis labels are cut to fit; the tooltip and the table keep the whole name.
  const tickLabel = (index: unknown) => {
    const label = labelOf(index);
    return label.length > MAX_TICK ? `${label.slice(0, MAX_TICK - 1)}…` : label;
  };
  const wholeNumbers = series.every((s) => (s.format ?? "count") === "count");
  const formatOf = new Map(series.map((s) => [s.key, s.format]));
  const animate = !reducedMotion();

  const category = { dataKey: "index", type: "category" as const, tickFormatter: tickLabel, tick, stroke: "var(--chart-grid)" };
  const value = { type: "number" as const, allowDecimals: !wholeNumbers, tick, stroke: "var(--chart-grid)" };

  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout={spec.horizontal ? "vertical" : "horizontal"} accessibilityLayer={false} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" horizontal={!spec.horizontal} vertical={!!spec.horizontal} />
        {spec.horizontal ? (
          <>
            <XAxis {...value} />
            <YAxis {...category} width={132} interval={0} />
          </>
        ) : (
          <>
            <XAxis {...category} />
            <YAxis {...value} width={40} />
          </>
        )}
        <Tooltip
          cursor={{ fill: "var(--chart-cursor)" }}
          contentStyle={tooltipStyle}
          labelStyle={{ color: "var(--chart-text)", fontWeight: 600 }}
          itemStyle={{ color: "var(--chart-text)" }}
          labelFormatter={labelOf}
          formatter={(v, _name, item) => formatValue(typeof v === "number" ? v : null, formatOf.get(String(item.dataKey)))}
        />
        {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12, color: "var(--chart-axis)" }} />}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color ?? `var(--chart-${(i % 6) + 1})`}
            stackId={spec.stacked ? "stack" : undefined}
            radius={spec.stacked ? 0 : 3}
            isAnimationActive={animate}
            maxBarSize={48}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
