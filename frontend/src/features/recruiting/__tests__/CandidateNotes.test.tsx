import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Note } from "../../../api/types";
import { installFakeFetch, type RecordedCall } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { CandidateProfilePage } from "../candidates/CandidateProfilePage";
import { candId, candidate, note, page } from "./candidateFixtures";
import { jsonResponse, me, problem, signedIn } from "./fixtures";

const older = note("n1", "Called, prefers remote.", "2026-11-18T09:00:00Z", "Jonas Rossi");
const newer = note("n2", "Second interview <b>booked</b> <img src=x onerror=alert(1)>", "2026-11-20T15:30:00Z");

function setup(post: (call: RecordedCall) => Response, notes: () => Response = () => jsonResponse(200, page([newer, older])), who = me()) {
  const calls = installFakeFetch(
    signedIn((call, path) => {
      if (path === `/api/candidates/${candId}`) return jsonResponse(200, candidate());
      if (path === `/api/candidates/${candId}/documents`) return jsonResponse(200, []);
      if (path === `/api/candidates/${candId}/notes` && call.method === "GET") return notes();
      if (path === `/api/candidates/${candId}/notes` && call.method === "POST") return post(call);
      return undefined;
    }, who),
  );
  renderAt(<CandidateProfilePage />, { path: "/recruiting/candidates/:id", route: `/recruiting/candidates/${candId}` });
  return calls;
}

const notesList = () => screen.findByRole("list", { name: "Notes, newest first" });

describe("candidate notes", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists the notes newest first with author and time, as text and never HTML", async () => {
    setup(() => jsonResponse(201, {}));
    const items = within(await notesList()).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("Second interview <b>booked</b> <img src=x onerror=alert(1)>");
    expect(items[0]).toHaveTextContent("Sofia Mensah");
    expect(items[0]!.querySelector("time")).toHaveAttribute("datetime", "2026-11-20T15:30:00Z");
    expect(items[0]!.querySelector("b, img")).toBeNull();
    expect(items[1]).toHaveTextContent("Called, prefers remote.");
    expect(items[1]).toHaveTextContent("Jonas Rossi");
  });

  it("adds a note: posts the trimmed text, announces it and shows the refetched list with it on top", async () => {
    const user = userEvent.setup();
    const added = note("n3", "Offer expected\nby Friday", "2026-11-21T08:00:00Z", "Jonas Rossi");
    let list: Note[] = [newer, older];
    const calls = setup(
      () => {
        list = [added, ...list];
        return jsonResponse(201, added);
      },
      () => jsonResponse(200, page(list)),
    );
    await notesList();
    await user.type(screen.getByLabelText("Add a note"), "  Offer expected{Enter}by Friday  ");
    await user.click(screen.getByRole("button", { name: "Add note" }));
    expect(await screen.findByText("Note added.")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({ body: "Offer expected\nby Friday" });
    await waitFor(() => expect(within(screen.getByRole("list", { name: "Notes, newest first" })).getAllByRole("listitem")).toHaveLength(3));
    expect(within(screen.getByRole("list", { name: "Notes, newest first" })).getAllByRole("listitem")[0]).toHaveTextContent("Offer expected by Friday");
    expect(screen.getByLabelText("Add a note")).toHaveValue("");
  });

  it("refuses an empty note before sending and puts a 422 on the note field", async () => {
    const user = userEvent.setup();
    const calls = setup(() => problem(422, "validation_failed", { errors: [{ field: "body", code: "too_long", message: "At most 10,000 characters." }] }));
    await notesList();
    await user.type(screen.getByLabelText("Add a note"), "   ");
    await user.click(screen.getByRole("button", { name: "Add note" }));
    expect(await screen.findByText("Write the note first.")).toBeInTheDocument();
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(0);

    await user.type(screen.getByLabelText("Add a note"), "Too long for the API");
    await user.click(screen.getByRole("button", { name: "Add note" }));
    await waitFor(() => expect(screen.getByLabelText("Add a note")).toHaveAccessibleDescription(/At most 10,000 characters\./));
    expect(screen.getByLabelText("Add a note")).toHaveValue("   Too long for the API");
  });

  it("words a 403 not_candidate_owner and keeps the text", async () => {
    const user = userEvent.setup();
    setup(() => problem(403, "not_candidate_owner"));
    await notesList();
    await user.type(screen.getByLabelText("Add a note"), "Hello");
    await user.click(screen.getByRole("button", { name: "Add note" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only the company that owns this profile can change it.");
    expect(screen.getByLabelText("Add a note")).toHaveValue("Hello");
  });

  it("shows older notes on request", async () => {
    const user = userEvent.setup();
    const calls = setup(
      () => jsonResponse(201, {}),
      () => {
        const url = new URL(calls.at(-1)!.url, "http://x");
        return url.searchParams.get("page") === "2" ? jsonResponse(200, page([older], 2, 51)) : jsonResponse(200, page([newer], 1, 51));
      },
    );
    expect(within(await notesList()).getAllByRole("listitem")).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Show older notes" }));
    await waitFor(() => expect(within(screen.getByRole("list", { name: "Notes, newest first" })).getAllByRole("listitem")).toHaveLength(2));
    expect(screen.queryByRole("button", { name: "Show older notes" })).toBeNull();
  });

  it("says when the notes cannot be loaded; readers without write see no form", async () => {
    setup(() => jsonResponse(201, {}), () => problem(500, "internal", { detail: "The database is unavailable." }), me(["candidates:read"]));
    expect(await screen.findByText("Could not load the notes")).toBeInTheDocument();
    expect(screen.getByText("The database is unavailable.")).toBeInTheDocument();
    expect(screen.queryByLabelText("Add a note")).toBeNull();
  });
});
