// Recruiting: jobs, pipelines, applications, candidates and search
// (docs/jobs.md, docs/pipelines.md, docs/candidates.md, docs/search-and-dashboards.md).
import { api } from "../services/api";
import type {
  QueryOf,
  ApplicationDetails,
  ApplicationPage,
  CandidateDocument,
  CandidatePage,
  CandidateProfile,
  CompanyRefPage,
  CloseJobRequest,
  CreateCandidateRequest,
  CreateJobRequest,
  DocumentUploadRequest,
  EditStagesRequest,
  FeedbackItem,
  FeedbackList,
  FeedbackRequest,
  HistoryItem,
  JobDetails,
  JobPage,
  JobStage,
  MoveApplicationRequest,
  Note,
  NotePage,
  PipelineBoard,
  ReorderRequest,
  SearchPage,
  UpdateCandidateRequest,
  SetTeamRequest,
  SharedWithView,
  ShareJobRequest,
  TeamView,
  UpdateJobRequest,
  UploadForm,
} from "./types";

const enc = encodeURIComponent;

/** `GET /api/jobs` filters, as the generated schema has them. */
export type JobListQuery = QueryOf<"jobs_list">;

export const listJobs = (query: JobListQuery) => api.request<JobPage>("/api/jobs", { query: { ...query } });
export const getJob = (id: string) => api.request<JobDetails>(`/api/jobs/${enc(id)}`);
export const createJob = (body: CreateJobRequest) => api.request<JobDetails>("/api/jobs", { method: "POST", body });
export const updateJob = (id: string, body: UpdateJobRequest) => api.request<JobDetails>(`/api/jobs/${enc(id)}`, { method: "PATCH", body });
export const publishJob = (id: string) => api.request<JobDetails>(`/api/jobs/${enc(id)}/publish`, { method: "POST" });
export const unpublishJob = (id: string) => api.request<JobDetails>(`/api/jobs/${enc(id)}/unpublish`, { method: "POST" });
export const closeJob = (id: string, body: CloseJobRequest) => api.request<JobDetails>(`/api/jobs/${enc(id)}/close`, { method: "POST", body });
export const reopenJob = (id: string) => api.request<JobDetails>(`/api/jobs/${enc(id)}/reopen`, { method: "POST" });
export const setJobTeam = (id: string, body: SetTeamRequest) => api.request<TeamView>(`/api/jobs/${enc(id)}/team`, { method: "PUT", body });
export const shareJob = (id: string, body: ShareJobRequest) => api.request<SharedWithView>(`/api/jobs/${enc(id)}/agencies`, { method: "PUT", body });
/** `GET /api/agencies` (employers with jobs:write): active agencies by name, whom a job can be shared with. */
export type AgencyListQuery = QueryOf<"agencies_list">;
export const listAgencies = (query: AgencyListQuery) => api.request<CompanyRefPage>("/api/agencies", { query: { ...query } });
export const listJobStages = (id: string) => api.request<JobStage[]>(`/api/jobs/${enc(id)}/stages`);
export const editJobStages = (id: string, body: EditStagesRequest) => api.request<JobStage[]>(`/api/jobs/${enc(id)}/stages`, { method: "PUT", body });


export const getPipeline = (jobId: string) => api.request<PipelineBoard>(`/api/jobs/${enc(jobId)}/pipeline`);
export const reorderCard = (jobId: string, body: ReorderRequest) =>
  api.request<void>(`/api/jobs/${enc(jobId)}/pipeline/reorder`, { method: "POST", body });

/** `GET /api/applications` filters, as the generated schema has them. */
export type ApplicationListQuery = QueryOf<"applications_list">;

export const listApplications = (query: ApplicationListQuery) => api.request<ApplicationPage>("/api/applications", { query: { ...query } });
export const getApplication = (id: string) => api.request<ApplicationDetails>(`/api/applications/${enc(id)}`);
export const moveApplication = (id: string, body: MoveApplicationRequest) =>
  api.request<ApplicationDetails>(`/api/applications/${enc(id)}/move`, { method: "POST", body });
export const getApplicationHistory = (id: string) => api.request<HistoryItem[]>(`/api/applications/${enc(id)}/history`);
export const listFeedback = (id: string) => api.request<FeedbackList>(`/api/applications/${enc(id)}/feedback`);
export const addFeedback = (id: string, body: FeedbackRequest) =>
  api.request<FeedbackItem>(`/api/applications/${enc(id)}/feedback`, { method: "POST", body });

/** `GET /api/candidates` filters, as the generated schema has them. */
export type CandidateListQuery = QueryOf<"candidates_list">;

export const listCandidates = (query: CandidateListQuery) => api.request<CandidatePage>("/api/candidates", { query: { ...query } });
export const getCandidate = (id: string) => api.request<CandidateProfile>(`/api/candidates/${enc(id)}`);
export const createCandidate = (body: CreateCandidateRequest) => api.request<CandidateProfile>("/api/candidates", { method: "POST", body });
export const updateCandidate = (id: string, body: UpdateCandidateRequest) =>
  api.request<CandidateProfile>(`/api/candidates/${enc(id)}`, { method: "PATCH", body });
export const listNotes = (id: string, page = 1) => api.request<NotePage>(`/api/candidates/${enc(id)}/notes`, { query: { page, per_page: 50 } });
export const addNote = (id: string, body: string) => api.request<Note>(`/api/candidates/${enc(id)}/notes`, { method: "POST", body: { body } });
export const listCandidateDocuments = (id: string) => api.request<CandidateDocument[]>(`/api/candidates/${enc(id)}/documents`);
/** Presigns a document upload; the file then follows the flow of docs/files-and-scanning.md. */
export const presignCandidateDocument = (id: string, body: DocumentUploadRequest) =>
  api.request<UploadForm>(`/api/candidates/${enc(id)}/documents`, { method: "POST", body });
export const mergeCandidate = (survivorId: string, duplicateId: string) =>
  api.request<CandidateProfile>(`/api/candidates/${enc(survivorId)}/merge`, { method: "POST", body: { duplicate_id: duplicateId } });

export type SearchQuery = QueryOf<"search">;

export const search = (query: SearchQuery) => api.request<SearchPage>("/api/search", { query: { ...query } });
