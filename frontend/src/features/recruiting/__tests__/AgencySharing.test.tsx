import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { RecordedCall } from "../../../test/fakeFetch";
import { jobId, jsonResponse, problem } from "./fixtures";
import { agency, employer, ownedJob, pathOf, renderJob, sharedJob, who } from "./jobSetupFixtures";

const northwind = { id: agency.id, name: agency.name };
const otherAgency = { id: "01a1fd87-0000-7000-8000-0000000a0002", name: "Blue Staffing" };
const bluepeak = { id: "01a1fd87-0000-7000-8000-0000000a0003", name: "Bluepeak Recruiting" };
const directory = [otherAgency, bluepeak, northwind];
const section = () => screen.getByRole("region", { name: "Shared with agencies" });
const results = () => within(section()).getByRole("list", { name: "Agencies found" });

type Handler = (call: RecordedCall, path: string) => Response | Promise<Response> | undefined;

/** `GET /api/agencies` over `list` (name contains `q`, as the API does); `total` overrides the count across pages. */
function agencies(list = directory, total?: number): Handler {
  return (call, path) => {
    if (call.method !== "GET" || path !== "/api/agencies") return undefined;
    const q = new URL(call.url, "http://x").searchParams.get("q")?.toLowerCase() ?? "";
    const items = list.filter((a) => a.name.toLowerCase().includes(q));
    return jsonResponse(200, { items, total: total ?? items.length, page: 1, per_page: 20 });
  };
}

const both =
  (...handlers: Handler[]): Handler =>
  (call, path) => {
    for (const handler of handlers) {
      const answer = handler(call, path);
      if (answer) return answer;
    }
    return undefined;
  };

const directoryQueries = (calls: RecordedCall[]) => calls.filter((c) => pathOf(c) === "/api/agencies").map((c) => new URL(c.url, "http://x").searchParams);

async function openEditor() {
  const u = userEvent.setup();
  const region = await screen.findByRole("region", { name: "Shared with agencies" });
  await u.click(within(region).getByRole("button", { name: "Edit sharing" }));
  return { u, region };
}

