// Payloads of the conversation channel's events (docs/messaging.md "Live").
// `message.created` carries a MessageView exactly; these others are not in the
// OpenAPI document (sockets are outside the route table), so they are typed here.

export interface ReceiptEvent {
  conversation_id: string;
  user_id: string;
  message_id: string;
  at: string;
}

export interface TypingEvent {
  conversation_id: string;
  user_id: string;
}

export interface AttachmentStatusEvent {
  conversation_id: string;
  message_id: string | null;
  id: string;
  file_name: string;
  content_type: string;
  size: number | null;
  status: string;
}
