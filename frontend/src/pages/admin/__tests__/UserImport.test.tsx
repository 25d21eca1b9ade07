import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { UserImportReport } from "../../../api/types";
import { setAccessToken } from "../../../services/session";
import { installFakeFetch, jsonResponse, problem } from "../../../test/fakeFetch";
import { LocationProbe } from "../../../test/LocationProbe";
import { renderAt } from "../../../test/render";
import { UserImportPage, UserImportReportPage } from "../UserImportPage";
import { admin, companyId, path, withMe } from "./fixtures";

const importId = "01900000-0000-7000-8000-0000000001f1";

function report(extra: Partial<UserImportReport> = {}): UserImportReport {
  return {
    import_id: importId,
    status: "queued",
    company_id: companyId,
    file_name: "users.csv",
    file_sha256: "abc",
    total: 3,
    created: 0,
    skipped: 0,
    failed: 0,
    pending: 3,
    errors: [],
    created_at: "2026-01-05T09:00:00Z",
    ...extra,
  };
}

const csv = () => new File(["email,full_name,role\na@x.example,A,recruiter\n"], "users.csv", { type: "text/csv" });

describe("CSV user import", () => {
  beforeEach(() => setAccessToken("t"));
  afterEach(() => vi.unstubAllGlobals());

  it("uploads the file as multipart and opens the import's report", async () => {
    const bodies: BodyInit[] = [];
    const fetchCalls = installFakeFetch(withMe(admin(), (call) => (call.method === "POST" ? jsonResponse(202, report()) : undefined)));
    const spy = vi.mocked(fetch);
    const user = userEvent.setup();
    renderAt(<UserImportPage />, { path: "/admin/users/import", route: "/admin/users/import", extraRoutes: <Route path="/admin/users/import/:importId" element={<LocationProbe />} /> });

    await user.click(screen.getByRole("button", { name: /Upload and import/ }));
    expect(screen.getByText("Choose a CSV file to upload.")).toBeInTheDocument();
    expect(fetchCalls.some((c) => c.method === "POST")).toBe(false);

    await user.upload(screen.getByLabelText("CSV file"), csv());
    await user.click(screen.getByRole("button", { name: /Upload and import/ }));
    expect(await screen.findByTestId("location")).toHaveTextContent(`/admin/users/import/${importId}`);
    const post = spy.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(String(post[0])).toBe("/api/admin/users/bulk");
    bodies.push(post[1]!.body!);
    const form = bodies[0] as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect((form.get("file") as File).name).toBe("users.csv");
    expect(form.get("company_id")).toBeNull();
  });

  it("shows a refused file on the file field (422 wrong_header) and a 413 in words", async () => {
    let attempt = 0;
    installFakeFetch(
      withMe(admin(), (call) => {
        if (call.method !== "POST") return undefined;
        attempt += 1;
        return attempt === 1
          ? problem(422, "validation_failed", { errors: [{ field: "file", code: "wrong_header", message: "The first line must be email,full_name,role." }] })
          : problem(413, "file_too_large");
      }),
    );
    const user = userEvent.setup();
    renderAt(<UserImportPage />, { path: "/admin/users/import", route: "/admin/users/import" });
    await user.upload(screen.getByLabelText("CSV file"), csv());
    await user.click(screen.getByRole("button", { name: /Upload and import/ }));
    expect(await screen.findByText("The first line must be email,full_name,role.")).toBeInTheDocument();
    expect(screen.getByLabelText("CSV file")).toHaveAttribute("aria-invalid", "true");

    await user.click(screen.getByRole("button", { name: /Upload and import/ }));
    expect(await screen.findByText("The file is larger than 5 MB.")).toBeInTheDocument();
  });

  it("polls the report until completed and lists each refused row", async () => {
    const answers = [
      report({ status: "processing", created: 1, pending: 2 }),
      report({
        status: "completed",
        created: 1,
        skipped: 1,
        failed: 1,
        pending: 0,
        finished_at: "2026-01-05T09:01:00Z",
        errors: [
          { row: 3, field: "role", message: "Unknown role.", outcome: "failed", email: "b@x.example" },
          { row: 4, field: "email", message: "A user with this email already exists.", outcome: "skipped", email: "c@x.example" },
        ],
      }),
    ];
    const calls = installFakeFetch(withMe(admin(), (call) => (path(call) === `/api/admin/users/bulk/${importId}` ? jsonResponse(200, answers.shift() ?? answers.at(-1)) : undefined)));
    renderAt(<UserImportReportPage pollMs={20} />, { path: "/admin/users/import/:importId", route: `/admin/users/import/${importId}` });

    expect(await screen.findByText("1 of 3 rows processed…")).toBeInTheDocument();
    expect(await screen.findByText("All rows processed.")).toBeInTheDocument();
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows[1]).toHaveTextContent(/3b@x\.examplerole.*Unknown role\.Failed/);
    expect(rows[2]).toHaveTextContent(/4c@x\.exampleemail.*already exists\.Skipped/);
    const polls = calls.filter((c) => path(c).startsWith("/api/admin/users/bulk/")).length;
    await new Promise((r) => setTimeout(r, 100));
    // Completed: polling stopped.
    expect(calls.filter((c) => path(c).startsWith("/api/admin/users/bulk/")).length).toBe(polls);
    expect(polls).toBe(2);
  });

  it("says when the import does not exist (404)", async () => {
    installFakeFetch(withMe(admin(), () => problem(404, "not_found")));
    renderAt(<UserImportReportPage />, { path: "/admin/users/import/:importId", route: `/admin/users/import/${importId}` });
    expect(await screen.findByRole("alert")).toHaveTextContent("Import not found");
    await waitFor(() => expect(screen.queryByRole("table")).toBeNull());
  });
});
