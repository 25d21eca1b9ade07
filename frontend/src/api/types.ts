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
