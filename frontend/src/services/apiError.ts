import type { Problem, ProblemField } from "../api/types";

/** Any failed API call: the problem+json document, flattened for the UI. */
export class ApiError extends Error {
  readonly status: number;
  /** Stable machine code, e.g. `messaging_pair_blocked`; `network_error` when no answer came. */
  readonly code: string;
  readonly detail: string | null;
  /** Per-field errors of a 422, as the API sent them. */
  readonly fieldErrors: ProblemField[];
  /** Seconds from Retry-After on 429s. */
  readonly retryAfter: number | null;
  /** The record a 409 `duplicate_candidate` / `already_applied` points at. */
  readonly existingId: string | null;

  constructor(init: {
    status: number;
    code: string;
    title?: string;
    detail?: string | null;
    fieldErrors?: ProblemField[];
    retryAfter?: number | null;
    existingId?: string | null;
  }) {
    super(init.detail ?? init.title ?? init.code);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail ?? null;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter ?? null;
    this.existingId = init.existingId ?? null;
  }

  /** First message per field, e.g. { email: "…", "participant_ids[0]": "…" }. */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.fieldErrors) out[f.field] ??= f.message;
    return out;
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null && "code" in body && "status" in body;
}

/** Builds the ApiError for a non-2xx response (problem+json when the API sent one). */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty 502): keep the status only.
  }
  const retryHeader = response.headers.get("Retry-After");
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
  if (isProblem(body)) {
    return new ApiError({
      status: response.status,
      code: body.code,
      title: body.title,
      detail: body.detail ?? null,
      fieldErrors: body.errors ?? [],
      retryAfter,
      existingId: body.existing_id ?? null,
    });
  }
  return new ApiError({ status: response.status, code: `http_${response.status}`, title: response.statusText, retryAfter });
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
