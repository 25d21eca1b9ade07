import type { ReactNode } from "react";

/** A results cell's spacing. */
export const cellClass = "px-3 py-2 align-top";

/** A scrollable results table: `headers` become column headers, `children` the body rows. */
export function ListTable({ headers, children }: { headers: readonly ReactNode[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm dark:divide-slate-800">
        <thead className="bg-slate-50 dark:bg-slate-900">
          <tr>
            {headers.map((header, i) => (
              <th key={i} scope="col" className="px-3 py-2 font-medium text-slate-600 dark:text-slate-400">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}
