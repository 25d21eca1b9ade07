import clsx from "clsx";
import { Search } from "lucide-react";
import type { ReactNode, RefObject } from "react";
import { Button } from "../ui/Button";

// Whole class names, so Tailwind sees them.
const grids = { 2: "sm:grid-cols-2", 3: "sm:grid-cols-2 lg:grid-cols-3", 4: "sm:grid-cols-2 lg:grid-cols-4", 6: "sm:grid-cols-2 lg:grid-cols-6" } as const;
const spans = { 2: "sm:col-span-2", 3: "sm:col-span-2 lg:col-span-3", 4: "sm:col-span-2 lg:col-span-4", 6: "sm:col-span-2 lg:col-span-6" } as const;

interface FilterBarProps {
  /** The search landmark's name, e.g. "Filter users". */
  label: string;
  /** `key` of useUrlFilters: the form is rebuilt when the URL changes, so its inputs show the URL's values. */
  resetKey: string;
  formRef?: RefObject<HTMLFormElement | null>;
  /** Applies the typed text filters (the default action is prevented). */
  onSubmit: () => void;
  columns?: keyof typeof grids;
  submitLabel?: string;
  /** Shows the clear button (pass it only while a filter is set). */
  onClear?: (() => void) | undefined;
  clearLabel?: string;
  /** Beside the buttons: filter chips and the like. */
  extra?: ReactNode;
  children: ReactNode;
}

/** The filter form of a list page: a responsive grid of fields, then Apply / Clear. */
export function FilterBar({ label, resetKey, formRef, onSubmit, columns = 4, submitLabel = "Apply", onClear, clearLabel = "Clear filters", extra, children }: FilterBarProps) {
  return (
    <form
      ref={formRef}
      key={resetKey}
      role="search"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      className={clsx("grid gap-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900", grids[columns])}
    >
      {children}
      <div className={clsx("flex flex-wrap items-end gap-2", spans[columns])}>
        <Button type="submit">
          <Search aria-hidden className="size-4" /> {submitLabel}
        </Button>
        {onClear && (
          <Button variant="ghost" onClick={onClear}>
            {clearLabel}
          </Button>
        )}
        {extra}
      </div>
    </form>
  );
}
