import { beforeEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../api";
import { ApiError } from "../apiError";
import { getAccessToken, setAccessToken } from "../session";

type Call = { url: string; init: RequestInit };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
  });
}

const unauthorized = () => json(401, { type: "about:blank", title: "Unauthorized", status: 401, code: "unauthenticated" });

function header(call: Call, name: string): string | null {
  return new Headers(call.init.headers).get(name);
}

/** A fake server: `routes` answers by "METHOD path"; every call is recorded. */
function fakeServer(handler: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return handler(call);
  });
  return { calls, fetch: fetchMock as unknown as typeof fetch };
}

describe("api module", () => {
  beforeEach(() => setAccessToken(null));

  it("attaches the access token and X-Client: web", async () => {
    setAccessToken("token-1");
    const server = fakeServer(() => json(200, { id: "me" }));
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: vi.fn() });

    await expect(client.get("/api/me")).resolves.toEqual({ id: "me" });

    expect(server.calls).toHaveLength(1);
    expect(header(server.calls[0]!, "Authorization")).toBe("Bearer token-1");
    expect(header(server.calls[0]!, "X-Client")).toBe("web");
    expect(server.calls[0]!.init.credentials).toBe("include");
  });

  it("builds the URL from the base and drops empty query values", async () => {
    setAccessToken("t");
    const server = fakeServer(() => json(200, {}));
    const client = createApiClient({ baseUrl: "https://api.example.test", fetch: server.fetch, onSessionExpired: vi.fn() });
    await client.get("/api/notifications", { order: "newest", unread_only: undefined, page: 2 });
    expect(server.calls[0]!.url).toBe("https://api.example.test/api/notifications?order=newest&page=2");
  });

  it("on a 401 refreshes once with the cookie and retries with the new token", async () => {
    setAccessToken("stale");
    const server = fakeServer((call) => {
      if (call.url.endsWith("/api/auth/refresh")) return json(200, { require_2fa: false, access_token: "fresh" });
      return header(call, "Authorization") === "Bearer fresh" ? json(200, { ok: true }) : unauthorized();
    });
    const expired = vi.fn();
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: expired });

    await expect(client.get("/api/me")).resolves.toEqual({ ok: true });

    expect(server.calls.map((c) => c.url)).toEqual(["/api/me", "/api/auth/refresh", "/api/me"]);
    const refresh = server.calls[1]!;
    expect(refresh.init.method).toBe("POST");
    expect(refresh.init.credentials).toBe("include");
    expect(header(refresh, "Authorization")).toBeNull();
    expect(header(refresh, "X-Client")).toBe("web");
    expect(getAccessToken()).toBe("fresh");
    expect(expired).not.toHaveBeenCalled();
  });

  it("retries only once: a second 401 ends the session", async () => {
    setAccessToken("stale");
    const server = fakeServer((call) =>
      call.url.endsWith("/api/auth/refresh") ? json(200, { require_2fa: false, access_token: "fresh" }) : unauthorized(),
    );
    const expired = vi.fn();
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: expired });

    await expect(client.get("/api/me")).rejects.toMatchObject({ status: 401 });
    expect(server.calls.filter((c) => c.url.endsWith("/api/auth/refresh"))).toHaveLength(1);
    expect(server.calls.filter((c) => c.url === "/api/me")).toHaveLength(2);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(getAccessToken()).toBeNull();
  });

  it("concurrent 401s share one refresh", async () => {
    setAccessToken("stale");
    let releaseRefresh: () => void = () => {};
    const refreshGate = new Promise<void>((resolve) => (releaseRefresh = resolve));
    const server = fakeServer(async (call) => {
      if (call.url.endsWith("/api/auth/refresh")) {
        await refreshGate;
        return json(200, { require_2fa: false, access_token: "fresh" });
      }
      return header(call, "Authorization") === "Bearer fresh" ? json(200, { url: call.url }) : unauthorized();
    });
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: vi.fn() });

    const all = Promise.all([client.get("/api/a"), client.get("/api/b"), client.get("/api/c")]);
    await vi.waitFor(() => expect(server.calls.filter((c) => c.url.endsWith("/refresh"))).toHaveLength(1));
    releaseRefresh();
    await expect(all).resolves.toEqual([{ url: "/api/a" }, { url: "/api/b" }, { url: "/api/c" }]);
    expect(server.calls.filter((c) => c.url.endsWith("/api/auth/refresh"))).toHaveLength(1);
  });

  it("when the refresh fails, clears the session and sends the user to sign-in", async () => {
    setAccessToken("stale");
    const server = fakeServer((call) =>
      call.url.endsWith("/api/auth/refresh")
        ? json(401, { type: "about:blank", title: "Unauthorized", status: 401, code: "invalid_refresh_token" })
        : unauthorized(),
    );
    const expired = vi.fn();
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: expired });

    const error = await client.get("/api/me").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(getAccessToken()).toBeNull();
    expect(server.calls.filter((c) => c.url === "/api/me")).toHaveLength(1);
  });

  it("without a token in memory (page reload) restores the session from the cookie first", async () => {
    const server = fakeServer((call) =>
      call.url.endsWith("/api/auth/refresh")
        ? json(200, { require_2fa: false, access_token: "restored" })
        : json(200, { token: header(call, "Authorization") }),
    );
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: vi.fn() });
    await expect(client.get("/api/me")).resolves.toEqual({ token: "Bearer restored" });
  });

  it("public calls send no token and never refresh on 401", async () => {
    setAccessToken("token-1");
    const server = fakeServer(() =>
      json(401, { type: "about:blank", title: "Unauthorized", status: 401, code: "invalid_credentials", detail: "Wrong email or password." }),
    );
    const expired = vi.fn();
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: expired });

    await expect(
      client.request("/api/auth/login", { method: "POST", body: { email: "a@b.c", password: "x" }, auth: false }),
    ).rejects.toMatchObject({ status: 401, code: "invalid_credentials", detail: "Wrong email or password." });
    expect(server.calls).toHaveLength(1);
    expect(header(server.calls[0]!, "Authorization")).toBeNull();
    expect(expired).not.toHaveBeenCalled();
    expect(getAccessToken()).toBe("token-1");
  });

  it("maps problem+json to ApiError with status, code, detail and field errors", async () => {
    setAccessToken("t");
    const server = fakeServer(() =>
      json(422, {
        type: "https://hireops.dev/problems/validation",
        title: "Validation failed",
        status: 422,
        code: "validation_failed",
        detail: "Some fields are invalid.",
        errors: [
          { field: "participant_ids[0]", code: "unknown_user", message: "No such user." },
          { field: "subject", code: "too_long", message: "At most 200 characters." },
        ],
      }),
    );
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: vi.fn() });

    const error = (await client.post("/api/messaging/conversations", {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe("validation_failed");
    expect(error.detail).toBe("Some fields are invalid.");
    expect(error.fields).toEqual({ "participant_ids[0]": "No such user.", subject: "At most 200 characters." });
  });

  it("keeps Retry-After and copes with non-JSON error bodies", async () => {
    setAccessToken("t");
    const server = fakeServer((call) =>
      call.url.endsWith("/limited")
        ? json(429, { type: "x", title: "Too many", status: 429, code: "rate_limited" }, { "Retry-After": "42" })
        : new Response("<html>bad gateway</html>", { status: 502, statusText: "Bad Gateway" }),
    );
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: vi.fn() });

    await expect(client.get("/limited")).rejects.toMatchObject({ code: "rate_limited", retryAfter: 42 });
    await expect(client.get("/broken")).rejects.toMatchObject({ status: 502, code: "http_502" });
  });

  it("reports an unreachable server as network_error", async () => {
    setAccessToken("t");
    const client = createApiClient({
      baseUrl: "",
      fetch: (() => Promise.reject(new TypeError("Failed to fetch"))) as unknown as typeof fetch,
      onSessionExpired: vi.fn(),
    });
    await expect(client.get("/api/me")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });

  it("answers undefined for 204 No Content", async () => {
    setAccessToken("t");
    const server = fakeServer(() => new Response(null, { status: 204 }));
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: vi.fn() });
    await expect(client.post("/api/notifications/x/read")).resolves.toBeUndefined();
  });

  it("sends a FormData body as multipart without a JSON content type", async () => {
    setAccessToken("token-1");
    const server = fakeServer(() => json(202, { import_id: "i1" }));
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: vi.fn() });
    const form = new FormData();
    form.set("file", new Blob(["email,full_name,role\n"]), "users.csv");

    await expect(client.request("/api/admin/users/bulk", { method: "POST", form })).resolves.toEqual({ import_id: "i1" });
    const call = server.calls[0]!;
    expect(call.init.body).toBe(form);
    expect(header(call, "Content-Type")).toBeNull();
    expect(header(call, "Authorization")).toBe("Bearer token-1");
  });

  it("downloads a file answer with its name, refreshing on 401 like any call", async () => {
    setAccessToken("old");
    let first = true;
    const server = fakeServer((call) => {
      if (call.url === "/api/auth/refresh") return json(200, { access_token: "new", token_type: "Bearer", expires_in: 900 });
      if (first) {
        first = false;
        return unauthorized();
      }
      return new Response("id,action\n1,users.update\n", {
        status: 200,
        headers: { "Content-Type": "text/csv", "Content-Disposition": 'attachment; filename="audit-log.csv"' },
      });
    });
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: vi.fn() });

    const file = await client.download("/api/admin/audit-logs/export", { query: { outcome: "denied" } });
    expect(file.fileName).toBe("audit-log.csv");
    expect(await file.blob.text()).toBe("id,action\n1,users.update\n");
    expect(server.calls.at(-1)!.url).toBe("/api/admin/audit-logs/export?outcome=denied");
    expect(header(server.calls.at(-1)!, "Authorization")).toBe("Bearer new");
  });

  it("turns a refused download into an ApiError", async () => {
    setAccessToken("t");
    const server = fakeServer(() => json(422, { type: "about:blank", title: "x", status: 422, code: "validation_failed", errors: [{ field: "from", code: "invalid", message: "Not a date." }] }));
    const client = createApiClient({ baseUrl: "", fetch: server.fetch, onSessionExpired: vi.fn() });
    await expect(client.download("/api/admin/audit-logs/export")).rejects.toMatchObject({ status: 422, fields: { from: "Not a date." } });
  });
});
