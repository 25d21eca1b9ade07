import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installFakeFetch, jsonResponse, problem } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { ActivatePage } from "../ActivatePage";
import { ResetPasswordPage } from "../ResetPasswordPage";
import { SignUpPage } from "../SignUpPage";
import { VerifyEmailPage } from "../VerifyEmailPage";

const strong = "violet-otter-cascade-91";

describe("sign-up", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("registers and says to check the email", async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch((call) => (call.url.endsWith("/api/auth/register") ? jsonResponse(202, { status: "accepted" }) : undefined));
    renderAt(<SignUpPage />, { path: "/sign-up", route: "/sign-up" });
    await user.type(screen.getByLabelText("Full name"), "Ada Lovelace");
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), strong);
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByText(/We sent a message to ada@example.com/)).toBeInTheDocument();
    expect(calls[0]!.body).toEqual({ full_name: "Ada Lovelace", email: "ada@example.com", password: strong });
    expect(calls[0]!.headers.get("Authorization")).toBeNull();
  });

  it("shows the API's field errors on the fields", async () => {
    const user = userEvent.setup();
    installFakeFetch((call) =>
      call.url.endsWith("/api/auth/register")
        ? problem(422, "validation_failed", {
            errors: [
              { field: "password", code: "password_too_common", message: "is too easy to guess: this is similar to a commonly used password" },
              { field: "email", code: "invalid_email", message: "must be an email address" },
            ],
          })
        : undefined,
    );
    renderAt(<SignUpPage />, { path: "/sign-up", route: "/sign-up" });
    await user.type(screen.getByLabelText("Full name"), "Ada Lovelace");
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "password1234");
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByText(/is too easy to guess/)).toBeInTheDocument();
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("must be an email address");
  });
});

describe("email verification", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("posts the link's token once and confirms", async () => {
    const calls = installFakeFetch((call) => (call.url.endsWith("/api/auth/verify-email") ? new Response(null, { status: 204 }) : undefined));
    renderAt(<VerifyEmailPage />, { path: "/verify-email", route: "/verify-email?token=abc123" });
    expect(await screen.findByText("Email confirmed")).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({ token: "abc123" });
  });

  it("explains a used or expired link", async () => {
    installFakeFetch((call) => (call.url.endsWith("/api/auth/verify-email") ? problem(400, "invalid_or_expired_token") : undefined));
    renderAt(<VerifyEmailPage />, { path: "/verify-email", route: "/verify-email?token=old" });
    expect(await screen.findByRole("alert")).toHaveTextContent("This link is invalid, was already used or has expired.");
  });
});

describe("activation", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the API's password error on the field and keeps the form (the link stays usable)", async () => {
    const user = userEvent.setup();
    let answer = problem(422, "validation_failed", { errors: [{ field: "password", code: "password_too_common", message: "is too easy to guess: a word by itself is easy to guess" }] });
    const calls = installFakeFetch((call) => (call.url.endsWith("/api/auth/activate") ? answer : undefined));
    renderAt(<ActivatePage />, { path: "/activate", route: "/activate?token=act-1" });
    await user.type(screen.getByLabelText("New password"), "correcthorse");
    await user.type(screen.getByLabelText("Repeat the password"), "correcthorse");
    await user.click(screen.getByRole("button", { name: "Activate account" }));
    expect(await screen.findByText("The password is too easy to guess: a word by itself is easy to guess.")).toBeInTheDocument();
    expect(screen.getByLabelText("New password")).toHaveAttribute("aria-invalid", "true");
    expect(calls[0]!.body).toEqual({ token: "act-1", password: "correcthorse" });

    answer = new Response(null, { status: 204 });
    await user.clear(screen.getByLabelText("New password"));
    await user.type(screen.getByLabelText("New password"), strong);
    await user.clear(screen.getByLabelText("Repeat the password"));
    await user.type(screen.getByLabelText("Repeat the password"), strong);
    await user.click(screen.getByRole("button", { name: "Activate account" }));
    expect(await screen.findByText("Account activated")).toBeInTheDocument();
  });

  it("refuses mismatched passwords before calling the API", async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch(() => undefined);
    renderAt(<ActivatePage />, { path: "/activate", route: "/activate?token=act-1" });
    await user.type(screen.getByLabelText("New password"), strong);
    await user.type(screen.getByLabelText("Repeat the password"), `${strong}x`);
    await user.click(screen.getByRole("button", { name: "Activate account" }));
    expect(await screen.findByText("The passwords do not match.")).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});

describe("password reset completion", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("maps the API's new_password error onto the password field", async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch((call) =>
      call.url.endsWith("/api/auth/password-reset/complete")
        ? problem(422, "validation_failed", { errors: [{ field: "new_password", code: "password_too_short", message: "must be at least 12 characters" }] })
        : undefined,
    );
    renderAt(<ResetPasswordPage />, { path: "/reset-password", route: "/reset-password?token=rst-9" });
    await user.type(screen.getByLabelText("New password"), strong);
    await user.type(screen.getByLabelText("Repeat the password"), strong);
    await user.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByText("The password must be at least 12 characters.")).toBeInTheDocument();
    expect(calls[0]!.body).toEqual({ token: "rst-9", new_password: strong });
  });

  it("shows an expired link and confirms a change", async () => {
    const user = userEvent.setup();
    let answer = problem(400, "invalid_or_expired_token");
    installFakeFetch((call) => (call.url.endsWith("/api/auth/password-reset/complete") ? answer : undefined));
    renderAt(<ResetPasswordPage />, { path: "/reset-password", route: "/reset-password?token=rst-9" });
    await user.type(screen.getByLabelText("New password"), strong);
    await user.type(screen.getByLabelText("Repeat the password"), strong);
    await user.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("This link is invalid, was already used or has expired.");
    answer = new Response(null, { status: 204 });
    await user.click(screen.getByRole("button", { name: "Set new password" }));
    expect(await screen.findByText("Password changed")).toBeInTheDocument();
  });
});
