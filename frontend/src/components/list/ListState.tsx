import type { ReactNode } from "react";
import { QueryError } from "../ui/QueryError";
import { Spinner } from "../ui/Spinner";

/** What the list frame reads from a TanStack query result. */
export interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

export interface ListStateProps<T> {
  query: ListQuery<T>;
  /** The spinner's words, e.g. "Loading users". */
  pendingLabel: string;
  errorTitle?: string;
  /** Offers "Try again" on an error. */
  retry?: boolean;
  /** More buttons in the error (e.g. "Clear filters"). */
  errorActions?: ReactNode;
  /** Labels for a 422's field names (see QueryError). */
  fieldLabels?: Readonly<Record<string, string>>;
  isEmpty: (data: T) => boolean;
  /** Shown when `isEmpty(data)`; usually an EmptyState. */
  empty: ReactNode;
  children: (data: T) => ReactNode;
}

/** One of: loading, the error in words, the empty state, or the results. */
export function ListState<T>({ query, pendingLabel, errorTitle, retry, errorActions, fieldLabels, isEmpty, empty, children }: ListStateProps<T>) {
  if (query.isPending) return <Spinner label={pendingLabel} />;
  if (query.isError) {
    return <QueryError title={errorTitle} error={query.error} onRetry={retry ? () => void query.refetch() : undefined} fieldLabels={fieldLabels} actions={errorActions} />;
  }
  if (query.data === undefined) return null;
  return <>{isEmpty(query.data) ? empty : children(query.data)}</>;
}
