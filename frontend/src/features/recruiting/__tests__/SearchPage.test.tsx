import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installFakeFetch, type RecordedCall } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { Highlighted, SearchPage } from "../search/SearchPage";
import { jsonResponse, me, problem, signedIn } from "./fixtures";

const hit = {
  type: "candidate",
  id: "cand-1",
  title: "Lena Dubois",
  subtitle: "Data Engineer @ N26 · Remote",
  score: 0.6,
  snippet: { text: "Data Engineer <b>N26</b> python spark", highlights: [[25, 31]] },
};

function setup(answer: (c: RecordedCall) => Response, permissions?: string[], route = "/recruiting/search") {
  const calls = installFakeFetch(signedIn((call, path) => (path === "/api/search" ? answer(call) : undefined), me(permissions)));
  renderAt(<SearchPage />, { path: "/recruiting/search", route });
  return calls;
}

const searchParams = (calls: RecordedCall[]) => calls.filter((c) => c.url.includes("/api/search")).map((c) => Object.fromEntries(new URL(c.url, "http://x").searchParams));

describe("global search", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("searches candidates, highlights the snippet as text and links the hit", async () => {
    const user = userEvent.setup();
    const calls = setup(() => jsonResponse(200, { items: [hit], total: 1, page: 1, per_page: 20 }));
    await user.type(await screen.findByLabelText("Search for"), "python");
    await user.click(screen.getByRole("button", { name: "Search" }));
    expect(await screen.findByRole("link", { name: "Lena Dubois" })).toHaveAttribute("href", "/recruiting/candidates/cand-1");
    expect(screen.getByText("python", { selector: "mark" })).toBeInTheDocument();
    expect(screen.getByText(/<b>N26<\/b>/)).toBeInTheDocument();
    expect(searchParams(calls)[0]).toEqual({ q: "python", type: "candidates", page: "1", per_page: "20" });
  });

  it("switches to jobs and links job hits to the job page", async () => {
    const user = userEvent.setup();
    const calls = setup((c) => jsonResponse(200, { items: c.url.includes("type=jobs") ? [{ ...hit, type: "job", id: "job-1", title: "Java Backend Developer" }] : [], total: 1, page: 1, per_page: 20 }), undefined, "/recruiting/search?q=java");
    await screen.findByText("Nothing found for “java”.");
    await user.click(screen.getByRole("radio", { name: "Jobs" }));
    expect(await screen.findByRole("link", { name: "Java Backend Developer" })).toHaveAttribute("href", "/recruiting/jobs/job-1");
    expect(searchParams(calls).at(-1)).toMatchObject({ q: "java", type: "jobs" });
  });

  it("offers only the types the role may search, and shows a 422 on the field", async () => {
    setup(() => problem(422, "validation_failed", { errors: [{ field: "q", code: "too_short", message: "needs a word of at least 2 letters or digits" }] }), ["jobs:read"], "/recruiting/search?q=a");
    expect(await screen.findByText("needs a word of at least 2 letters or digits")).toBeInTheDocument();
    expect(screen.queryByRole("radio")).toBeNull();
  });

  it("counts highlight offsets in characters, not UTF-16 units", () => {
    render(<Highlighted text="😀 rustacean" highlights={[[2, 11]]} />);
    expect(screen.getByText("rustacean", { selector: "mark" })).toBeInTheDocument();
  });
});
