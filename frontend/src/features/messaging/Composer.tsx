import { Paperclip, Send, X } from "lucide-react";
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "../../components/ui/Button";
import { ScanStatusBadge } from "./AttachmentChip";
import { sendableAttachmentIds, uploadsInFlight, type Upload } from "./useAttachmentUploads";

const TYPING_REFRESH_MS = 3000;
const TYPING_IDLE_MS = 4000;

export function Composer({ uploads, onAddFile, onRemoveUpload, onSend, onTyping, sending, error }: {
  uploads: Upload[];
  onAddFile: (file: File) => void;
  onRemoveUpload: (key: string) => void;
  /** Resolves true when the message was stored (the draft is then cleared). */
  onSend: (body: string, attachmentIds: string[]) => Promise<boolean>;
  onTyping: (active: boolean) => void;
  sending: boolean;
  error: string | null;
}) {
  const [body, setBody] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const lastTypingSent = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inputId = useId();
  const attachmentIds = sendableAttachmentIds(uploads);
  const canSend = !sending && !uploadsInFlight(uploads) && (body.trim().length > 0 || attachmentIds.length > 0);

  const stopTyping = () => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = null;
    if (lastTypingSent.current) onTyping(false);
    lastTypingSent.current = 0;
  };

  const typed = (value: string) => {
    setBody(value);
    const now = Date.now();
    // typing.start at most every few seconds, typing.stop after a pause.
    if (now - lastTypingSent.current > TYPING_REFRESH_MS) {
      onTyping(true);
      lastTypingSent.current = now;
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSend) return;
    stopTyping();
    if (await onSend(body, attachmentIds)) setBody("");
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter starts a new line.
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-2 border-t border-slate-200 p-3 dark:border-slate-800">
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      {uploads.length > 0 && (
        <ul aria-label="Attachments to send" className="space-y-1">
          {uploads.map((u) => (
            <li key={u.key} className="flex flex-wrap items-center gap-2 rounded-md bg-slate-100 p-2 text-sm dark:bg-slate-800">
              <span className="min-w-0 truncate">{u.fileName}</span>
              {u.status === "uploading" ? (
                <progress max={1} value={u.progress} aria-label={`Uploading ${u.fileName}`} className="h-2 w-24" />
              ) : u.status === "failed" ? (
                <span className="text-xs text-red-600 dark:text-red-400">{u.error}</span>
              ) : (
                <ScanStatusBadge status={u.status} />
              )}
              <button
                type="button"
                onClick={() => onRemoveUpload(u.key)}
                aria-label={`Remove ${u.fileName}`}
                className="ml-auto rounded p-1 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-700"
              >
                <X aria-hidden className="size-4" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-end gap-2">
        <input
          ref={fileInput}
          type="file"
          multiple
          className="sr-only"
          tabIndex={-1}
          aria-label="Attach files"
          onChange={(e) => {
            for (const file of Array.from(e.target.files ?? [])) onAddFile(file);
            e.target.value = "";
          }}
        />
        <Button variant="ghost" aria-label="Attach a file" onClick={() => fileInput.current?.click()}>
          <Paperclip aria-hidden className="size-4" />
        </Button>
        <label htmlFor={inputId} className="sr-only">
          Message
        </label>
        <textarea
          id={inputId}
          rows={2}
          value={body}
          maxLength={5000}
          onChange={(e) => typed(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={stopTyping}
          placeholder="Write a message"
          className="min-h-10 flex-1 resize-y rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 dark:border-slate-700 dark:bg-slate-900"
        />
        <Button type="submit" disabled={!canSend} aria-label="Send">
          <Send aria-hidden className="size-4" />
        </Button>
      </div>
    </form>
  );
}
