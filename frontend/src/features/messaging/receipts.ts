import type { Message, Participant } from "../../api/types";

// Message ids are UUIDv7: their canonical lowercase text sorts by time, so
// "receipt covers message" is a string comparison.
export function isAtOrAfter(receipt: string | null | undefined, messageId: string): boolean {
  return !!receipt && receipt.toLowerCase() >= messageId.toLowerCase();
}

/** The later of two receipts (receipts only move forward). */
export function laterOf(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a.toLowerCase() >= b.toLowerCase() ? a : b;
}

export type DeliveryState = "sent" | "delivered" | "read";

/** For one's own message: read when every other participant read it, delivered when it reached them all. */
export function deliveryState(message: Message, participants: Participant[], meId: string): DeliveryState {
  const others = participants.filter((p) => p.id !== meId);
  if (others.length === 0) return "sent";
  if (others.every((p) => isAtOrAfter(p.last_read_message_id, message.id))) return "read";
  if (others.every((p) => isAtOrAfter(laterOf(p.last_delivered_message_id, p.last_read_message_id), message.id))) return "delivered";
  return "sent";
}
