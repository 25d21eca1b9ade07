import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { visibleNavItems } from "../../../auth/navigation";
import { installFakeFetch, jsonResponse, problem, type RecordedCall } from "../../../test/fakeFetch";
import { LocationProbe } from "../../../test/LocationProbe";
import { renderAt } from "../../../test/render";
import { jobListItem, me, signedIn } from "../../recruiting/__tests__/fixtures";
import { AnalyticsPage } from "../AnalyticsPage";
import { emptyRequirements, jobA, jobB, pipelineReport, requirementsReport } from "./fixtures";

const READER = ["reports:read", "jobs:read"];
const url = (c: RecordedCall) => new URL(c.url, "http://x");
const callsTo = (calls: RecordedCall[], path: string) => calls.filter((c) => url(c).pathname === path).map((c) => Object.fromEntries(url(c).searchParams));

interface Answers {
  pipeline?: (query: URLSearchParams) => Response | Promise<Response>;
  requirements?: (query: URLSearchParams) => Response | Promise<Response>;
  jobs?: (query: URLSearchParams) => Response;
}

const jobsPage = (total = 2) =>
  jsonResponse(200, { items: [jobListItem({ id: jobA, title: "Java Backend Developer", reference: "REQ-0001" }), jobListItem({ id: jobB, title: "QA Engineer", reference: "REQ-0002" })], total, page: 1, per_page: 100 });

function setup({ pipeline = () => jsonResponse(200, pipelineReport(null)), requirements = () => jsonResponse(200, requirementsReport()), jobs = () => jobsPage() }: Answers = {}, { route = "/recruiting/analytics", permissions = READER } = {}) {
  const calls = installFakeFetch(
    signedIn((call, path) => {
      const query = url(call).searchParams;
      if (path === "/api/analytics/pipeline") return pipeline(query);
      if (path === "/api/analytics/requirements") return requirements(query);
      if (path === "/api/jobs") return jobs(query);
      return undefined;
    }, me(permissions)),
  );
  renderAt(
    <>
      <AnalyticsPage />
      <LocationProbe />
    </>,
    { path: "/recruiting/analytics", route },
  );
  return calls;
}

const section = (name: string) => screen.getByRole("region", { name });
const tableRows = (name: string) =>
  within(screen.getByRole("table", { name }))
    .getAllByRole("row")
    .map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent));

