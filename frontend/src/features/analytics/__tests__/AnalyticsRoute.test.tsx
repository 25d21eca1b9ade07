import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppRoutes } from "../../../App";
import { clearSession, setAccessToken } from "../../../services/session";
import { installFakeFetch, jsonResponse } from "../../../test/fakeFetch";
import { installFakeWebSocket } from "../../../test/fakeWebSocket";
import { me } from "../../recruiting/__tests__/fixtures";
import { pipelineReport, requirementsReport } from "./fixtures";

function renderApp(permissions: string[]) {
  setAccessToken("tok");
  installFakeWebSocket();
  installFakeFetch((call) => {
    const path = new URL(call.url, "http://x").pathname;
    if (path === "/api/me") return jsonResponse(200, me(permissions));
    if (path === "/api/notifications/unread-count") return jsonResponse(200, { unread_count: 0 });
    if (path === "/api/analytics/pipeline") return jsonResponse(200, pipelineReport(null));
    if (path === "/api/analytics/requirements") return jsonResponse(200, requirementsReport());
    return undefined;
  });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={["/recruiting/analytics"]}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("/recruiting/analytics", () => {
  afterEach(() => {
    // Unmount first: forgetting the token would otherwise update the mounted shell.
    cleanup();
    vi.unstubAllGlobals();
    clearSession();
  });

  it("loads the page lazily for reports:read holders, with its navigation link", async () => {
    renderApp(["reports:read"]);
    expect(await screen.findByRole("heading", { level: 1, name: "Analytics" })).toBeInTheDocument();
    expect(within(screen.getAllByRole("navigation", { name: "Main" })[0]!).getByRole("link", { name: "Analytics" })).toHaveAttribute("href", "/recruiting/analytics");
    expect(await screen.findByRole("table", { name: "Stage conversion" })).toBeInTheDocument();
  });

  it("refuses in words without reports:read", async () => {
    renderApp(["jobs:read"]);
    expect(await screen.findByRole("heading", { name: "Not available for your role" })).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Analytics" })).toBeNull();
  });
});
