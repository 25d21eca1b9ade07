import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApplicationItem, JobStage } from "../../../api/types";
import { visibleNavItems } from "../../../auth/navigation";
import { exactTime, relativeTime } from "../../../lib/relativeTime";
import { installFakeFetch, type RecordedCall } from "../../../test/fakeFetch";
import { LocationProbe } from "../../../test/LocationProbe";
import { renderAt } from "../../../test/render";
import { ApplicationsListPage } from "../applications/ApplicationsListPage";
import { application, appIds, jobId, jobListItem, jsonResponse, me, problem, signedIn, stageIds } from "./fixtures";

const otherJobId = "01a1fd87-e106-716d-812f-d073253feb99";
const candidateId = "cand-ada";
const stages: JobStage[] = [
  { id: stageIds.applied, name: "Applied", kind: "active", position: 0, count: 2 },
  { id: stageIds.screening, name: "Screening", kind: "active", position: 1, count: 1 },
  { id: stageIds.rejected, name: "Rejected", kind: "rejected", position: 2, count: 0 },
];

const item = (overrides: Partial<ApplicationItem> = {}): ApplicationItem => application(overrides);
const page = (items: ApplicationItem[], total = items.length, p = 1) => jsonResponse(200, { items, total, page: p, per_page: 25 });

const pathOf = (call: RecordedCall) => new URL(call.url, "http://x").pathname;
const paramsOf = (call: RecordedCall) => Object.fromEntries(new URL(call.url, "http://x").searchParams);
const listed = (calls: RecordedCall[]) => calls.filter((c) => pathOf(c) === "/api/applications");
const lastQuery = (calls: RecordedCall[]) => paramsOf(listed(calls).at(-1)!);
const location = () => screen.getByTestId("location").textContent;

function setup(route: string, answer: (call: RecordedCall) => Response = () => page([item()]), permissions?: string[]) {
  const calls = installFakeFetch(
    signedIn((call, path) => {
      if (path === "/api/applications") return answer(call);
      if (path === "/api/jobs") return jsonResponse(200, { items: [jobListItem(), jobListItem({ id: otherJobId, title: "QA Engineer", reference: "REQ-0002" })], total: 2, page: 1, per_page: 100 });
      if (path === `/api/jobs/${jobId}/stages`) return jsonResponse(200, stages);
      if (path === `/api/jobs/${otherJobId}/stages`) return jsonResponse(200, []);
      return undefined;
    }, permissions ? me(permissions) : me()),
  );
  renderAt(
    <>
      <ApplicationsListPage />
      <LocationProbe />
    </>,
    { path: "/recruiting/applications", route },
  );
  return calls;
}

