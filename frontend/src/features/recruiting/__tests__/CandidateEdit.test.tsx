import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CandidateProfile } from "../../../api/types";
import { installFakeFetch, type RecordedCall } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { CandidateProfilePage } from "../candidates/CandidateProfilePage";
import { candId, candidate, otherId, page } from "./candidateFixtures";
import { jsonResponse, me, problem, signedIn } from "./fixtures";

type Answer = (call: RecordedCall) => Response;

function setup(patch: Answer, start: CandidateProfile = candidate(), who = me()) {
  const calls = installFakeFetch(
    signedIn((call, path) => {
      if (path === `/api/candidates/${candId}` && call.method === "GET") return jsonResponse(200, start);
      if (path === `/api/candidates/${candId}` && call.method === "PATCH") return patch(call);
      if (path === `/api/candidates/${candId}/notes`) return jsonResponse(200, page([]));
      if (path === `/api/candidates/${candId}/documents`) return jsonResponse(200, []);
      return undefined;
    }, who),
  );
  const view = renderAt(<CandidateProfilePage />, { path: "/recruiting/candidates/:id", route: `/recruiting/candidates/${candId}` });
  return { calls, ...view };
}

const patches = (calls: RecordedCall[]) => calls.filter((c) => c.method === "PATCH");

async function openEditor(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole("button", { name: "Edit profile" }));
  return screen.getByRole("form", { name: "Edit profile" });
}

