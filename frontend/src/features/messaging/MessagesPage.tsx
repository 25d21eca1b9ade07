import clsx from "clsx";
import { MessageSquarePlus } from "lucide-react";
import { useState } from "react";
import { useParams } from "react-router";
import { useMe } from "../../auth/useMe";
import { Button } from "../../components/ui/Button";
import { ConversationList } from "./ConversationList";
import { NewConversation } from "./NewConversation";
import { Thread } from "./Thread";

/** `/messages` and `/messages/:conversationId`: list beside thread on wide screens, one at a time on phones. */
export function MessagesPage() {
  const me = useMe().data!;
  const { conversationId } = useParams();
  const [creating, setCreating] = useState(false);

  return (
    <div className="grid h-[calc(100vh-7rem)] min-h-96 overflow-hidden rounded-lg border border-slate-200 bg-white md:grid-cols-[20rem_1fr] dark:border-slate-800 dark:bg-slate-900">
      <div className={clsx("min-h-0 overflow-y-auto border-slate-200 md:border-r dark:border-slate-800", conversationId && "hidden md:block")}>
        <div className="flex items-center justify-between border-b border-slate-200 p-3 dark:border-slate-800">
          <h1 className="font-semibold">Messages</h1>
          <Button variant="secondary" onClick={() => setCreating(true)}>
            <MessageSquarePlus aria-hidden className="size-4" /> New
          </Button>
        </div>
        {creating && <NewConversation me={me} onClose={() => setCreating(false)} />}
        <ConversationList me={me} />
      </div>
      <div className={clsx("min-h-0", !conversationId && "hidden md:block")}>
        {conversationId ? (
          <Thread key={conversationId} conversationId={conversationId} me={me} />
        ) : (
          <p className="grid h-full place-items-center text-sm text-slate-600 dark:text-slate-400">Pick a conversation, or start a new one.</p>
        )}
      </div>
    </div>
  );
}
