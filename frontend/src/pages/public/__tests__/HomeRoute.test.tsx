import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppRoutes } from "../../../App";
import { clearSession, setAccessToken } from "../../../services/session";
import { installFakeFetch, problem } from "../../../test/fakeFetch";

function renderApp(route: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[route]}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe("/", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    clearSession();
  });

  it("shows the public home to visitors after a quiet, failed refresh (no redirect to sign-in)", async () => {
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign });
    const calls = installFakeFetch((call) => (call.url.endsWith("/api/auth/refresh") ? problem(401, "invalid_refresh_token") : undefined));
    renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "Your next job is a search away." })).toBeInTheDocument();
    expect(screen.getByText("100% free for candidates")).toBeInTheDocument();
    expect(screen.getAllByRole("link", { name: /Browse jobs/ })[0]).toHaveAttribute("href", "/jobs");
    expect(screen.getAllByRole("link", { name: "Sign up" })[0]).toHaveAttribute("href", "/sign-up");
    expect(calls.map((c) => c.url)).toEqual(["/api/auth/refresh"]);
    expect(assign).not.toHaveBeenCalled();
  });

  it("keeps the signed-in app at / (the dashboard's session check, not the home)", async () => {
    setAccessToken("token-rita");
    const calls = installFakeFetch((call) => (call.url.endsWith("/api/me") ? new Promise<Response>(() => {}) : undefined));
    renderApp("/");
    expect(await screen.findByText("Checking your session")).toBeInTheDocument();
    expect(screen.queryByText("Your next job is a search away.")).toBeNull();
    expect(calls.map((c) => c.url)).toEqual(["/api/me"]);
  });
});
