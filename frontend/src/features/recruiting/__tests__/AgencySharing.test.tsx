import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jobId, jsonResponse, problem } from "./fixtures";
import { agency, employer, ownedJob, renderJob, sharedJob, who } from "./jobSetupFixtures";

const otherAgency = { id: "01a1fd87-0000-7000-8000-0000000a0002", name: "Blue Staffing" };
const section = () => screen.getByRole("region", { name: "Shared with agencies" });

// Whole edits typed with user-event take seconds on a busy machine.
describe("agency sharing", { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it("replaces the list with exactly the chosen agency ids and shows the API's names", async () => {
    const u = userEvent.setup();
    let job = ownedJob();
    const { calls, queryClient } = renderJob(
      () => job,
      who(),
      (call, path) => {
        if (call.method !== "PUT" || path !== `/api/jobs/${jobId}/agencies`) return undefined;
        job = ownedJob({ shared_with: [otherAgency], team: job.team.filter((m) => m.company_id !== agency.id) });
        return jsonResponse(200, { shared_with: [otherAgency] });
      },
    );
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    const region = await screen.findByRole("region", { name: "Shared with agencies" });
    expect(within(region).getByText("Northwind Talent")).toBeInTheDocument();
    await u.click(within(region).getByRole("button", { name: "Edit sharing" }));
    await u.click(within(region).getByRole("button", { name: "Remove Northwind Talent" }));
    // The last agency gone, the keyboard lands on the id field.
    await vi.waitFor(() => expect(within(region).getByLabelText("Add an agency by its company id")).toHaveFocus());
    // Typed in upper case and with spaces: sent as the id it is.
    await u.type(within(region).getByLabelText("Add an agency by its company id"), ` ${otherAgency.id.toUpperCase()} {Enter}`);
    expect(within(region).getByText(`Agency ${otherAgency.id}`)).toBeInTheDocument();
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

  it("refuses a malformed id before sending, and puts the API's refusal on the agency's row", async () => {
    const u = userEvent.setup();
    const { calls } = renderJob(ownedJob(), who(), (call) =>
      call.method === "PUT" ? problem(422, "validation_failed", { errors: [{ field: "agency_ids[1]", code: "unknown_agency", message: "must be an active agency" }] }) : undefined,
    );
    const region = await screen.findByRole("region", { name: "Shared with agencies" });
    await u.click(within(region).getByRole("button", { name: "Edit sharing" }));
    const idField = within(region).getByLabelText("Add an agency by its company id");
    await u.type(idField, "blue-staffing");
    await u.click(within(region).getByRole("button", { name: "Add agency" }));
    expect(idField).toHaveAccessibleDescription(expect.stringContaining("Enter an agency's company id (a UUID)."));
    await u.clear(idField);
    await u.type(idField, otherAgency.id);
    await u.click(within(region).getByRole("button", { name: "Add agency" }));
    await u.click(within(region).getByRole("button", { name: "Save sharing" }));

    expect(await within(region).findByRole("alert")).toHaveTextContent("Some agencies were refused: see the marked rows.");
    const row = within(region).getByText("must be an active agency").closest("li")!;
    expect(row).toHaveTextContent(`Agency ${otherAgency.id}`);
    expect(within(region).getByText("Northwind Talent").closest("li")).not.toHaveTextContent("must be an active agency");
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({ agency_ids: [agency.id, otherAgency.id] });
  });

  it.each([
    [problem(422, "validation_failed", { errors: [{ field: "agency_ids", code: "not_shareable", message: "only an employer's jobs are shared with agencies" }] }), "only an employer's jobs are shared with agencies"],
    [problem(403, "not_job_owner"), "Only the company that owns this job can change it."],
    [problem(404, "not_found"), "This job no longer exists."],
  ])("words a refusal: %#", async (answer, wording) => {
    const u = userEvent.setup();
    renderJob(ownedJob(), who(), (call) => (call.method === "PUT" ? answer.clone() : undefined));
    const region = await screen.findByRole("region", { name: "Shared with agencies" });
    await u.click(within(region).getByRole("button", { name: "Edit sharing" }));
    await u.click(within(region).getByRole("button", { name: "Save sharing" }));
    expect(await within(region).findByRole("alert")).toHaveTextContent(wording);
  });

  it("is read-only without jobs:write", async () => {
    renderJob(ownedJob(), who(employer, ["jobs:read"]));
    const region = await screen.findByRole("region", { name: "Shared with agencies" });
    expect(within(region).getByText("Northwind Talent")).toBeInTheDocument();
    expect(within(region).queryByRole("button", { name: "Edit sharing" })).toBeNull();
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
