import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getAccessToken, setAccessToken } from "../../../services/session";
import { installFakeFetch, jsonResponse, problem } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { SignInPage } from "../SignInPage";

const challengeId = "0191c0de-0000-7000-8000-000000000001";
const home = <Route path="/messages" element={<p>Messages page</p>} />;

describe("sign-in", () => {
  beforeEach(() => setAccessToken(null));
  afterEach(() => vi.unstubAllGlobals());

  it("asks admins for the emailed code, shows a wrong code on the field, then signs in", async () => {
    const calls = installFakeFetch((call) => {
      if (call.url.endsWith("/api/auth/login")) return jsonResponse(200, { require_2fa: true, challenge_id: challengeId });
      if (call.url.endsWith("/api/auth/2fa/verify")) {
        const { code } = call.body as { code: string };
        return code === "123456"
          ? jsonResponse(200, { require_2fa: false, access_token: "admin-token", token_type: "Bearer", expires_in: 900 })
          : problem(401, "invalid_code");
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderAt(<SignInPage />, { path: "/sign-in", route: "/sign-in?next=%2Fmessages", extraRoutes: home });

    await user.type(screen.getByLabelText("Email"), "admin@hireops.local");
    await user.type(screen.getByLabelText("Password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    const codeInput = await screen.findByLabelText("Sign-in code");
    expect(screen.getByRole("heading", { name: "Enter your sign-in code" })).toBeInTheDocument();
    expect(getAccessToken()).toBeNull();
    expect(calls[0]!.body).toEqual({ email: "admin@hireops.local", password: "correct horse battery" });
    expect(calls[0]!.headers.get("X-Client")).toBe("web");

    await user.type(codeInput, "999999");
    await user.click(screen.getByRole("button", { name: "Verify and sign in" }));
    expect(await screen.findByText(/That code is not right/)).toBeInTheDocument();
    expect(codeInput).toHaveAttribute("aria-invalid", "true");

    await user.clear(codeInput);
    await user.type(codeInput, "123456");
    await user.click(screen.getByRole("button", { name: "Verify and sign in" }));

    expect(await screen.findByText("Messages page")).toBeInTheDocument();
    expect(calls.at(-1)!.body).toEqual({ challenge_id: challengeId, code: "123456" });
    expect(getAccessToken()).toBe("admin-token");
  });

  it("checks the code's shape before calling the API", async () => {
    const calls = installFakeFetch(() => undefined);
    const user = userEvent.setup();
    renderAt(<SignInPage />, { path: "/sign-in/2fa", route: `/sign-in/2fa?challenge_id=${challengeId}` });

    await user.type(screen.getByLabelText("Sign-in code"), "12a");
    await user.click(screen.getByRole("button", { name: "Verify and sign in" }));
    expect(await screen.findByText("Enter the 6-digit code from the email.")).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it("sends users back to the password when the challenge is spent", async () => {
    installFakeFetch(() => problem(401, "challenge_expired"));
    const user = userEvent.setup();
    renderAt(<SignInPage />, { path: "/sign-in/2fa", route: `/sign-in/2fa?challenge_id=${challengeId}` });

    await user.type(screen.getByLabelText("Sign-in code"), "123456");
    await user.click(screen.getByRole("button", { name: "Verify and sign in" }));
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(/expired or was used too many times/);
  });

  it("signs users without 2FA straight in and shows refusals", async () => {
    let attempt = 0;
    installFakeFetch(() =>
      ++attempt === 1 ? problem(401, "invalid_credentials") : jsonResponse(200, { require_2fa: false, access_token: "cand-token" }),
    );
    const user = userEvent.setup();
    renderAt(<SignInPage />, { path: "/sign-in", route: "/sign-in", extraRoutes: <Route path="/" element={<p>Home</p>} /> });

    await user.type(screen.getByLabelText("Email"), "maya@example.com");
    await user.type(screen.getByLabelText("Password"), "nope");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Wrong email or password.");

    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Home")).toBeInTheDocument();
    expect(getAccessToken()).toBe("cand-token");
  });

  it("offers Google and Outlook sign-in as plain links to the API's SSO start, and account creation", () => {
    const calls = installFakeFetch(() => undefined);
    renderAt(<SignInPage />, { path: "/sign-in", route: "/sign-in" });

    expect(screen.getByRole("link", { name: "Continue with Google" })).toHaveAttribute("href", "/api/auth/sso/google/start");
    expect(screen.getByRole("link", { name: "Continue with Outlook" })).toHaveAttribute("href", "/api/auth/sso/outlook/start");
    expect(screen.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/sign-up");
    // Plain navigations: nothing is fetched.
    expect(calls).toHaveLength(0);
  });

  it("puts the SSO links on the configured API origin", () => {
    vi.stubEnv("VITE_API_URL", "https://api.example.com/");
    try {
      renderAt(<SignInPage />, { path: "/sign-in", route: "/sign-in" });
      expect(screen.getByRole("link", { name: "Continue with Google" })).toHaveAttribute(
        "href",
        "https://api.example.com/api/auth/sso/google/start",
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("says why single sign-on failed when the callback sends ?sso_error=", () => {
    renderAt(<SignInPage />, { path: "/sign-in", route: "/sign-in?sso_error=sso_account_not_found" });
    expect(screen.getByRole("alert")).toHaveTextContent(/no HireOps account for this identity/);
  });

  it("words account refusals from single sign-on like password sign-in", () => {
    renderAt(<SignInPage />, { path: "/sign-in", route: "/sign-in?sso_error=login_on_hold" });
    expect(screen.getByRole("alert")).toHaveTextContent("Sign-in is on hold for this account.");
  });

  it("shows the code step without the SSO links", () => {
    renderAt(<SignInPage />, { path: "/sign-in/2fa", route: `/sign-in/2fa?challenge_id=${challengeId}` });
    expect(screen.queryByRole("link", { name: "Continue with Google" })).not.toBeInTheDocument();
  });
});
