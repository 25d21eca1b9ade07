import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installFakeFetch, type RecordedCall } from "../../../test/fakeFetch";
import { LocationProbe } from "../../../test/LocationProbe";
import { renderAt } from "../../../test/render";
import { JobDetailPage } from "../jobs/JobDetailPage";
import { JobEditorPage } from "../jobs/JobEditorPage";
import { JobsListPage } from "../jobs/JobsListPage";
import { jobDetails, jobId, jobListItem, jsonResponse, me, problem, signedIn } from "./fixtures";

const listCalls = (calls: RecordedCall[]) => calls.filter((c) => new URL(c.url, "http://x").pathname === "/api/jobs" && c.method === "GET").map((c) => new URL(c.url, "http://x").searchParams);

describe("jobs list", () => {
  afterEach(() => vi.unstubAllGlobals());

  function setup(answer: () => Response = () => jsonResponse(200, { items: [jobListItem(), jobListItem({ id: "j2", title: "QA Engineer", opened_at: null, ageing_days: 0, status: "draft", published: false })], total: 2, page: 1, per_page: 25 }), route = "/recruiting/jobs") {
    const calls = installFakeFetch(signedIn((_c, path) => (path === "/api/jobs" ? answer() : undefined)));
    renderAt(<JobsListPage />, { path: "/recruiting/jobs", route });
    return calls;
  }

  it("lists jobs with ageing, status, priority and links to the job and its pipeline", async () => {
    setup();
    const row = (await screen.findByRole("link", { name: "Java Backend Developer" })).closest("tr")!;
    expect(within(row).getByText("6 days")).toBeInTheDocument();
    expect(within(row).getByText("High")).toBeInTheDocument();
    expect(within(row).getByText("Initech")).toBeInTheDocument();
    expect(within(row).getByRole("link", { name: "Pipeline of Java Backend Developer" })).toHaveAttribute("href", `/recruiting/jobs/${jobId}/pipeline`);
    const never = screen.getByRole("link", { name: "QA Engineer" }).closest("tr")!;
    expect(within(never).getByText("—", { selector: "td" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "New job" })).toHaveAttribute("href", "/recruiting/jobs/new");
  });

  it("sends the filters with the API's names and goes back to page 1", async () => {
    const user = userEvent.setup();
    const calls = setup(undefined, "/recruiting/jobs?page=2");
    await screen.findByText("Java Backend Developer");
    expect(listCalls(calls).at(-1)!.get("page")).toBe("2");
    // Typed text survives a select change that happens before Apply.
    await user.type(screen.getByLabelText("Client"), "Initech");
    await user.selectOptions(screen.getByLabelText("Status"), "open");
    await user.selectOptions(screen.getByLabelText("Priority"), "critical");
    await user.selectOptions(screen.getByLabelText("Kind"), "requirement");
    await user.type(screen.getByLabelText("Ageing from (days)"), "30");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    await user.click(screen.getByLabelText("On my team"));
    const last = listCalls(calls).at(-1)!;
    expect(Object.fromEntries(last)).toEqual({ status: "open", priority: "critical", kind: "requirement", client: "Initech", ageing_min: "30", recruiter: me().id, page: "1", per_page: "25" });
  });

  it("shows which filter the API refused", async () => {
    setup(() => problem(422, "validation_failed", { errors: [{ field: "ageing_min", code: "invalid", message: "must be a whole number" }] }));
    expect(await screen.findByRole("alert")).toHaveTextContent("ageing_min: must be a whole number");
  });
});

