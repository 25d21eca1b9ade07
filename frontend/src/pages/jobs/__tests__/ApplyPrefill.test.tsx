import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../../api/types";
import { clearSession } from "../../../services/session";
import { installFakeFetch, jsonResponse, problem } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { JobPage } from "../JobPage";
import { job, jobId } from "./fixtures";

const maya: Me = {
  id: "01a1fd7c-0000-7000-8000-0000000000c1",
  email: "maya@example.com",
  full_name: "Maya Fernandes",
  status: "active",
  roles: ["candidate"],
  permissions: ["candidate:self"],
  company: null,
};

/** The job page with a live session for `who` (or a visitor); `/api/me` answers after `meDelay` ms. */
function setup(who: Me | null, meDelay = 0) {
  const calls = installFakeFetch(async (call) => {
    const path = new URL(call.url, "http://x").pathname;
    if (path === "/api/auth/refresh") return who ? jsonResponse(200, { access_token: "tok", token_type: "Bearer", expires_in: 900 }) : problem(401, "invalid_refresh_token");
    if (path === `/api/public/jobs/${jobId}`) return jsonResponse(200, job());
    if (path === "/api/me" && who) {
      await new Promise((r) => setTimeout(r, meDelay));
      return jsonResponse(200, who);
    }
    if (path.startsWith("/api/candidate/saved-jobs/")) return problem(404, "not_found");
    throw new Error(`unexpected ${call.method} ${path}`);
  });
  renderAt(<JobPage />, { path: "/jobs/:id", route: `/jobs/${jobId}` });
  return calls;
}

describe("apply form for a signed-in person", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    clearSession();
  });

  it("starts from the account's name and email", async () => {
    setup(maya);
    await waitFor(() => expect(screen.getByLabelText("Full name")).toHaveValue("Maya Fernandes"));
    expect(screen.getByLabelText("Email")).toHaveValue("maya@example.com");
  });

  it("never overwrites what was typed before the account arrived", async () => {
    const user = userEvent.setup();
    setup(maya, 300);
    await user.type(await screen.findByLabelText("Full name"), "Maya F.");
    await waitFor(() => expect(screen.getByLabelText("Email")).toHaveValue("maya@example.com"));
    expect(screen.getByLabelText("Full name")).toHaveValue("Maya F.");
  });

  it("leaves a visitor's form empty and never asks who they are", async () => {
    const calls = setup(null);
    expect(await screen.findByLabelText("Full name")).toHaveValue("");
    expect(screen.getByLabelText("Email")).toHaveValue("");
    expect(calls.some((c) => c.url.includes("/api/me"))).toBe(false);
  });
});
