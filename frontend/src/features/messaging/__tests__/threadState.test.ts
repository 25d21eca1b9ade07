import { describe, expect, it } from "vitest";
import { deliveryState } from "../receipts";
import { emptyThread, threadReducer } from "../threadState";
import { conversation, conversationId, meId, message, otherId } from "./fixtures";

const a = "01900000-0000-7000-8000-000000000201";
const b = "01900000-0000-7000-8000-000000000202";

describe("thread state", () => {
  it("receipts only move forward, and reading implies delivery", () => {
    let s = threadReducer(emptyThread, { type: "participants", participants: conversation.participants });
    s = threadReducer(s, { type: "receipt", kind: "read", event: { conversation_id: conversationId, user_id: otherId, message_id: b, at: "" } });
    s = threadReducer(s, { type: "receipt", kind: "read", event: { conversation_id: conversationId, user_id: otherId, message_id: a, at: "" } });
    const other = s.participants.find((p) => p.id === otherId)!;
    expect(other.last_read_message_id).toBe(b);
    expect(other.last_delivered_message_id).toBe(b);
    expect(deliveryState(message(a, meId, "x"), s.participants, meId)).toBe("read");
  });

  it("updates an attachment's scan status live", () => {
    const attachment = { id: "att", file_name: "f.pdf", content_type: "application/pdf", size: null, status: "pending" };
    let s = threadReducer(emptyThread, { type: "message", message: message(a, meId, "", [attachment]) });
    s = threadReducer(s, {
      type: "attachment",
      event: { conversation_id: conversationId, message_id: a, id: "att", file_name: "f.pdf", content_type: "application/pdf", size: 10, status: "infected" },
    });
    expect(s.messages[0]!.attachments[0]).toMatchObject({ status: "infected", size: 10 });
  });
});
