import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../../api/types";
import { setAccessToken } from "../../../services/session";
import { installFakeFetch, jsonResponse, problem } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { NewConversation } from "../NewConversation";

const employerId = "01900000-0000-7000-8000-0000000000e1";
const candidate: Me = {
  id: "01900000-0000-7000-8000-0000000000f1",
  email: "maya.candidate@example.com",
  full_name: "Maya Candidate",
  status: "active",
  roles: ["candidate"],
  permissions: ["messaging:use"],
  company: null,
};

describe("new conversation", () => {
  beforeEach(() => setAccessToken("t"));
  afterEach(() => vi.unstubAllGlobals());

  it("shows the API's messaging_pair_blocked refusal clearly", async () => {
    const calls = installFakeFetch((call) => {
      if (call.method === "GET" && call.url.includes("/api/messaging/contacts")) return jsonResponse(200, { items: [] });
      if (call.method === "POST" && call.url.endsWith("/api/messaging/conversations"))
        return problem(403, "messaging_pair_blocked", { detail: "Candidates and employer users cannot message each other." });
      return undefined;
    });
    const user = userEvent.setup();
    renderAt(<NewConversation me={candidate} onClose={vi.fn()} />);

    await user.type(screen.getByLabelText("Or add by user id"), employerId);
    await user.click(screen.getByRole("button", { name: "Add" }));
    await user.click(screen.getByRole("button", { name: "Start conversation" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not start the conversation");
    expect(alert).toHaveTextContent("Candidates and employer staff can't message each other directly");
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({ participant_ids: [employerId], subject: null });
  });

  it("names the participant the API refused and shows no_shared_context", async () => {
    let answer = 0;
    installFakeFetch((call) => {
      if (call.method === "GET") return jsonResponse(200, { items: [] });
      return ++answer === 1
        ? problem(422, "validation_failed", { errors: [{ field: "participant_ids[0]", code: "unknown_user", message: "No active user with this id." }] })
        : problem(403, "no_shared_context");
    });
    const user = userEvent.setup();
    renderAt(<NewConversation me={candidate} onClose={vi.fn()} />);
    await user.type(screen.getByLabelText("Or add by user id"), employerId);
    await user.click(screen.getByRole("button", { name: "Add" }));

    await user.click(screen.getByRole("button", { name: "Start conversation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(`${employerId}: No active user with this id.`);
    await user.click(screen.getByRole("button", { name: "Start conversation" }));
    expect(await screen.findByText(/only message people you share a job or an application with/)).toBeInTheDocument();
  });

  it("offers the API's contacts, searches them, and never lets a candidate pick an employer", async () => {
    const calls = installFakeFetch((call) =>
      call.method === "GET" && call.url.includes("/api/messaging/contacts")
        ? jsonResponse(200, {
            items: [
              { id: employerId, full_name: "Erin Employer", role_family: "employer", company_name: "Initech" },
              { id: "r1", full_name: "Rita Recruiter", role_family: "recruiter", company_name: "Acme Staffing" },
            ],
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderAt(<NewConversation me={candidate} onClose={vi.fn()} />);
    expect(await screen.findByRole("button", { name: /Erin Employer/ })).toBeDisabled();
    expect(screen.getByRole("button", { name: /Rita Recruiter.*Acme Staffing/ })).toBeEnabled();
    await user.type(screen.getByLabelText("Find people"), "rit");
    await screen.findByRole("button", { name: /Rita Recruiter/ });
    expect(calls.some((c) => c.url.includes("/api/messaging/contacts") && c.url.includes("q=rit"))).toBe(true);
  });
});
