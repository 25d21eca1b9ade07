import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CandidateDocument } from "../../../api/types";
import { installFakeFetch, type RecordedCall } from "../../../test/fakeFetch";
import { installFakeXhr } from "../../../test/fakeXhr";
import { renderAt } from "../../../test/render";
import { CandidateProfilePage } from "../candidates/CandidateProfilePage";
import { candId, candidate, doc, fileDetails, page } from "./candidateFixtures";
import { jsonResponse, problem, signedIn } from "./fixtures";

const fileId = "01a1fd87-0000-7000-8000-00000000d0c1";
const uploadForm = {
  file_id: fileId,
  upload_token: "up-tok",
  url: "http://storage.local/bucket",
  fields: { key: `uploads/co1/${fileId}/letter.pdf`, "Content-Type": "application/pdf", policy: "cG9saWN5", "x-amz-signature": "sig" },
  expires_at: "2026-11-20T10:15:00Z",
  max_size: 10485760,
};

type Routes = {
  documents: () => CandidateDocument[];
  presign?: (call: RecordedCall) => Response;
  /** `GET /api/files/{id}` (the scan poll) and `GET /api/files/{id}/download`, by file id. */
  file?: (id: string) => Response;
  download?: (id: string) => Response;
  editable?: boolean;
};

function setup(routes: Routes) {
  const calls = installFakeFetch(
    signedIn((call, path) => {
      if (path === `/api/candidates/${candId}`) return jsonResponse(200, candidate({ editable: routes.editable ?? true }));
      if (path === `/api/candidates/${candId}/notes`) return jsonResponse(200, page([]));
      if (path === `/api/candidates/${candId}/documents` && call.method === "GET") return jsonResponse(200, routes.documents());
      if (path === `/api/candidates/${candId}/documents` && call.method === "POST" && routes.presign) return routes.presign(call);
      if (path === `/api/files/${fileId}/uploaded`) return jsonResponse(200, { file_id: fileId, virus_status: "pending" });
      const download = /^\/api\/files\/([^/]+)\/download$/.exec(path);
      if (download && routes.download) return routes.download(download[1]!);
      const file = /^\/api\/files\/([^/]+)$/.exec(path);
      if (file && routes.file) return routes.file(file[1]!);
      return undefined;
    }),
  );
  const Xhr = installFakeXhr();
  renderAt(<CandidateProfilePage />, { path: "/recruiting/candidates/:id", route: `/recruiting/candidates/${candId}` });
  return { calls, Xhr };
}

const docRow = (name: string) => screen.getByText(name).closest("li")!;
const path = (c: RecordedCall) => `${c.method} ${new URL(c.url, "http://x").pathname}`;
/** What the page posted, without the session refresh. */
const posts = (calls: RecordedCall[]) => calls.filter((c) => c.method === "POST" && !c.url.endsWith("/api/auth/refresh")).map(path);

