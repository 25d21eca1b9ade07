import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { ApiError } from "../services/apiError";

/**
 * Puts a 422's per-field errors on the form fields it knows; returns whether
 * any landed, so the caller shows a form-level message for the rest.
 */
export function applyFieldErrors<T extends FieldValues>(error: unknown, fields: readonly Path<T>[], setError: UseFormSetError<T>): boolean {
  if (!(error instanceof ApiError)) return false;
  let applied = false;
  for (const [field, message] of Object.entries(error.fields)) {
    const known = fields.find((f) => f === field);
    if (known) {
      setError(known, { type: "server", message });
      applied = true;
    }
  }
  return applied;
}
