// Wording for the recruiting API's closed lists (docs/jobs.md, docs/candidates.md); values are the API's.
export const jobStatuses = [
  ["draft", "Draft"],
  ["open", "Open"],
  ["on_hold", "On hold"],
  ["closed", "Closed"],
] as const;
export const jobKinds = [
  ["opening", "Opening"],
  ["requirement", "Requirement"],
] as const;
export const priorities = [
  ["low", "Low"],
  ["medium", "Medium"],
  ["high", "High"],
  ["critical", "Critical"],
] as const;
export const jobSorts = [
  ["newest", "Newest"],
  ["oldest", "Oldest"],
  ["ageing", "Longest open"],
  ["priority", "Priority"],
  ["title", "Title"],
  ["updated", "Recently updated"],
] as const;
export const closeReasons = [
  ["filled", "Filled"],
  ["cancelled", "Cancelled"],
  ["other", "Other"],
] as const;
export const teamRoles = [
  ["recruiter", "Recruiter"],
  ["hiring_manager", "Hiring manager"],
  ["interviewer", "Interviewer"],
] as const;
/** A stage's kind; `hired` and `rejected` are terminal (leaving them needs the reopen permission). */
export const stageKinds = [
  ["active", "Active"],
  ["hired", "Hired (terminal)"],
  ["rejected", "Rejected (terminal)"],
] as const;
export const candidateSources = [
  ["referral", "Referral"],
  ["career_site", "Career site"],
  ["job_board", "Job board"],
  ["linkedin", "LinkedIn"],
  ["agency", "Agency"],
  ["sourced", "Sourced"],
  ["imported", "Imported"],
  ["other", "Other"],
] as const;

export const any = (options: readonly (readonly [string, string])[], none = "Any") => [["", none] as const, ...options];
export const wordFor = (options: readonly (readonly [string, string])[], value: string | null | undefined) =>
  value ? (options.find(([v]) => v === value)?.[1] ?? value) : "—";
