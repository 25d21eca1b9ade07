import type { PublicJob } from "../../../api/types";

export const jobId = "01a1fd7c-df64-7758-8fe6-bd8d89412160";
export const companyId = "01a1fd7c-dbde-716a-bf28-a7ff3c77a19a";

export function job(overrides: Partial<PublicJob> = {}): PublicJob {
  return {
    id: jobId,
    reference: "REQ-0001",
    title: "Frontend Developer (React)",
    description: "React and TypeScript for consumer apps.\n\nYou will own the design system.",
    department: null,
    location: "London",
    work_mode: "hybrid",
    employment_type: "full_time",
    tags: ["react", "typescript"],
    experience_min: 3,
    experience_max: 6,
    positions: 2,
    company: { id: companyId, name: "Bluepeak Staffing" },
    published_at: "2026-10-29T09:43:03Z",
    ...overrides,
  };
}
