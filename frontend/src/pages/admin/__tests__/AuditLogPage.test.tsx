import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AuditLogEntry } from "../../../api/types";
import { setAccessToken } from "../../../services/session";
import { installFakeFetch, jsonResponse, problem, type RecordedCall } from "../../../test/fakeFetch";
import { LocationProbe } from "../../../test/LocationProbe";
import { renderAt } from "../../../test/render";
import { AuditLogPage } from "../AuditLogPage";
import { admin, params, path, userId, withMe } from "./fixtures";

const actorId = "01900000-0000-7000-8000-0000000000ad";
const entry: AuditLogEntry = {
  id: "01900000-0000-7000-8000-0000000a0001",
  occurred_at: "2026-01-05T09:00:00Z",
  action: "users.update",
  outcome: "success",
  actor: { id: actorId, email: "ada.admin@bluepeak.example", full_name: "Ada Admin" },
  company_id: null,
  entity_type: "user",
  entity_id: userId,
  ip: "10.0.0.1",
  user_agent: null,
  request_id: "req-1",
  // The schema types these free-form objects as empty records.
  changes: { full_name: { before: "Rita", after: "Rita Recruiter" } } as unknown as AuditLogEntry["changes"],
  details: {},
};

function setup(route: string, answer: (call: RecordedCall) => Response | undefined) {
  const calls = installFakeFetch(withMe(admin(), answer));
  renderAt(
    <>
      <AuditLogPage />
      <LocationProbe />
    </>,
    { path: "/admin/audit", route },
  );
  return calls;
}

const listed = (calls: RecordedCall[]) => calls.filter((c) => path(c) === "/api/admin/audit-logs");

describe("audit log", () => {
  beforeEach(() => setAccessToken("t"));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("filters by action, outcome, actor and dates through the URL, and pages", async () => {
    const calls = setup("/admin/audit", (call) => (path(call) === "/api/admin/audit-logs" ? jsonResponse(200, { items: [entry], total: 120, page: Number(params(call).page), per_page: 50 }) : undefined));
    const user = userEvent.setup();
    expect(await screen.findByText("users.update")).toBeInTheDocument();
    expect(params(listed(calls).at(-1)!)).toEqual({ page: "1", per_page: "50" });

    await user.type(screen.getByLabelText(/^Action/), "users.");
    await user.type(screen.getByLabelText("From"), "2026-01-01");
    await user.type(screen.getByLabelText("To"), "2026-01-31");
    await user.click(screen.getByRole("button", { name: "Apply filters" }));
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent("/admin/audit?action=users.&from=2026-01-01&to=2026-01-31"));
    await waitFor(() => expect(params(listed(calls).at(-1)!).action).toBe("users."));
    const sent = params(listed(calls).at(-1)!);
    expect(new Date(sent.from!).getTime()).toBe(new Date(2026, 0, 1).getTime());
    expect(new Date(sent.to!).getTime()).toBe(new Date(2026, 0, 31, 23, 59, 59, 999).getTime());

    await user.selectOptions(screen.getByLabelText("Outcome"), "denied");
    await waitFor(() => expect(params(listed(calls).at(-1)!).outcome).toBe("denied"));

    await user.click(screen.getByRole("button", { name: "Ada Admin" }));
    await waitFor(() => expect(params(listed(calls).at(-1)!).actor_id).toBe(actorId));

    await user.click(screen.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(params(listed(calls).at(-1)!).page).toBe("2"));
    expect(screen.getByText("120 entries · page 2 of 3")).toBeInTheDocument();
  });

  it("shows a 422 on the filter it refused", async () => {
    setup("/admin/audit?actor_id=nope", () => problem(422, "validation_failed", { errors: [{ field: "actor_id", code: "invalid_uuid", message: "Not a user id." }] }));
    expect(await screen.findByRole("alert")).toHaveTextContent("actor_id: Not a user id.");
    expect(screen.getByLabelText("Actor (user id)")).toHaveAttribute("aria-invalid", "true");
  });

  it("exports the CSV with the current filters (no paging) and saves the file", async () => {
    const created = vi.fn(() => "blob:audit");
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe("audit-2026.csv");
      expect(this.href).toBe("blob:audit");
    });
    const calls = setup("/admin/audit?outcome=denied&page=3", (call) => {
      if (path(call) === "/api/admin/audit-logs") return jsonResponse(200, { items: [entry], total: 1, page: 3, per_page: 50 });
      if (path(call) === "/api/admin/audit-logs/export")
        return new Response("id\n1\n", { status: 200, headers: { "Content-Type": "text/csv", "Content-Disposition": 'attachment; filename="audit-2026.csv"' } });
      return undefined;
    });
    const user = userEvent.setup();
    await screen.findByText("users.update");
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(clicked).toHaveBeenCalledOnce());
    expect(params(calls.find((c) => path(c) === "/api/admin/audit-logs/export")!)).toEqual({ outcome: "denied" });
    expect(created).toHaveBeenCalledOnce();
  });

  it("shows a refused export (403)", async () => {
    setup("/admin/audit", (call) => (path(call) === "/api/admin/audit-logs" ? jsonResponse(200, { items: [], total: 0, page: 1, per_page: 50 }) : problem(403, "forbidden")));
    const user = userEvent.setup();
    expect(await screen.findByText("No entries match these filters.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Could not exportYour role does not allow this.");
  });
});
