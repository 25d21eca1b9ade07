import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setAccessToken } from "../../../services/session";
import { installFakeFetch, jsonResponse, problem, type RecordedCall } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { SettingsPage } from "../SettingsPage";
import { admin, companyId, path, withMe } from "./fixtures";

const settings = {
  company_id: companyId, customized: true, display_name: "Bluepeak", timezone: "Europe/Berlin", locale: "en-GB", date_format: "DD/MM/YYYY",
  week_start: "monday", email_sender_name: null, email_footer: null, brand_color: "#4f46e5", candidate_data_retention_days: 365, default_notification_email: true,
};
const template = { name: "account_activation", description: "Activation link", variables: ["activation_url"], subject: "Welcome", text: "Hi {{ recipient_name }}", html: "<p>Hi</p>", customized: true, updated_at: null };

function setup(answer: (call: RecordedCall) => Response | undefined) {
  const calls = installFakeFetch(
    withMe(admin(["settings:manage"]), (call) => {
      if (call.method === "GET" && path(call) === "/api/admin/settings") return jsonResponse(200, settings);
      if (call.method === "GET" && path(call) === "/api/admin/settings/email-templates") return jsonResponse(200, [template]);
      return answer(call);
    }),
  );
  renderAt(<SettingsPage />);
  return calls;
}

describe("settings and email templates", () => {
  beforeEach(() => setAccessToken("t"));
  afterEach(() => vi.unstubAllGlobals());

  it("saves the settings and puts a 422 on its field", async () => {
    let attempt = 0;
    const calls = setup((call) =>
      call.method === "PUT" ? (++attempt === 1 ? problem(422, "validation_failed", { errors: [{ field: "timezone", code: "invalid", message: "Unknown time zone." }] }) : jsonResponse(200, settings)) : undefined,
    );
    const user = userEvent.setup();
    const tz = await screen.findByLabelText(/Time zone/);
    await user.clear(tz);
    await user.type(tz, "Mars/Olympus");
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Unknown time zone.")).toBeInTheDocument();
    expect(tz).toHaveAttribute("aria-invalid", "true");
    expect(calls.find((c) => c.method === "PUT")!.body).toMatchObject({ timezone: "Mars/Olympus", candidate_data_retention_days: 365, default_notification_email: true });
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    expect(await screen.findByText("Settings saved.")).toBeInTheDocument();
  });

  it("previews a template, shows a template that doesn't render on its field, and resets to default", async () => {
    const calls = setup((call) => {
      if (call.method === "POST" && path(call).endsWith("/preview")) return jsonResponse(200, { subject: "Welcome Sam", text: "Hi Sam", html: "<p>Hi Sam</p>" });
      if (call.method === "PUT") return problem(422, "validation_failed", { errors: [{ field: "text", code: "template_error", message: "undefined value: recipent_name" }] });
      if (call.method === "DELETE") return new Response(null, { status: 204 });
      return undefined;
    });
    const user = userEvent.setup();
    const card = await screen.findByRole("article", { name: "account_activation" });
    await user.click(within(card).getByRole("button", { name: "Edit" }));
    await user.click(within(card).getByRole("button", { name: "Preview" }));
    expect(await within(card).findByText("Hi Sam")).toBeInTheDocument();
    expect(path(calls.find((c) => c.method === "POST")!)).toBe("/api/admin/settings/email-templates/account_activation/preview");

    const text = within(card).getByLabelText("Plain text");
    await user.clear(text);
    await user.type(text, "Hi {{{{ recipent_name }}");
    await user.click(within(card).getByRole("button", { name: "Save template" }));
    expect(await within(card).findByText("undefined value: recipent_name")).toBeInTheDocument();
    expect(text).toHaveAttribute("aria-invalid", "true");

    await user.click(within(card).getByRole("button", { name: "Reset to default" }));
    await user.click(within(card).getByRole("button", { name: "Reset" }));
    expect(await within(card).findByText("Back to the default template.")).toBeInTheDocument();
    expect(path(calls.find((c) => c.method === "DELETE")!)).toBe("/api/admin/settings/email-templates/account_activation");
  });
});
