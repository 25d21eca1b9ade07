import type { ApplicationDetails, BoardCard, HistoryItem, JobDetails, JobListItem, Me, PipelineBoard } from "../../../api/types";
import { jsonResponse, problem, type RecordedCall } from "../../../test/fakeFetch";

export const jobId = "01a1fd87-e106-716d-812f-d073253feb81";
export const stageIds = { applied: "01a1fd87-0000-7000-8000-0000000005a1", screening: "01a1fd87-0000-7000-8000-0000000005a2", rejected: "01a1fd87-0000-7000-8000-0000000005a3" };
export const appIds = { ada: "01a1fd87-0000-7000-8000-00000000a001", bob: "01a1fd87-0000-7000-8000-00000000a002", cy: "01a1fd87-0000-7000-8000-00000000a003" };

export function me(permissions: string[] = ["jobs:read", "jobs:write", "candidates:read", "candidates:write", "applications:read", "applications:write", "applications:move"]): Me {
  return {
    id: "01a1fd87-de55-750c-a9a2-aa2cde976ed9",
    email: "manager@northwind.demo",
    full_name: "Jonas Rossi",
    status: "active",
    roles: ["manager"],
    permissions,
    company: { id: "01a1fd87-de08-7314-afe8-e5bdcc7d3acb", name: "Northwind Talent", type: "agency" },
  } as Me;
}

export function card(id: string, name: string, version = 1): BoardCard {
  return { id, candidate: { id: `${id}-c`, full_name: name }, recruiter: { id: "r1", full_name: "Sofia Mensah" }, stage_entered_at: "2026-11-20T10:00:00Z", days_in_stage: 2, version, rank: 1 };
}

export function board(): PipelineBoard {
  return {
    job: { id: jobId, title: "Java Backend Developer", reference: "REQ-0001", status: "open" },
    stages: [
      { id: stageIds.applied, name: "Applied", kind: "active", position: 0, count: 2, applications: [card(appIds.ada, "Ada Lovelace", 3), card(appIds.bob, "Bob Stone")] },
      { id: stageIds.screening, name: "Screening", kind: "active", position: 1, count: 1, applications: [card(appIds.cy, "Cy Young")] },
      { id: stageIds.rejected, name: "Rejected", kind: "rejected", position: 2, count: 0, applications: [] },
    ],
  };
}

export function application(overrides: Partial<ApplicationDetails> = {}): ApplicationDetails {
  return {
    id: appIds.ada,
    job: { id: jobId, title: "Java Backend Developer", reference: "REQ-0001", client_name: "Initech", company: { id: "co1", name: "Northwind Talent" } },
    candidate: { id: "cand-ada", full_name: "Ada Lovelace", email: "ada@example.com" },
    stage: { id: stageIds.screening, name: "Screening", kind: "active" },
    state: "active",
    source: "sourced",
    recruiter: { id: "r1", full_name: "Sofia Mensah" },
    submitted_at: "2026-11-10T10:00:00Z",
    stage_entered_at: "2026-11-18T10:00:00Z",
    days_in_stage: 3,
    verified_by_manager: false,
    version: 2,
    rejection_reason: null,
    cover_letter: null,
    resume: { file_id: "f1", file_name: "ada-cv.pdf", virus_status: "clean" },
    ...overrides,
  };
}

export function history(): HistoryItem[] {
  return [
    { id: "h1", from_stage: null, to_stage: { id: stageIds.applied, name: "Applied" }, changed_by: { id: "r1", full_name: "Sofia Mensah" }, changed_at: "2026-11-10T10:00:00Z", remarks: "Sourced on LinkedIn", rejection_reason: null },
    { id: "h2", from_stage: { id: stageIds.applied, name: "Applied" }, to_stage: { id: stageIds.screening, name: "Phone screen (old name)" }, changed_by: null, changed_at: "2026-11-18T10:00:00Z", remarks: null, rejection_reason: null },
  ];
}

export function jobListItem(overrides: Partial<JobListItem> = {}): JobListItem {
  return {
    id: jobId, reference: "REQ-0001", kind: "requirement", title: "Java Backend Developer", status: "open", priority: "high", client_name: "Initech", location: "Pune",
    employment_type: "full_time", positions: 3, ageing_days: 6, published: true, manager: { id: "m1", full_name: "Jonas Rossi" }, team_size: 2, application_count: 4,
    company: { id: "co1", name: "Northwind Talent" }, shared: false, opened_at: "2026-11-15T09:55:04Z", created_at: "2026-11-15T09:55:04Z", updated_at: "2026-11-21T09:55:03Z",
    ...overrides,
  };
}

export function jobDetails(overrides: Partial<JobDetails> = {}): JobDetails {
  return {
    id: jobId, reference: "REQ-0001", kind: "requirement", title: "Java Backend Developer", description: "Build services.", department: "Engineering", location: "Pune",
    work_mode: "hybrid", employment_type: "full_time", tags: ["java"], client_name: "Initech", client_spoc: null, end_customer: null, account: null, positions: 3,
    budget_min: null, budget_max: null, budget_currency: null, budget_period: null, experience_min: 3, experience_max: 6, priority: "high", manager: null, notes: null,
    status: "open", close_reason: null, opened_at: "2026-11-15T09:55:04Z", closed_at: null, published_at: "2026-11-15T09:55:04Z", published: true, ageing_days: 6,
    company: { id: "co1", name: "Northwind Talent" }, shared: false, stages: [], team: [], shared_with: [], created_at: "2026-11-15T09:55:04Z", updated_at: "2026-11-21T09:55:03Z",
    ...overrides,
  };
}

/** Answers the session calls every signed-in page makes; `route` handles the rest. */
export function signedIn(route: (call: RecordedCall, path: string) => Response | Promise<Response> | undefined, who: Me = me()) {
  return (call: RecordedCall) => {
    const path = new URL(call.url, "http://x").pathname;
    if (path === "/api/auth/refresh") return jsonResponse(200, { access_token: "tok", token_type: "Bearer", expires_in: 900 });
    if (path === "/api/me") return jsonResponse(200, who);
    return route(call, path);
  };
}

export { jsonResponse, problem };
