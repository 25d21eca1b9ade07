import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RoleView } from "../../../api/types";
import { setAccessToken } from "../../../services/session";
import { installFakeFetch, jsonResponse, problem, type RecordedCall } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { PasswordResetsPage } from "../PasswordResetsPage";
import { RolesPage } from "../RolesPage";
import { admin, companyId, path, withMe } from "./fixtures";

const catalogue = {
  items: [
    { code: "companies:manage", description: "Companies", administrative: true },
    { code: "jobs:read", description: "View jobs", administrative: false },
    { code: "candidates:read", description: "View candidates", administrative: false },
    { code: "users:create", description: "Create users", administrative: true },
  ],
};
const sourcer: RoleView = { id: "r-1", name: "Senior Sourcer", description: "Finds people", is_system: false, company_id: companyId, permissions: ["jobs:read"], user_count: 2 };
const recruiter: RoleView = { id: "r-sys", name: "recruiter", description: "Recruiter", is_system: true, company_id: null, permissions: ["jobs:read", "candidates:read"], user_count: 9 };

function roles(answer: (call: RecordedCall) => Response | undefined = () => undefined) {
  const calls = installFakeFetch(
    withMe(admin(["roles:manage"]), (call) => {
      if (call.method === "GET" && path(call) === "/api/admin/roles") return jsonResponse(200, { items: [sourcer, recruiter] });
      if (call.method === "GET" && path(call) === "/api/admin/permissions") return jsonResponse(200, catalogue);
      return answer(call);
    }),
  );
  renderAt(<RolesPage />);
  return calls;
}

describe("roles", () => {
  beforeEach(() => setAccessToken("t"));
  afterEach(() => vi.unstubAllGlobals());

  it("shows system roles read-only and custom roles with edit and delete", async () => {
    roles();
    const system = await screen.findByRole("article", { name: "recruiter" });
    expect(within(system).queryByRole("button")).toBeNull();
    expect(within(system).getByText("candidates:read")).toBeInTheDocument();
    const custom = screen.getByRole("article", { name: "Senior Sourcer" });
    expect(within(custom).getByRole("button", { name: "Edit" })).toBeInTheDocument();
    expect(within(custom).getByText("2 users")).toBeInTheDocument();
  });

  it("creates a role from the catalogue (never offering companies:manage) and names a refused permission", async () => {
    let attempt = 0;
    const calls = roles((call) => {
      if (call.method !== "POST") return undefined;
      attempt += 1;
      return attempt === 1
        ? problem(422, "validation_failed", { errors: [{ field: "permissions[1]", code: "permission_not_grantable", message: "You don't hold this permission." }] })
        : problem(409, "role_name_taken");
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /New role/ }));
    const form = screen.getByRole("form", { name: "New role" });
    expect(within(form).queryByText("companies:manage")).toBeNull();
    await user.type(within(form).getByLabelText("Name"), "Scout");
    await user.click(within(form).getByRole("checkbox", { name: /jobs:read/ }));
    await user.click(within(form).getByRole("checkbox", { name: /users:create/ }));
    await user.click(within(form).getByRole("button", { name: "Create role" }));
    expect(await within(form).findByText("users:create: You don't hold this permission.")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({ name: "Scout", description: null, permissions: ["jobs:read", "users:create"], company_id: null });

    await user.click(within(form).getByRole("button", { name: "Create role" }));
    expect(await within(form).findByText("Your company already has a role with this name.")).toBeInTheDocument();
    expect(within(form).getByLabelText("Name")).toHaveAttribute("aria-invalid", "true");
  });

  it("edits a custom role's permissions with PUT (the complete set)", async () => {
    const calls = roles((call) => (call.method === "PUT" ? jsonResponse(200, { ...sourcer, permissions: ["jobs:read", "candidates:read"] }) : undefined));
    const user = userEvent.setup();
    await user.click(within(await screen.findByRole("article", { name: "Senior Sourcer" })).getByRole("button", { name: "Edit" }));
    const form = screen.getByRole("form", { name: "Edit Senior Sourcer" });
    expect(within(form).getByRole("checkbox", { name: /jobs:read/ })).toBeChecked();
    await user.click(within(form).getByRole("checkbox", { name: /candidates:read/ }));
    await user.click(within(form).getByRole("button", { name: "Save role" }));
    await waitFor(() => expect(screen.queryByRole("form", { name: "Edit Senior Sourcer" })).toBeNull());
    const put = calls.find((c) => c.method === "PUT")!;
    expect(path(put)).toBe("/api/admin/roles/r-1");
    expect(put.body).toEqual({ name: "Senior Sourcer", description: "Finds people", permissions: ["jobs:read", "candidates:read"] });
  });

  it("says why a role in use can't be deleted (409)", async () => {
    roles((call) => (call.method === "DELETE" ? problem(409, "role_in_use") : undefined));
    const user = userEvent.setup();
    const card = await screen.findByRole("article", { name: "Senior Sourcer" });
    await user.click(within(card).getByRole("button", { name: "Delete" }));
    await user.click(within(card).getByRole("button", { name: "Delete Senior Sourcer" }));
    expect(await within(card).findByRole("alert")).toHaveTextContent("Somebody holds this role");
  });

  it("shows a 403 on the role list", async () => {
    installFakeFetch(withMe(admin(["roles:manage"]), () => problem(403, "forbidden")));
    renderAt(<RolesPage />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this.");
  });
});

describe("password-reset approvals", () => {
  beforeEach(() => setAccessToken("t"));
  afterEach(() => vi.unstubAllGlobals());

  const request = { id: "rr-1", user_id: "u-9", email: "sam@bluepeak.example", full_name: "Sam Staff", requested_at: "2026-01-05T09:00:00Z", requested_ip: "10.0.0.9" };

  it("approves a pending request and shows the refusals (own request 403, not pending 409)", async () => {
    let attempt = 0;
    const calls = installFakeFetch(
      withMe(admin(["password_resets:approve"]), (call) => {
        if (call.method === "GET" && path(call) === "/api/admin/password-reset-requests") return jsonResponse(200, { items: [request] });
        if (call.method !== "POST") return undefined;
        attempt += 1;
        return attempt === 1 ? new Response(null, { status: 204 }) : attempt === 2 ? problem(409, "conflict") : problem(403, "forbidden");
      }),
    );
    const user = userEvent.setup();
    renderAt(<PasswordResetsPage />);
    const approve = await screen.findByRole("button", { name: "Approve the reset for sam@bluepeak.example" });
    await user.click(approve);
    expect(await screen.findByText(/Approved: sam@bluepeak.example was emailed a reset link/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({ request_id: "rr-1" });
    expect(path(calls.find((c) => c.method === "POST")!)).toBe("/api/auth/password-reset/approve");

    await user.click(approve);
    expect(await screen.findByRole("alert")).toHaveTextContent("no longer pending");
    await user.click(approve);
    expect(await screen.findByRole("alert")).toHaveTextContent("You can't approve your own reset request");
  });

  it("says when nothing is pending", async () => {
    installFakeFetch(withMe(admin(["password_resets:approve"]), () => jsonResponse(200, { items: [] })));
    renderAt(<PasswordResetsPage />);
    expect(await screen.findByText("No pending requests.")).toBeInTheDocument();
  });
});
