import type { Dashboard } from "../../../api/types";

type Of<K extends Dashboard["kind"]> = Extract<Dashboard, { kind: K }>;

export const platform = (extra: Partial<Of<"platform">> = {}): Of<"platform"> => ({
  kind: "platform",
  companies_by_type: [
    { key: "agency", count: 3 },
    { key: "employer", count: 5 },
  ],
  companies_by_status: [
    { key: "active", count: 7 },
    { key: "suspended", count: 1 },
  ],
  users_by_status: [
    { key: "active", count: 41 },
    { key: "pending_activation", count: 4 },
    { key: "pending_verification", count: 2 },
    { key: "deactivated", count: 0 },
  ],
  open_jobs: 12,
  applications_total: 230,
  applications_last_7_days: 17,
  ...extra,
});

export const candidate = (): Of<"candidate"> => ({ kind: "candidate", applications: [], counts: { active: 2, hired: 1, rejected: 3 }, saved_jobs: 4 });

export const employer = (extra: Partial<Of<"employer">> = {}): Of<"employer"> => ({
  kind: "employer",
  open_jobs: 3,
  applicants_by_stage: [
    { key: "Applied", count: 9 },
    { key: "Interview", count: 4 },
    { key: "Hired", count: 1 },
  ],
  new_applications_this_week: 6,
  hires_this_month: 1,
  recent_applications: [],
  ...extra,
});

export const manager = (): Of<"manager"> => ({
  kind: "manager",
  period: { from: "2026-10-23", to: "2026-11-21" },
  funnel: { submissions: 20, interviews: 8, offers: 3, hires: 2, rejections: 6 },
  recruiters: [
    { recruiter: { id: "r1", name: "Ann Recruiter" }, submissions: 12, interviews: 5, offers: 2, hires: 1, rejections: 4, active_requirements: 3 },
    { recruiter: { id: "r2", name: "Bob Recruiter" }, submissions: 8, interviews: 3, offers: 1, hires: 1, rejections: 2, active_requirements: 1 },
  ],
  open_requirements_by_priority: [
    { key: "low", count: 1 },
    { key: "medium", count: 2 },
    { key: "high", count: 1 },
    { key: "critical", count: 0 },
  ],
  ageing: { days_0_7: 1, days_8_15: 1, days_16_30: 1, days_31_60: 0, days_61_plus: 1, total: 4 },
});

export const recruiter = (): Of<"recruiter"> => ({
  kind: "recruiter",
  period: { from: "2026-10-23", to: "2026-11-21" },
  open_requirements: [
    { id: "j1", reference: "REQ-0003", title: "QA", client: "Acme", priority: "low", status: "on_hold", ageing_days: 70 },
    { id: "j2", reference: "REQ-0001", title: "Java Lead", client: null, priority: "high", status: "open", ageing_days: 3 },
  ],
  submissions_this_week: 5,
  in_interview_stages: 2,
  pipeline_by_stage: [
    { key: "Applied", count: 4 },
    { key: "Screening", count: 2 },
  ],
});
