import type { QueryClient } from "@tanstack/react-query";
import type { LiveFrame } from "../../services/liveSocket";
import { notificationKeys } from "./queries";

interface NotificationCreated {
  id: string;
  kind: string;
  title: string;
  unread_count: number;
}

/**
 * Applies a `user:` channel frame to the cache. `unread_count` is the current
 * value (a redelivered event may push twice), never an increment.
 */
export function applyUserFrame(queryClient: QueryClient, frame: LiveFrame): void {
  switch (frame.type) {
    case "notification.created": {
      const data = frame.data as NotificationCreated;
      queryClient.setQueryData(notificationKeys.unread, { count: data.unread_count });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.feed });
      break;
    }
    case "conversation.created":
    case "message.created":
    case "message.read":
      // Conversation list: last message and unread counts moved.
      void queryClient.invalidateQueries({ queryKey: ["conversations"] });
      break;
  }
}
