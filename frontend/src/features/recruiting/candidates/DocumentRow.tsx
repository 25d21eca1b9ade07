import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, FileText } from "lucide-react";
import { useEffect, useState } from "react";
import { getFile, getFileDownload } from "../../../api/files";
import type { CandidateDocument } from "../../../api/types";
import { Button } from "../../../components/ui/Button";
import { errorMessage } from "../../../lib/errorMessages";
import { canDownload, scanBadge } from "../../messaging/attachmentStatus";
import { formatDate } from "../format";
import { ScanBadge } from "../ScanBadge";
import { documentKinds } from "./documentKinds";
import { documentsKey, fileKey } from "./queryKeys";

const POLL_FIRST_MS = 2000;
const POLL_MAX_MS = 30_000;

function formatSize(bytes: number | null | undefined): string | null {
  if (bytes == null) return null;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * One document: kind, size, scan state and, only when clean, a download that
 * fetches a fresh 5-minute link (`GET /api/files/{id}/download`). While the
 * scan has not answered, `GET /api/files/{id}` is polled (2 s, doubling up to
 * 30 s) until the state leaves pending; the list is then refetched.
 */
export function DocumentRow({ candidateId, document: d }: { candidateId: string; document: CandidateDocument }) {
  const queryClient = useQueryClient();
  const scanning = scanBadge(d.virus_status) === "pending";
  const file = useQuery({
    queryKey: fileKey(d.file_id),
    queryFn: () => getFile(d.file_id),
    enabled: scanning,
    refetchInterval: (q) => {
      if (q.state.status === "error") return false;
      if (q.state.data && scanBadge(q.state.data.virus_status) !== "pending") return false;
      return Math.min(POLL_FIRST_MS * 2 ** Math.max(0, q.state.dataUpdateCount - 1), POLL_MAX_MS);
    },
  });
  const status = scanning && file.data ? file.data.virus_status : d.virus_status;
  const settled = scanning && file.data !== undefined && scanBadge(file.data.virus_status) !== "pending";
  useEffect(() => {
    if (settled) void queryClient.invalidateQueries({ queryKey: documentsKey(candidateId) });
  }, [settled, candidateId, queryClient]);

  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    setBusy(true);
    try {
      // The link answers with Content-Disposition: attachment, so the page stays.
      const link = await getFileDownload(d.file_id);
      window.location.assign(link.url);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const kind = documentKinds.find(([value]) => value === d.kind)?.[1] ?? d.kind;
  const size = formatSize(d.size);
  const detail = scanBadge(status) === "blocked" ? file.data?.scan_detail : null;
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3 text-sm">
      <FileText aria-hidden className="size-4 shrink-0 text-slate-600 dark:text-slate-400" />
      <span className="min-w-0 break-all font-medium">{d.file_name}</span>
      <span className="text-slate-500 dark:text-slate-400">
        {[kind, size, `added ${formatDate(d.added_at)}`].filter(Boolean).join(" · ")}
      </span>
      {/* Announces the scan's verdict when it arrives. */}
      <span aria-live="polite">
        <ScanBadge status={status} />
        {detail && <span className="ml-1 text-xs text-red-700 dark:text-red-300">{detail}</span>}
      </span>
      {canDownload(status) && (
        <Button variant="secondary" className="ml-auto" aria-label={`Download ${d.file_name}`} disabled={busy} onClick={() => void download()}>
          <Download aria-hidden className="size-4" /> Download
        </Button>
      )}
      {error && (
        <p role="alert" className="w-full text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </li>
  );
}
