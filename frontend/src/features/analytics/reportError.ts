import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

/** A report's failure in words: a refused parameter is named, a missing job said plainly. */
export function reportError(error: unknown, notFound = "It no longer exists or is not visible to you."): string {
  if (isApiError(error)) {
    if (error.fieldErrors.length > 0) return error.fieldErrors.map((f) => `${f.field}: ${f.message}`).join("; ");
    if (error.status === 404) return notFound;
  }
  return errorMessage(error);
}
