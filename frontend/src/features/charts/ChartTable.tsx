import clsx from "clsx";
import { formatValue, type ChartSpec } from "./chartModel";

/**
 * The exact figures of a chart (every series, including table-only ones), captioned with its title.
 * Hidden visually while the chart shows (screen readers still read it); shown, it scrolls sideways on
 * narrow screens, so it takes focus then for keyboard scrolling.
 */
export function ChartTable({ spec, shown }: { spec: ChartSpec; shown: boolean }) {
  return (
    <div className={clsx(shown ? "mt-2 overflow-x-auto" : "sr-only")} tabIndex={shown ? 0 : undefined} aria-label={shown ? spec.title : undefined} role={shown ? "region" : undefined}>
      <table className="w-full text-sm">
        <caption className="sr-only">{spec.title}</caption>
        <thead className="text-xs text-slate-500 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3 text-left font-medium">
              {spec.category}
            </th>
            {spec.series.map((s) => (
              <th key={s.key} scope="col" className="px-2 py-1 text-right font-medium">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {row.label}
              </th>
              {spec.series.map((s) => (
                <td key={s.key} className="px-2 py-1 text-right tabular-nums">
                  {formatValue(row.values[s.key], s.format)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
