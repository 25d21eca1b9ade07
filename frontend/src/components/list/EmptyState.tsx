import type { ReactNode } from "react";

/** "Nothing here" for a list, with room for a way out (clear the filters, browse…). */
export function EmptyState({ message, children }: { message: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
      <p className="font-medium">{message}</p>
      {children && <div className="mt-2 space-y-2 text-slate-600 dark:text-slate-400">{children}</div>}
    </div>
  );
}
