import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { approveReset, listPendingResets } from "../../api/admin";
import type { PendingReset } from "../../api/types";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { QueryError } from "../../components/ui/QueryError";
import { PageHeader, formatDateTime, tableClass, tdClass, thClass } from "../../features/admin/ui";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

const refusals: Record<number, string> = {
  403: "You can't approve your own reset request: another admin has to.",
  404: "This request no longer exists.",
  409: "This request is no longer pending (already approved or completed).",
};

/** `/admin/password-resets`: pending reset requests in the caller's scope; approving emails the user a 60-minute link. */
export function PasswordResetsPage() {
  const queryClient = useQueryClient();
  const pending = useQuery({ queryKey: ["admin", "password-resets"], queryFn: listPendingResets });
  const [notice, setNotice] = useState<string | null>(null);
  const approve = useMutation({
    mutationFn: (request: PendingReset) => approveReset(request.id),
    onMutate: () => setNotice(null),
    onSuccess: (_d, request) => setNotice(`Approved: ${request.email} was emailed a reset link (valid 60 minutes).`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["admin", "password-resets"] }),
  });
  const refusal = approve.error && isApiError(approve.error) && approve.error.status !== 401 ? (refusals[approve.error.status] ?? errorMessage(approve.error)) : approve.error ? errorMessage(approve.error) : null;

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader title="Password reset requests" description="Users who asked for a new password wait for an admin's approval." />
      <div aria-live="polite">
        {notice && <Alert tone="info">{notice}</Alert>}
        {refusal && <Alert title="Could not approve">{refusal}</Alert>}
      </div>
      {pending.isPending ? (
        <Spinner label="Loading requests" />
      ) : pending.isError ? (
        <QueryError title="Could not load the requests" error={pending.error} onRetry={() => void pending.refetch()} />
      ) : pending.data.items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No pending requests.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>User</th>
                <th className={thClass}>Requested</th>
                <th className={thClass}>From IP</th>
                <th className={thClass}>
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {pending.data.items.map((r) => (
                <tr key={r.id}>
                  <td className={tdClass}>
                    {r.full_name}
                    <div className="text-xs text-slate-500 dark:text-slate-400">{r.email}</div>
                  </td>
                  <td className={tdClass}>{formatDateTime(r.requested_at)}</td>
                  <td className={tdClass}>{r.requested_ip ?? "—"}</td>
                  <td className={tdClass}>
                    <Button aria-label={`Approve the reset for ${r.email}`} disabled={approve.isPending} onClick={() => approve.mutate(r)}>
                      Approve
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
