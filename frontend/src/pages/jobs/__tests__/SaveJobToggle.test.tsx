import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../../api/types";
import { clearSession } from "../../../services/session";
import { installFakeFetch, jsonResponse, problem, type RecordedCall } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { JobPage } from "../JobPage";
import { job, jobId } from "./fixtures";

const savedPath = `/api/candidate/saved-jobs/${jobId}`;
const savedView = { job: { id: jobId, title: "Frontend Developer (React)", company_name: "Bluepeak Staffing", location: "London", published: true }, saved_at: "2026-11-20T10:00:00Z" };

function person(roles: string[], permissions: string[]): Me {
  return { id: "01a1fd7c-0000-7000-8000-0000000000u1", email: "someone@example.com", full_name: "Sam Doe", status: "active", roles, permissions, company: null };
}
const candidateUser = person(["candidate"], ["candidate:self"]);
const recruiter = { ...person(["recruiter"], ["jobs:read", "candidates:read"]), company: { id: "co1", name: "Northwind Talent", type: "agency" } } as Me;

/** A signed-in session (the refresh cookie works) for `who`; `saved` answers the saved-job routes. */
function setup(who: Me | null, saved: (call: RecordedCall) => Response = () => problem(404, "not_found")) {
  const calls = installFakeFetch((call) => {
    const path = new URL(call.url, "http://x").pathname;
    if (path === "/api/auth/refresh") return who ? jsonResponse(200, { access_token: "tok", token_type: "Bearer", expires_in: 900 }) : problem(401, "invalid_refresh_token");
    if (path === `/api/public/jobs/${jobId}`) return jsonResponse(200, job());
    if (path === "/api/me" && who) return jsonResponse(200, who);
    if (path === savedPath) return saved(call);
    return undefined;
  });
  const view = renderAt(<JobPage />, { path: "/jobs/:id", route: `/jobs/${jobId}` });
  return { calls, ...view };
}

const savedCalls = (calls: RecordedCall[]) => calls.filter((c) => c.url.endsWith(savedPath)).map((c) => c.method);

describe("save job on the public job page", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    clearSession();
  });

  it("offers visitors a sign-in link that comes back to the job", async () => {
    const { calls } = setup(null);
    expect(await screen.findByRole("link", { name: "Sign in to save" })).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent(`/jobs/${jobId}`)}`);
    expect(screen.queryByRole("button", { name: "Save job" })).toBeNull();
    expect(calls.some((c) => c.url.includes("/api/me") || c.url.includes("saved-jobs"))).toBe(false);
  });

  it("lets a candidate save and forget the job, updating the saved-jobs list", async () => {
    const user = userEvent.setup();
    let saved = false;
    const { calls, queryClient } = setup(candidateUser, (call) => {
      if (call.method === "GET") return saved ? jsonResponse(200, savedView) : problem(404, "not_found");
      if (call.method === "POST") {
        saved = true;
        return jsonResponse(201, savedView);
      }
      saved = false;
      return new Response(null, { status: 204 });
    });
    // The saved-jobs page's list, cached from an earlier visit.
    queryClient.setQueryData(["candidate-self", "saved-jobs", 1], { items: [], total: 0, page: 1, per_page: 20 });
    const listState = () => queryClient.getQueryState(["candidate-self", "saved-jobs", 1])!;

    const toggle = await screen.findByRole("button", { name: "Save job" });
    await waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).toHaveAttribute("aria-pressed", "false");

    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(await screen.findByText("Job saved.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Your saved jobs" })).toHaveAttribute("href", "/me/saved-jobs");
    await waitFor(() => expect(listState().isInvalidated).toBe(true));

    queryClient.setQueryData(["candidate-self", "saved-jobs", 1], { items: [savedView], total: 1, page: 1, per_page: 20 });
    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    expect(await screen.findByText("Job removed from your saved jobs.")).toBeInTheDocument();
    await waitFor(() => expect(listState().isInvalidated).toBe(true));
    expect(savedCalls(calls)).toEqual(["GET", "POST", "DELETE"]);
    expect(calls.find((c) => c.method === "POST" && c.url.endsWith(savedPath))!.headers.get("Authorization")).toBe("Bearer tok");
  });

  it("shows a job the candidate saved earlier as pressed", async () => {
    setup(candidateUser, () => jsonResponse(200, savedView));
    await waitFor(() => expect(screen.getByRole("button", { name: "Save job" })).toHaveAttribute("aria-pressed", "true"));
  });

  it("rolls back and says why when saving is refused", async () => {
    const user = userEvent.setup();
    setup(candidateUser, (call) => (call.method === "GET" ? problem(404, "not_found") : problem(404, "not_found", { detail: "No such job on the board" })));
    const toggle = await screen.findByRole("button", { name: "Save job" });
    await waitFor(() => expect(toggle).toBeEnabled());
    await user.click(toggle);
    expect(await screen.findByRole("alert")).toHaveTextContent("This job is no longer on the board, so it can't be saved.");
    expect(toggle).toHaveAttribute("aria-pressed", "false");
  });

  it("shows other signed-in roles nothing, and never asks for their saved jobs", async () => {
    const { calls, queryClient } = setup(recruiter);
    expect(await screen.findByRole("heading", { level: 1, name: "Frontend Developer (React)" })).toBeInTheDocument();
    // Once /api/me has answered, the role is known.
    await waitFor(() => expect(queryClient.getQueryState(["me"])?.status).toBe("success"));
    expect(screen.queryByRole("button", { name: "Save job" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Sign in to save" })).toBeNull();
    expect(savedCalls(calls)).toEqual([]);
  });
});
