import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppRoutes } from "../../../App";
import { clearSession } from "../../../services/session";
import { installFakeFetch } from "../../../test/fakeFetch";
import { installFakeWebSocket } from "../../../test/fakeWebSocket";
import { application, jsonResponse, me, signedIn } from "./fixtures";

function renderApp(permissions: string[]) {
  installFakeWebSocket();
  installFakeFetch(
    signedIn((_call, path) => {
      if (path === "/api/applications") return jsonResponse(200, { items: [application()], total: 1, page: 1, per_page: 25 });
      if (path === "/api/jobs") return jsonResponse(200, { items: [], total: 0, page: 1, per_page: 100 });
      if (path === "/api/notifications/unread-count") return jsonResponse(200, { unread_count: 0 });
      return undefined;
    }, me(permissions)),
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={["/recruiting/applications"]}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("/recruiting/applications", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    clearSession();
  });

  it("loads the list for applications:read, with its entry in the navigation", async () => {
    renderApp(["applications:read", "jobs:read"]);
    expect(await screen.findByRole("heading", { level: 1, name: "Applications" })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: /^Open the application of Ada Lovelace/ })).toBeInTheDocument();
    expect(within(screen.getByRole("navigation", { name: /main/i })).getByRole("link", { name: "Applications" })).toHaveAttribute("href", "/recruiting/applications");
  });

  it("says the page is not for the role without applications:read", async () => {
    renderApp(["jobs:read"]);
    expect(await screen.findByText("Not available for your role")).toBeInTheDocument();
  });
});
