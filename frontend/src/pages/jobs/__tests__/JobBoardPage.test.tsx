import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installFakeFetch, jsonResponse, problem, type RecordedCall } from "../../../test/fakeFetch";
import { LocationProbe } from "../../../test/LocationProbe";
import { renderAt } from "../../../test/render";
import { JobBoardPage } from "../JobBoardPage";
import { companyId, job } from "./fixtures";

/** Query parameters of the last board request. */
function lastQuery(calls: RecordedCall[]): Record<string, string> {
  const board = calls.filter((c) => new URL(c.url, "http://x").pathname === "/api/public/jobs");
  return Object.fromEntries(new URL(board.at(-1)!.url, "http://x").searchParams);
}

function setup(route: string, answer: (call: RecordedCall) => Response = () => jsonResponse(200, { items: [job()], total: 45, page: 1, per_page: 20 })) {
  const calls = installFakeFetch((call) => {
    if (call.url.includes("/api/auth/refresh")) return problem(401, "invalid_refresh_token");
    if (call.url.includes("/api/public/jobs")) return answer(call);
    return undefined;
  });
  renderAt(
    <>
      <JobBoardPage />
      <LocationProbe />
    </>,
    { path: "/jobs", route },
  );
  return calls;
}

const location = () => screen.getByTestId("location").textContent;

describe("job board", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("sends the filters from the URL, without a token, and fills the form from them", async () => {
    const calls = setup("/jobs?q=react&work_mode=remote&page=2");
    await screen.findByRole("link", { name: "Frontend Developer (React)" });
    expect(lastQuery(calls)).toEqual({ q: "react", work_mode: "remote", page: "2", per_page: "20" });
    const board = calls.find((c) => c.url.includes("/api/public/jobs"))!;
    expect(board.headers.get("Authorization")).toBeNull();
    expect(screen.getByLabelText("Keywords")).toHaveValue("react");
    expect(screen.getByLabelText("Work mode")).toHaveValue("remote");
    expect(screen.getByText("45 jobs")).toBeInTheDocument();
  });

  it("puts search, filters and paging into the query string and the request; a filter change goes back to page 1", async () => {
    const user = userEvent.setup();
    const calls = setup("/jobs");
    await screen.findByRole("link", { name: "Frontend Developer (React)" });
    expect(lastQuery(calls)).toEqual({ page: "1", per_page: "20" });

    await user.type(screen.getByLabelText("Keywords"), "design system");
    await user.type(screen.getByLabelText("Location"), "London");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(location()).toBe("/jobs?q=design+system&location=London"));
    await waitFor(() => expect(lastQuery(calls)).toEqual({ q: "design system", location: "London", page: "1", per_page: "20" }));

    await user.click(screen.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(location()).toBe("/jobs?q=design+system&location=London&page=2"));
    await waitFor(() => expect(lastQuery(calls).page).toBe("2"));

    await user.selectOptions(screen.getByLabelText("Employment type"), "contract");
    await waitFor(() => expect(location()).toBe("/jobs?q=design+system&location=London&employment_type=contract"));
    await waitFor(() =>
      expect(lastQuery(calls)).toEqual({ q: "design system", location: "London", employment_type: "contract", page: "1", per_page: "20" }),
    );

    // A company name narrows to that company (by id, as the API takes it).
    await user.click(screen.getByRole("button", { name: "Show only jobs at Bluepeak Staffing" }));
    await waitFor(() => expect(lastQuery(calls).company).toBe(companyId));
    expect(screen.getByText(/Company: Bluepeak Staffing/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Clear all filters" }));
    await waitFor(() => expect(location()).toBe("/jobs"));
    await waitFor(() => expect(lastQuery(calls)).toEqual({ page: "1", per_page: "20" }));
  });

  it("says so when nothing matches, and offers to clear the filters", async () => {
    setup("/jobs?tag=cobol", () => jsonResponse(200, { items: [], total: 0, page: 1, per_page: 20 }));
    expect(await screen.findByText("No jobs match these filters.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Clear filters" })).toBeInTheDocument();
  });

  it("shows the API's error, naming a refused filter", async () => {
    setup("/jobs?work_mode=moon", () =>
      problem(422, "validation_failed", { errors: [{ field: "work_mode", code: "invalid_choice", message: "must be one of: onsite, remote, hybrid" }] }),
    );
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(/work_mode: must be one of: onsite, remote, hybrid/)).toBeInTheDocument();
  });
});

