import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CompanyDetails } from "../../../api/types";
import { visibleNavItems } from "../../../auth/navigation";
import { installFakeFetch, jsonResponse, problem } from "../../../test/fakeFetch";
import { setAccessToken } from "../../../services/session";
import { renderAt } from "../../../test/render";
import { CompaniesPage } from "../CompaniesPage";
import { admin, params, path } from "./fixtures";

const co = (extra: Partial<CompanyDetails> = {}): CompanyDetails => ({
  id: "c1", name: "Bluepeak Staffing", type: "agency", status: "active", created_at: "2026-01-05T09:00:00Z", updated_at: "2026-01-05T09:00:00Z", user_count: 7, ...extra,
});
const page = (items: CompanyDetails[]) => jsonResponse(200, { items, total: items.length, page: 1, per_page: 25 });

describe("companies (super admin)", () => {
  beforeEach(() => setAccessToken("t"));
  afterEach(() => vi.unstubAllGlobals());

  it("shows Companies in the navigation only to companies:manage holders", () => {
    const labels = (perms: string[]) => visibleNavItems(admin(perms)).map((i) => i.label);
    expect(labels(["companies:manage", "users:read"])).toContain("Companies");
    expect(labels(["users:read", "roles:manage"])).not.toContain("Companies");
  });

  it("lists companies with the filters in the query", async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch((call) => (path(call) === "/api/admin/companies" ? page([co(), co({ id: "c2", name: "Acme Corp", type: "employer", status: "suspended", user_count: 2 })]) : undefined));
    renderAt(<CompaniesPage />, { path: "/admin/companies", route: "/admin/companies?status=suspended" });
    const rows = await screen.findAllByRole("row");
    expect(rows[1]).toHaveTextContent(/Bluepeak Staffing.*Agency.*Active.*7/);
    expect(rows[2]).toHaveTextContent(/Acme Corp.*Employer.*Suspended.*2/);
    expect(params(calls[0]!)).toMatchObject({ status: "suspended", per_page: "25", page: "1" });
    await user.selectOptions(screen.getByLabelText("Type"), "employer");
    await user.type(screen.getByLabelText("Name"), "acme");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await vi.waitFor(() => expect(params(calls.at(-1)!)).toMatchObject({ type: "employer", q: "acme", status: "suspended" }));
  });

  it("creates a company; a taken name (409) and a 422 land on the name field", async () => {
    const user = userEvent.setup();
    let posts = 0;
    const calls = installFakeFetch((call) => {
      if (path(call) !== "/api/admin/companies") return undefined;
      if (call.method === "GET") return page([co()]);
      posts += 1;
      if (posts === 1) return problem(409, "company_name_taken");
      if (posts === 2) return problem(422, "validation_failed", { errors: [{ field: "name", code: "invalid_length", message: "1 to 200 characters." }] });
      return jsonResponse(201, co({ id: "c3", name: "Globex", type: "employer" }));
    });
    renderAt(<CompaniesPage />, { path: "/admin/companies", route: "/admin/companies" });
    await user.click(await screen.findByRole("button", { name: "New company" }));
    const form = within(screen.getByRole("form", { name: "New company" }));
    await user.type(form.getByLabelText("Company name"), "bluepeak staffing");
    await user.click(form.getByRole("button", { name: "Create company" }));
    expect(await form.findByText("A company with this name already exists.")).toBeInTheDocument();
    expect(form.getByLabelText("Company name")).toHaveAttribute("aria-invalid", "true");

    await user.click(form.getByRole("button", { name: "Create company" }));
    expect(await form.findByText("1 to 200 characters.")).toBeInTheDocument();

    await user.clear(form.getByLabelText("Company name"));
    await user.type(form.getByLabelText("Company name"), "Globex");
    await user.selectOptions(form.getByLabelText("Type"), "employer");
    await user.click(form.getByRole("button", { name: "Create company" }));
    await vi.waitFor(() => expect(screen.queryByRole("form", { name: "New company" })).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === "POST").at(-1)!.body).toEqual({ name: "Globex", type: "employer" });
  });

  it("renames (409 on the field), suspends after asking, and reactivates", async () => {
    const user = userEvent.setup();
    let current = co();
    let patches = 0;
    const calls = installFakeFetch((call) => {
      if (path(call) === "/api/admin/companies") return page([current]);
      if (path(call) === "/api/admin/companies/c1" && call.method === "PATCH") {
        if (++patches === 1) return problem(409, "company_name_taken");
        current = { ...current, ...(call.body as Partial<CompanyDetails>) };
        return jsonResponse(200, current);
      }
      return undefined;
    });
    renderAt(<CompaniesPage />, { path: "/admin/companies", route: "/admin/companies" });
    await user.click(await screen.findByRole("button", { name: "Rename Bluepeak Staffing" }));
    const rename = within(screen.getByRole("form", { name: "Rename Bluepeak Staffing" }));
    await user.clear(rename.getByLabelText("Name"));
    await user.type(rename.getByLabelText("Name"), "Acme Corp");
    await user.click(rename.getByRole("button", { name: "Save" }));
    expect(await rename.findByText("A company with this name already exists.")).toBeInTheDocument();
    await user.clear(rename.getByLabelText("Name"));
    await user.type(rename.getByLabelText("Name"), "Bluepeak Talent");
    await user.click(rename.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Bluepeak Talent")).toBeInTheDocument();
    expect(calls.filter((c) => c.method === "PATCH").at(-1)!.body).toEqual({ name: "Bluepeak Talent" });

    await user.click(screen.getByRole("button", { name: "Suspend" }));
    expect(calls.filter((c) => c.method === "PATCH")).toHaveLength(2);
    await user.click(screen.getByRole("button", { name: "Suspend Bluepeak Talent and sign its users out" }));
    await user.click(await screen.findByRole("button", { name: "Reactivate" }));
    await vi.waitFor(() => expect(calls.filter((c) => c.method === "PATCH").map((c) => c.body)).toEqual([{ name: "Acme Corp" }, { name: "Bluepeak Talent" }, { status: "suspended" }, { status: "active" }]));
  });

  it("shows a refused list (403) in words", async () => {
    installFakeFetch(() => problem(403, "forbidden"));
    renderAt(<CompaniesPage />, { path: "/admin/companies", route: "/admin/companies" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this.");
  });
});
