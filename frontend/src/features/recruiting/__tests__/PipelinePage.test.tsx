import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PipelineBoard } from "../../../api/types";
import { installFakeFetch, type RecordedCall } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { withCardMoved } from "../pipeline/boardState";
import { PipelinePage } from "../pipeline/PipelinePage";
import { appIds, board, jobId, jsonResponse, me, problem, signedIn, stageIds } from "./fixtures";

type Answer = (call: RecordedCall) => Response;

/** `frozen`: refetches of the board never answer, so only the page's own rollback can restore a card. */
function setup({ move, reorder, permissions, boardAnswer, frozen }: { move?: Answer; reorder?: Answer; permissions?: string[]; boardAnswer?: () => Response; frozen?: boolean } = {}) {
  let server: PipelineBoard = board();
  let boardReads = 0;
  const calls = installFakeFetch(
    signedIn((call, path) => {
      if (path === `/api/jobs/${jobId}/pipeline`) {
        boardReads += 1;
        if (frozen && boardReads > 1) return new Promise<Response>(() => {});
        return boardAnswer ? boardAnswer() : jsonResponse(200, server);
      }
      if (path === `/api/applications/${appIds.ada}/move` || path === `/api/applications/${appIds.cy}/move`) {
        const answer = move ? move(call) : jsonResponse(200, {});
        if (answer.ok) server = withCardMoved(server, path.split("/")[3]!, (call.body as { to_stage_id: string }).to_stage_id);
        return answer;
      }
      if (path === `/api/jobs/${jobId}/pipeline/reorder`) return reorder ? reorder(call) : new Response(null, { status: 204 });
      return undefined;
    }, me(permissions)),
  );
  renderAt(<PipelinePage />, { path: "/recruiting/jobs/:id/pipeline", route: `/recruiting/jobs/${jobId}/pipeline` });
  return calls;
}

const column = (name: string) => screen.getByRole("region", { name: new RegExp(`^${name}`) });
const posts = (calls: RecordedCall[]) => calls.filter((c) => c.method === "POST" && !c.url.endsWith("/refresh"));

async function startMove(user: ReturnType<typeof userEvent.setup>, name: string, stage: string) {
  await user.selectOptions(await screen.findByLabelText(`Move ${name} to stage`), stage);
  return screen.findByRole("dialog", { name: `Move ${name} to ${stage}` });
}

