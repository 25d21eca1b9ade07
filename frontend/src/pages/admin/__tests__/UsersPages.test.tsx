import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { visibleNavItems } from "../../../auth/navigation";
import { setAccessToken } from "../../../services/session";
import { installFakeFetch, jsonResponse, problem, type RecordedCall } from "../../../test/fakeFetch";
import { LocationProbe } from "../../../test/LocationProbe";
import { renderAt } from "../../../test/render";
import { NewUserPage } from "../NewUserPage";
import { UserDetailPage } from "../UserDetailPage";
import { UsersPage } from "../UsersPage";
import { account, admin, params, path, userId, withMe } from "./fixtures";

const location = () => screen.getByTestId("location").textContent;

describe("admin users", () => {
  beforeEach(() => setAccessToken("t"));
  afterEach(() => vi.unstubAllGlobals());

  it("shows Users in the navigation only to holders of users:read", () => {
    expect(visibleNavItems(admin()).map((i) => i.to)).toContain("/admin/users");
    expect(visibleNavItems(admin(["messaging:use"])).map((i) => i.to)).not.toContain("/admin/users");
  });

  it("lists users with the filters and page from the URL; a filter change goes back to page 1", async () => {
    const calls = installFakeFetch(
      withMe(admin(), (call) =>
        path(call) === "/api/admin/users" ? jsonResponse(200, { items: [account({ login_hold_reason: "Audit" })], total: 60, page: Number(params(call).page), per_page: 25 }) : undefined,
      ),
    );
    const user = userEvent.setup();
    renderAt(
      <>
        <UsersPage />
        <LocationProbe />
      </>,
      { path: "/admin/users", route: "/admin/users?q=rita&page=2" },
    );
    const row = (await screen.findByRole("link", { name: "Rita Recruiter" })).closest("tr")!;
    expect(within(row).getByText("Login on hold")).toBeInTheDocument();
    const last = () => params(calls.filter((c) => path(c) === "/api/admin/users").at(-1)!);
    expect(last()).toEqual({ q: "rita", page: "2", per_page: "25" });
    expect(screen.getByText("60 users · page 2 of 3")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Status"), "deactivated");
    await waitFor(() => expect(location()).toBe("/admin/users?q=rita&status=deactivated"));
    await waitFor(() => expect(last()).toEqual({ q: "rita", status: "deactivated", page: "1", per_page: "25" }));

    await user.type(screen.getByLabelText("Role"), "manager");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(last()).toEqual({ q: "rita", status: "deactivated", role: "manager", page: "1", per_page: "25" }));

    await user.click(screen.getByRole("button", { name: /Next/ }));
    await waitFor(() => expect(last().page).toBe("2"));
    expect(screen.getByRole("link", { name: /New user/ })).toBeInTheDocument();
  });

  it("shows a refused list and hides the create links without users:create", async () => {
    installFakeFetch(withMe(admin(["users:read"]), () => problem(403, "forbidden")));
    renderAt(<UsersPage />, { path: "/admin/users", route: "/admin/users" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this.");
    expect(screen.queryByRole("link", { name: /New user/ })).toBeNull();
  });

  it("creates a user and opens it; 409 email_taken and 422 role land on their fields", async () => {
    let attempt = 0;
    const calls = installFakeFetch(
      withMe(admin(), (call) => {
        if (call.method !== "POST") return undefined;
        attempt += 1;
        if (attempt === 1) return problem(409, "email_taken");
        if (attempt === 2) return problem(422, "validation_failed", { errors: [{ field: "role", code: "role_not_grantable", message: "You can't grant this role." }] });
        return jsonResponse(201, account({ status: "pending_activation" }));
      }),
    );
    const user = userEvent.setup();
    renderAt(<NewUserPage />, { path: "/admin/users/new", route: "/admin/users/new", extraRoutes: <Route path="/admin/users/:id" element={<LocationProbe />} /> });
    await user.type(screen.getByLabelText("Email"), "rita.recruiter@bluepeak.example");
    await user.type(screen.getByLabelText("Full name"), "Rita Recruiter");
    await user.type(screen.getByLabelText("Role"), "agency_admin");
    await user.click(screen.getByRole("button", { name: "Create user" }));
    expect(await screen.findByText("A user with this email address already exists.")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAttribute("aria-invalid", "true");

    await user.click(screen.getByRole("button", { name: "Create user" }));
    expect(await screen.findByText("You can't grant this role.")).toBeInTheDocument();
    expect(screen.getByLabelText("Role")).toHaveAttribute("aria-invalid", "true");

    await user.click(screen.getByRole("button", { name: "Create user" }));
    expect(await screen.findByTestId("location")).toHaveTextContent(`/admin/users/${userId}`);
    expect(calls.filter((c) => c.method === "POST").at(-1)!.body).toEqual({
      email: "rita.recruiter@bluepeak.example",
      full_name: "Rita Recruiter",
      role: "agency_admin",
      company_id: null,
    });
  });

  function detail(state: { user: ReturnType<typeof account> }, answer: (call: RecordedCall) => Response | undefined = () => undefined) {
    const calls = installFakeFetch(
      withMe(admin(), (call) => {
        if (call.method === "GET" && path(call) === `/api/admin/users/${userId}`) return jsonResponse(200, state.user);
        return answer(call);
      }),
    );
    renderAt(<UserDetailPage />, { path: "/admin/users/:id", route: `/admin/users/${userId}` });
    return calls;
  }

  it("shows the API's refusal of one's own role change on the role field", async () => {
    const calls = detail({ user: account() }, (call) => (call.method === "PATCH" ? problem(409, "cannot_change_own_role") : undefined));
    const user = userEvent.setup();
    const role = await screen.findByLabelText("Role");
    await waitFor(() => expect(role).toHaveValue("recruiter"));
    await user.clear(role);
    await user.type(role, "manager");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByText("You can't change your own role. Ask another admin to do it.")).toBeInTheDocument();
    expect(role).toHaveAttribute("aria-invalid", "true");
    // Only the changed field is sent.
    expect(calls.find((c) => c.method === "PATCH")!.body).toEqual({ full_name: null, role: "manager" });
  });

  it("holds the login with a reason, then releases it", async () => {
    const state = { user: account() };
    const calls = detail(state, (call) => {
      if (path(call).endsWith("/hold-login") && call.method === "POST") {
        state.user = account({ login_hold_reason: (call.body as { reason: string }).reason });
        return new Response(null, { status: 204 });
      }
      if (path(call).endsWith("/hold-login") && call.method === "DELETE") {
        state.user = account();
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Hold login" }));
    expect(screen.getByText("Give a reason of 1 to 500 characters.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    await user.type(screen.getByLabelText("Reason for holding the login"), "Security review");
    await user.click(screen.getByRole("button", { name: "Hold login" }));
    expect(await screen.findByText("Login on hold: every session has ended.")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({ reason: "Security review" });
    expect(await screen.findByText("Security review")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Release login hold" }));
    expect(await screen.findByText("Login hold released.")).toBeInTheDocument();
    expect(calls.some((c) => c.method === "DELETE" && path(c).endsWith("/hold-login"))).toBe(true);
  });

  it("deactivates after a confirmation and shows cannot_deactivate_self in words", async () => {
    const calls = detail({ user: account() }, (call) => (call.method === "DELETE" ? problem(409, "cannot_deactivate_self") : undefined));
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Deactivate" }));
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);
    await user.click(screen.getByRole("button", { name: "Deactivate and end all sessions" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You can't deactivate your own account.");
    expect(calls.find((c) => c.method === "DELETE")!.url).toBe(`/api/admin/users/${userId}`);
  });

  it("unlocks a locked user and resends activation to a pending one", async () => {
    const future = new Date(Date.now() + 600_000).toISOString();
    const calls = detail({ user: account({ locked_until: future, status: "pending_activation" }) }, (call) =>
      call.method === "POST" && path(call).endsWith("/unlock")
        ? new Response(null, { status: 204 })
        : call.method === "POST" && path(call).endsWith("/resend-activation")
          ? problem(409, "not_pending_activation")
          : undefined,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Unlock" }));
    expect(await screen.findByText("Lockout cleared.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Resend activation email" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This user has already activated their account.");
    expect(calls.filter((c) => c.method === "POST").map(path)).toEqual([`/api/admin/users/${userId}/unlock`, `/api/admin/users/${userId}/resend-activation`]);
  });

  it("says when the user does not exist (404)", async () => {
    installFakeFetch(withMe(admin(), () => problem(404, "not_found")));
    renderAt(<UserDetailPage />, { path: "/admin/users/:id", route: `/admin/users/${userId}` });
    expect(await screen.findByRole("alert")).toHaveTextContent("User not found");
  });
});
