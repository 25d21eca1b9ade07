// Candidate self-service: the caller's own profile, lists, saved jobs and applications
// (docs/candidates.md, permission `candidate:self`).
import { api } from "../services/api";
import type {
  CandidateProfile,
  Education,
  EducationBody,
  Experience,
  ExperienceBody,
  MyProfileRequest,
  OwnApplication,
  SavedJob,
  SavedJobPage,
  Skill,
  SkillBody,
} from "./types";

const enc = encodeURIComponent;

export const getMyProfile = () => api.get<CandidateProfile>("/api/candidate/profile");
export const saveMyProfile = (body: MyProfileRequest) => api.request<CandidateProfile>("/api/candidate/profile", { method: "PUT", body });

/** The three lists share their shape: GET, POST, PUT /{id}, DELETE /{id}. */
export interface ListKinds {
  skills: { item: Skill; body: SkillBody };
  experience: { item: Experience; body: ExperienceBody };
  education: { item: Education; body: EducationBody };
}
export type ListKind = keyof ListKinds;

export const listMine = <K extends ListKind>(kind: K) => api.get<ListKinds[K]["item"][]>(`/api/candidate/${kind}`);
export const addMine = <K extends ListKind>(kind: K, body: ListKinds[K]["body"]) =>
  api.request<ListKinds[K]["item"]>(`/api/candidate/${kind}`, { method: "POST", body });
export const updateMine = <K extends ListKind>(kind: K, id: string, body: ListKinds[K]["body"]) =>
  api.request<ListKinds[K]["item"]>(`/api/candidate/${kind}/${enc(id)}`, { method: "PUT", body });
export const deleteMine = (kind: ListKind, id: string) => api.request<void>(`/api/candidate/${kind}/${enc(id)}`, { method: "DELETE" });

export const listSavedJobs = (page: number) => api.get<SavedJobPage>("/api/candidate/saved-jobs", { page, per_page: 20 });
/** `GET /api/candidate/saved-jobs/{job_id}`: 200 when saved, 404 when not. */
export const getSavedJob = (jobId: string) => api.get<SavedJob>(`/api/candidate/saved-jobs/${enc(jobId)}`);
export const saveJob = (jobId: string) => api.request<SavedJob>(`/api/candidate/saved-jobs/${enc(jobId)}`, { method: "POST" });
export const unsaveJob = (jobId: string) => api.request<void>(`/api/candidate/saved-jobs/${enc(jobId)}`, { method: "DELETE" });

export const listMyApplications = () => api.get<OwnApplication[]>("/api/candidate/applications");
