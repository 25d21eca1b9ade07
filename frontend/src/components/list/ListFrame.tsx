import { useId } from "react";
import { ListState, type ListStateProps } from "./ListState";

interface ListFrameProps<T> extends ListStateProps<T> {
  /** The results region's accessible name. */
  label: string;
  /** Names the region with a visually hidden h2 (keeping the page's heading outline) instead of aria-label. */
  heading?: boolean;
  /** A count line above the results, announced as they change (e.g. "12 jobs"). */
  count?: (data: T) => string;
}

/** The results region of a list page: busy while fetching, then ListState, with an optional announced count. */
export function ListFrame<T>({ label, heading = false, count, children, ...state }: ListFrameProps<T>) {
  const headingId = useId();
  return (
    <section aria-label={heading ? undefined : label} aria-labelledby={heading ? headingId : undefined} aria-busy={state.query.isFetching} className="space-y-3">
      {heading && (
        <h2 id={headingId} className="sr-only">
          {label}
        </h2>
      )}
      <ListState {...state}>
        {(data) => (
          <>
            {count && (
              <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
                {count(data)}
              </p>
            )}
            {children(data)}
          </>
        )}
      </ListState>
    </section>
  );
}
