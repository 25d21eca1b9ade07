import type { Message, MessagePage, Participant } from "../../api/types";
import type { AttachmentStatusEvent, ReceiptEvent } from "./liveTypes";
import { laterOf } from "./receipts";

/** A conversation thread as shown: oldest first, with live receipts, typing and scan states. */
export interface ThreadState {
  messages: Message[];
  /** Cursor for older messages; null when the start is reached, undefined before the first load. */
  nextBefore: string | null | undefined;
  participants: Participant[];
  typing: string[];
}

export type ThreadAction =
  | { type: "participants"; participants: Participant[] }
  | { type: "page"; page: MessagePage }
  | { type: "message"; message: Message }
  | { type: "receipt"; kind: "read" | "delivered"; event: ReceiptEvent }
  | { type: "typing"; userId: string; active: boolean }
  | { type: "attachment"; event: AttachmentStatusEvent };

export const emptyThread: ThreadState = { messages: [], nextBefore: undefined, participants: [], typing: [] };

function merge(existing: Message[], incoming: Message[]): Message[] {
  const byId = new Map(existing.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function threadReducer(state: ThreadState, action: ThreadAction): ThreadState {
  switch (action.type) {
    case "participants":
      return { ...state, participants: action.participants };
    case "page":
      return { ...state, messages: merge(state.messages, action.page.items), nextBefore: action.page.next_before ?? null };
    case "message":
      return {
        ...state,
        messages: merge(state.messages, [action.message]),
        // Whoever sent a message has stopped typing it.
        typing: state.typing.filter((id) => id !== action.message.sender_id),
      };
    case "receipt": {
      const { user_id, message_id } = action.event;
      return {
        ...state,
        participants: state.participants.map((p) => {
          if (p.id !== user_id) return p;
          const delivered = laterOf(p.last_delivered_message_id, message_id);
          return action.kind === "read"
            ? { ...p, last_read_message_id: laterOf(p.last_read_message_id, message_id), last_delivered_message_id: delivered }
            : { ...p, last_delivered_message_id: delivered };
        }),
      };
    }
    case "typing": {
      const others = state.typing.filter((id) => id !== action.userId);
      return { ...state, typing: action.active ? [...others, action.userId] : others };
    }
    case "attachment":
      return {
        ...state,
        messages: state.messages.map((m) =>
          m.attachments.some((a) => a.id === action.event.id)
            ? {
                ...m,
                attachments: m.attachments.map((a) =>
                  a.id === action.event.id ? { ...a, status: action.event.status, size: action.event.size ?? a.size ?? null } : a,
                ),
              }
            : m,
        ),
      };
  }
}
