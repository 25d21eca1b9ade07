import type { ConversationDetails, Me, Message } from "../../../api/types";

export const meId = "01900000-0000-7000-8000-00000000000a";
export const otherId = "01900000-0000-7000-8000-00000000000b";
export const conversationId = "01900000-0000-7000-8000-0000000000c1";

export const me: Me = {
  id: meId,
  email: "recruiter1@northwind.demo",
  full_name: "Rita Recruiter",
  status: "active",
  roles: ["recruiter"],
  permissions: ["messaging:use"],
  company: { id: "01900000-0000-7000-8000-0000000000d1", name: "Northwind", type: "agency" },
};

export const conversation: ConversationDetails = {
  id: conversationId,
  subject: null,
  application_id: null,
  created_by: meId,
  created_at: "2026-11-21T09:00:00Z",
  participants: [
    { id: meId, full_name: "Rita Recruiter", role_family: "recruiter", last_read_message_id: null, last_delivered_message_id: null },
    { id: otherId, full_name: "Maya Candidate", role_family: "candidate", last_read_message_id: null, last_delivered_message_id: null },
  ],
};

export function message(id: string, senderId: string, body: string, attachments: Message["attachments"] = []): Message {
  return { id, conversation_id: conversationId, sender_id: senderId, body, created_at: "2026-11-21T09:01:00Z", attachments };
}
