import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CandidateProfile } from "../../../api/types";
import { installFakeFetch, type RecordedCall } from "../../../test/fakeFetch";
import { LocationProbe } from "../../../test/LocationProbe";
import { renderAt } from "../../../test/render";
import { CandidateCreatePage } from "../candidates/CandidateCreatePage";
import { CandidateProfilePage } from "../candidates/CandidateProfilePage";
import { CandidatesListPage } from "../candidates/CandidatesListPage";
import { candId, candidate, otherId } from "./candidateFixtures";
import { jsonResponse, problem, signedIn } from "./fixtures";

const existingId = otherId;

/** The shared candidate, with the documents and application this page's tests look at. */
function profile(overrides: Partial<CandidateProfile> = {}): CandidateProfile {
  return candidate({
    documents: [
      { file_id: "f1", file_name: "lena-cv.pdf", kind: "resume", virus_status: "clean", size: 1000, added_at: "2026-11-20T10:00:00Z" },
      { file_id: "f2", file_name: "payload.exe", kind: "other", virus_status: "infected", size: 10, added_at: "2026-11-20T10:00:00Z" },
      { file_id: "f3", file_name: "new.pdf", kind: "other", virus_status: "pending", size: 10, added_at: "2026-11-20T10:00:00Z" },
    ],
    applications: [{ id: "app1", job: { id: "j1", title: "Java Backend Developer", reference: "REQ-0001" }, stage: { id: "st1", name: "Screening", kind: "active" }, state: "active", submitted_at: "2026-11-10T10:00:00Z" }],
    ...overrides,
  });
}

