// The one API module. Every call goes through `request`, which
//  - sends `X-Client: web`, so the refresh token stays in the HttpOnly cookie;
//  - attaches the in-memory access token;
//  - on a 401 refreshes once (shared by concurrent callers) and retries once;
//  - when the refresh fails, clears the session and sends the user to sign-in;
//  - turns every non-2xx answer into an ApiError (problem+json mapped).
import { ApiError, errorFromResponse } from "./apiError";
import { apiBaseUrl } from "./config";
import { clearSession, getAccessToken, setAccessToken } from "./session";
import type { TokenResponse } from "../api/types";

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of `body` (the browser sets the boundary). */
  form?: FormData;
  query?: Query;
  /** False for public routes (sign-in, reset request): no token, no refresh on 401. */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Runs after a failed refresh cleared the session. */
  onSessionExpired?: () => void;
}

export const REFRESH_PATH = "/api/auth/refresh";

/** Where a signed-out user goes; `next` brings them back after signing in. */
export function redirectToSignIn(): void {
  const { pathname, search } = window.location;
  if (pathname.startsWith("/sign-in")) return;
  const next = encodeURIComponent(pathname + search);
  window.location.assign(`/sign-in?next=${next}`);
}

function buildUrl(base: string, path: string, query?: Query): string {
  let url = base + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += (url.includes("?") ? "&" : "?") + qs;
  }
  return url;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const base = options.baseUrl ?? apiBaseUrl();
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const onSessionExpired = options.onSessionExpired ?? redirectToSignIn;
  let refreshing: Promise<string | null> | null = null;

  async function send(path: string, opts: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json", "X-Client": "web" };
    if (opts.body !== undefined && !opts.form) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await doFetch(buildUrl(base, path, opts.query), {
        method: opts.method ?? "GET",
        headers,
        body: opts.form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
        // The refresh cookie is scoped to /api/auth; "include" also covers a VITE_API_URL on another origin.
        credentials: "include",
        signal: opts.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
      throw new ApiError({ status: 0, code: "network_error", detail: "The server could not be reached." });
    }
  }

  /** Exchanges the refresh cookie for a new access token; concurrent callers share one request. */
  function refreshSession(): Promise<string | null> {
    refreshing ??= (async () => {
      try {
        const response = await send(REFRESH_PATH, { method: "POST", body: {} }, null);
        if (!response.ok) return null;
        const tokens = (await response.json()) as TokenResponse;
        if (!tokens.access_token) return null;
        setAccessToken(tokens.access_token);
        return tokens.access_token;
      } catch {
        return null;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  function expire(): void {
    clearSession();
    onSessionExpired();
  }

  async function parse<T>(response: Response): Promise<T> {
    if (!response.ok) throw await errorFromResponse(response);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    return parse<T>(await respond(path, opts));
  }

  /** A file answer (e.g. a CSV export): the body as a Blob and the file name from Content-Disposition. */
  async function download(path: string, opts: RequestOptions = {}): Promise<{ blob: Blob; fileName: string | null }> {
    const response = await respond(path, opts);
    if (!response.ok) throw await errorFromResponse(response);
    const disposition = response.headers.get("Content-Disposition") ?? "";
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { blob: await response.blob(), fileName: match?.[1] ? decodeURIComponent(match[1]) : null };
  }

  /** Sends with the token, refreshing once on a 401; the raw response of the final attempt. */
  async function respond(path: string, opts: RequestOptions): Promise<Response> {
    const auth = opts.auth ?? true;
    if (!auth) return send(path, opts, null);

    // No token yet (a fresh page load): the cookie may still hold a live session.
    let token = getAccessToken() ?? (await refreshSession());
    if (!token) {
      expire();
      throw new ApiError({ status: 401, code: "unauthenticated", detail: "Please sign in." });
    }
    let response = await send(path, opts, token);
    if (response.status === 401) {
      // Someone else may have refreshed while this call was in flight: use their token.
      const current = getAccessToken();
      token = current && current !== token ? current : await refreshSession();
      if (!token) {
        const error = await errorFromResponse(response);
        expire();
        throw error;
      }
      response = await send(path, opts, token);
      if (response.status === 401) {
        const error = await errorFromResponse(response);
        expire();
        throw error;
      }
    }
    return response;
  }

  /** Stores the token pair of a completed sign-in (login without 2FA, or 2FA verify). */
  function acceptTokens(tokens: TokenResponse): void {
    if (tokens.access_token) setAccessToken(tokens.access_token);
  }

  /** Ends the session on the server (best effort) and always forgets it locally. */
  async function signOut(): Promise<void> {
    const token = getAccessToken();
    try {
      if (token) await send("/api/auth/logout", { method: "POST" }, token);
    } finally {
      clearSession();
    }
  }

  return {
    request,
    download,
    refreshSession,
    acceptTokens,
    signOut,
    get: <T>(path: string, query?: Query) => request<T>(path, { query }),
    post: <T>(path: string, body?: unknown) => request<T>(path, { method: "POST", body }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The app's client. */
export const api = createApiClient();