describe("candidate documents", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("uploads: presign → upload with progress → uploaded → pending, polled until clean, then offers the download", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    let listed: CandidateDocument[] = [];
    let scan = "pending";
    const { calls, Xhr } = setup({
      documents: () => listed,
      presign: () => {
        listed = [doc(fileId, "letter.pdf", "awaiting_upload", "cover_letter")];
        return jsonResponse(201, uploadForm);
      },
      file: (id) => jsonResponse(200, fileDetails(id, scan)),
    });
    expect(await screen.findByText("No documents.")).toBeInTheDocument();
    const form = screen.getByRole("form", { name: "Add a document" });
    await user.selectOptions(within(form).getByLabelText("Kind"), "cover_letter");
    const file = new File(["%PDF-1.7 letter"], "letter.pdf", { type: "application/pdf" });
    await user.upload(within(form).getByLabelText("File"), file);
    await user.click(within(form).getByRole("button", { name: "Upload document" }));

    await waitFor(() => expect(Xhr.instances).toHaveLength(1));
    expect(calls.find((c) => c.method === "POST" && c.url.endsWith("/documents"))!.body).toEqual({ file_name: "letter.pdf", content_type: "application/pdf", size: file.size, kind: "cover_letter" });
    const xhr = Xhr.instances[0]!;
    expect(xhr.url).toBe(uploadForm.url);
    expect(xhr.partNames()).toEqual(["key", "Content-Type", "policy", "x-amz-signature", "file"]);
    act(() => xhr.progress(40, 100));
    expect(within(form).getByRole("progressbar", { name: "Uploading letter.pdf" })).toHaveAttribute("value", "40");
    expect(within(form).getByText("letter.pdf: 40%")).toBeInTheDocument();
    expect(within(form).getByRole("button", { name: "Uploading…" })).toBeDisabled();

    listed = [doc(fileId, "letter.pdf", "pending", "cover_letter")];
    act(() => xhr.respond(204));
    expect(await within(form).findByText(/letter\.pdf uploaded\. The virus scan is running/)).toBeInTheDocument();
    expect(calls.find((c) => c.url.endsWith("/uploaded"))!.body).toEqual({ upload_token: "up-tok" });
    // The form is ready for the next document.
    expect((within(form).getByLabelText("File") as HTMLInputElement).files).toHaveLength(0);

    await waitFor(() => expect(docRow("letter.pdf")).toHaveTextContent("Scanning…"));
    expect(docRow("letter.pdf")).toHaveTextContent("Cover letter");
    expect(within(docRow("letter.pdf")).queryByRole("button", { name: /Download/ })).toBeNull();
    await waitFor(() => expect(calls.filter((c) => path(c) === `GET /api/files/${fileId}`)).toHaveLength(1));

    // The verdict comes from the poll; the list is refetched then (here it still lags behind).
    scan = "clean";
    const listFetches = () => calls.filter((c) => path(c) === `GET /api/candidates/${candId}/documents`).length;
    const before = listFetches();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await within(docRow("letter.pdf")).findByText("Clean")).toBeInTheDocument();
    expect(within(docRow("letter.pdf")).getByRole("button", { name: "Download letter.pdf" })).toBeEnabled();
    await waitFor(() => expect(listFetches()).toBeGreaterThan(before));
    expect(posts(calls)).toEqual([
      `POST /api/candidates/${candId}/documents`,
      `POST /api/files/${fileId}/uploaded`,
    ]);
    // Polling stopped with the verdict.
    const polls = calls.filter((c) => path(c) === `GET /api/files/${fileId}`).length;
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(calls.filter((c) => path(c) === `GET /api/files/${fileId}`)).toHaveLength(polls);
  });

  it("downloads only a clean document, through a fresh link; blocked and pending ones offer none", async () => {
    const user = userEvent.setup();
    const assign = vi.fn();
    vi.stubGlobal("location", { ...window.location, assign });
    let download = () => jsonResponse(200, { url: "http://storage.local/bucket/cv.pdf?X-Amz-Signature=abc", expires_at: "2026-11-20T10:05:00Z" });
    setup({
      documents: () => [doc(fileId, "cv.pdf", "clean"), doc("f-bad", "payload.exe", "infected", "other"), doc("f-rej", "fake.pdf", "rejected", "other"), doc("f-wait", "new.pdf", "pending")],
      download: () => download(),
      // The pending one is polled and stays pending.
      file: (id) => jsonResponse(200, fileDetails(id, "pending")),
    });
    expect(await screen.findByText("cv.pdf")).toBeInTheDocument();
    expect(docRow("payload.exe")).toHaveTextContent("Blocked");
    expect(docRow("fake.pdf")).toHaveTextContent("Blocked");
    expect(docRow("new.pdf")).toHaveTextContent("Scanning…");
    for (const name of ["payload.exe", "fake.pdf", "new.pdf"]) expect(within(docRow(name)).queryByRole("button", { name: /Download/ })).toBeNull();

    await user.click(within(docRow("cv.pdf")).getByRole("button", { name: "Download cv.pdf" }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith("http://storage.local/bucket/cv.pdf?X-Amz-Signature=abc"));

    download = () => problem(403, "file_blocked");
    await user.click(within(docRow("cv.pdf")).getByRole("button", { name: "Download cv.pdf" }));
    expect(await within(docRow("cv.pdf")).findByRole("alert")).toHaveTextContent("This file was blocked by the virus scan.");
    expect(assign).toHaveBeenCalledTimes(1);
  });

  it("shows a blocked verdict with the scanner's reason when a polled scan ends blocked", async () => {
    setup({ documents: () => [doc(fileId, "payload.pdf", "pending")], file: (id) => jsonResponse(200, fileDetails(id, "infected", "Eicar-Test-Signature")) });
    expect(await screen.findByText("Eicar-Test-Signature")).toBeInTheDocument();
    expect(docRow("payload.pdf")).toHaveTextContent("Blocked");
    expect(within(docRow("payload.pdf")).queryByRole("button", { name: /Download/ })).toBeNull();
  });

  it("puts a refused presign (422 on size) on the file input and says when the storage refuses the bytes", async () => {
    const user = userEvent.setup();
    let presign = () => problem(422, "validation_failed", { errors: [{ field: "size", code: "too_large", message: "At most 10 MiB." }] });
    const { Xhr } = setup({ documents: () => [], presign: () => presign() });
    const form = await screen.findByRole("form", { name: "Add a document" });
    await user.upload(within(form).getByLabelText("File"), new File(["x"], "huge.pdf", { type: "application/pdf" }));
    await user.click(within(form).getByRole("button", { name: "Upload document" }));
    await waitFor(() => expect(within(form).getByLabelText("File")).toHaveAccessibleDescription(/At most 10 MiB\./));
    expect(Xhr.instances).toHaveLength(0);

    presign = () => jsonResponse(201, uploadForm);
    await user.click(within(form).getByRole("button", { name: "Upload document" }));
    await waitFor(() => expect(Xhr.instances).toHaveLength(1));
    act(() => Xhr.instances[0]!.respond(403));
    expect(await within(form).findByRole("alert")).toHaveTextContent("huge.pdf was not addedThe file storage refused the upload.");
  });

  it("asks for a file before uploading", async () => {
    const user = userEvent.setup();
    const { calls } = setup({ documents: () => [] });
    const form = await screen.findByRole("form", { name: "Add a document" });
    await user.click(within(form).getByRole("button", { name: "Upload document" }));
    expect(await within(form).findByText("Choose a file.")).toBeInTheDocument();
    expect(posts(calls)).toEqual([]);
  });

  it("lists a read-only profile's documents without the upload form", async () => {
    setup({ documents: () => [doc(fileId, "cv.pdf", "clean")], editable: false });
    expect(await screen.findByText("cv.pdf")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Add a document" })).toBeNull();
    expect(within(docRow("cv.pdf")).getByRole("button", { name: "Download cv.pdf" })).toBeInTheDocument();
  });

  it("says when the documents cannot be loaded", async () => {
    installFakeFetch(
      signedIn((_call, p) => {
        if (p === `/api/candidates/${candId}`) return jsonResponse(200, candidate({ editable: false }));
        if (p === `/api/candidates/${candId}/documents`) return problem(404, "not_found");
        return undefined;
      }),
    );
    renderAt(<CandidateProfilePage />, { path: "/recruiting/candidates/:id", route: `/recruiting/candidates/${candId}` });
    expect(await screen.findByText("Could not load the documents")).toBeInTheDocument();
    expect(screen.getByText("It no longer exists, or it belongs to another company.")).toBeInTheDocument();
  });
});
