import { QueryClient } from "@tanstack/react-query";
import { expect, it } from "vitest";
import { applyUserFrame } from "./liveEvents";
import { notificationKeys } from "./queries";

it("notification.created sets the unread count to the pushed value (not an increment)", () => {
  const client = new QueryClient();
  client.setQueryData(notificationKeys.unread, { count: 2 });
  const frame = { type: "notification.created", channel: "user:u", data: { id: "n", kind: "account.created", title: "Welcome", unread_count: 5 } };
  applyUserFrame(client, frame);
  applyUserFrame(client, frame); // a redelivered event pushes again
  expect(client.getQueryData(notificationKeys.unread)).toEqual({ count: 5 });
});
