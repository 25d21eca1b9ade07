// The filters of `GET /api/applications` (docs/pipelines.md), kept in the URL under the API's names.
import type { ApplicationListQuery } from "../../../api/recruiting";

export const APPLICATIONS_PER_PAGE = 25;

export const FILTERS = ["q", "sort", "job_id", "stage_id", "state", "client", "submitted_from", "submitted_to", "verified", "candidate_id", "recruiter_id", "manager_id"] as const;
export type ApplicationFilter = (typeof FILTERS)[number];
export type FilterValues = Partial<Record<ApplicationFilter, string>>;

/** Typed into text and date inputs; applied with the form. */
export const TEXT_FILTERS = ["q", "client", "submitted_from", "submitted_to"] as const;

/** How the page names each parameter, so a refused one (422) reads as the field the user sees. */
export const filterLabels: Readonly<Record<string, string>> = {
  q: "Candidate",
  sort: "Sort by",
  job_id: "Job",
  stage_id: "Stage",
  state: "Status",
  client: "Client",
  submitted_from: "Applied from",
  submitted_to: "Applied to",
  verified: "Verified by manager",
  candidate_id: "Candidate",
  recruiter_id: "Recruiter",
  manager_id: "Job manager",
  page: "Page",
  per_page: "Page size",
};

/** The API's closed list for `state` (the kind of the current stage). */
export const applicationStates = [
  ["active", "Active"],
  ["hired", "Hired"],
  ["rejected", "Rejected"],
] as const;

/** The API's orders; the first is its default, so it leaves the URL. */
export const applicationSorts = [
  ["", "Newest first"],
  ["oldest", "Oldest first"],
  ["in_stage", "Longest in stage"],
  ["candidate", "Candidate name"],
] as const;

export const verifiedChoices = [
  ["", "Any"],
  ["true", "Verified"],
  ["false", "Not verified"],
] as const;

/** The request for the URL's filters; `verified` is a boolean for the API, so anything but true/false is left out. */
export function applicationsQuery({ verified, ...filters }: FilterValues, page: number): ApplicationListQuery {
  const query: ApplicationListQuery = { ...filters, page, per_page: APPLICATIONS_PER_PAGE };
  if (verified === "true" || verified === "false") query.verified = verified === "true";
  return query;
}
