import type { ReactNode } from "react";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";
import { Alert } from "./Alert";
import { Button } from "./Button";

interface QueryErrorProps {
  title?: string;
  error: unknown;
  /** Offers "Try again". */
  onRetry?: () => void;
  /** Names for the API's field names, so a refused filter reads "Applied from: …" rather than "submitted_from: …". */
  fieldLabels?: Readonly<Record<string, string>>;
  /** More buttons beside "Try again" (e.g. "Clear filters"). */
  actions?: ReactNode;
}

/** A query's failure in words; a 422's field errors are listed by field. */
export function QueryError({ title, error, onRetry, fieldLabels = {}, actions }: QueryErrorProps) {
  return (
    <Alert title={title}>
      {isApiError(error) && error.fieldErrors.length > 0
        ? error.fieldErrors.map((f) => `${fieldLabels[f.field] ?? f.field}: ${f.message}`).join("; ")
        : errorMessage(error)}
      {(onRetry || actions) && (
        <div className="mt-2 flex flex-wrap gap-2">
          {onRetry && (
            <Button variant="secondary" onClick={onRetry}>
              Try again
            </Button>
          )}
          {actions}
        </div>
      )}
    </Alert>
  );
}