describe("analytics page", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows Analytics in the navigation only to reports:read holders", () => {
    const labels = (perms: string[]) => visibleNavItems(me(perms)).map((i) => i.label);
    expect(labels(["reports:read"])).toContain("Analytics");
    expect(labels(["jobs:read", "candidates:read"])).not.toContain("Analytics");
  });

  it("loads both reports and shows the API's exact figures in the tables", async () => {
    let release!: () => void;
    const calls = setup({ pipeline: () => new Promise<Response>((resolve) => (release = () => resolve(jsonResponse(200, pipelineReport(null))))) });
    expect(await screen.findByText("Loading the pipeline report")).toBeInTheDocument();
    release();

    await screen.findByRole("table", { name: "Stage conversion" });
    expect(tableRows("Stage conversion")).toEqual([
      ["Stage", "Reached", "In the stage now", "Conversion from previous stage"],
      ["Applied", "3", "0", "—"],
      ["Screening", "3", "0", "100%"],
      ["Interview", "1", "1", "33%"],
      ["Offer", "0", "0", "0%"],
      ["Hired", "1", "1", "—"],
      ["Rejected", "1", "1", "100%"],
    ]);
    expect(tableRows("Time in stage (days)")).toEqual([
      ["Stage", "Average days", "Median days"],
      ["Applied", "3.33", "4"],
      ["Screening", "2", "2"],
      ["Interview", "15", "15"],
      ["Offer", "—", "—"],
      ["Hired", "—", "—"],
      ["Rejected", "—", "—"],
    ]);
    const pipeline = section("Pipeline");
    expect(within(pipeline).getByText("Applications").nextSibling).toHaveTextContent("3");
    expect(within(pipeline).getByRole("img", { name: /^Bar chart, Stage conversion: Applied: Reached 3, In the stage now 0; Screening/ })).toBeInTheDocument();

    await screen.findByRole("table", { name: "Ageing by client" });
    expect(tableRows("Ageing by client")).toEqual([
      ["Client", "0–7 days", "8–15 days", "16–30 days", "31–60 days", "61+ days", "Total"],
      ["Acme", "1", "0", "0", "0", "1", "2"],
      ["Globex", "0", "0", "1", "0", "0", "1"],
      ["No client", "0", "1", "0", "0", "0", "1"],
    ]);
    expect(tableRows("Ageing by recruiter")).toEqual([
      ["Recruiter", "0–7 days", "8–15 days", "16–30 days", "31–60 days", "61+ days", "Total"],
      ["Ann Recruiter", "1", "0", "1", "0", "0", "2"],
      ["Bob Recruiter", "0", "0", "1", "0", "0", "1"],
      ["No recruiter", "0", "1", "0", "0", "1", "2"],
    ]);
    expect(tableRows("Open requirements by age")).toEqual([
      ["Open for", "Requirements"],
      ["0–7 days", "1"],
      ["8–15 days", "1"],
      ["16–30 days", "1"],
      ["31–60 days", "0"],
      ["61+ days", "1"],
    ]);
    expect(within(section("Open requirements")).getByText("Open requirements", { selector: "dt" }).nextSibling).toHaveTextContent("4");
    expect(within(section("Open requirements")).getByRole("img", { name: /^Stacked bar chart, Ageing by client: Acme: 0–7 days 1, 8–15 days 0/ })).toBeInTheDocument();

    expect(callsTo(calls, "/api/analytics/pipeline")).toEqual([{}]);
    expect(callsTo(calls, "/api/analytics/requirements")).toEqual([{}]);
    expect(callsTo(calls, "/api/jobs")).toEqual([{ sort: "title", per_page: "100" }]);
  });

  it("asks for the chosen job's report and keeps the choice in the URL", async () => {
    const user = userEvent.setup();
    const one = pipelineReport(jobB);
    one.stages = one.stages.slice(0, 2);
    one.stages[0]!.reached = 7;
    const calls = setup({ pipeline: (q) => jsonResponse(200, q.get("job_id") === jobB ? one : pipelineReport(null)) });
    const select = await screen.findByRole("combobox", { name: "Job" });
    await screen.findByRole("option", { name: "QA Engineer · REQ-0002" });
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["All open jobs", "Java Backend Developer · REQ-0001", "QA Engineer · REQ-0002"]);

    await user.selectOptions(select, jobB);
    await waitFor(() => expect(tableRows("Stage conversion")).toEqual([
      ["Stage", "Reached", "In the stage now", "Conversion from previous stage"],
      ["Applied", "7", "0", "—"],
      ["Screening", "3", "0", "100%"],
    ]));
    expect(callsTo(calls, "/api/analytics/pipeline")).toEqual([{}, { job_id: jobB }]);
    expect(select).toHaveValue(jobB);
    expect(screen.getByTestId("location")).toHaveTextContent(`/recruiting/analytics?job_id=${jobB}`);
  });

  it("opens on the job named in the link, even when the list does not hold it", async () => {
    const other = "01a1fd87-e106-716d-812f-d073253feb99";
    const calls = setup({}, { route: `/recruiting/analytics?job_id=${other}` });
    const select = await screen.findByRole("combobox", { name: "Job" });
    await screen.findByRole("option", { name: "QA Engineer · REQ-0002" });
    expect(select).toHaveValue(other);
    expect(screen.getByRole("option", { name: "The selected job" })).toBeInTheDocument();
    expect(callsTo(calls, "/api/analytics/pipeline")).toEqual([{ job_id: other }]);
  });

  it("offers Find a job when the list is cut at 100, and searches with q", async () => {
    const user = userEvent.setup();
    const calls = setup({ jobs: () => jobsPage(150) });
    expect(await screen.findByText("The first 2 of 150 jobs by title; use Find a job for the others.")).toBeInTheDocument();
    await user.type(screen.getByRole("searchbox", { name: "Find a job" }), "java");
    await waitFor(() => expect(callsTo(calls, "/api/jobs").at(-1)).toEqual({ sort: "title", per_page: "100", q: "java" }));
  });

  it("covers every open job without a job list for callers lacking jobs:read", async () => {
    const calls = setup({}, { permissions: ["reports:read"] });
    await screen.findByRole("table", { name: "Stage conversion" });
    expect(screen.queryByRole("combobox", { name: "Job" })).toBeNull();
    expect(callsTo(calls, "/api/jobs")).toEqual([]);
  });

  it("says in words that a job is not visible (404)", async () => {
    setup({ pipeline: () => problem(404, "not_found") }, { route: `/recruiting/analytics?job_id=${jobA}` });
    expect(await within(await screen.findByRole("region", { name: "Pipeline" })).findByRole("alert")).toHaveTextContent("This job does not exist or is not visible to you.");
  });

  it("names the refused parameter of a 422", async () => {
    setup({ pipeline: () => problem(422, "validation_failed", { errors: [{ field: "job_id", code: "invalid", message: "must be a UUID" }] }) }, { route: "/recruiting/analytics?job_id=nope" });
    expect(await within(await screen.findByRole("region", { name: "Pipeline" })).findByRole("alert")).toHaveTextContent("job_id: must be a UUID");
  });

  it("says in words when the role may not read reports (403)", async () => {
    setup({ pipeline: () => problem(403, "missing_permission"), requirements: () => problem(403, "missing_permission") });
    const alerts = await screen.findAllByRole("alert");
    await waitFor(() => expect(screen.getAllByRole("alert")).toHaveLength(2));
    expect(alerts[0]).toHaveTextContent("Could not load the pipeline report");
    for (const alert of screen.getAllByRole("alert")) expect(alert).toHaveTextContent("Your role does not allow this.");
  });

  it("says when there is nothing to report", async () => {
    setup({ pipeline: () => jsonResponse(200, { job_id: null, stages: [], totals: { applications: 0, hired: 0, rejected: 0, active: 0 } }), requirements: () => jsonResponse(200, emptyRequirements()) });
    expect(await screen.findByText("No open jobs with stages to report yet.")).toBeInTheDocument();
    expect(await screen.findByText("No open requirements.")).toBeInTheDocument();
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("filters the requirements by status and priority with the API's names", async () => {
    const user = userEvent.setup();
    const calls = setup({ requirements: (q) => jsonResponse(200, q.get("priority") === "critical" ? emptyRequirements() : requirementsReport()) });
    await screen.findByRole("table", { name: "Ageing by client" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "on_hold");
    await user.selectOptions(screen.getByRole("combobox", { name: "Priority" }), "critical");
    expect(await screen.findByText("No open requirements match these filters.")).toBeInTheDocument();
    expect(callsTo(calls, "/api/analytics/requirements")).toEqual([{}, { status: "on_hold" }, { status: "on_hold", priority: "critical" }]);
    expect(screen.getByTestId("location")).toHaveTextContent("/recruiting/analytics?status=on_hold&priority=critical");
  });
});
