import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Dashboard } from "../../../api/types";
import { signedIn } from "../../../features/recruiting/__tests__/fixtures";
import { installFakeFetch, jsonResponse, problem } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { DashboardPage } from "../DashboardPage";
import { employer, manager, platform } from "./fixtures";

function setup(answer: () => Response | Promise<Response>) {
  installFakeFetch(signedIn((_call, path) => (path === "/api/dashboard" ? answer() : undefined)));
  renderAt(<DashboardPage />);
}
const ok = (d: Dashboard) => () => jsonResponse(200, d);

/** The table alternative of a chart as [row label, ...cells]. */
const tableRows = (name: string) =>
  within(screen.getByRole("table", { name }))
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent));

describe("dashboard", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows a spinner, then the KPI cards and a chart per breakdown with the exact figures as a table", async () => {
    let release!: () => void;
    setup(() => new Promise<Response>((resolve) => (release = () => resolve(jsonResponse(200, platform())))));
    expect(await screen.findByText("Loading your dashboard")).toBeInTheDocument();
    release();

    const users = await screen.findByRole("heading", { name: "Users by status" });
    expect(screen.getByText("Applications, last 7 days").nextSibling).toHaveTextContent("17");
    const chart = within(users.closest("section")!).getByRole("img");
    expect(chart).toHaveAccessibleName("Bar chart, Users by status: Active 41; Pending activation 4; Pending verification 2; Deactivated 0.");
    expect(tableRows("Users by status")).toEqual([
      ["Status", "Users"],
      ["Active", "41"],
      ["Pending activation", "4"],
      ["Pending verification", "2"],
      ["Deactivated", "0"],
    ]);
    expect(tableRows("Companies by type")).toEqual([
      ["Type", "Companies"],
      ["Agency", "3"],
      ["Employer", "5"],
    ]);
    expect(screen.getAllByRole("img")).toHaveLength(3);
    // The lazily loaded recharts drawing arrives inside the labelled figure (zero-sized in jsdom).
    await waitFor(() => expect(chart.querySelector(".recharts-responsive-container")).not.toBeNull());
  });

  it("shows the table in place of the chart on request", async () => {
    const user = userEvent.setup();
    setup(ok(employer()));
    const section = (await screen.findByRole("heading", { name: "Applicants by stage" })).closest("section")!;
    const toggle = within(section).getByRole("button", { name: "Show as table" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    expect(within(section).getByRole("table").parentElement).toHaveClass("sr-only");

    await user.click(toggle);
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(within(section).queryByRole("img")).toBeNull();
    expect(within(section).getByRole("table").parentElement).not.toHaveClass("sr-only");
    expect(tableRows("Applicants by stage")).toEqual([
      ["Stage", "Applicants"],
      ["Applied", "9"],
      ["Interview", "4"],
      ["Hired", "1"],
    ]);

    await user.click(toggle);
    expect(within(section).getByRole("img")).toBeInTheDocument();
  });

  it("says when a breakdown is empty or all zero, without drawing", async () => {
    setup(ok(employer({ applicants_by_stage: [] })));
    expect(await screen.findByText("No applicants on open jobs yet.")).toBeInTheDocument();
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("button", { name: "Show as table" })).toBeNull();
  });

  it("keeps the zeros readable when nothing can be drawn", async () => {
    setup(ok(employer({ applicants_by_stage: [{ key: "Applied", count: 0 }] })));
    expect(await screen.findByText("No applicants on open jobs yet.")).toBeInTheDocument();
    expect(screen.queryByRole("img")).toBeNull();
    expect(tableRows("Applicants by stage")).toEqual([
      ["Stage", "Applicants"],
      ["Applied", "0"],
    ]);
  });

  it("shows table-only columns next to the drawn ones (manager's recruiters)", async () => {
    setup(ok(manager()));
    await screen.findByRole("heading", { name: "Recruiter performance" });
    expect(tableRows("Recruiter performance")).toEqual([
      ["Recruiter", "Submissions", "Interviews", "Offers", "Hires", "Rejections", "Open requirements"],
      ["Ann Recruiter", "12", "5", "2", "1", "4", "3"],
      ["Bob Recruiter", "8", "3", "1", "1", "2", "1"],
    ]);
    expect(screen.getByRole("img", { name: /^Bar chart, Recruiter performance: Ann Recruiter: Submissions 12, Interviews 5, Offers 2, Hires 1; Bob/ })).toBeInTheDocument();
  });

  it("says why the dashboard could not load", async () => {
    setup(() => problem(500, "internal_error", { detail: "The dashboard is unavailable right now." }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The dashboard is unavailable right now.");
    expect(screen.queryByRole("img")).toBeNull();
  });
});
