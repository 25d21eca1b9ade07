import clsx from "clsx";
import { Download, FileText, ShieldAlert, ShieldCheck, ShieldQuestion } from "lucide-react";
import { useState } from "react";
import { getAttachmentDownload } from "../../api/messaging";
import type { MessageAttachment } from "../../api/types";
import { errorMessage } from "../../lib/errorMessages";
import { canDownload, scanBadge, type ScanBadge } from "./attachmentStatus";

const badgeText: Record<ScanBadge, string> = {
  pending: "Scanning…",
  clean: "Clean",
  blocked: "Blocked",
  failed: "Scan failed",
};

const badgeStyle: Record<ScanBadge, string> = {
  pending: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  clean: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  blocked: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  failed: "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

export function ScanStatusBadge({ status }: { status: string }) {
  const badge = scanBadge(status);
  const Icon = badge === "clean" ? ShieldCheck : badge === "blocked" ? ShieldAlert : ShieldQuestion;
  return (
    <span className={clsx("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium", badgeStyle[badge])}>
      <Icon aria-hidden className="size-3" />
      {badgeText[badge]}
    </span>
  );
}

function formatSize(bytes: number | null | undefined): string | null {
  if (bytes == null) return null;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One attachment of a message: its scan state, and a download that only a clean file offers. */
export function AttachmentChip({ attachment }: { attachment: MessageAttachment }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clean = canDownload(attachment.status);
  const size = formatSize(attachment.size);

  const download = async () => {
    setError(null);
    setBusy(true);
    try {
      // A fresh 5-minute link each time; the response is Content-Disposition: attachment.
      const link = await getAttachmentDownload(attachment.id);
      window.location.assign(link.url);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-white/70 p-2 text-sm dark:border-slate-700 dark:bg-slate-900/70">
      <FileText aria-hidden className="size-4 shrink-0" />
      <span className="min-w-0 truncate font-medium">{attachment.file_name}</span>
      {size && <span className="text-xs text-slate-600 dark:text-slate-400">{size}</span>}
      <ScanStatusBadge status={attachment.status} />
      <button
        type="button"
        onClick={() => void download()}
        disabled={!clean || busy}
        aria-label={`Download ${attachment.file_name}`}
        title={clean ? "Download" : "Available once the virus scan finds it clean"}
        className="ml-auto rounded p-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-40 dark:hover:bg-slate-800"
      >
        <Download aria-hidden className="size-4" />
      </button>
      {error && (
        <p role="alert" className="w-full text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
