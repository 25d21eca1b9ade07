// Analytics routes (docs/search-and-dashboards.md), both behind `reports:read`.
import { api } from "../services/api";
import type { QueryOf, PipelineReport, RequirementsReport } from "./types";


export type PipelineReportQuery = QueryOf<"analytics_pipeline">;
export type RequirementsReportQuery = QueryOf<"analytics_requirements">;

/** Without `job_id`: every visible open job, stages merged by name. */
export const getPipelineReport = (query: PipelineReportQuery) => api.request<PipelineReport>("/api/analytics/pipeline", { query: { ...query } });
export const getRequirementsReport = (query: RequirementsReportQuery) =>
  api.request<RequirementsReport>("/api/analytics/requirements", { query: { ...query } });
