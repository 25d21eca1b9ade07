// Names for the generated OpenAPI schemas the app uses. Never hand-write payload
// shapes: regenerate schema.d.ts (`npm run gen:types`) when the API changes.
import type { components } from "./schema";

type Schemas = components["schemas"];

export type Problem = Schemas["Problem"];
export type ProblemField = Schemas["ProblemField"];
export type TokenResponse = Schemas["TokenResponse"];
export type LoginRequest = Schemas["LoginRequest"];
export type VerifyTwoFactorRequest = Schemas["VerifyTwoFactorRequest"];
export type Me = Schemas["MeResponse"];
export type Dashboard = Schemas["DashboardView"];
export type KeyCount = Schemas["KeyCountView"];
export type NotificationPage = Schemas["Paginated_NotificationBody"];
export type Notification = Schemas["NotificationBody"];
export type UnreadCount = Schemas["UnreadCount"];
export type ConversationPage = Schemas["Paginated_ConversationListItem"];
export type ConversationListItem = Schemas["ConversationListItem"];
export type ConversationDetails = Schemas["ConversationDetails"];
export type Participant = Schemas["ParticipantView"];
export type CreateConversationRequest = Schemas["CreateConversationRequest"];
export type MessagePage = Schemas["MessagePageView"];
export type Message = Schemas["MessageView"];
export type MessageAttachment = Schemas["MessageAttachment"];
export type AttachmentDetails = Schemas["AttachmentDetails"];
export type AttachmentPresignRequest = Schemas["AttachmentPresignRequest"];
export type AttachmentUploadForm = Schemas["AttachmentUploadForm"];
export type DownloadLink = Schemas["DownloadLink"];
export type ContactList = Schemas["ContactList"];
export type ContactView = Schemas["ContactView"];
export type PublicJob = Schemas["PublicJobView"];
export type PublicJobPage = Schemas["Paginated_PublicJobView"];
export type PublicApplyRequest = Schemas["PublicApplyRequest"];
export type PublicApplyResponse = Schemas["PublicApplyResponse"];
export type ResumeUploadRequest = Schemas["ResumeUploadRequest"];
export type UploadForm = Schemas["UploadForm"];
export type UploadState = Schemas["UploadState"];
export type RegisterRequest = Schemas["RegisterRequest"];
export type Accepted = Schemas["Accepted"];
export type ActivateRequest = Schemas["ActivateRequest"];
export type CompleteResetRequest = Schemas["CompleteResetRequest"];
// Admin (docs/admin-guide.md, docs/csv-import.md, docs/email-templates.md).
export type UserAccount = Schemas["UserAccount"];
export type UserAccountPage = Schemas["Paginated_UserAccount"];
export type CreateUserRequest = Schemas["CreateUserRequest"];
export type UpdateUserRequest = Schemas["UpdateUserRequest"];
export type HoldLoginRequest = Schemas["HoldLoginRequest"];
export type UserImportReport = Schemas["UserImportReport"];
export type RowProblem = Schemas["RowProblemView"];
export type AuditLogEntry = Schemas["AuditLogEntry"];
export type AuditLogPage = Schemas["Paginated_AuditLogEntry"];
export type RoleList = Schemas["RoleList"];
export type RoleView = Schemas["RoleView"];
export type CreateRoleRequest = Schemas["CreateRoleRequest"];
export type UpdateRoleRequest = Schemas["UpdateRoleRequest"];
export type PermissionCatalogue = Schemas["PermissionCatalogue"];
export type PermissionView = Schemas["PermissionView"];
export type PendingResets = Schemas["PendingResets"];
export type PendingReset = Schemas["PendingReset"];
export type TenantSettings = Schemas["TenantSettingsBody"];
export type UpdateSettingsRequest = Schemas["UpdateSettingsRequest"];
export type EmailTemplate = Schemas["EmailTemplateBody"];
export type SaveTemplateRequest = Schemas["SaveTemplateRequest"];
export type PreviewTemplateRequest = Schemas["PreviewTemplateRequest"];
export type RenderedTemplate = Schemas["RenderedTemplate"];
export type CompanyDetails = Schemas["CompanyDetails"];
export type CompanyPage = Schemas["Paginated_CompanyDetails"];
export type CreateCompanyRequest = Schemas["CreateCompanyRequest"];
export type UpdateCompanyRequest = Schemas["UpdateCompanyRequest"];
// Recruiting (docs/jobs.md, docs/pipelines.md, docs/candidates.md, docs/search-and-dashboards.md).
export type JobListItem = Schemas["JobListItem"];
export type JobPage = Schemas["Paginated_JobListItem"];
export type JobDetails = Schemas["JobDetails"];
export type CreateJobRequest = Schemas["CreateJobRequest"];
export type UpdateJobRequest = Schemas["UpdateJobRequest"];
export type CloseJobRequest = Schemas["CloseJobRequest"];
export type PipelineBoard = Schemas["PipelineBoard"];
export type BoardColumn = Schemas["BoardColumn"];
export type BoardCard = Schemas["BoardCard"];
export type ReorderRequest = Schemas["ReorderRequest"];
export type MoveApplicationRequest = Schemas["MoveApplicationRequest"];
export type ApplicationDetails = Schemas["ApplicationDetails"];
export type HistoryItem = Schemas["HistoryItem"];
export type FeedbackList = Schemas["FeedbackList"];
export type FeedbackItem = Schemas["FeedbackItem"];
export type FeedbackRequest = Schemas["FeedbackRequest"];
export type CandidateListItem = Schemas["CandidateListItem"];
export type CandidatePage = Schemas["Paginated_CandidateListItem"];
export type CreateCandidateRequest = Schemas["CreateCandidateRequest"];
export type NotePage = Schemas["Paginated_NoteView"];
export type Note = Schemas["NoteView"];
export type NoteRequest = Schemas["NoteRequest"];
export type MergeRequest = Schemas["MergeRequest"];
export type SearchPage = Schemas["Paginated_SearchHitView"];
export type SearchHit = Schemas["SearchHitView"];

/**
 * The profile of `GET /api/candidates/{id}`. API gap: two Rust structs are
 * named `CandidateView` (the profile in handlers/candidates/dto.rs and the
 * candidate dashboard in handlers/insights/dashboard.rs), so openapi.json keeps
 * only the dashboard's and the profile answer has no schema of its own. Until
 * the API renames one, the profile is composed from the generated parts.
 */
export type CandidateProfile = Omit<Required<Schemas["CreateCandidateRequest"]>, "company_id" | "skills" | "experience" | "education" | "links" | "tags" | "full_name"> & {
  id: string;
  full_name: string;
  owner: Schemas["OwnerView"] | null;
  links: Schemas["LinksBody"];
  tags: string[];
  skills: Schemas["SkillView"][];
  experience: Schemas["ExperienceView"][];
  education: Schemas["EducationView"][];
  documents: Schemas["DocumentView"][];
  applications: Schemas["ProfileApplicationView"][];
  editable: boolean;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};
