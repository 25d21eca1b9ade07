import { errorMessage } from "../../lib/errorMessages";
import { ApiError } from "../../services/apiError";

/**
 * What a form must still say after its known fields took their 422 errors:
 * null when everything landed on a field, else the message plus the field
 * errors no input shows (e.g. `skills[0].name: …`).
 */
export function leftoverError(error: unknown, known: readonly string[]): string | null {
  if (!error) return null;
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return errorMessage(error);
  const rest = error.fieldErrors.filter((f) => !known.includes(f.field));
  if (rest.length === 0) return null;
  return rest.map((f) => `${f.field}: ${f.message}`).join("; ");
}