describe("pipeline kanban", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows a column per stage with its count and cards linking to the application", async () => {
    setup();
    await screen.findByRole("heading", { name: /Java Backend Developer/ });
    expect(within(column("Applied")).getAllByRole("listitem")).toHaveLength(2);
    expect(within(column("Applied")).getByText("2")).toBeInTheDocument();
    expect(within(column("Screening")).getByRole("link", { name: "Cy Young" })).toHaveAttribute("href", `/recruiting/applications/${appIds.cy}`);
    expect(within(column("Rejected")).queryAllByRole("listitem")).toHaveLength(0);
    expect(screen.getByRole("button", { name: "Drag Ada Lovelace" })).toBeInTheDocument();
  });

  it("moves optimistically after asking for remarks, sending the card's version", async () => {
    const user = userEvent.setup();
    const calls = setup();
    const dialog = await startMove(user, "Ada Lovelace", "Screening");
    // Optimistic: already shown in the target column while the dialog is open.
    expect(within(column("Screening")).getByText("Ada Lovelace")).toBeInTheDocument();
    expect(within(column("Applied")).queryByText("Ada Lovelace")).toBeNull();
    await user.type(within(dialog).getByLabelText("Remarks (optional)"), "Strong Java");
    await user.click(within(dialog).getByRole("button", { name: "Move" }));
    expect(await screen.findByText("Ada Lovelace moved to Screening.")).toBeInTheDocument();
    expect(posts(calls)[0]!.body).toEqual({ to_stage_id: stageIds.screening, remarks: "Strong Java", rejection_reason: null, version: 3 });
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(within(column("Screening")).getByText("Ada Lovelace")).toBeInTheDocument());
  });

  it("asks for the reason of a rejection before sending it", async () => {
    const user = userEvent.setup();
    const calls = setup();
    const dialog = await startMove(user, "Ada Lovelace", "Rejected");
    await user.click(within(dialog).getByRole("button", { name: "Reject" }));
    expect(await within(dialog).findByText("Say why the candidate is rejected.")).toBeInTheDocument();
    expect(posts(calls)).toHaveLength(0);
    await user.type(within(dialog).getByLabelText("Rejection reason"), "Salary expectations");
    await user.click(within(dialog).getByRole("button", { name: "Reject" }));
    await screen.findByText("Ada Lovelace moved to Rejected.");
    expect(posts(calls)[0]!.body).toMatchObject({ to_stage_id: stageIds.rejected, rejection_reason: "Salary expectations", version: 3 });
  });

  it("rolls the card back and says why on 409 application_changed", async () => {
    const user = userEvent.setup();
    setup({ move: () => problem(409, "application_changed"), frozen: true });
    const dialog = await startMove(user, "Ada Lovelace", "Screening");
    await user.click(within(dialog).getByRole("button", { name: "Move" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not move Ada Lovelace to Screening: Someone else changed this application");
    expect(within(column("Applied")).getByText("Ada Lovelace")).toBeInTheDocument();
    expect(within(column("Screening")).queryByText("Ada Lovelace")).toBeNull();
  });

  it("rolls back on a 403 refusal (reopening a terminal application)", async () => {
    const user = userEvent.setup();
    setup({ move: () => problem(403, "reopen_permission_required"), frozen: true });
    const dialog = await startMove(user, "Cy Young", "Applied");
    await user.click(within(dialog).getByRole("button", { name: "Move" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("needs the permission to reopen applications");
    expect(within(column("Screening")).getByText("Cy Young")).toBeInTheDocument();
  });

  it("keeps the dialog open with the API's field error on a 422", async () => {
    const user = userEvent.setup();
    setup({ move: () => problem(422, "validation_failed", { errors: [{ field: "remarks", code: "too_long", message: "Remarks are too long." }] }) });
    const dialog = await startMove(user, "Ada Lovelace", "Screening");
    await user.type(within(dialog).getByLabelText("Remarks (optional)"), "x");
    await user.click(within(dialog).getByRole("button", { name: "Move" }));
    expect(await within(dialog).findByText("Remarks are too long.")).toBeInTheDocument();
    expect(within(dialog).getByLabelText("Remarks (optional)")).toHaveAttribute("aria-invalid", "true");
  });

  it("cancelling puts the card back without calling the API", async () => {
    const user = userEvent.setup();
    const calls = setup();
    await startMove(user, "Ada Lovelace", "Screening");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(within(column("Applied")).getByText("Ada Lovelace")).toBeInTheDocument();
    expect(posts(calls)).toHaveLength(0);
  });

  it("reorders within a stage with the pipeline reorder route", async () => {
    const user = userEvent.setup();
    const calls = setup();
    await user.click(await screen.findByRole("button", { name: "Move Bob Stone up" }));
    await screen.findByText("Bob Stone reordered.");
    expect(posts(calls)[0]!.url).toContain(`/api/jobs/${jobId}/pipeline/reorder`);
    expect(posts(calls)[0]!.body).toEqual({ application_id: appIds.bob, before_id: appIds.ada, after_id: null });
  });

  it("moving the first card down anchors it after the next one, and rolls back on a refusal", async () => {
    const user = userEvent.setup();
    const calls = setup({ reorder: () => problem(422, "validation_failed", { detail: "The anchor is in another stage." }), frozen: true });
    await user.click(await screen.findByRole("button", { name: "Move Ada Lovelace down" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not reorder Ada Lovelace: The anchor is in another stage.");
    expect(posts(calls)[0]!.body).toEqual({ application_id: appIds.ada, before_id: null, after_id: appIds.bob });
    const names = within(column("Applied")).getAllByRole("link").map((a) => a.textContent);
    expect(names).toEqual(["Ada Lovelace", "Bob Stone"]);
  });

  it("offers no moving without applications:move", async () => {
    setup({ permissions: ["jobs:read", "applications:read"] });
    await screen.findByText("Ada Lovelace");
    expect(screen.queryByRole("button", { name: /^Drag/ })).toBeNull();
    expect(screen.queryByLabelText(/Move .* to stage/)).toBeNull();
  });

  it("says when the job is not found", async () => {
    setup({ boardAnswer: () => problem(404, "not_found") });
    expect(await screen.findByText("Job not found")).toBeInTheDocument();
  });
});
