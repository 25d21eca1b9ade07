import type { Ageing, PipelineReport, RequirementsReport, StageStats } from "../../../api/types";

export const jobA = "01a1fd87-e106-716d-812f-d073253feb81";
export const jobB = "01a1fd87-e106-716d-812f-d073253feb82";

const stage = (stage: string, kind: string, position: number, current: number, reached: number, conv: number | null, avg: number | null, median: number | null): StageStats => ({
  stage,
  kind,
  position,
  current,
  reached,
  conversion_from_previous: conv,
  avg_days_in_stage: avg,
  median_days_in_stage: median,
});

/** The numbers of the API's own test (tests/tests/api/analytics.rs) for one job. */
export const pipelineReport = (jobId: string | null = jobA): PipelineReport => ({
  job_id: jobId,
  stages: [
    stage("Applied", "active", 0, 0, 3, null, 3.33, 4.0),
    stage("Screening", "active", 1, 0, 3, 1.0, 2.0, 2.0),
    stage("Interview", "active", 2, 1, 1, 0.33, 15.0, 15.0),
    stage("Offer", "active", 3, 0, 0, 0.0, null, null),
    stage("Hired", "hired", 4, 1, 1, null, null, null),
    stage("Rejected", "rejected", 5, 1, 1, 1.0, null, null),
  ],
  totals: { applications: 3, hired: 1, rejected: 1, active: 1 },
});

const b = (d0: number, d8: number, d16: number, d31: number, d61: number): Ageing => ({
  days_0_7: d0,
  days_8_15: d8,
  days_16_30: d16,
  days_31_60: d31,
  days_61_plus: d61,
  total: d0 + d8 + d16 + d31 + d61,
});

export const requirementsReport = (): RequirementsReport => ({
  totals: b(1, 1, 1, 0, 1),
  by_client: [
    { ...b(1, 0, 0, 0, 1), client: "Acme" },
    { ...b(0, 0, 1, 0, 0), client: "Globex" },
    { ...b(0, 1, 0, 0, 0), client: null },
  ],
  by_recruiter: [
    { ...b(1, 0, 1, 0, 0), recruiter: { id: "r-ann", name: "Ann Recruiter" } },
    { ...b(0, 0, 1, 0, 0), recruiter: { id: "r-bob", name: "Bob Recruiter" } },
    { ...b(0, 1, 0, 0, 1), recruiter: null },
  ],
});

export const emptyRequirements = (): RequirementsReport => ({ totals: b(0, 0, 0, 0, 0), by_client: [], by_recruiter: [] });