describe("job page and editor", () => {
  afterEach(() => vi.unstubAllGlobals());

  function setupDetail(job = jobDetails(), actions: Record<string, (c: RecordedCall) => Response> = {}, permissions?: string[]) {
    const calls = installFakeFetch(
      signedIn((call, path) => {
        if (path === `/api/jobs/${jobId}` && call.method === "GET") return jsonResponse(200, job);
        if (path === `/api/jobs/${jobId}/stages` && call.method === "GET") return jsonResponse(200, []);
        const action = path.split("/").pop()!;
        if (call.method === "POST" && actions[action]) return actions[action](call);
        return undefined;
      }, me(permissions)),
    );
    renderAt(<JobDetailPage />, { path: "/recruiting/jobs/:id", route: `/recruiting/jobs/${jobId}` });
    return calls;
  }

  it("shows the ageing and closes with a reason", async () => {
    const user = userEvent.setup();
    const calls = setupDetail(jobDetails(), { close: () => jsonResponse(200, jobDetails({ status: "closed", close_reason: "filled", published: false })) });
    expect(await screen.findByText(/open for 6 days/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Close" }));
    const dialog = screen.getByRole("dialog", { name: "Close the job" });
    await user.selectOptions(within(dialog).getByLabelText("Reason"), "cancelled");
    await user.type(within(dialog).getByLabelText("Note (optional)"), "Budget cut");
    await user.click(within(dialog).getByRole("button", { name: "Close job" }));
    expect(await screen.findByRole("button", { name: "Reopen" })).toBeInTheDocument();
    expect(calls.find((c) => c.url.endsWith("/close"))!.body).toEqual({ reason: "cancelled", note: "Budget cut" });
  });

  it("publishes a draft and says a 409 in words", async () => {
    const user = userEvent.setup();
    setupDetail(jobDetails({ status: "draft", published: false }), { publish: () => problem(409, "job_closed") });
    await user.click(await screen.findByRole("button", { name: "Publish" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This job is closed.");
  });

  it("offers no owner actions on a job shared with the caller's agency", async () => {
    setupDetail(jobDetails({ shared: true }));
    await screen.findByText(/open for 6 days/);
    expect(screen.queryByRole("button", { name: "Close" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Edit" })).toBeNull();
  });

  it("creates a requirement and puts the API's field errors on the fields", async () => {
    const user = userEvent.setup();
    let answer = problem(422, "validation_failed", { errors: [{ field: "client_name", code: "required", message: "A requirement needs a client." }] });
    const calls = installFakeFetch(signedIn((call, path) => (path === "/api/jobs" && call.method === "POST" ? answer : undefined)));
    renderAt(<JobEditorPage />, { path: "/recruiting/jobs/new", route: "/recruiting/jobs/new", extraRoutes: <Route path="/recruiting/jobs/:id" element={<LocationProbe />} /> });
    await user.click(await screen.findByRole("button", { name: "Create job" }));
    expect(await screen.findByText("A title is required.")).toBeInTheDocument();
    await user.selectOptions(await screen.findByLabelText("Kind"), "requirement");
    await user.type(screen.getByLabelText(/^Title/), "SRE");
    await user.type(screen.getByLabelText("Tags"), "k8s, go ,");
    await user.click(screen.getByRole("button", { name: "Create job" }));
    expect(await screen.findByText("A requirement needs a client.")).toBeInTheDocument();
    expect(screen.getByLabelText("Client name")).toHaveAttribute("aria-invalid", "true");
    const body = calls.find((c) => c.method === "POST" && c.url.endsWith("/api/jobs"))!.body as Record<string, unknown>;
    expect(body).toMatchObject({ kind: "requirement", status: "draft", title: "SRE", tags: ["k8s", "go"], positions: 1, priority: "medium", client_name: null });

    answer = problem(409, "reference_taken");
    await user.type(screen.getByLabelText("Client name"), "Initech");
    await user.type(screen.getByLabelText("Reference"), "REQ-0001");
    await user.click(screen.getByRole("button", { name: "Create job" }));
    expect(await screen.findByText("Another job of your company already uses this reference.")).toBeInTheDocument();

    answer = jsonResponse(201, jobDetails({ id: "new-job" }));
    await user.click(screen.getByRole("button", { name: "Create job" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/recruiting/jobs/new-job");
  });

  it("edits with PATCH, clearing blanked fields with null", async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch(
      signedIn((call, path) => {
        if (path === `/api/jobs/${jobId}` && call.method === "GET") return jsonResponse(200, jobDetails());
        if (path === `/api/jobs/${jobId}` && call.method === "PATCH") return jsonResponse(200, jobDetails());
        return undefined;
      }),
    );
    renderAt(<JobEditorPage />, { path: "/recruiting/jobs/:id/edit", route: `/recruiting/jobs/${jobId}/edit`, extraRoutes: <Route path="/recruiting/jobs/:id" element={<LocationProbe />} /> });
    await user.clear(await screen.findByLabelText("Department"));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByTestId("location");
    const body = calls.find((c) => c.method === "PATCH")!.body as Record<string, unknown>;
    expect(body).toMatchObject({ title: "Java Backend Developer", department: null, experience_min: 3, tags: ["java"] });
    expect(body).not.toHaveProperty("kind");
  });
});
