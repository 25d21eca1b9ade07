// Shared data for the job setup tests (team, agency sharing, stages): an employer owning a job shared with one agency.
import type { JobDetails, JobStage, Me } from "../../../api/types";
import { installFakeFetch, type RecordedCall } from "../../../test/fakeFetch";
import { renderAt } from "../../../test/render";
import { JobDetailPage } from "../jobs/JobDetailPage";
import { jobDetails, jobId, jsonResponse, signedIn } from "./fixtures";

export const employer = { id: "01a1fd87-0000-7000-8000-0000000e0001", name: "Acme Corp", type: "employer" } as const;
export const agency = { id: "01a1fd87-0000-7000-8000-0000000a0001", name: "Northwind Talent", type: "agency" } as const;

export const people = {
  hana: "01a1fd87-0000-7000-8000-00000000b001",
  lee: "01a1fd87-0000-7000-8000-00000000b002",
  sofia: "01a1fd87-0000-7000-8000-00000000b003",
  me: "01a1fd87-0000-7000-8000-00000000b0ff",
};

export const stage = {
  applied: "01a1fd87-0000-7000-8000-0000000c0001",
  screening: "01a1fd87-0000-7000-8000-0000000c0002",
  interview: "01a1fd87-0000-7000-8000-0000000c0003",
  hired: "01a1fd87-0000-7000-8000-0000000c0004",
  rejected: "01a1fd87-0000-7000-8000-0000000c0005",
};

const ALL = ["jobs:read", "jobs:write", "pipelines:manage", "users:read", "messaging:use", "applications:read"];

export function who(company: typeof employer | typeof agency = employer, permissions: string[] = ALL): Me {
  return { id: people.me, email: "me@acme.demo", full_name: "Mia Owner", status: "active", roles: ["employer_admin"], permissions, company: { ...company } };
}

/** The employer's job: its hiring manager and the agency's recruiter on the team, shared with the agency. */
export function ownedJob(overrides: Partial<JobDetails> = {}): JobDetails {
  return jobDetails({
    kind: "opening",
    company: { id: employer.id, name: employer.name },
    team: [
      { user_id: people.hana, full_name: "Hana Ito", role: "hiring_manager", company_id: employer.id },
      { user_id: people.sofia, full_name: "Sofia Mensah", role: "recruiter", company_id: agency.id },
    ],
    shared_with: [{ id: agency.id, name: agency.name }],
    ...overrides,
  });
}

/** The same job as the agency sees it: shared with it, no `shared_with`. */
export const sharedJob = () => ownedJob({ shared: true, shared_with: null });

export function jobStages(): JobStage[] {
  return [
    { id: stage.applied, name: "Applied", kind: "active", position: 0, count: 3 },
    { id: stage.screening, name: "Screening", kind: "active", position: 1, count: 0 },
    { id: stage.interview, name: "Interview", kind: "active", position: 2, count: 2 },
    { id: stage.hired, name: "Hired", kind: "hired", position: 3, count: 0 },
    { id: stage.rejected, name: "Rejected", kind: "rejected", position: 4, count: 1 },
  ];
}

export const pathOf = (call: RecordedCall) => new URL(call.url, "http://x").pathname;

/**
 * Renders the job page for `me`; GET of the job (a function: what it is now)
 * and its stages are answered, `route` handles the rest (the writes and the
 * people lists).
 */
export function renderJob(job: JobDetails | (() => JobDetails), me: Me, route: (call: RecordedCall, path: string) => Response | Promise<Response> | undefined = () => undefined, stages: JobStage[] | (() => Response) = jobStages()) {
  const calls = installFakeFetch(
    signedIn((call, path) => {
      if (call.method === "GET" && path === `/api/jobs/${jobId}`) return jsonResponse(200, typeof job === "function" ? job() : job);
      if (call.method === "GET" && path === `/api/jobs/${jobId}/stages`) return typeof stages === "function" ? stages() : jsonResponse(200, stages);
      return route(call, path);
    }, me),
  );
  const view = renderAt(<JobDetailPage />, { path: "/recruiting/jobs/:id", route: `/recruiting/jobs/${jobId}` });
  return { calls, ...view };
}
