import clsx from "clsx";
import { Bell, CheckCheck } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import type { Notification } from "../../api/types";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { errorMessage } from "../../lib/errorMessages";
import { formatWhen } from "../../lib/time";
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotificationFeed, useUnreadCount } from "./queries";

/** The bell: live unread count (kept current by the shell's socket) and the feed in a popover. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const unread = useUnreadCount();
  const feed = useNotificationFeed(open);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();
  const count = unread.data?.count ?? 0;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);

  const openItem = (item: Notification) => {
    if (!item.read_at) markRead.mutate(item.id);
    if (item.link) {
      setOpen(false);
      navigate(item.link);
    }
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
        onClick={() => setOpen((o) => !o)}
        className="relative rounded-full p-2 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800"
      >
        <Bell aria-hidden className="size-5" />
        {count > 0 && (
          <span
            aria-hidden
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
          >
            {count > 99 ? "99+" : count}
          </span>
        )}
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label="Notifications"
          className="absolute right-0 z-20 mt-2 w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="flex items-center justify-between border-b border-slate-200 p-3 dark:border-slate-700">
            <h2 className="font-semibold">Notifications</h2>
            <Button variant="ghost" disabled={count === 0 || markAll.isPending} onClick={() => markAll.mutate()}>
              <CheckCheck aria-hidden className="size-4" /> Mark all read
            </Button>
          </div>
          <div className="max-h-96 overflow-y-auto p-2">
            {feed.isPending && <Spinner />}
            {feed.isError && <Alert>{errorMessage(feed.error)}</Alert>}
            {feed.data?.items.length === 0 && <p className="p-3 text-sm text-slate-600 dark:text-slate-400">You're all caught up.</p>}
            <ul className="space-y-1">
              {feed.data?.items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    onClick={() => openItem(item)}
                    className={clsx(
                      "w-full rounded-md p-2 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800",
                      !item.read_at && "bg-indigo-50 dark:bg-indigo-950/50",
                    )}
                  >
                    <span className="flex items-start justify-between gap-2">
                      <span className="font-medium">{item.title}</span>
                      {!item.read_at && <span className="sr-only">(unread)</span>}
                      <time className="shrink-0 text-xs text-slate-600 dark:text-slate-400" dateTime={item.created_at}>
                        {formatWhen(item.created_at)}
                      </time>
                    </span>
                    {item.body && <span className="mt-0.5 block text-slate-600 dark:text-slate-400">{item.body}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