describe("applications list", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is in the navigation only for applications:read", () => {
    expect(visibleNavItems(me(["applications:read"])).map((i) => i.to)).toContain("/recruiting/applications");
    expect(visibleNavItems(me(["jobs:read", "candidates:read"])).map((i) => i.to)).not.toContain("/recruiting/applications");
  });

  it("sends every filter in the URL to GET /api/applications under the API's names, and shows them in the form", async () => {
    const who = me().id;
    const calls = setup(
      `/recruiting/applications?q=ada&sort=in_stage&job_id=${jobId}&stage_id=${stageIds.screening}&state=active&client=Initech&submitted_from=2026-11-01&submitted_to=2026-11-30&verified=false&candidate_id=${candidateId}&recruiter_id=${who}&manager_id=${who}&page=2`,
      () => page([item()], 30, 2),
    );
    await screen.findByRole("link", { name: "Ada Lovelace" });
    expect(lastQuery(calls)).toEqual({
      q: "ada",
      sort: "in_stage",
      job_id: jobId,
      stage_id: stageIds.screening,
      state: "active",
      client: "Initech",
      submitted_from: "2026-11-01",
      submitted_to: "2026-11-30",
      verified: "false",
      candidate_id: candidateId,
      recruiter_id: who,
      manager_id: who,
      page: "2",
      per_page: "25",
    });
    // The job select is fed by GET /api/jobs, the stage select by the chosen job's stages.
    expect(paramsOf(calls.find((c) => pathOf(c) === "/api/jobs")!)).toEqual({ sort: "title", page: "1", per_page: "100" });
    await waitFor(() => expect(screen.getByLabelText("Stage")).toHaveDisplayValue("Screening"));
    expect(screen.getByLabelText("Job")).toHaveDisplayValue("Java Backend Developer (REQ-0001)");
    expect(screen.getByLabelText("Status")).toHaveValue("active");
    expect(screen.getByLabelText("Candidate")).toHaveValue("ada");
    expect(screen.getByLabelText("Sort by")).toHaveValue("in_stage");
    expect(screen.getByLabelText("Client")).toHaveValue("Initech");
    expect(screen.getByLabelText("Applied from")).toHaveValue("2026-11-01");
    expect(screen.getByLabelText("Applied to")).toHaveValue("2026-11-30");
    expect(screen.getByLabelText("Verified by manager")).toHaveValue("false");
    expect(screen.getByLabelText("Recruited by me")).toBeChecked();
    expect(screen.getByLabelText("On jobs I manage")).toBeChecked();
    expect(screen.getByText("Candidate: Ada Lovelace")).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Applications" })).getByRole("status")).toHaveTextContent("30 applications");
    expect(screen.getByText("Page 2 of 2")).toBeInTheDocument();
  });

  it("puts filter changes in the URL and the request, each back on page 1", async () => {
    const user = userEvent.setup();
    const calls = setup("/recruiting/applications?page=2", (call) => page([item()], 60, Number(paramsOf(call).page)));
    await screen.findByRole("link", { name: "Ada Lovelace" });
    expect(lastQuery(calls)).toEqual({ page: "2", per_page: "25" });
    expect(screen.getByLabelText("Stage")).toBeDisabled();

    // Typed text goes along with a select change made before Apply.
    await user.type(screen.getByLabelText("Client"), "Initech");
    await user.selectOptions(screen.getByLabelText("Status"), "hired");
    await waitFor(() => expect(location()).toBe("/recruiting/applications?client=Initech&state=hired"));
    await waitFor(() => expect(lastQuery(calls)).toEqual({ client: "Initech", state: "hired", page: "1", per_page: "25" }));

    await user.type(screen.getByLabelText("Applied from"), "2026-11-01");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(lastQuery(calls).submitted_from).toBe("2026-11-01"));

    await user.selectOptions(screen.getByLabelText("Job"), jobId);
    await waitFor(() => expect(lastQuery(calls).job_id).toBe(jobId));
    const stage = screen.getByLabelText("Stage");
    await waitFor(() => expect(stage).toBeEnabled());
    await user.selectOptions(await screen.findByLabelText("Stage"), stageIds.rejected);
    await waitFor(() => expect(lastQuery(calls).stage_id).toBe(stageIds.rejected));

    await user.selectOptions(screen.getByLabelText("Verified by manager"), "true");
    await user.click(screen.getByLabelText("Recruited by me"));
    await user.type(screen.getByLabelText("Candidate"), "lovelace");
    await user.selectOptions(screen.getByLabelText("Sort by"), "candidate");
    await waitFor(() =>
      expect(lastQuery(calls)).toEqual({
        q: "lovelace",
        sort: "candidate",
        client: "Initech",
        state: "hired",
        submitted_from: "2026-11-01",
        job_id: jobId,
        stage_id: stageIds.rejected,
        verified: "true",
        recruiter_id: me().id,
        page: "1",
        per_page: "25",
      }),
    );

    // Another job's stages are not this one's: the stage filter goes.
    await user.selectOptions(screen.getByLabelText("Job"), otherJobId);
    await waitFor(() => expect(lastQuery(calls).job_id).toBe(otherJobId));
    expect(lastQuery(calls).stage_id).toBeUndefined();

    // A row narrows to its candidate; the chip takes it away again.
    await user.click(screen.getByRole("button", { name: "Show only the applications of Ada Lovelace" }));
    await waitFor(() => expect(lastQuery(calls).candidate_id).toBe(candidateId));
    await user.click(await screen.findByRole("button", { name: "Remove the candidate filter" }));
    await waitFor(() => expect(lastQuery(calls).candidate_id).toBeUndefined());

    await user.click(screen.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(lastQuery(calls).page).toBe("2"));
  });

  it("links each row to its application, candidate and job, with relative times whose exact time is in the title", async () => {
    const hired = item({ id: appIds.bob, candidate: { id: "cand-bob", full_name: "Bob Stone", email: null }, stage: { id: "st-h", name: "Joined", kind: "hired" }, state: "hired", verified_by_manager: true });
    setup("/recruiting/applications", () => page([item(), hired]));
    const row = (await screen.findByRole("link", { name: "Ada Lovelace" })).closest("tr")!;
    expect(within(row).getByRole("link", { name: "Ada Lovelace" })).toHaveAttribute("href", `/recruiting/candidates/${candidateId}`);
    expect(within(row).getByRole("link", { name: "Java Backend Developer" })).toHaveAttribute("href", `/recruiting/jobs/${jobId}`);
    expect(within(row).getByRole("link", { name: "Open the application of Ada Lovelace to Java Backend Developer" })).toHaveAttribute("href", `/recruiting/applications/${appIds.ada}`);
    expect(within(row).getByText("Screening")).toBeInTheDocument();
    expect(within(row).getByText("Active")).toBeInTheDocument();
    expect(within(row).getByText("Not verified")).toBeInTheDocument();
    expect(within(row).getByText("REQ-0001 · Initech")).toBeInTheDocument();
    const applied = within(row).getByText(relativeTime("2026-11-10T10:00:00Z"));
    expect(applied.tagName).toBe("TIME");
    expect(applied).toHaveAttribute("dateTime", "2026-11-10T10:00:00Z");
    expect(applied).toHaveAttribute("title", exactTime("2026-11-10T10:00:00Z"));
    expect(within(row).getByText(relativeTime("2026-11-18T10:00:00Z"))).toHaveAttribute("title", exactTime("2026-11-18T10:00:00Z"));

    const other = screen.getByRole("link", { name: "Bob Stone" }).closest("tr")!;
    expect(within(other).getByText("Hired")).toBeInTheDocument();
    expect(within(other).getByText("Verified")).toBeInTheDocument();
    expect(within(other).getByRole("link", { name: /^Open the application of Bob Stone/ })).toHaveAttribute("href", `/recruiting/applications/${appIds.bob}`);
  });

  it("without jobs:read or candidates:read: names as text, no job select, a job picked from a row is a chip", async () => {
    const user = userEvent.setup();
    const calls = setup("/recruiting/applications", () => page([item()]), ["applications:read"]);
    await screen.findByText("Ada Lovelace");
    expect(screen.queryByRole("link", { name: "Ada Lovelace" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Java Backend Developer" })).toBeNull();
    expect(screen.getByRole("link", { name: /^Open the application of Ada Lovelace/ })).toHaveAttribute("href", `/recruiting/applications/${appIds.ada}`);
    expect(screen.queryByLabelText("Job")).toBeNull();
    expect(calls.some((c) => pathOf(c) === "/api/jobs")).toBe(false);

    await user.click(screen.getByRole("button", { name: "Show only the applications to Java Backend Developer" }));
    await waitFor(() => expect(lastQuery(calls).job_id).toBe(jobId));
    expect(await screen.findByText("Job: Java Backend Developer")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove the job filter" }));
    await waitFor(() => expect(location()).toBe("/recruiting/applications"));
  });

  it("names the filter the API refused (422) in the alert and on its field", async () => {
    const user = userEvent.setup();
    setup("/recruiting/applications?submitted_from=2026-13-01&state=won", () =>
      problem(422, "validation_failed", {
        errors: [
          { field: "state", code: "invalid_state", message: "one of active, hired, rejected" },
          { field: "submitted_from", code: "invalid_date", message: "a date as YYYY-MM-DD" },
        ],
      }),
    );
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not load applications");
    expect(alert).toHaveTextContent("Status: one of active, hired, rejected; Applied from: a date as YYYY-MM-DD");
    expect(screen.getByLabelText("Applied from")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Status")).toHaveAttribute("aria-invalid", "true");
    await user.click(within(alert).getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(location()).toBe("/recruiting/applications"));
  });

  it("shows a refusal (403) in words", async () => {
    setup("/recruiting/applications", () => problem(403, "forbidden"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this.");
  });

  it("says when nothing matches the filters, and offers to clear them", async () => {
    const user = userEvent.setup();
    setup("/recruiting/applications?state=hired", () => page([]));
    expect(await screen.findByText("No applications match these filters.")).toBeInTheDocument();
    const empty = screen.getByText("No applications match these filters.").parentElement!;
    await user.click(within(empty).getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(location()).toBe("/recruiting/applications"));
    expect(await screen.findByText("No applications yet.")).toBeInTheDocument();
  });
});
