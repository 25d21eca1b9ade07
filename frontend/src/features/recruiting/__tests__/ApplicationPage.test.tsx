import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FeedbackList } from "../../../api/types";
import { installFakeFetch, type RecordedCall } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { ApplicationPage } from "../applications/ApplicationPage";
import { appIds, application, history, jsonResponse, me, problem, signedIn } from "./fixtures";

const feedback: FeedbackList = {
  items: [{ id: "f1", author: { id: "u1", full_name: "Lena Park" }, feedback_type: "interview", rating: 4, comments: "Solid on <b>Java</b>", created_at: "2026-11-19T10:00:00Z" }],
  count: 1,
  average_rating: 4,
};

function setup({ app, post, permissions }: { app?: () => Response; post?: (c: RecordedCall) => Response; permissions?: string[] } = {}) {
  const base = `/api/applications/${appIds.ada}`;
  const calls = installFakeFetch(
    signedIn((call, path) => {
      if (path === base) return app ? app() : jsonResponse(200, application());
      if (path === `${base}/history`) return jsonResponse(200, history());
      if (path === `${base}/feedback` && call.method === "GET") return jsonResponse(200, feedback);
      if (path === `${base}/feedback` && call.method === "POST") return post ? post(call) : jsonResponse(201, {});
      return undefined;
    }, me(permissions)),
  );
  renderAt(<ApplicationPage />, { path: "/recruiting/applications/:id", route: `/recruiting/applications/${appIds.ada}` });
  return calls;
}

describe("application page", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the details, the resume's scan state and the history oldest first with the copied stage names", async () => {
    setup();
    expect(await screen.findByRole("heading", { level: 1, name: "Ada Lovelace" })).toBeInTheDocument();
    expect(screen.getByText("ada-cv.pdf")).toBeInTheDocument();
    expect(screen.getByText("Clean")).toBeInTheDocument();
    const items = within(await screen.findByRole("list", { name: "Status history" })).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("Entered Applied");
    expect(items[0]).toHaveTextContent("Sourced on LinkedIn");
    expect(items[1]).toHaveTextContent("Applied → Phone screen (old name)");
    expect(items[1]).toHaveTextContent("System");
  });

  it("lists feedback as plain text with its rating", async () => {
    setup();
    expect(await screen.findByText("Solid on <b>Java</b>")).toBeInTheDocument();
    expect(screen.getByLabelText("Rated 4 of 5")).toBeInTheDocument();
    expect(screen.getByText(/average 4.0 \/ 5 from 1/)).toBeInTheDocument();
  });

  it("adds feedback with a 1–5 rating, which is required", async () => {
    const user = userEvent.setup();
    const calls = setup();
    await user.click(await screen.findByRole("button", { name: "Add feedback" }));
    expect(await screen.findByText("Choose a rating from 1 to 5.")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "4" }));
    await user.selectOptions(screen.getByLabelText("Type"), "client");
    await user.type(screen.getByLabelText("Comments"), "Client loved it");
    await user.click(screen.getByRole("button", { name: "Add feedback" }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === "POST" && c.url.endsWith("/feedback"))).toBe(true));
    expect(calls.find((c) => c.method === "POST" && c.url.endsWith("/feedback"))!.body).toEqual({ feedback_type: "client", rating: 4, comments: "Client loved it" });
  });

  it("puts a 422 on its field and says a 403 in words", async () => {
    const user = userEvent.setup();
    let answer = problem(422, "validation_failed", { errors: [{ field: "comments", code: "too_long", message: "Comments are too long." }] });
    setup({ post: () => answer });
    await user.click(await screen.findByRole("radio", { name: "3" }));
    await user.click(screen.getByRole("button", { name: "Add feedback" }));
    expect(await screen.findByText("Comments are too long.")).toBeInTheDocument();
    answer = problem(403, "missing_permission");
    await user.click(screen.getByRole("button", { name: "Add feedback" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this.");
  });

  it("hides the feedback form without applications:write", async () => {
    setup({ permissions: ["applications:read"] });
    await screen.findByText("Solid on <b>Java</b>");
    expect(screen.queryByRole("button", { name: "Add feedback" })).toBeNull();
  });

  it("says when the application is not found", async () => {
    setup({ app: () => problem(404, "not_found") });
    expect(await screen.findByText("Application not found")).toBeInTheDocument();
  });
});
