import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CandidateProfile, OwnApplication, SavedJobPage, Skill } from "../../../api/types";
import { installFakeFetch } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { jsonResponse, me, problem, signedIn } from "../../recruiting/__tests__/fixtures";
import { MyApplicationsPage } from "../MyApplicationsPage";
import { MyProfilePage } from "../MyProfilePage";
import { SavedJobsPage } from "../SavedJobsPage";

const candidate = me(["candidate:self", "messaging:use"]);

function profile(overrides: Partial<CandidateProfile> = {}): CandidateProfile {
  return {
    id: "p1", owner: null, full_name: "Maya Patel", email: "maya@example.com", phone: null, headline: null, current_title: "Designer", current_company: null,
    location: "Lisbon", total_experience_years: 4, notice_period_days: null, current_salary: null, expected_salary: null, salary_currency: null, summary: null,
    source: null, links: { linkedin: null, github: null, portfolio: null, website: null }, tags: [], skills: [], experience: [], education: [], documents: [],
    applications: [], editable: true, created_by: null, created_at: "2026-11-10T10:00:00Z", updated_at: "2026-11-10T10:00:00Z",
    ...overrides,
  };
}

const figma: Skill = { id: "s1", name: "Figma", proficiency: "expert", years_experience: 4 };

/** The profile page's calls: the profile and three lists. */
function profileRoutes(extra: Parameters<typeof signedIn>[0] = () => undefined, skills: Skill[] = [figma]) {
  return signedIn((call, path) => {
    const answer = extra(call, path);
    if (answer) return answer;
    if (path === "/api/candidate/profile" && call.method === "GET") return jsonResponse(200, profile());
    if (path === "/api/candidate/skills" && call.method === "GET") return jsonResponse(200, skills);
    if (path === "/api/candidate/experience" && call.method === "GET") return jsonResponse(200, []);
    if (path === "/api/candidate/education" && call.method === "GET") return jsonResponse(200, []);
    return undefined;
  }, candidate);
}

