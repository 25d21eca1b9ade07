import { Table2 } from "lucide-react";
import { lazy, Suspense, useId, useState } from "react";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { chartSummary, isDrawable, type ChartSpec } from "./chartModel";
import { ChartTable } from "./ChartTable";

// recharts loads with the first chart, so the public site's bundle never carries it.
const BarChartView = lazy(() => import("./BarChartView"));

const ROW_HEIGHT = 28;

/** Room for every bar of a horizontal chart; vertical charts keep one height. */
export function chartHeight(spec: ChartSpec): number {
  if (!spec.horizontal) return 256;
  const bars = spec.stacked ? 1 : spec.series.filter((s) => s.plotted !== false).length;
  return Math.max(160, spec.rows.length * ROW_HEIGHT * Math.max(1, bars * 0.6) + 60);
}

/**
 * A titled chart with its figures as a table: screen readers get the summary
 * (role="img") and the table (visually hidden until "Show as table" is pressed).
 */
export function ChartFigure({ spec, headingLevel = 2 }: { spec: ChartSpec; headingLevel?: 2 | 3 }) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const drawable = isDrawable(spec);
  const showChart = drawable && !asTable;

  return (
    <section aria-labelledby={headingId} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <Heading id={headingId} className="font-medium">
          {spec.title}
        </Heading>
        {drawable && (
          <Button variant="ghost" className="px-2 py-1 text-xs" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            <Table2 aria-hidden className="size-4" /> Show as table
          </Button>
        )}
      </div>
      {!drawable && <p className="text-sm text-slate-500 dark:text-slate-400">{spec.emptyText}</p>}
      {showChart && (
        <div role="img" aria-label={chartSummary(spec)} style={{ height: chartHeight(spec) }} className="w-full">
          <Suspense fallback={<Spinner label="Loading chart" />}>
            <BarChartView spec={spec} />
          </Suspense>
        </div>
      )}
      {spec.rows.length > 0 && <ChartTable spec={spec} shown={!showChart} />}
    </section>
  );
}
