// The public job board and public apply: no sign-in (docs/jobs.md, docs/pipelines.md, docs/files-and-scanning.md).
import { api } from "../services/api";
import { getAccessToken } from "../services/session";
import type {
  QueryOf,
  PublicApplyRequest,
  PublicApplyResponse,
  PublicJob,
  PublicJobPage,
  ResumeUploadRequest,
  UploadForm,
  UploadState,
} from "./types";

const enc = encodeURIComponent;

/** The board's filters: the query parameters of `GET /api/public/jobs`. */
export type JobBoardQuery = QueryOf<"public_jobs_list">;

export const listPublicJobs = (query: JobBoardQuery) =>
  api.request<PublicJobPage>("/api/public/jobs", { query: { ...query }, auth: false });

export const getPublicJob = (id: string) => api.request<PublicJob>(`/api/public/jobs/${enc(id)}`, { auth: false });

export const presignResume = (jobId: string, body: ResumeUploadRequest) =>
  api.request<UploadForm>(`/api/public/jobs/${enc(jobId)}/resume-upload`, { method: "POST", body, auth: false });

export const confirmFileUploaded = (fileId: string, uploadToken: string) =>
  api.request<UploadState>(`/api/files/${enc(fileId)}/uploaded`, { method: "POST", body: { upload_token: uploadToken }, auth: false });

/**
 * Applies to a job. A signed-in candidate's token is sent so the API links the
 * profile to their account; everyone else applies anonymously.
 */
export const applyToJob = (jobId: string, body: PublicApplyRequest) =>
  api.request<PublicApplyResponse>(`/api/public/jobs/${enc(jobId)}/apply`, {
    method: "POST",
    body,
    auth: getAccessToken() !== null,
  });
