import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setAccessToken } from "../../../services/session";
import { installFakeFetch, jsonResponse } from "../../../test/fakeFetch";
import { installFakeWebSocket, type FakeWebSocket } from "../../../test/fakeWebSocket";
import { renderAt } from "../../../test/render";
import { Thread } from "../Thread";
import { conversation, conversationId, me, meId, message, otherId } from "./fixtures";

const m1 = "01900000-0000-7000-8000-000000000101";
const m2 = "01900000-0000-7000-8000-000000000102";
const m3 = "01900000-0000-7000-8000-000000000103";

function setup() {
  const calls = installFakeFetch((call) => {
    if (call.url.endsWith(`/conversations/${conversationId}`)) return jsonResponse(200, conversation);
    if (call.url.includes(`/conversations/${conversationId}/messages`) && call.method === "GET")
      // Newest first, as the API answers.
      return jsonResponse(200, { items: [message(m2, meId, "Thanks, talk soon"), message(m1, otherId, "<b>hi</b> <img src=x onerror=alert(1)>")], next_before: null });
    if (call.url.endsWith(`/conversations/${conversationId}/messages`) && call.method === "POST")
      return jsonResponse(201, message(m3, meId, (call.body as { body: string }).body));
    if (call.url.endsWith(`/conversations/${conversationId}/read`)) return new Response(null, { status: 204 });
    return undefined;
  });
  const Socket = installFakeWebSocket();
  renderAt(<Thread conversationId={conversationId} me={me} />);
  return { calls, Socket };
}

async function openSocket(Socket: typeof FakeWebSocket): Promise<FakeWebSocket> {
  await vi.waitFor(() => expect(Socket.instances).toHaveLength(1));
  const socket = Socket.instances[0]!;
  act(() => socket.open());
  return socket;
}

describe("message thread", () => {
  beforeEach(() => setAccessToken("token-rita"));
  afterEach(() => vi.unstubAllGlobals());

  it("renders bodies as plain text, oldest first, never as HTML", async () => {
    setup();
    const bodies = await screen.findAllByTestId("message-body");
    expect(bodies.map((b) => b.textContent)).toEqual(["<b>hi</b> <img src=x onerror=alert(1)>", "Thanks, talk soon"]);
    expect(bodies[0]!.querySelector("b")).toBeNull();
    expect(document.querySelector("img")).toBeNull();
  });

  it("connects to the conversation socket with the access token and shows live messages, typing and receipts", async () => {
    const { Socket, calls } = setup();
    await screen.findAllByTestId("message-body");
    const socket = await openSocket(Socket);
    expect(socket.url).toBe(`ws://localhost:3000/ws/conversations/${conversationId}?access_token=token-rita`);

    // The other side's message is shown, so a read receipt goes out (REST before the socket opened, or the socket).
    await vi.waitFor(() =>
      expect(
        socket.sent.some((f) => f.type === "message.read" && f.message_id === m1) ||
          calls.some((c) => c.url.endsWith("/read") && (c.body as { message_id: string }).message_id === m1),
      ).toBe(true),
    );

    // Own message m2: not yet delivered.
    const own = screen.getByRole("article", { name: "Message from you" });
    expect(within(own).getByLabelText("Sent")).toBeInTheDocument();

    act(() => socket.push({ type: "message.delivered", channel: `conversation:${conversationId}`, data: { conversation_id: conversationId, user_id: otherId, message_id: m2, at: "x" } }));
    expect(within(own).getByLabelText("Delivered")).toBeInTheDocument();
    act(() => socket.push({ type: "message.read", channel: `conversation:${conversationId}`, data: { conversation_id: conversationId, user_id: otherId, message_id: m2, at: "x" } }));
    expect(within(own).getByLabelText("Read")).toBeInTheDocument();

    act(() => socket.push({ type: "typing.started", data: { conversation_id: conversationId, user_id: otherId } }));
    expect(screen.getByText("Maya Candidate is typing…")).toBeInTheDocument();

    act(() =>
      socket.push({ type: "message.created", data: message("01900000-0000-7000-8000-000000000104", otherId, "<script>x</script>Still there?") }),
    );
    expect(screen.getByText("<script>x</script>Still there?")).toBeInTheDocument();
    expect(screen.queryByText("Maya Candidate is typing…")).toBeNull();

    // Events of another conversation are ignored.
    act(() => socket.push({ type: "message.created", data: { ...message("01900000-0000-7000-8000-000000000105", otherId, "elsewhere"), conversation_id: "other" } }));
    expect(screen.queryByText("elsewhere")).toBeNull();
  });

  it("sends typing frames and a message over REST, showing it once", async () => {
    const { Socket, calls } = setup();
    await screen.findAllByTestId("message-body");
    const socket = await openSocket(Socket);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText("Message"), "See you at 10");
    expect(socket.sent.some((f) => f.type === "typing.start")).toBe(true);
    await user.keyboard("{Enter}");

    await screen.findByText("See you at 10");
    const post = calls.find((c) => c.method === "POST" && c.url.endsWith("/messages"))!;
    expect(post.body).toEqual({ body: "See you at 10", attachment_ids: [] });
    expect(socket.sent.some((f) => f.type === "typing.stop")).toBe(true);

    // The same message arriving live is not shown twice.
    act(() => socket.push({ type: "message.created", data: message(m3, meId, "See you at 10") }));
    expect(screen.getAllByText("See you at 10")).toHaveLength(1);
  });
});
