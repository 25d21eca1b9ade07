import clsx from "clsx";
import { Check, CheckCheck } from "lucide-react";
import type { Message } from "../../api/types";
import { formatWhen } from "../../lib/time";
import { AttachmentChip } from "./AttachmentChip";
import type { DeliveryState } from "./receipts";

const receiptLabel: Record<DeliveryState, string> = { sent: "Sent", delivered: "Delivered", read: "Read" };

/** One message. The body is plain text: rendered as a text node, never as HTML or Markdown. */
export function MessageBubble({ message, senderName, own, delivery }: {
  message: Message;
  senderName: string;
  own: boolean;
  delivery?: DeliveryState;
}) {
  return (
    <li className={clsx("flex", own ? "justify-end" : "justify-start")}>
      <article
        aria-label={`Message from ${own ? "you" : senderName}`}
        className={clsx(
          "max-w-[85%] space-y-1 rounded-2xl px-3 py-2 sm:max-w-[70%]",
          own ? "bg-indigo-600 text-white" : "bg-white text-slate-900 shadow-sm dark:bg-slate-800 dark:text-slate-100",
        )}
      >
        {!own && <p className="text-xs font-semibold text-indigo-700 dark:text-indigo-300">{senderName}</p>}
        {message.body && <p className="whitespace-pre-wrap break-words text-sm" data-testid="message-body">{message.body}</p>}
        {message.attachments.length > 0 && (
          <div className="space-y-1 text-slate-900 dark:text-slate-100">
            {message.attachments.map((a) => (
              <AttachmentChip key={a.id} attachment={a} />
            ))}
          </div>
        )}
        <p className={clsx("flex items-center justify-end gap-1 text-[11px]", own ? "text-indigo-100" : "text-slate-600 dark:text-slate-400")}>
          <time dateTime={message.created_at}>{formatWhen(message.created_at)}</time>
          {own && delivery && (
            <span role="img" aria-label={receiptLabel[delivery]} title={receiptLabel[delivery]}>
              {delivery === "sent" ? (
                <Check aria-hidden className="size-3.5" />
              ) : (
                <CheckCheck aria-hidden className={clsx("size-3.5", delivery === "read" && "text-sky-300")} />
              )}
            </span>
          )}
        </p>
      </article>
    </li>
  );
}
