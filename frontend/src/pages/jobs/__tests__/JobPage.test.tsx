import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installFakeFetch, jsonResponse, problem, type RecordedCall } from "../../../test/fakeFetch";
import { installFakeXhr, type FakeXhr } from "../../../test/fakeXhr";
import { renderAt } from "../../../test/render";
import { JobPage } from "../JobPage";
import { job, jobId } from "./fixtures";

const fileId = "01a1fd7c-0000-7000-8000-00000000f11e";
const uploadForm = {
  file_id: fileId,
  upload_token: "tok-123",
  url: "http://storage.local/uploads",
  fields: { key: `resumes/${fileId}`, policy: "cG9saWN5", "x-amz-signature": "sig" },
  expires_at: "2026-11-20T10:00:00Z",
  max_size: 10485760,
};

type ApplyAnswer = (call: RecordedCall) => Response;

function setup(apply: ApplyAnswer = () => jsonResponse(201, { application_id: "01a1fd7c-0000-7000-8000-0000000000a1" }), jobAnswer?: () => Response) {
  const calls = installFakeFetch((call) => {
    if (call.url.endsWith("/api/auth/refresh")) return problem(401, "invalid_refresh_token");
    if (call.url.endsWith(`/api/public/jobs/${jobId}`)) return jobAnswer ? jobAnswer() : jsonResponse(200, job());
    if (call.url.endsWith(`/api/public/jobs/${jobId}/resume-upload`)) return jsonResponse(201, uploadForm);
    if (call.url.endsWith(`/api/files/${fileId}/uploaded`)) return jsonResponse(200, { file_id: fileId, virus_status: "pending" });
    if (call.url.endsWith(`/api/public/jobs/${jobId}/apply`)) return apply(call);
    return undefined;
  });
  const Xhr = installFakeXhr();
  renderAt(<JobPage />, { path: "/jobs/:id", route: `/jobs/${jobId}` });
  return { calls, Xhr };
}

/** The API calls the page made, without the session probe and the job fetch. */
const flow = (calls: RecordedCall[]) =>
  calls.filter((c) => c.method === "POST" && !c.url.endsWith("/refresh")).map((c) => `${c.method} ${new URL(c.url, "http://x").pathname}`);

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText("Full name"), "Ada Lovelace");
  await user.type(screen.getByLabelText("Email"), "ada@example.com");
}

describe("job page and apply", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the job as plain text", async () => {
    setup(undefined, () => jsonResponse(200, job({ description: "<b>bold</b> claims" })));
    expect(await screen.findByRole("heading", { level: 1, name: "Frontend Developer (React)" })).toBeInTheDocument();
    expect(screen.getByText("<b>bold</b> claims")).toBeInTheDocument();
    expect(document.querySelector("article b")).toBeNull();
    expect(screen.getByText("Bluepeak Staffing")).toBeInTheDocument();
  });

  it("uploads the resume with progress, then applies with its file id and the honeypot empty: presign → uploaded → apply", async () => {
    const user = userEvent.setup();
    const { calls, Xhr } = setup();
    await fillRequired(user);
    const file = new File(["%PDF-1.7 resume"], "ada-cv.pdf", { type: "application/pdf" });
    await user.upload(screen.getByLabelText("Resume (optional)"), file);

    await waitFor(() => expect(Xhr.instances).toHaveLength(1));
    const xhr: FakeXhr = Xhr.instances[0]!;
    expect(calls.find((c) => c.url.endsWith("/resume-upload"))!.body).toEqual({ file_name: "ada-cv.pdf", content_type: "application/pdf", size: file.size });
    expect(xhr.url).toBe(uploadForm.url);
    expect(xhr.partNames()).toEqual(["key", "policy", "x-amz-signature", "file"]);
    // While the bytes travel: a progress bar, and no sending yet.
    act(() => xhr.progress(30, 100));
    const bar = screen.getByRole("progressbar", { name: "Uploading ada-cv.pdf" });
    expect(bar).toHaveAttribute("value", "30");
    expect(screen.getByText("30%")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Waiting for the upload…" })).toBeDisabled();

    act(() => xhr.respond(204));
    await screen.findByText("Uploaded");
    expect(calls.find((c) => c.url.endsWith("/uploaded"))!.body).toEqual({ upload_token: "tok-123" });

    await user.click(screen.getByRole("button", { name: "Send application" }));
    expect(await screen.findByText("Application sent")).toBeInTheDocument();
    expect(flow(calls)).toEqual([
      `POST /api/public/jobs/${jobId}/resume-upload`,
      `POST /api/files/${fileId}/uploaded`,
      `POST /api/public/jobs/${jobId}/apply`,
    ]);
    const apply = calls.find((c) => c.url.endsWith("/apply"))!;
    expect(apply.body).toEqual({
      full_name: "Ada Lovelace",
      email: "ada@example.com",
      phone: null,
      linkedin_url: null,
      cover_letter: null,
      resume_file_id: fileId,
      website: "",
    });
    expect(apply.headers.get("Authorization")).toBeNull();
  });

  it("keeps the honeypot away from people and assistive tech", async () => {
    setup();
    await screen.findByLabelText("Full name");
    const honeypot = screen.getByTestId("honeypot");
    expect(honeypot).toHaveAttribute("tabindex", "-1");
    expect(honeypot.closest("[aria-hidden='true']")).not.toBeNull();
    expect(screen.queryByRole("textbox", { name: "Website" })).toBeNull();
  });

  it("shows 409 already_applied in words", async () => {
    const user = userEvent.setup();
    setup(() => problem(409, "already_applied", { detail: "Already applied." }));
    await fillRequired(user);
    await user.click(screen.getByRole("button", { name: "Send application" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You have already applied to this job");
  });

  it("puts a 422's field errors on the fields", async () => {
    const user = userEvent.setup();
    setup(() =>
      problem(422, "validation_failed", {
        errors: [
          { field: "email", code: "invalid", message: "is not a valid email address" },
          { field: "phone", code: "invalid", message: "is not a valid phone number" },
        ],
      }),
    );
    await fillRequired(user);
    await user.type(screen.getByLabelText("Phone (optional)"), "12");
    await user.click(screen.getByRole("button", { name: "Send application" }));
    expect(await screen.findByText("is not a valid phone number")).toBeInTheDocument();
    expect(screen.getByLabelText("Email")).toHaveAccessibleDescription("is not a valid email address");
    expect(screen.getByLabelText("Phone (optional)")).toHaveAttribute("aria-invalid", "true");
  });

  it("says how long to wait on 429, and that the job closed on 404", async () => {
    const user = userEvent.setup();
    let answer: Response = new Response(JSON.stringify({ type: "x", title: "Too Many Requests", status: 429, code: "rate_limited" }), {
      status: 429,
      headers: { "Content-Type": "application/problem+json", "Retry-After": "1800" },
    });
    setup(() => answer);
    await fillRequired(user);
    await user.click(screen.getByRole("button", { name: "Send application" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Try again in 30 minutes");

    answer = problem(404, "not_found");
    await user.click(screen.getByRole("button", { name: "Send application" }));
    expect(await screen.findByText("This job is closed")).toBeInTheDocument();
  });

  it("explains a job that is no longer on the board", async () => {
    setup(undefined, () => problem(404, "not_found"));
    expect(await screen.findByText("This job is not available")).toBeInTheDocument();
    expect(screen.queryByLabelText("Full name")).toBeNull();
  });
});