describe("candidates", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists candidates with the filters in the query", async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch(
      signedIn((_c, path) =>
        path === "/api/candidates"
          ? jsonResponse(200, { items: [{ id: candId, full_name: "Lena Dubois", current_title: "Data Engineer", location: "Remote", total_experience_years: 2, tags: [], skills: ["python", "sql"], application_count: 2, created_at: "", updated_at: "" }], total: 1, page: 1, per_page: 25 })
          : undefined,
      ),
    );
    renderAt(<CandidatesListPage />, { path: "/recruiting/candidates", route: "/recruiting/candidates" });
    expect(await screen.findByRole("link", { name: "Lena Dubois" })).toHaveAttribute("href", `/recruiting/candidates/${candId}`);
    expect(screen.getByText(/Skills: python, sql · 2 applications/)).toBeInTheDocument();
    await user.type(screen.getByLabelText("Skill"), "python");
    await user.selectOptions(screen.getByLabelText("Source"), "linkedin");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    const last = new URL(calls.filter((c) => c.url.includes("/api/candidates")).at(-1)!.url, "http://x").searchParams;
    expect(last.get("source")).toBe("linkedin");
    expect(last.get("skill")).toBe("python");
  });

  it("shows the profile: skills, experience, education, documents with their scan state, applications and notes", async () => {
    installFakeFetch(
      signedIn((_c, path) => {
        if (path === `/api/candidates/${candId}`) return jsonResponse(200, profile());
        if (path === `/api/candidates/${candId}/notes`) return jsonResponse(200, { items: [{ id: "n1", body: "Prefers <i>remote</i>", author: { id: "u1", full_name: "Sofia Mensah" }, created_at: "2026-11-20T10:00:00Z" }], total: 1, page: 1, per_page: 50 });
        if (path === `/api/candidates/${candId}/documents`) return jsonResponse(200, profile().documents);
        if (path === "/api/files/f3") return jsonResponse(200, { id: "f3", file_name: "new.pdf", content_type: "application/pdf", purpose: "candidate_document", virus_status: "pending", has_text: false, created_at: "2026-11-20T10:00:00Z" });
        return undefined;
      }),
    );
    renderAt(<CandidateProfilePage />, { path: "/recruiting/candidates/:id", route: `/recruiting/candidates/${candId}` });
    expect(await screen.findByRole("heading", { level: 1, name: "Lena Dubois" })).toBeInTheDocument();
    expect(screen.getByText(/python · expert · 2 y/)).toBeInTheDocument();
    expect(screen.getByText(/MSc, Computer Science · TU Berlin/)).toBeInTheDocument();
    const docs = within(await screen.findByRole("list", { name: "Documents" })).getAllByRole("listitem");
    expect(docs[0]).toHaveTextContent(/lena-cv\.pdf\s*Resume · 1000 B · added .*Clean/);
    expect(docs[1]).toHaveTextContent("Blocked");
    expect(docs[2]).toHaveTextContent("Scanning…");
    expect(screen.getByRole("link", { name: "REQ-0001 · Java Backend Developer" })).toHaveAttribute("href", "/recruiting/applications/app1");
    expect(await screen.findByText("Prefers <i>remote</i>")).toBeInTheDocument();
  });

  it("does not ask for notes on a read-only profile and offers no merge", async () => {
    const calls = installFakeFetch(
      signedIn((_c, path) => {
        if (path === `/api/candidates/${candId}`) return jsonResponse(200, profile({ editable: false, owner: { id: "co2", name: "Bluepeak" } }));
        if (path === `/api/candidates/${candId}/documents`) return jsonResponse(200, []);
        return undefined;
      }),
    );
    renderAt(<CandidateProfilePage />, { path: "/recruiting/candidates/:id", route: `/recruiting/candidates/${candId}` });
    expect(await screen.findByText(/Read-only: this profile belongs to Bluepeak/)).toBeInTheDocument();
    expect(calls.some((c) => c.url.includes("/notes"))).toBe(false);
    expect(screen.queryByRole("region", { name: "Merge a duplicate" })).toBeNull();
  });

  it("merges a duplicate and shows a 422 on the id field", async () => {
    const user = userEvent.setup();
    vi.spyOn(window, "confirm").mockReturnValue(true);
    let answer: Response = problem(422, "validation_failed", { errors: [{ field: "duplicate_id", code: "same_candidate", message: "That is this profile." }] });
    const calls = installFakeFetch(
      signedIn((_call: RecordedCall, path) => {
        if (path === `/api/candidates/${candId}`) return jsonResponse(200, profile());
        if (path === `/api/candidates/${candId}/notes`) return jsonResponse(200, { items: [], total: 0, page: 1, per_page: 50 });
        if (path === `/api/candidates/${candId}/merge`) return answer;
        if (path === `/api/candidates/${candId}/documents`) return jsonResponse(200, []);
        return undefined;
      }),
    );
    renderAt(<CandidateProfilePage />, { path: "/recruiting/candidates/:id", route: `/recruiting/candidates/${candId}` });
    await user.type(await screen.findByLabelText("Duplicate profile id"), candId);
    await user.click(screen.getByRole("button", { name: "Merge into this profile" }));
    expect(await screen.findByText("That is this profile.")).toBeInTheDocument();
    answer = jsonResponse(200, profile({ tags: ["immediate-joiner", "merged-tag"] }));
    await user.clear(screen.getByLabelText("Duplicate profile id"));
    await user.type(screen.getByLabelText("Duplicate profile id"), existingId);
    await user.click(screen.getByRole("button", { name: "Merge into this profile" }));
    expect(await screen.findByText("Merged.")).toBeInTheDocument();
    expect(screen.getByText("immediate-joiner, merged-tag")).toBeInTheDocument();
    expect(calls.filter((c) => c.url.endsWith("/merge")).at(-1)!.body).toEqual({ duplicate_id: existingId });
  });

  it("says a profile is not found", async () => {
    installFakeFetch(signedIn((_c, path) => (path === `/api/candidates/${candId}` ? problem(404, "not_found") : undefined)));
    renderAt(<CandidateProfilePage />, { path: "/recruiting/candidates/:id", route: `/recruiting/candidates/${candId}` });
    expect(await screen.findByText("Candidate not found")).toBeInTheDocument();
  });

  it("creating a duplicate links to the existing profile; field errors land on the fields", async () => {
    const user = userEvent.setup();
    let answer: Response = problem(409, "duplicate_candidate", { existing_id: existingId });
    const calls = installFakeFetch(signedIn((call, path) => (path === "/api/candidates" && call.method === "POST" ? answer : undefined)));
    renderAt(<CandidateCreatePage />, { path: "/recruiting/candidates/new", route: "/recruiting/candidates/new", extraRoutes: <Route path="/recruiting/candidates/:id" element={<LocationProbe />} /> });
    await user.type(await screen.findByLabelText(/^Full name/), "Lena Dubois");
    await user.click(screen.getByRole("button", { name: "Create candidate" }));
    expect(await screen.findByText("Give an email or a phone number.")).toBeInTheDocument();
    await user.type(screen.getByLabelText("Email"), "lena@example.com");
    await user.type(screen.getByLabelText("Skills"), "python, sql");
    await user.click(screen.getByRole("button", { name: "Create candidate" }));
    expect(await screen.findByRole("link", { name: "Open the existing profile" })).toHaveAttribute("href", `/recruiting/candidates/${existingId}`);
    expect(calls.find((c) => c.method === "POST")!.body).toMatchObject({ full_name: "Lena Dubois", email: "lena@example.com", phone: null, skills: [{ name: "python" }, { name: "sql" }], source: "sourced" });

    answer = problem(422, "validation_failed", { errors: [{ field: "phone", code: "invalid_phone", message: "Not a phone number." }, { field: "skills[1].name", code: "duplicate", message: "Listed twice." }] });
    await user.click(screen.getByRole("button", { name: "Create candidate" }));
    expect(await screen.findByText("Not a phone number.")).toBeInTheDocument();
    expect(screen.getByText("skills[1].name: Listed twice.")).toBeInTheDocument();

    answer = jsonResponse(201, profile({ id: "new-cand" }));
    await user.click(screen.getByRole("button", { name: "Create candidate" }));
    expect(await screen.findByTestId("location")).toHaveTextContent("/recruiting/candidates/new-cand");
  });
});
