import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { UserAccount } from "../../../api/types";
import { jobId, jsonResponse, problem } from "./fixtures";
import { agency, employer, ownedJob, pathOf, people, renderJob, sharedJob, who } from "./jobSetupFixtures";

const user = (id: string, full_name: string, company: { id: string; name: string; type: string } = employer): UserAccount => ({
  id,
  email: `${full_name.split(" ")[0]!.toLowerCase()}@acme.demo`,
  full_name,
  status: "active",
  roles: ["interviewer"],
  company,
  created_at: "2026-11-01T10:00:00Z",
});

const teamSection = () => screen.getByRole("region", { name: "Team" });

// Whole edits typed with user-event take seconds on a busy machine.
describe("job team", { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows each company's side and lets the owner edit only its own", async () => {
    const u = userEvent.setup();
    renderJob(ownedJob(), who(), (_call, path) => (path === "/api/admin/users" ? jsonResponse(200, { items: [], total: 0, page: 1, per_page: 100 }) : undefined));
    const team = await screen.findByRole("region", { name: "Team" });
    expect(within(team).getByRole("heading", { name: "Acme Corp (your company)" })).toBeInTheDocument();
    expect(within(team).getByText("Hana Ito · Hiring manager")).toBeInTheDocument();
    expect(within(team).getByRole("heading", { name: "Northwind Talent" })).toBeInTheDocument();
    expect(within(team).getByText("Sofia Mensah · Recruiter")).toBeInTheDocument();

    await u.click(within(team).getByRole("button", { name: "Edit your side" }));
    const form = within(team).getByRole("form", { name: "Your side of the team" });
    expect(within(form).getByLabelText("Role of Hana Ito")).toHaveValue("hiring_manager");
    // The agency's recruiter is not the employer's to change.
    expect(within(form).queryByText("Sofia Mensah")).toBeNull();
    expect(within(team).getByText("Sofia Mensah · Recruiter")).toBeInTheDocument();
  });

  it("saves exactly the caller's side and refreshes the job, its stages and its board", async () => {
    const u = userEvent.setup();
    const saved = [
      { user_id: people.hana, full_name: "Hana Ito", role: "interviewer", company_id: employer.id },
      { user_id: people.lee, full_name: "Lee Park", role: "interviewer", company_id: employer.id },
      { user_id: people.sofia, full_name: "Sofia Mensah", role: "recruiter", company_id: agency.id },
    ];
    let job = ownedJob();
    const { calls, queryClient } = renderJob(() => job, who(), (call, path) => {
      if (path === "/api/admin/users") {
        const q = new URL(call.url, "http://x").searchParams.get("q");
        const everyone = [user(people.hana, "Hana Ito"), user(people.lee, "Lee Park")];
        return jsonResponse(200, { items: everyone.filter((p) => !q || p.full_name.includes(q)), total: 2, page: 1, per_page: 100 });
      }
      if (call.method === "PUT" && path === `/api/jobs/${jobId}/team`) {
        job = ownedJob({ team: saved });
        return jsonResponse(200, { members: saved });
      }
      return undefined;
    });
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    await u.click(await screen.findByRole("button", { name: "Edit your side" }));
    await u.selectOptions(screen.getByLabelText("Role of Hana Ito"), "interviewer");
    await u.selectOptions(screen.getByLabelText("Add as"), "interviewer");
    await u.type(screen.getByLabelText("Find a colleague"), "Lee");
    const colleagues = screen.getByRole("list", { name: "Colleagues" });
    await u.click(await within(colleagues).findByRole("button", { name: "Add Lee Park" }));
    expect(screen.getByLabelText("Role of Lee Park")).toHaveValue("interviewer");
    // Someone already on the team cannot be added twice.
    await u.clear(screen.getByLabelText("Find a colleague"));
    expect(await within(colleagues).findByRole("button", { name: "Hana Ito is on the team" })).toBeDisabled();

    await u.click(screen.getByRole("button", { name: "Save team" }));
    expect(await within(teamSection()).findByRole("status")).toHaveTextContent("Team saved.");
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.body).toEqual({
      members: [
        { user_id: people.hana, role: "interviewer" },
        { user_id: people.lee, role: "interviewer" },
      ],
    });
    const usersQuery = new URL(calls.find((c) => pathOf(c) === "/api/admin/users")!.url, "http://x").searchParams;
    expect(Object.fromEntries(usersQuery)).toEqual({ status: "active", per_page: "100" });
    expect(within(teamSection()).getByText("Lee Park · Interviewer")).toBeInTheDocument();
    const keys = invalidate.mock.calls.map(([filters]) => JSON.stringify(filters?.queryKey));
    expect(keys).toEqual(expect.arrayContaining([JSON.stringify(["recruiting", "job", jobId]), JSON.stringify(["recruiting", "stages", jobId]), JSON.stringify(["recruiting", "pipeline", jobId])]));
  });

  it("puts a refused member's error on that member's row", async () => {
    const u = userEvent.setup();
    renderJob(ownedJob(), who(), (call, path) => {
      if (path === "/api/admin/users") return jsonResponse(200, { items: [user(people.lee, "Lee Park")], total: 1, page: 1, per_page: 100 });
      if (call.method === "PUT") return problem(422, "validation_failed", { errors: [{ field: "members[1].user_id", code: "not_company_member", message: "must be an active user of your company" }] });
      return undefined;
    });
    await u.click(await screen.findByRole("button", { name: "Edit your side" }));
    await u.click(await screen.findByRole("button", { name: "Add Lee Park" }));
    await u.click(screen.getByRole("button", { name: "Save team" }));
    expect(await within(teamSection()).findByRole("alert")).toHaveTextContent("Some members were refused: see the marked rows.");
    const row = screen.getByText("must be an active user of your company").closest("li")!;
    expect(within(row).getByText("Lee Park")).toBeInTheDocument();
    expect(within(teamSection()).getByText("Hana Ito").closest("li")).not.toHaveTextContent("must be an active user");
  });

  it.each([
    [problem(403, "missing_permission"), "Your role does not allow this."],
    [problem(404, "not_found"), "This job no longer exists or is no longer shared with your company."],
    [problem(409, "conflict", { detail: "The team changed meanwhile." }), "The team changed meanwhile."],
  ])("words a refusal: %#", async (answer, wording) => {
    const u = userEvent.setup();
    renderJob(ownedJob(), who(), (call, path) => {
      if (path === "/api/admin/users") return jsonResponse(200, { items: [], total: 0, page: 1, per_page: 100 });
      if (call.method === "PUT") return answer.clone();
      return undefined;
    });
    await u.click(await screen.findByRole("button", { name: "Edit your side" }));
    await u.click(screen.getByRole("button", { name: "Remove Hana Ito" }));
    await u.click(screen.getByRole("button", { name: "Save team" }));
    expect(await within(teamSection()).findByRole("alert")).toHaveTextContent(wording);
    // The editor stays open with the caller's changes.
    expect(screen.getByRole("form", { name: "Your side of the team" })).toBeInTheDocument();
  });

  it("lets an agency staff its own side of a shared job from its messaging contacts when it cannot list users", async () => {
    const u = userEvent.setup();
    const contacts = {
      items: [
        { id: people.lee, full_name: "Lee Park", role_family: "recruiter", company_name: agency.name },
        { id: people.hana, full_name: "Hana Ito", role_family: "employer", company_name: employer.name },
      ],
    };
    const { calls } = renderJob(sharedJob(), who(agency, ["jobs:read", "jobs:write", "messaging:use"]), (call, path) => {
      if (path === "/api/messaging/contacts") return jsonResponse(200, contacts);
      if (call.method === "PUT") return jsonResponse(200, { members: [] });
      return undefined;
    });
    const team = await screen.findByRole("region", { name: "Team" });
    expect(within(team).getByRole("heading", { name: "Acme Corp" })).toBeInTheDocument();
    expect(within(team).getByRole("heading", { name: "Northwind Talent (your company)" })).toBeInTheDocument();
    await u.click(within(team).getByRole("button", { name: "Edit your side" }));
    expect(screen.getByText(/these are the colleagues among your messaging contacts/)).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Colleagues" });
    await within(list).findByRole("button", { name: "Add Lee Park" });
    // The employer's people are contacts too, but not the agency's to staff.
    expect(within(list).queryByRole("button", { name: "Add Hana Ito" })).toBeNull();
    expect(within(list).getByRole("button", { name: "Add Mia Owner" })).toBeInTheDocument();
    expect(calls.some((c) => pathOf(c) === "/api/admin/users")).toBe(false);
    await u.click(within(list).getByRole("button", { name: "Add Lee Park" }));
    await u.click(screen.getByRole("button", { name: "Remove Sofia Mensah" }));
    await vi.waitFor(() => expect(screen.getByRole("button", { name: "Remove Lee Park" })).toHaveFocus());
    await u.click(screen.getByRole("button", { name: "Save team" }));
    await within(team).findByText("Team saved.");
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({ members: [{ user_id: people.lee, role: "recruiter" }] });
  });

  it("is read-only without jobs:write", async () => {
    renderJob(ownedJob(), who(employer, ["jobs:read", "users:read"]));
    const team = await screen.findByRole("region", { name: "Team" });
    expect(within(team).getByText("Hana Ito · Hiring manager")).toBeInTheDocument();
    expect(within(team).queryByRole("button", { name: "Edit your side" })).toBeNull();
  });
});
