import { X } from "lucide-react";
import type { ReactNode } from "react";

/** A filter set from outside the form (a click on a name, a link), shown as a removable chip. */
export function FilterChip({ children, removeLabel, onRemove }: { children: ReactNode; removeLabel: string; onRemove: () => void }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-3 py-1 text-sm dark:bg-slate-800">
      {children}
      <button type="button" aria-label={removeLabel} onClick={onRemove} className="rounded-full p-0.5 hover:bg-slate-200 dark:hover:bg-slate-700">
        <X aria-hidden className="size-3" />
      </button>
    </span>
  );
}
