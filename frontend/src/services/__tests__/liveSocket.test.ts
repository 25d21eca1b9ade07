import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { FakeWebSocket, installFakeWebSocket } from "../../test/fakeWebSocket";
import { LiveSocket } from "../liveSocket";

beforeEach(() => {
  installFakeWebSocket();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it("reconnects with a refreshed token after the server closes for an expired token", async () => {
  let token = "old";
  const refresh = vi.fn(async () => (token = "new"));
  const frames: unknown[] = [];
  const socket = new LiveSocket("/ws", { onFrame: (f) => frames.push(f), baseUrl: "ws://api.test", getToken: () => token, refresh });
  socket.start();
  await vi.waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
  const first = FakeWebSocket.instances[0]!;
  expect(first.url).toBe("ws://api.test/ws?access_token=old");
  first.open();
  first.push({ type: "subscribed", channel: "user:u" });
  expect(frames).toEqual([{ type: "subscribed", channel: "user:u" }]);

  first.close(1008);
  await vi.advanceTimersByTimeAsync(1000);
  expect(refresh).toHaveBeenCalledTimes(1);
  await vi.waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2));
  expect(FakeWebSocket.instances[1]!.url).toBe("ws://api.test/ws?access_token=new");

  socket.stop();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(FakeWebSocket.instances).toHaveLength(2);
});

it("a normal drop reconnects without refreshing", async () => {
  const refresh = vi.fn(async () => "x");
  const socket = new LiveSocket("/ws", { onFrame: () => {}, baseUrl: "ws://api.test", getToken: () => "t", refresh });
  socket.start();
  await vi.waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
  FakeWebSocket.instances[0]!.open();
  FakeWebSocket.instances[0]!.close(1006);
  await vi.advanceTimersByTimeAsync(1000);
  await vi.waitFor(() => expect(FakeWebSocket.instances).toHaveLength(2));
  expect(refresh).not.toHaveBeenCalled();
  socket.stop();
});