describe("editing a candidate profile", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("sends exactly the changed fields, lists whole, then shows the saved profile", async () => {
    const user = userEvent.setup();
    const { calls, queryClient } = setup((call) => jsonResponse(200, candidate({ headline: "Staff Data Engineer", phone: null, ...(call.body as object), skills: [{ id: "s1", name: "python", proficiency: "expert", years_experience: 2 }, { id: "s2", name: "sql", proficiency: "advanced", years_experience: null }] })));
    const listInvalidated = vi.spyOn(queryClient, "invalidateQueries");
    const form = await openEditor(user);
    expect(within(form).getByLabelText("Full name")).toHaveValue("Lena Dubois");
    expect(within(form).getByRole("heading", { name: "Edit profile" })).toHaveFocus();

    await user.clear(within(form).getByLabelText("Headline"));
    await user.type(within(form).getByLabelText("Headline"), "Staff Data Engineer");
    await user.clear(within(form).getByLabelText("Phone"));
    await user.click(within(form).getByRole("button", { name: "Add skill" }));
    const second = within(form).getByRole("group", { name: "Skill 2" });
    await user.type(within(second).getByLabelText("Name"), "sql");
    await user.selectOptions(within(second).getByLabelText("Proficiency"), "advanced");
    await user.click(within(form).getByRole("button", { name: "Save profile" }));

    expect(await screen.findByText("Profile saved.")).toBeInTheDocument();
    expect(patches(calls)).toHaveLength(1);
    expect(patches(calls)[0]!.body).toEqual({
      phone: null,
      headline: "Staff Data Engineer",
      skills: [
        { name: "python", proficiency: "expert", years_experience: 2 },
        { name: "sql", proficiency: "advanced", years_experience: null },
      ],
    });
    expect(screen.queryByRole("form", { name: "Edit profile" })).toBeNull();
    expect(screen.getByText("Staff Data Engineer · Remote")).toBeInTheDocument();
    expect(screen.getByText(/sql · advanced/)).toBeInTheDocument();
    expect(listInvalidated).toHaveBeenCalledWith({ queryKey: ["recruiting", "candidates"] });
    await waitFor(() => expect(screen.getByRole("button", { name: "Edit profile" })).toHaveFocus());
  });

  it("sends a current job without an end date and a cleared link as null", async () => {
    const user = userEvent.setup();
    const { calls } = setup(() => jsonResponse(200, candidate()));
    const form = await openEditor(user);
    await user.clear(within(form).getByLabelText("GitHub"));
    await user.click(within(form).getByRole("button", { name: "Add experience" }));
    const job = within(form).getByRole("group", { name: "Experience 2" });
    await user.type(within(job).getByLabelText("Job title"), "Intern");
    await user.type(within(job).getByLabelText("Company"), "Zalando");
    await user.type(within(job).getByLabelText("Start date"), "2023-01-01");
    await user.type(within(job).getByLabelText("End date"), "2023-06-30");
    // An end date typed, then the job marked current: the end date is dropped.
    await user.click(within(form).getByRole("button", { name: "Add experience" }));
    const now = within(form).getByRole("group", { name: "Experience 3" });
    await user.type(within(now).getByLabelText("Job title"), "Advisor");
    await user.type(within(now).getByLabelText("Company"), "DataKind");
    await user.type(within(now).getByLabelText("Start date"), "2025-01-01");
    await user.type(within(now).getByLabelText("End date"), "2025-03-01");
    await user.click(within(now).getByLabelText("Current job"));
    expect(within(now).queryByLabelText("End date")).toBeNull();
    await user.click(within(form).getByRole("button", { name: "Save profile" }));
    await waitFor(() => expect(patches(calls)).toHaveLength(1));
    expect(patches(calls)[0]!.body).toEqual({
      links: { linkedin: null, github: null, portfolio: null, website: null },
      experience: [
        { job_title: "Data Engineer", company_name: "N26", start_date: "2024-10-01", end_date: null, is_current: true, description: null },
        { job_title: "Intern", company_name: "Zalando", start_date: "2023-01-01", end_date: "2023-06-30", is_current: false, description: null },
        { job_title: "Advisor", company_name: "DataKind", start_date: "2025-01-01", end_date: null, is_current: true, description: null },
      ],
    });
  });

  it("puts the API's 422 errors on their fields, nested ones on their row, and lists the rest", async () => {
    const user = userEvent.setup();
    const { calls } = setup(() =>
      problem(422, "validation_failed", {
        errors: [
          { field: "links.linkedin", code: "invalid_url", message: "Not an http(s) URL." },
          { field: "skills[0].name", code: "duplicate", message: "Listed twice." },
          { field: "experience", code: "too_many", message: "At most 50 entries." },
        ],
      }),
    );
    const form = await openEditor(user);
    await user.type(within(form).getByLabelText("LinkedIn"), "https://linkedin.example/lena");
    await user.click(within(form).getByRole("button", { name: "Save profile" }));
    expect(await within(form).findByText("Not an http(s) URL.")).toBeInTheDocument();
    expect(within(form).getByLabelText("LinkedIn")).toHaveAccessibleDescription("Not an http(s) URL.");
    const skill = within(form).getByRole("group", { name: "Skill 1" });
    expect(within(skill).getByLabelText("Name")).toHaveAccessibleDescription("Listed twice.");
    expect(within(form).getByRole("alert")).toHaveTextContent("experience: At most 50 entries.");
    // Still editing, nothing lost.
    expect(within(form).getByLabelText("LinkedIn")).toHaveValue("https://linkedin.example/lena");
    expect(patches(calls)).toHaveLength(1);
  });

  it("checks the form before sending: a name is required and a past job cannot end before it starts", async () => {
    const user = userEvent.setup();
    const { calls } = setup(() => jsonResponse(200, candidate()));
    const form = await openEditor(user);
    await user.clear(within(form).getByLabelText("Full name"));
    await user.click(within(form).getByRole("button", { name: "Add experience" }));
    const job = within(form).getByRole("group", { name: "Experience 2" });
    await user.type(within(job).getByLabelText("Job title"), "Intern");
    await user.type(within(job).getByLabelText("Company"), "Zalando");
    await user.type(within(job).getByLabelText("Start date"), "2023-06-01");
    await user.type(within(job).getByLabelText("End date"), "2023-01-01");
    await user.click(within(form).getByRole("button", { name: "Save profile" }));
    expect(await within(form).findByText("A name is required.")).toBeInTheDocument();
    expect(within(job).getByLabelText("End date")).toHaveAccessibleDescription("Ends before it starts.");
    expect(patches(calls)).toHaveLength(0);
  });

  it("words 403 not_candidate_owner when the profile stopped being ours", async () => {
    const user = userEvent.setup();
    setup(() => problem(403, "not_candidate_owner", { detail: "forbidden" }));
    const form = await openEditor(user);
    await user.type(within(form).getByLabelText("Location"), " / Berlin");
    await user.click(within(form).getByRole("button", { name: "Save profile" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("Only the company that owns this profile can change it.");
  });

  it("links a 409 duplicate to the other profile", async () => {
    const user = userEvent.setup();
    setup(() => problem(409, "duplicate_candidate", { existing_id: otherId }));
    const form = await openEditor(user);
    await user.clear(within(form).getByLabelText("Email"));
    await user.type(within(form).getByLabelText("Email"), "lena.d@example.com");
    await user.click(within(form).getByRole("button", { name: "Save profile" }));
    expect(await within(form).findByText("A candidate with this email or phone already exists in your company.")).toBeInTheDocument();
    expect(within(form).getByRole("link", { name: "Open the other profile" })).toHaveAttribute("href", `/recruiting/candidates/${otherId}`);
  });

  it("sends nothing when nothing changed, and Cancel leaves the profile as it was", async () => {
    const user = userEvent.setup();
    const { calls } = setup(() => jsonResponse(200, candidate()));
    const form = await openEditor(user);
    await user.click(within(form).getByRole("button", { name: "Save profile" }));
    expect(await within(form).findByText("Nothing changed, so there is nothing to save.")).toBeInTheDocument();
    await user.type(within(form).getByLabelText("Headline"), " (lead)");
    await user.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.getByText("Data Engineer · Remote")).toBeInTheDocument();
    expect(patches(calls)).toHaveLength(0);
  });

  it("offers no edit on a profile another company owns", async () => {
    setup(() => jsonResponse(200, candidate()), candidate({ editable: false, owner: { id: "co2", name: "Bluepeak" } }));
    expect(await screen.findByText(/Read-only: this profile belongs to Bluepeak/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit profile" })).toBeNull();
  });

  it("offers no edit to a reader without candidates:write", async () => {
    setup(() => jsonResponse(200, candidate()), candidate(), me(["candidates:read"]));
    expect(await screen.findByRole("heading", { level: 1, name: "Lena Dubois" })).toBeInTheDocument();
    // The notes list loads (owner), so the page is settled; still no edit, upload or note form.
    expect(await screen.findByText("No notes yet.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit profile" })).toBeNull();
    expect(screen.queryByRole("form", { name: "Add a document" })).toBeNull();
    expect(screen.queryByLabelText("Add a note")).toBeNull();
  });
});
