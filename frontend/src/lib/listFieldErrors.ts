import type { ProblemField } from "../api/types";
import { ApiError } from "../services/apiError";

export interface ListFieldErrors {
  /** Per row index: `{ role: "…" }` for `members[2].role`, `{ "": "…" }` for `agency_ids[0]`. First message per field. */
  rows: Map<number, Record<string, string>>;
  /** Errors that name no row of the list (e.g. `stages`, or another field). */
  rest: ProblemField[];
}

/**
 * Splits a 422's errors on a list body (`members[i].user_id`, `agency_ids[i]`)
 * by row, so each editor row can show its own; the index is the one in the
 * array as it was sent.
 */
export function listFieldErrors(error: unknown, list: string): ListFieldErrors {
  const rows = new Map<number, Record<string, string>>();
  const rest: ProblemField[] = [];
  if (!(error instanceof ApiError)) return { rows, rest };
  const pattern = new RegExp(`^${list.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\[(\\d+)\\](?:\\.(.+))?$`);
  for (const f of error.fieldErrors) {
    const match = pattern.exec(f.field);
    if (!match) {
      rest.push(f);
      continue;
    }
    const index = Number(match[1]);
    const row = rows.get(index) ?? {};
    row[match[2] ?? ""] ??= f.message;
    rows.set(index, row);
  }
  return { rows, rest };
}
