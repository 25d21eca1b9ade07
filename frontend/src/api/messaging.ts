import { api } from "../services/api";
import type {
  AttachmentDetails,
  AttachmentPresignRequest,
  AttachmentUploadForm,
  ContactList,
  ConversationDetails,
  ConversationPage,
  CreateConversationRequest,
  DownloadLink,
  Message,
  MessagePage,
} from "./types";

const enc = encodeURIComponent;
const base = "/api/messaging";

/** People the caller may start a conversation with (the API applies the messaging rules). */
export const listContacts = (q: string) => api.get<ContactList>(`${base}/contacts`, q ? { q, limit: 50 } : { limit: 50 });
export const listConversations = (scope: "all" | "unread" = "all") =>
  api.get<ConversationPage>(`${base}/conversations`, { scope, per_page: 50 });
export const getConversation = (id: string) => api.get<ConversationDetails>(`${base}/conversations/${enc(id)}`);
export const createConversation = (body: CreateConversationRequest) =>
  api.post<{ id: string }>(`${base}/conversations`, body);
export const listMessages = (id: string, before?: string) =>
  api.get<MessagePage>(`${base}/conversations/${enc(id)}/messages`, { before, limit: 50 });
export const sendMessage = (id: string, body: string, attachmentIds: string[]) =>
  api.post<Message>(`${base}/conversations/${enc(id)}/messages`, { body, attachment_ids: attachmentIds });
export const markRead = (id: string, messageId: string) =>
  api.post<void>(`${base}/conversations/${enc(id)}/read`, { message_id: messageId });
export const presignAttachment = (conversationId: string, body: AttachmentPresignRequest) =>
  api.post<AttachmentUploadForm>(`${base}/conversations/${enc(conversationId)}/attachments/presign`, body);
export const confirmAttachmentUploaded = (id: string) =>
  api.post<AttachmentDetails>(`${base}/attachments/${enc(id)}/uploaded`);
export const getAttachmentDownload = (id: string) => api.get<DownloadLink>(`${base}/attachments/${enc(id)}/download`);
