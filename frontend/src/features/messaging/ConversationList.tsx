import { useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { NavLink } from "react-router";
import { listConversations } from "../../api/messaging";
import type { ConversationListItem, Me } from "../../api/types";
import { Alert } from "../../components/ui/Alert";
import { Spinner } from "../../components/ui/Spinner";
import { errorMessage } from "../../lib/errorMessages";
import { formatWhen } from "../../lib/time";

export const conversationsKey = ["conversations"] as const;

export function conversationTitle(c: ConversationListItem, meId: string): string {
  const others = c.participants.filter((p) => p.id !== meId).map((p) => p.full_name);
  return c.subject || others.join(", ") || "Just you";
}

/** The caller's conversations, most recent first; kept fresh by the shell's user-channel socket. */
export function ConversationList({ me }: { me: Me }) {
  const conversations = useQuery({ queryKey: conversationsKey, queryFn: () => listConversations() });
  if (conversations.isPending) return <div className="p-3"><Spinner label="Loading conversations" /></div>;
  if (conversations.isError) return <div className="p-3"><Alert>{errorMessage(conversations.error)}</Alert></div>;
  if (conversations.data.items.length === 0) return <p className="p-3 text-sm text-slate-600 dark:text-slate-400">No conversations yet.</p>;

  return (
    <ul aria-label="Conversations" className="divide-y divide-slate-100 dark:divide-slate-800">
      {conversations.data.items.map((c) => {
        const title = conversationTitle(c, me.id);
        const last = c.last_message;
        const lastBy = last && (last.sender_id === me.id ? "You" : c.participants.find((p) => p.id === last.sender_id)?.full_name);
        return (
          <li key={c.id}>
            <NavLink
              to={`/messages/${c.id}`}
              className={({ isActive }) =>
                clsx(
                  "block p-3 hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800",
                  isActive && "bg-indigo-50 dark:bg-indigo-950/60",
                )
              }
            >
              <span className="flex items-center justify-between gap-2">
                <span className={clsx("truncate text-sm", c.unread_count > 0 ? "font-semibold" : "font-medium")}>{title}</span>
                {c.last_message_at && (
                  <time className="shrink-0 text-xs text-slate-600 dark:text-slate-400" dateTime={c.last_message_at}>
                    {formatWhen(c.last_message_at)}
                  </time>
                )}
              </span>
              <span className="mt-0.5 flex items-center justify-between gap-2">
                <span className="truncate text-xs text-slate-600 dark:text-slate-400">
                  {last ? `${lastBy ?? "Someone"}: ${last.body || "Attachment"}` : "No messages yet"}
                </span>
                {c.unread_count > 0 && (
                  <span className="shrink-0 rounded-full bg-indigo-600 px-1.5 text-xs font-semibold leading-5 text-white">
                    {c.unread_count}
                    <span className="sr-only"> unread</span>
                  </span>
                )}
              </span>
            </NavLink>
          </li>
        );
      })}
    </ul>
  );
}
