import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JobStage } from "../../../api/types";
import { jobId, jsonResponse, problem } from "./fixtures";
import { agency, employer, jobStages, ownedJob, renderJob, sharedJob, stage, who } from "./jobSetupFixtures";

const region = () => screen.getByRole("region", { name: "Pipeline stages" });
/** The stage names in the editor, top to bottom. */
const order = () => within(region()).getAllByLabelText(/^Stage \d+$/).map((input) => (input as HTMLInputElement).value);
const putBody = (calls: { method: string; body: unknown }[]) => calls.filter((c) => c.method === "PUT").at(-1)?.body;

// Whole edits typed with user-event take seconds on a busy machine.
describe("stage editor", { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it("reorders with the keyboard buttons and keeps focus on the moved stage", async () => {
    const u = userEvent.setup();
    renderJob(ownedJob(), who());
    await within(await screen.findByRole("region", { name: "Pipeline stages" })).findByLabelText("Stage 1");
    expect(order()).toEqual(["Applied", "Screening", "Interview", "Hired", "Rejected"]);

    screen.getByRole("button", { name: "Move Screening down" }).focus();
    await u.keyboard("{Enter}");
    expect(order()).toEqual(["Applied", "Interview", "Screening", "Hired", "Rejected"]);
    // Announced: the notice sits in a status region.
    expect(within(region()).getByText("Screening moved to position 3 of 5.").closest('[role="status"]')).not.toBeNull();
    await u.keyboard("{Enter}");
    await u.keyboard("{Enter}");
    expect(order()).toEqual(["Applied", "Interview", "Hired", "Rejected", "Screening"]);
    // At the bottom "down" is disabled: the keyboard lands on "up" of the same stage.
    expect(screen.getByRole("button", { name: "Move Screening down" })).toBeDisabled();
    await vi.waitFor(() => expect(screen.getByRole("button", { name: "Move Screening up" })).toHaveFocus());
    await u.keyboard("{Enter}");
    expect(order()).toEqual(["Applied", "Interview", "Hired", "Screening", "Rejected"]);
    expect(screen.getByRole("button", { name: "Move Applied up" })).toBeDisabled();
  });

  it("sends the whole pipeline: renamed, kind changed, added, moved and removed, then refreshes the job, stages and board", async () => {
    const u = userEvent.setup();
    const saved: JobStage[] = [
      { id: stage.applied, name: "New", kind: "active", position: 0, count: 3 },
      { id: "01a1fd87-0000-7000-8000-0000000c00ff", name: "Phone screen", kind: "active", position: 1, count: 0 },
      { id: stage.interview, name: "Interview", kind: "active", position: 2, count: 2 },
      { id: stage.rejected, name: "Declined", kind: "rejected", position: 3, count: 1 },
      { id: stage.hired, name: "Offer accepted", kind: "hired", position: 4, count: 0 },
    ];
    const { calls, queryClient } = renderJob(ownedJob(), who(), (call, path) => (call.method === "PUT" && path === `/api/jobs/${jobId}/stages` ? jsonResponse(200, saved) : undefined));
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    const name = async (n: number) => within(await screen.findByRole("region", { name: "Pipeline stages" })).findByLabelText(`Stage ${n}`);

    await u.clear(await name(1));
    await u.type(await name(1), "New");
    await u.click(screen.getByRole("button", { name: "Remove Screening" }));
    expect(within(region()).getByRole("listitem", { name: "Removed stage: Screening" })).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Add stage" }));
    // The new stage's name field takes the focus.
    await u.keyboard("Phone screen");
    await u.click(screen.getByRole("button", { name: "Move Phone screen up" }));
    await u.click(screen.getByRole("button", { name: "Move Phone screen up" }));
    await u.click(screen.getByRole("button", { name: "Move Phone screen up" }));
    await u.clear(await name(4));
    await u.type(await name(4), "Offer accepted");
    await u.click(screen.getByRole("button", { name: "Move Rejected up" }));
    await u.clear(await name(4));
    await u.type(await name(4), "Declined");
    expect(order()).toEqual(["New", "Phone screen", "Interview", "Declined", "Offer accepted"]);
    await u.click(screen.getByRole("button", { name: "Save stages" }));

    expect(await within(region()).findByText("Stages saved.")).toBeInTheDocument();
    expect(putBody(calls)).toEqual({
      stages: [
        { id: stage.applied, name: "New", kind: "active" },
        { name: "Phone screen", kind: "active" },
        { id: stage.interview, name: "Interview", kind: "active" },
        { id: stage.rejected, name: "Declined", kind: "rejected" },
        { id: stage.hired, name: "Offer accepted", kind: "hired" },
      ],
    });
    expect(within(region()).queryByRole("listitem", { name: "Removed stage: Screening" })).toBeNull();
    const keys = invalidate.mock.calls.map(([filters]) => JSON.stringify(filters?.queryKey));
    expect(keys).toEqual(expect.arrayContaining([JSON.stringify(["recruiting", "job", jobId]), JSON.stringify(["recruiting", "stages", jobId]), JSON.stringify(["recruiting", "pipeline", jobId])]));
  });

  it("changes a stage's kind", async () => {
    const u = userEvent.setup();
    const { calls } = renderJob(ownedJob(), who(), (call) => (call.method === "PUT" ? jsonResponse(200, jobStages()) : undefined));
    await u.selectOptions(await within(await screen.findByRole("region", { name: "Pipeline stages" })).findByLabelText("Stage 3 kind"), "hired");
    await u.click(screen.getByRole("button", { name: "Save stages" }));
    await within(region()).findByText("Stages saved.");
    const body = putBody(calls) as { stages: { kind: string }[] };
    expect(body.stages.map((s) => s.kind)).toEqual(["active", "active", "hired", "hired", "rejected"]);
  });

  it("shows a 409 stage_in_use on the removed stage it names, and lets it be kept", async () => {
    const u = userEvent.setup();
    const { calls } = renderJob(ownedJob(), who(), (call) =>
      call.method === "PUT" ? problem(409, "stage_in_use", { detail: "These stages still hold applications; move them first: Interview" }) : undefined,
    );
    await within(await screen.findByRole("region", { name: "Pipeline stages" })).findByLabelText("Stage 1");
    await u.click(screen.getByRole("button", { name: "Remove Screening" }));
    await u.click(screen.getByRole("button", { name: "Remove Interview" }));
    // Warned before saving: it held applications when loaded.
    expect(within(region()).getByRole("listitem", { name: "Removed stage: Interview" })).toHaveTextContent("It held applications when loaded");
    expect(within(region()).getByRole("listitem", { name: "Removed stage: Screening" })).not.toHaveTextContent("It held applications");
    await u.click(screen.getByRole("button", { name: "Save stages" }));

    expect(await within(region()).findByRole("alert")).toHaveTextContent("A stage you removed still holds applications");
    const interview = within(region()).getByRole("listitem", { name: "Removed stage: Interview" });
    expect(interview).toHaveTextContent("Still holds applications: move them to another stage before removing it.");
    expect(interview).toHaveTextContent("2 applications");
    expect(within(region()).getByRole("listitem", { name: "Removed stage: Screening" })).not.toHaveTextContent("Still holds applications");
    expect(putBody(calls)).toEqual({
      stages: [
        { id: stage.applied, name: "Applied", kind: "active" },
        { id: stage.hired, name: "Hired", kind: "hired" },
        { id: stage.rejected, name: "Rejected", kind: "rejected" },
      ],
    });

    await u.click(within(interview).getByRole("button", { name: "Keep Interview" }));
    expect(order()).toEqual(["Applied", "Hired", "Rejected", "Interview"]);
    expect(within(region()).queryByRole("listitem", { name: "Removed stage: Interview" })).toBeNull();
  });

  it("puts 422 field errors on the rows and words the pipeline-wide ones", async () => {
    const u = userEvent.setup();
    let answer = problem(422, "validation_failed", {
      errors: [
        { field: "stages[0].kind", code: "must_be_active", message: "the first stage, where applications start, must be active" },
        { field: "stages[2].name", code: "duplicate", message: "stage names must be unique" },
      ],
    });
    renderJob(ownedJob(), who(), (call) => (call.method === "PUT" ? answer : undefined));
    const first = await within(await screen.findByRole("region", { name: "Pipeline stages" })).findByLabelText("Stage 1 kind");
    await u.selectOptions(first, "rejected");
    await u.clear(screen.getByLabelText("Stage 3"));
    await u.type(screen.getByLabelText("Stage 3"), "screening");
    await u.click(screen.getByRole("button", { name: "Save stages" }));
    expect(await screen.findByText("the first stage, where applications start, must be active")).toBeInTheDocument();
    expect(screen.getByLabelText("Stage 1 kind")).toHaveAccessibleDescription("the first stage, where applications start, must be active");
    expect(screen.getByLabelText("Stage 3")).toHaveAccessibleDescription("stage names must be unique");
    expect(screen.getByLabelText("Stage 2")).not.toHaveAttribute("aria-invalid");

    answer = problem(422, "validation_failed", { errors: [{ field: "stages", code: "hired_stage_required", message: "needs at least one hired stage" }] });
    await u.click(screen.getByRole("button", { name: "Save stages" }));
    expect(await within(region()).findByRole("alert")).toHaveTextContent("needs at least one hired stage");
  });

  it("asks for a name before sending", async () => {
    const u = userEvent.setup();
    const { calls } = renderJob(ownedJob(), who());
    await u.clear(await within(await screen.findByRole("region", { name: "Pipeline stages" })).findByLabelText("Stage 2"));
    await u.click(screen.getByRole("button", { name: "Save stages" }));
    expect(await screen.findByText("Name the stage.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "PUT")).toBe(false);
  });

  it("words a 403 that happens anyway", async () => {
    const u = userEvent.setup();
    renderJob(ownedJob(), who(), (call) => (call.method === "PUT" ? problem(403, "not_job_owner") : undefined));
    await within(await screen.findByRole("region", { name: "Pipeline stages" })).findByLabelText("Stage 1");
    await u.click(screen.getByRole("button", { name: "Save stages" }));
    expect(await within(region()).findByRole("alert")).toHaveTextContent("Only the company that owns this job can change it.");
  });

  it("discards unsaved changes", async () => {
    const u = userEvent.setup();
    renderJob(ownedJob(), who());
    await within(await screen.findByRole("region", { name: "Pipeline stages" })).findByLabelText("Stage 1");
    expect(screen.getByRole("button", { name: "Discard changes" })).toBeDisabled();
    await u.click(screen.getByRole("button", { name: "Remove Screening" }));
    // The keyboard lands on the next stage, not on nothing.
    await vi.waitFor(() => expect(screen.getByRole("button", { name: "Remove Interview" })).toHaveFocus());
    await u.click(screen.getByRole("button", { name: "Move Hired up" }));
    await u.click(screen.getByRole("button", { name: "Discard changes" }));
    expect(order()).toEqual(["Applied", "Screening", "Interview", "Hired", "Rejected"]);
    expect(within(region()).queryByText("Removed when you save")).toBeNull();
  });

  it.each([
    ["a sharing agency", sharedJob(), who(agency)],
    ["a user without pipelines:manage", ownedJob(), who(employer, ["jobs:read", "jobs:write"])],
  ])("is read-only for %s", async (_who, job, me) => {
    renderJob(job, me);
    const list = await within(await screen.findByRole("region", { name: "Pipeline stages" })).findByRole("list");
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([
      "1.Applied3 applications",
      "2.Screening0 applications",
      "3.Interview2 applications",
      "4.Hired(terminal: hired)0 applications",
      "5.Rejected(terminal: rejected)1 application",
    ]);
    expect(within(region()).queryByRole("textbox")).toBeNull();
    expect(within(region()).queryByRole("button")).toBeNull();
  });

  it("says when the stages cannot be loaded", async () => {
    renderJob(ownedJob(), who(), undefined, () => problem(404, "not_found"));
    expect(await within(await screen.findByRole("region", { name: "Pipeline stages" })).findByRole("alert")).toHaveTextContent(
      "Could not load the stagesThis job does not exist or is not visible to you.",
    );
  });
});
