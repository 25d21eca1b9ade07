import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setAccessToken } from "../../../services/session";
import { installFakeFetch, jsonResponse } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { AttachmentChip } from "../AttachmentChip";

const attachment = (status: string) => ({ id: "01900000-0000-7000-8000-0000000000a1", file_name: "cv.pdf", content_type: "application/pdf", size: 2048, status });

describe("attachment chip", () => {
  beforeEach(() => setAccessToken("t"));
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ["awaiting_upload", "Scanning…"],
    ["pending", "Scanning…"],
    ["clean", "Clean"],
    ["infected", "Blocked"],
    ["rejected", "Blocked"],
    ["error", "Scan failed"],
  ])("status %s shows %s and offers the download only when clean", (status, badge) => {
    installFakeFetch(() => undefined);
    renderAt(<AttachmentChip attachment={attachment(status)} />);
    expect(screen.getByText(badge)).toBeInTheDocument();
    const button = screen.getByRole("button", { name: "Download cv.pdf" });
    if (status === "clean") expect(button).toBeEnabled();
    else expect(button).toBeDisabled();
  });

  it("downloads a clean file through a fresh short-lived link", async () => {
    const calls = installFakeFetch((call) =>
      call.url.endsWith("/api/messaging/attachments/01900000-0000-7000-8000-0000000000a1/download")
        ? jsonResponse(200, { url: "http://files.test/cv.pdf?sig=1", expires_at: "2026-11-21T09:05:00Z" })
        : undefined,
    );
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign });
    renderAt(<AttachmentChip attachment={attachment("clean")} />);

    await userEvent.setup().click(screen.getByRole("button", { name: "Download cv.pdf" }));
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith("http://files.test/cv.pdf?sig=1"));
    expect(calls).toHaveLength(1);
  });
});
