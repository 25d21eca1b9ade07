import clsx from "clsx";
import { scanBadge, type ScanBadge as Badge } from "../messaging/attachmentStatus";

const looks: Record<Badge, [string, string]> = {
  pending: ["Scanning…", "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300"],
  clean: ["Clean", "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"],
  blocked: ["Blocked", "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300"],
  failed: ["Scan failed", "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300"],
};

/** A stored file's virus-scan state in words (the same mapping as message attachments). */
export function ScanBadge({ status }: { status: string }) {
  const [text, tone] = looks[scanBadge(status)];
  return <span className={clsx("ml-1 rounded px-1.5 py-0.5 text-xs font-medium", tone)}>{text}</span>;
}