describe("candidate self-service", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("saves the profile with PUT, blanks as null and the lists left out, and shows the API's 422 on the fields", async () => {
    const user = userEvent.setup();
    let puts = 0;
    const calls = installFakeFetch(
      profileRoutes((call, path) => {
        if (path !== "/api/candidate/profile" || call.method !== "PUT") return undefined;
        return ++puts === 1
          ? problem(422, "validation_failed", { errors: [{ field: "links.github", code: "invalid_url", message: "Must be an http(s) URL." }, { field: "notice_period_days", code: "out_of_range", message: "0 to 365." }] })
          : jsonResponse(200, profile({ headline: "Product designer" }));
      }),
    );
    renderAt(<MyProfilePage />, { path: "/me/profile", route: "/me/profile" });

    const name = await screen.findByLabelText("Full name");
    expect(name).toHaveValue("Maya Patel");
    await user.type(screen.getByLabelText("Headline"), "Product designer");
    await user.type(screen.getByLabelText("GitHub"), "ftp://nope");
    await user.type(screen.getByLabelText("Notice period (days)"), "900");
    await user.click(screen.getByRole("button", { name: "Save profile" }));

    expect(await screen.findByText("Must be an http(s) URL.")).toBeInTheDocument();
    expect(screen.getByLabelText("GitHub")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Notice period (days)")).toHaveAttribute("aria-invalid", "true");
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.body).toMatchObject({ full_name: "Maya Patel", headline: "Product designer", phone: null, total_experience_years: 4, notice_period_days: 900, links: { github: "ftp://nope", linkedin: null } });
    expect(put.body).not.toHaveProperty("skills");
    expect(put.body).not.toHaveProperty("experience");

    await user.click(screen.getByRole("button", { name: "Save profile" }));
    expect(await screen.findByText("Profile saved.")).toBeInTheDocument();
  });

  it("adds a skill (a 422 lands on the field), edits and deletes one", async () => {
    const user = userEvent.setup();
    let posts = 0;
    const calls = installFakeFetch(
      profileRoutes((call, path) => {
        if (path === "/api/candidate/skills" && call.method === "POST")
          return ++posts === 1
            ? problem(422, "validation_failed", { errors: [{ field: "name", code: "duplicate", message: "You already have this skill." }] })
            : jsonResponse(201, { id: "s2", name: "Sketch", proficiency: null, years_experience: null });
        if (path === "/api/candidate/skills/s1" && call.method === "PUT") return jsonResponse(200, { ...figma, years_experience: 5 });
        if (path === "/api/candidate/skills/s1" && call.method === "DELETE") return problem(404, "not_found");
        return undefined;
      }),
    );
    renderAt(<MyProfilePage />, { path: "/me/profile", route: "/me/profile" });
    const skills = within(await screen.findByRole("region", { name: "Skills" }));
    expect(await skills.findByText("Figma")).toBeInTheDocument();

    await user.click(skills.getByRole("button", { name: "Add skill" }));
    const editor = within(skills.getByRole("form", { name: "New skill" }));
    await user.type(editor.getByLabelText("Skill"), "figma");
    await user.click(editor.getByRole("button", { name: "Save" }));
    expect(await editor.findByText("You already have this skill.")).toBeInTheDocument();
    expect(editor.getByLabelText("Skill")).toHaveAttribute("aria-invalid", "true");
    await user.clear(editor.getByLabelText("Skill"));
    await user.type(editor.getByLabelText("Skill"), "Sketch");
    await user.selectOptions(editor.getByLabelText("Proficiency"), "advanced");
    await user.type(editor.getByLabelText("Years of experience"), "2.5");
    await user.click(editor.getByRole("button", { name: "Save" }));
    expect(calls.filter((c) => c.method === "POST").at(-1)!.body).toEqual({ name: "Sketch", proficiency: "advanced", years_experience: 2.5 });

    await user.click(await skills.findByRole("button", { name: "Edit Figma" }));
    const edit = within(skills.getByRole("form", { name: "Edit Figma" }));
    expect(edit.getByLabelText("Proficiency")).toHaveValue("expert");
    await user.clear(edit.getByLabelText("Years of experience"));
    await user.type(edit.getByLabelText("Years of experience"), "5");
    await user.click(edit.getByRole("button", { name: "Save" }));
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({ name: "Figma", proficiency: "expert", years_experience: 5 });

    await user.click(await skills.findByRole("button", { name: "Delete Figma" }));
    expect(await skills.findByRole("alert")).toHaveTextContent("It no longer exists");
  });

  it("sends a current job without an end date and shows end_date refusals on the field", async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch(
      profileRoutes((call, path) =>
        path === "/api/candidate/experience" && call.method === "POST"
          ? problem(422, "validation_failed", { errors: [{ field: "start_date", code: "required", message: "A start date is required." }] })
          : undefined,
      ),
    );
    renderAt(<MyProfilePage />, { path: "/me/profile", route: "/me/profile" });
    const section = within(await screen.findByRole("region", { name: "Experience" }));
    await user.click(await section.findByRole("button", { name: "Add experience" }));
    const editor = within(section.getByRole("form", { name: "New experience" }));
    await user.type(editor.getByLabelText("Job title"), "Designer");
    await user.type(editor.getByLabelText("Company"), "Acme");
    await user.type(editor.getByLabelText("End date"), "2025-01-31");
    await user.click(editor.getByLabelText("I work here now"));
    await user.click(editor.getByRole("button", { name: "Save" }));
    expect(await editor.findByText("A start date is required.")).toBeInTheDocument();
    expect(calls.find((c) => c.method === "POST")!.body).toEqual({ job_title: "Designer", company_name: "Acme", start_date: "", end_date: null, is_current: true, description: null });
  });

  it("lists saved jobs and removes one", async () => {
    const user = userEvent.setup();
    let removed = false;
    const page = (): SavedJobPage => ({
      items: [
        { job: { id: "j1", title: "UX Designer", company_name: "Acme", location: "Lisbon", published: true }, saved_at: "2026-11-20T10:00:00Z" },
        ...(removed ? [] : [{ job: { id: "j2", title: "Old role", company_name: "Initech", location: null, published: false }, saved_at: "2026-11-01T10:00:00Z" }]),
      ],
      total: removed ? 1 : 2, page: 1, per_page: 20,
    });
    const calls = installFakeFetch(
      signedIn((call, path) => {
        if (path === "/api/candidate/saved-jobs") return jsonResponse(200, page());
        if (path === "/api/candidate/saved-jobs/j2" && call.method === "DELETE") {
          removed = true;
          return new Response(null, { status: 204 });
        }
        return undefined;
      }, candidate),
    );
    renderAt(<SavedJobsPage />, { path: "/me/saved-jobs", route: "/me/saved-jobs" });
    expect(await screen.findByRole("link", { name: "UX Designer" })).toHaveAttribute("href", "/jobs/j1");
    expect(screen.getByText(/no longer on the board/)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Old role" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove Old role" }));
    await vi.waitFor(() => expect(screen.queryByText("Old role")).not.toBeInTheDocument());
    expect(calls.some((c) => c.method === "DELETE" && c.url.endsWith("/api/candidate/saved-jobs/j2"))).toBe(true);
  });

  it("says why removing a saved job failed", async () => {
    const user = userEvent.setup();
    installFakeFetch(
      signedIn((call, path) => {
        if (path === "/api/candidate/saved-jobs") return jsonResponse(200, { items: [{ job: { id: "j1", title: "UX Designer", company_name: "Acme", location: null, published: true }, saved_at: "2026-11-20T10:00:00Z" }], total: 1, page: 1, per_page: 20 });
        if (call.method === "DELETE") return problem(404, "not_found");
        return undefined;
      }, candidate),
    );
    renderAt(<SavedJobsPage />, { path: "/me/saved-jobs", route: "/me/saved-jobs" });
    await user.click(await screen.findByRole("button", { name: "Remove UX Designer" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("It no longer exists");
  });

  it("shows each application's current stage", async () => {
    const apps: OwnApplication[] = [
      { id: "a1", job_id: "j1", job_title: "UX Designer", company_name: "Acme", stage_name: "Interview", stage_kind: "active", submitted_at: "2026-11-01T10:00:00Z", stage_entered_at: "2026-11-10T10:00:00Z" },
      { id: "a2", job_id: "j2", job_title: "Art Director", company_name: "Initech", stage_name: "Hired", stage_kind: "hired", submitted_at: "2026-10-01T10:00:00Z", stage_entered_at: "2026-10-20T10:00:00Z" },
    ];
    installFakeFetch(signedIn((_c, path) => (path === "/api/candidate/applications" ? jsonResponse(200, apps) : undefined), candidate));
    renderAt(<MyApplicationsPage />, { path: "/me/applications", route: "/me/applications" });
    const rows = await screen.findAllByRole("listitem");
    expect(rows[0]).toHaveTextContent(/UX Designer.*Acme.*Current stage: Interview/);
    expect(rows[1]).toHaveTextContent(/Art Director.*Initech.*Current stage: Hired/);
  });

  it("shows a refusal of the applications list in words", async () => {
    installFakeFetch(signedIn((_c, path) => (path === "/api/candidate/applications" ? problem(403, "missing_permission") : undefined), candidate));
    renderAt(<MyApplicationsPage />, { path: "/me/applications", route: "/me/applications" });
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role does not allow this.");
  });
});