// Whole edits typed with user-event take seconds on a busy machine.
describe("agency sharing", { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it("picks agencies from the directory, named at once, and replaces the list with exactly the picked ids", async () => {
    let job = ownedJob();
    const { calls, queryClient } = renderJob(
      () => job,
      who(),
      both(agencies(), (call, path) => {
        if (call.method !== "PUT" || path !== `/api/jobs/${jobId}/agencies`) return undefined;
        job = ownedJob({ shared_with: [otherAgency], team: job.team.filter((m) => m.company_id !== agency.id) });
        return jsonResponse(200, { shared_with: [otherAgency] });
      }),
    );
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    const region = await screen.findByRole("region", { name: "Shared with agencies" });
    expect(within(region).getByText("Northwind Talent")).toBeInTheDocument();
    const { u } = await openEditor();

    // Nothing typed: the first page of the directory, the agency already shared with shown as added.
    expect(await within(results()).findByRole("button", { name: "Add Blue Staffing" })).toBeEnabled();
    expect(within(results()).getByRole("button", { name: "Northwind Talent: added" })).toBeDisabled();
    expect(directoryQueries(calls)[0]!.get("q")).toBeNull();
    expect(directoryQueries(calls)[0]!.get("per_page")).toBe("20");

    await u.click(within(region).getByRole("button", { name: "Remove Northwind Talent" }));
    // The last agency gone, the keyboard lands on the search.
    const search = within(region).getByLabelText("Find an agency");
    await vi.waitFor(() => expect(search).toHaveFocus());
    expect(within(results()).getByRole("button", { name: "Add Northwind Talent" })).toBeEnabled();

    // Typed quickly: one search once the typing pauses, not one per key.
    await u.type(search, "blue");
    // RTL's waitFor (inside act): the debounced search lands while it waits.
    await waitFor(() => expect(within(results()).queryByRole("button", { name: "Add Northwind Talent" })).toBeNull());
    expect(within(results()).getByRole("button", { name: "Add Bluepeak Recruiting" })).toBeInTheDocument();
    expect(directoryQueries(calls).map((p) => p.get("q"))).toEqual([null, "blue"]);

    // The keyboard reaches the matches from the search.
    await u.keyboard("{ArrowDown}");
    expect(within(results()).getByRole("button", { name: "Add Blue Staffing" })).toHaveFocus();
    await u.keyboard("{Enter}");

    expect(within(region).getByRole("button", { name: "Remove Blue Staffing" })).toBeInTheDocument();
    expect(within(region).queryByText(/named once saved/)).toBeNull();
    expect(within(results()).getByRole("button", { name: "Blue Staffing: added" })).toBeDisabled();
    expect(within(region).getByText("Added Blue Staffing")).toHaveAttribute("role", "status");
    // The picked button turned disabled: the keyboard moves on to the next agency to add.
    await vi.waitFor(() => expect(within(results()).getByRole("button", { name: "Add Bluepeak Recruiting" })).toHaveFocus());
    expect(calls.some((c) => c.method === "PUT")).toBe(false);
    await u.click(within(region).getByRole("button", { name: "Save sharing" }));

    expect(await within(section()).findByRole("status")).toHaveTextContent("Sharing saved.");
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({ agency_ids: [otherAgency.id] });
    expect(within(section()).getByText("Blue Staffing")).toBeInTheDocument();
    expect(within(section()).queryByText("Northwind Talent")).toBeNull();
    // The removed agency's recruiter leaves the team once the job is fetched again.
    const team = screen.getByRole("region", { name: "Team" });
    await vi.waitFor(() => expect(within(team).queryByText("Sofia Mensah · Recruiter")).toBeNull());
    const keys = invalidate.mock.calls.map(([filters]) => JSON.stringify(filters?.queryKey));
    expect(keys).toEqual(expect.arrayContaining([JSON.stringify(["recruiting", "job", jobId]), JSON.stringify(["recruiting", "pipeline", jobId])]));
  });

  it("never adds an agency twice", async () => {
    const { calls } = renderJob(ownedJob(), who(), both(agencies(), (call) => (call.method === "PUT" ? jsonResponse(200, { shared_with: [northwind, otherAgency] }) : undefined)));
    const { u, region } = await openEditor();
    const already = await within(results()).findByRole("button", { name: "Northwind Talent: added" });
    expect(already).toBeDisabled();
    await u.click(already);
    await u.dblClick(within(results()).getByRole("button", { name: "Add Blue Staffing" }));
    expect(within(results()).getByRole("button", { name: "Blue Staffing: added" })).toBeDisabled();
    expect(within(region).getAllByRole("button", { name: /^Remove / }).map((b) => b.getAttribute("aria-label"))).toEqual(["Remove Northwind Talent", "Remove Blue Staffing"]);
    await u.click(within(region).getByRole("button", { name: "Save sharing" }));
    await within(section()).findByText("Sharing saved.");
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({ agency_ids: [agency.id, otherAgency.id] });
  });

  it("says when more agencies match than are shown", async () => {
    renderJob(ownedJob(), who(), agencies(directory, 45));
    await openEditor();
    expect(await within(section()).findByText("Showing 3 of 45: type more of the name.")).toBeInTheDocument();
  });

  it("says when no agency matches, and Enter searches at once instead of saving", async () => {
    const { calls } = renderJob(ownedJob(), who(), agencies());
    const { u, region } = await openEditor();
    await within(results()).findByRole("button", { name: "Add Blue Staffing" });
    await u.type(within(region).getByLabelText("Find an agency"), "zeta{Enter}");
    expect(await within(region).findByText("No active agency matches “zeta”.")).toBeInTheDocument();
    expect(within(region).queryByRole("list", { name: "Agencies found" })).toBeNull();
    expect(calls.some((c) => c.method === "PUT")).toBe(false);
  });

  it("shows that it is looking while the directory answers", async () => {
    renderJob(ownedJob(), who(), (_call, path) => (path === "/api/agencies" ? new Promise<Response>(() => {}) : undefined));
    const { region } = await openEditor();
    expect(within(region).getByText("Looking for agencies")).toHaveAttribute("role", "status");
    expect(within(region).queryByRole("list", { name: "Agencies found" })).toBeNull();
  });

  it("says when the platform has no active agency", async () => {
    renderJob(ownedJob(), who(), agencies([]));
    await openEditor();
    expect(await within(section()).findByText("No active agency is on HireOps yet.")).toBeInTheDocument();
  });

  it.each([
    [() => problem(403, "employers_only"), "Could not list the agencies: Only employers can browse the agencies: your company can't share jobs with them."],
    [() => problem(403, "missing_permission"), "Could not list the agencies: You can't browse the agencies. Your role does not allow this."],
    [() => problem(500, "internal", { detail: "The directory is unavailable." }), "Could not list the agencies: The directory is unavailable."],
  ])("words a directory refusal: %#", async (answer, wording) => {
    renderJob(ownedJob(), who(), (_call, path) => (path === "/api/agencies" ? answer() : undefined));
    const { region } = await openEditor();
    expect(await within(region).findByRole("alert")).toHaveTextContent(wording);
    // The rest of the editor still works: the current agencies can be removed and saved.
    expect(within(region).getByRole("button", { name: "Remove Northwind Talent" })).toBeEnabled();
  });

  it("lists the agencies again after a failure", async () => {
    let fail = true;
    renderJob(ownedJob(), who(), (call, path) => {
      if (path !== "/api/agencies") return undefined;
      if (fail) return problem(503, "unavailable", { detail: "Try later." });
      return agencies()(call, path);
    });
    const { u, region } = await openEditor();
    expect(await within(region).findByRole("alert")).toHaveTextContent("Try later.");
    fail = false;
    await u.click(within(region).getByRole("button", { name: "Try again" }));
    expect(await within(region).findByRole("button", { name: "Add Blue Staffing" })).toBeEnabled();
    expect(within(region).queryByRole("alert")).toBeNull();
  });

  it("puts the API's refusal on the agency's row", async () => {
    const { calls } = renderJob(
      ownedJob(),
      who(),
      both(agencies(), (call) =>
        call.method === "PUT" ? problem(422, "validation_failed", { errors: [{ field: "agency_ids[1]", code: "unknown_agency", message: "must be an active agency" }] }) : undefined,
      ),
    );
    const { u, region } = await openEditor();
    await u.click(await within(results()).findByRole("button", { name: "Add Blue Staffing" }));
    await u.click(within(region).getByRole("button", { name: "Save sharing" }));

    expect(await within(region).findByRole("alert")).toHaveTextContent("Some agencies were refused: see the marked rows.");
    const row = within(region).getByText("must be an active agency").closest("li")!;
    expect(row).toHaveTextContent("Blue Staffing");
    expect(within(region).getByRole("button", { name: "Remove Blue Staffing" })).toHaveAccessibleDescription("must be an active agency");
    expect(within(region).getByRole("button", { name: "Remove Northwind Talent" }).closest("li")).not.toHaveTextContent("must be an active agency");
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({ agency_ids: [agency.id, otherAgency.id] });
  });

  it.each([
    [problem(422, "validation_failed", { errors: [{ field: "agency_ids", code: "not_shareable", message: "only an employer's jobs are shared with agencies" }] }), "only an employer's jobs are shared with agencies"],
    [problem(403, "not_job_owner"), "Only the company that owns this job can change it."],
    [problem(404, "not_found"), "This job no longer exists."],
  ])("words a refusal: %#", async (answer, wording) => {
    renderJob(ownedJob(), who(), both(agencies(), (call) => (call.method === "PUT" ? answer.clone() : undefined)));
    const { u, region } = await openEditor();
    await within(results()).findByRole("button", { name: "Add Blue Staffing" });
    await u.click(within(region).getByRole("button", { name: "Save sharing" }));
    expect(await within(region).findByRole("alert")).toHaveTextContent(wording);
  });

  it("is read-only without jobs:write", async () => {
    const { calls } = renderJob(ownedJob(), who(employer, ["jobs:read"]));
    const region = await screen.findByRole("region", { name: "Shared with agencies" });
    expect(within(region).getByText("Northwind Talent")).toBeInTheDocument();
    expect(within(region).queryByRole("button", { name: "Edit sharing" })).toBeNull();
    expect(calls.some((c) => pathOf(c) === "/api/agencies")).toBe(false);
  });

  it("is not offered on a job shared with the caller's agency", async () => {
    renderJob(sharedJob(), who(agency));
    await screen.findByRole("region", { name: "Team" });
    expect(screen.queryByRole("region", { name: "Shared with agencies" })).toBeNull();
  });

  it("is not offered to an agency owning its job", async () => {
    renderJob(ownedJob({ company: { id: agency.id, name: agency.name }, shared_with: [] }), who(agency));
    await screen.findByRole("region", { name: "Team" });
    expect(screen.queryByRole("region", { name: "Shared with agencies" })).toBeNull();
  });
});
