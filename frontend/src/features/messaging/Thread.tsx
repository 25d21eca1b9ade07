import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { getConversation, listMessages, markRead, sendMessage } from "../../api/messaging";
import type { Me, Message } from "../../api/types";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { errorMessage } from "../../lib/errorMessages";
import { ApiError } from "../../services/apiError";
import type { LiveFrame } from "../../services/liveSocket";
import { useLiveSocket } from "../../services/useLiveSocket";
import { Composer } from "./Composer";
import type { AttachmentStatusEvent, ReceiptEvent, TypingEvent } from "./liveTypes";
import { MessageBubble } from "./MessageBubble";
import { deliveryState, isAtOrAfter } from "./receipts";
import { emptyThread, threadReducer } from "./threadState";
import { TypingIndicator } from "./TypingIndicator";
import { useAttachmentUploads } from "./useAttachmentUploads";

const TYPING_TIMEOUT_MS = 8000;

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== "hidden");
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== "hidden");
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return visible;
}

/** One conversation, live over /ws/conversations/{id}. Mount with key={conversationId}. */
export function Thread({ conversationId, me }: { conversationId: string; me: Me }) {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(threadReducer, emptyThread);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const uploads = useAttachmentUploads(conversationId);
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const readSent = useRef<string | null>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const visible = usePageVisible();

  const conversation = useQuery({ queryKey: ["conversations", conversationId], queryFn: () => getConversation(conversationId) });
  const firstPage = useQuery({ queryKey: ["conversations", conversationId, "messages"], queryFn: () => listMessages(conversationId) });

  useEffect(() => {
    if (conversation.data) dispatch({ type: "participants", participants: conversation.data.participants });
  }, [conversation.data]);
  useEffect(() => {
    if (firstPage.data) dispatch({ type: "page", page: firstPage.data });
  }, [firstPage.data]);

  const setTyping = useCallback((userId: string, active: boolean) => {
    const timers = typingTimers.current;
    const old = timers.get(userId);
    if (old) clearTimeout(old);
    timers.delete(userId);
    // A lost typing.stopped must not leave "typing…" forever.
    if (active) timers.set(userId, setTimeout(() => dispatch({ type: "typing", userId, active: false }), TYPING_TIMEOUT_MS));
    dispatch({ type: "typing", userId, active });
  }, []);

  useEffect(() => {
    const timers = typingTimers.current;
    return () => timers.forEach(clearTimeout);
  }, []);

  const socket = useLiveSocket(`/ws/conversations/${encodeURIComponent(conversationId)}`, (frame: LiveFrame) => {
    const data = frame.data as { conversation_id?: string } | undefined;
    if (!data || data.conversation_id !== conversationId) return;
    switch (frame.type) {
      case "message.created": {
        const message = frame.data as Message;
        dispatch({ type: "message", message });
        if (message.sender_id !== me.id) {
          setTyping(message.sender_id, false);
          // Reading implies delivery; a hidden tab only acknowledges delivery.
          if (document.visibilityState === "hidden") socket.send({ type: "message.delivered", message_id: message.id });
        }
        break;
      }
      case "message.read":
      case "message.delivered":
        dispatch({ type: "receipt", kind: frame.type === "message.read" ? "read" : "delivered", event: frame.data as ReceiptEvent });
        break;
      case "typing.started":
      case "typing.stopped": {
        const { user_id } = frame.data as TypingEvent;
        if (user_id !== me.id) setTyping(user_id, frame.type === "typing.started");
        break;
      }
      case "attachment.status_changed": {
        const event = frame.data as AttachmentStatusEvent;
        dispatch({ type: "attachment", event });
        uploads.setStatus(event.id, event.status);
        break;
      }
    }
  });

  // Read receipt for the newest message of others once it is on screen.
  const newestFromOthers = [...state.messages].reverse().find((m) => m.sender_id !== me.id);
  const myReceipt = state.participants.find((p) => p.id === me.id)?.last_read_message_id;
  useEffect(() => {
    if (!visible || !newestFromOthers) return;
    if (isAtOrAfter(myReceipt, newestFromOthers.id) || isAtOrAfter(readSent.current, newestFromOthers.id)) return;
    readSent.current = newestFromOthers.id;
    const sentLive = socket.send({ type: "message.read", message_id: newestFromOthers.id });
    const done = sentLive ? Promise.resolve() : markRead(conversationId, newestFromOthers.id);
    void done.then(() => queryClient.invalidateQueries({ queryKey: ["conversations"], exact: true })).catch(() => {
      readSent.current = null; // try again on the next render
    });
  }, [visible, newestFromOthers, myReceipt, socket, conversationId, queryClient]);

  const newestId = state.messages.at(-1)?.id;
  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: "end" });
  }, [newestId]);

  const send = async (body: string, attachmentIds: string[]): Promise<boolean> => {
    setSendError(null);
    setSending(true);
    try {
      const message = await sendMessage(conversationId, body.trim(), attachmentIds);
      dispatch({ type: "message", message });
      uploads.clear();
      void queryClient.invalidateQueries({ queryKey: ["conversations"], exact: true });
      return true;
    } catch (error) {
      const field = error instanceof ApiError ? Object.values(error.fields)[0] : undefined;
      setSendError(field ?? errorMessage(error));
      return false;
    } finally {
      setSending(false);
    }
  };

  const loadOlder = async () => {
    if (!state.nextBefore) return;
    setLoadingOlder(true);
    try {
      dispatch({ type: "page", page: await listMessages(conversationId, state.nextBefore) });
    } catch (error) {
      setSendError(errorMessage(error));
    } finally {
      setLoadingOlder(false);
    }
  };

  if (conversation.isError) return <div className="p-4"><Alert>{errorMessage(conversation.error)}</Alert></div>;
  if (conversation.isPending || firstPage.isPending) return <div className="p-4"><Spinner label="Loading conversation" /></div>;
  if (firstPage.isError) return <div className="p-4"><Alert>{errorMessage(firstPage.error)}</Alert></div>;

  const names = new Map(state.participants.map((p) => [p.id, p.full_name]));
  const others = state.participants.filter((p) => p.id !== me.id);
  const title = conversation.data.subject || others.map((p) => p.full_name).join(", ") || "Conversation";

  return (
    <section aria-label={title} className="flex h-full min-h-0 flex-col">
      <header className="border-b border-slate-200 p-3 dark:border-slate-800">
        <h2 className="font-semibold">{title}</h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          {others.map((p) => p.full_name).join(", ")}
          {!socket.connected && " · reconnecting…"}
        </p>
      </header>
      {/* Focusable so keyboard users can scroll the history. */}
      <div role="region" aria-label="Message history" tabIndex={0} className="min-h-0 flex-1 overflow-y-auto p-3 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500">
        {state.nextBefore && (
          <div className="mb-2 text-center">
            <Button variant="secondary" onClick={() => void loadOlder()} disabled={loadingOlder}>
              {loadingOlder ? "Loading…" : "Load older messages"}
            </Button>
          </div>
        )}
        {state.messages.length === 0 && <p className="text-center text-sm text-slate-600 dark:text-slate-400">No messages yet. Say hello.</p>}
        <ol aria-label="Messages" aria-live="polite" className="space-y-2">
          {state.messages.map((m) => (
            <MessageBubble
              key={m.id}
              message={m}
              own={m.sender_id === me.id}
              senderName={names.get(m.sender_id) ?? "Former participant"}
              delivery={m.sender_id === me.id ? deliveryState(m, state.participants, me.id) : undefined}
            />
          ))}
        </ol>
        <div ref={bottom} />
      </div>
      <TypingIndicator names={state.typing.map((id) => names.get(id) ?? "Someone")} />
      <Composer
        uploads={uploads.uploads}
        onAddFile={(file) => void uploads.add(file)}
        onRemoveUpload={uploads.remove}
        onSend={send}
        onTyping={(active) => socket.send({ type: active ? "typing.start" : "typing.stop" })}
        sending={sending}
        error={sendError}
      />
    </section>
  );
}
