import { vi } from "vitest";

export interface RecordedCall {
  method: string;
  url: string;
  body: unknown;
  headers: Headers;
}

export type Route = (call: RecordedCall) => Response | Promise<Response> | undefined;

export function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse(status, { type: "about:blank", title: code, status, code, ...extra });
}

/** Replaces global fetch with `route`; unanswered calls fail the test loudly. */
export function installFakeFetch(route: Route) {
  const calls: RecordedCall[] = [];
  const mock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: RecordedCall = {
      method: init.method ?? "GET",
      url: String(input),
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
      headers: new Headers(init.headers),
    };
    calls.push(call);
    const answer = await route(call);
    if (!answer) throw new Error(`unexpected request ${call.method} ${call.url}`);
    return answer;
  });
  vi.stubGlobal("fetch", mock);
  return calls;
}
