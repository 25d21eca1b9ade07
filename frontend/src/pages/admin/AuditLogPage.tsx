import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Download, Search } from "lucide-react";
import type { FormEvent } from "react";
import { useSearchParams } from "react-router";
import { exportAuditLogs, listAuditLogs, type AuditLogQuery } from "../../api/admin";
import type { AuditLogEntry } from "../../api/types";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { TextField } from "../../components/ui/TextField";
import { CompanyPicker } from "../../features/admin/CompanyPicker";
import { Badge, PageHeader, Pagination, QueryError, SelectField, formatDateTime, tableClass, tdClass, thClass } from "../../features/admin/ui";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

export const AUDIT_PER_PAGE = 50;
const TEXT_FILTERS = ["action", "actor_id", "entity_type", "entity_id", "outcome", "company_id"] as const;

/** The URL keeps dates as `YYYY-MM-DD`; the API takes RFC 3339 instants (`from` inclusive at the day's start, `to` at its end, local time). */
export function auditQueryFromParams(params: URLSearchParams): AuditLogQuery {
  const query: AuditLogQuery = { per_page: AUDIT_PER_PAGE };
  for (const name of TEXT_FILTERS) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  const from = params.get("from");
  const to = params.get("to");
  if (from) query.from = dayBoundary(from, false);
  if (to) query.to = dayBoundary(to, true);
  const page = Number(params.get("page"));
  query.page = Number.isInteger(page) && page > 1 ? page : 1;
  return query;
}

function dayBoundary(day: string, end: boolean): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = end ? new Date(y!, m! - 1, d!, 23, 59, 59, 999) : new Date(y!, m! - 1, d!, 0, 0, 0, 0);
  return Number.isNaN(date.getTime()) ? day : date.toISOString();
}

const outcomeTone = (outcome: string) => (outcome === "success" ? "green" : outcome === "denied" ? "amber" : ("red" as const));

/** Saves a Blob under `name` through a temporary link. */
function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `/admin/audit`: `GET /api/admin/audit-logs` with filters and paging in the URL; CSV export with the same filters. */
export function AuditLogPage() {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const query = auditQueryFromParams(params);
  const entries = useQuery({ queryKey: ["admin", "audit", query], queryFn: () => listAuditLogs(query), placeholderData: keepPreviousData });
  const exporter = useMutation({
    mutationFn: () => {
      const { page: _page, per_page: _perPage, ...filters } = query;
      return exportAuditLogs(filters);
    },
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName ?? "audit-log.csv"),
  });

  const update = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    if (!("page" in change)) next.delete("page");
    for (const [name, value] of Object.entries(change)) {
      if (value && !(name === "page" && value === "1")) next.set(name, value);
      else next.delete(name);
    }
    setParams(next);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    update({ action: value("action"), actor_id: value("actor_id"), entity_type: value("entity_type"), from: value("from"), to: value("to") });
  };

  const listFields = isApiError(entries.error) ? entries.error.fields : {};

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader
        title="Audit log"
        description="Every change and sign-in event, newest first."
        actions={
          <Button variant="secondary" disabled={exporter.isPending} onClick={() => exporter.mutate()}>
            <Download aria-hidden className="size-4" /> {exporter.isPending ? "Exporting…" : "Export CSV"}
          </Button>
        }
      />
      {exporter.isError && <Alert title="Could not export">{errorMessage(exporter.error)}</Alert>}

      <form key={params.toString()} role="search" aria-label="Filter the audit log" onSubmit={submit} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-slate-800 dark:bg-slate-900">
        <TextField label="Action" name="action" placeholder="users.update, or users." hint="Exact, or a prefix ending in a dot." defaultValue={params.get("action") ?? ""} error={listFields.action} />
        <TextField label="Actor (user id)" name="actor_id" defaultValue={params.get("actor_id") ?? ""} error={listFields.actor_id} />
        <TextField label="Entity type" name="entity_type" placeholder="user, role, company" defaultValue={params.get("entity_type") ?? ""} />
        <SelectField label="Outcome" value={params.get("outcome") ?? ""} onChange={(e) => update({ outcome: e.target.value })}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Denied</option>
        </SelectField>
        <TextField label="From" name="from" type="date" defaultValue={params.get("from") ?? ""} error={listFields.from} />
        <TextField label="To" name="to" type="date" defaultValue={params.get("to") ?? ""} error={listFields.to} />
        {can(me, "companies:manage") && (
          <CompanyPicker emptyLabel="All companies" value={params.get("company_id") ?? ""} onChange={(e) => update({ company_id: e.target.value })} />
        )}
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
          <Button type="submit">
            <Search aria-hidden className="size-4" /> Apply filters
          </Button>
          {[...params.keys()].some((k) => k !== "page") && (
            <Button variant="ghost" onClick={() => setParams(new URLSearchParams())}>
              Clear filters
            </Button>
          )}
        </div>
      </form>

      <section aria-labelledby="audit-title" aria-busy={entries.isFetching} className="space-y-3">
        <h2 id="audit-title" className="sr-only">
          Entries
        </h2>
        {entries.isPending ? (
          <Spinner label="Loading the audit log" />
        ) : entries.isError ? (
          <QueryError title="Could not load the audit log" error={entries.error} onRetry={() => void entries.refetch()} />
        ) : entries.data.items.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No entries match these filters.</p>
        ) : (
          <>
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
              <table className={tableClass}>
                <thead>
                  <tr>
                    <th className={thClass}>When</th>
                    <th className={thClass}>Action</th>
                    <th className={thClass}>Outcome</th>
                    <th className={thClass}>Actor</th>
                    <th className={thClass}>Entity</th>
                    <th className={thClass}>Details</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {entries.data.items.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} onActor={(id) => update({ actor_id: id })} />
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={entries.data.page} perPage={entries.data.per_page} total={entries.data.total} noun="entries" onPage={(p) => update({ page: String(p) })} />
          </>
        )}
      </section>
    </div>
  );
}

function AuditRow({ entry, onActor }: { entry: AuditLogEntry; onActor: (id: string) => void }) {
  const hasChanges = Object.keys(entry.changes ?? {}).length > 0;
  const hasDetails = Object.keys(entry.details ?? {}).length > 0;
  return (
    <tr>
      <td className={`${tdClass} whitespace-nowrap`}>{formatDateTime(entry.occurred_at)}</td>
      <td className={`${tdClass} font-mono text-xs`}>{entry.action}</td>
      <td className={tdClass}>
        <Badge tone={outcomeTone(entry.outcome)}>{entry.outcome}</Badge>
      </td>
      <td className={tdClass}>
        {entry.actor ? (
          <button type="button" className="text-left text-indigo-600 hover:underline dark:text-indigo-400" title="Show only this actor" onClick={() => onActor(entry.actor!.id)}>
            {entry.actor.full_name ?? entry.actor.email ?? entry.actor.id}
          </button>
        ) : (
          "System"
        )}
        {entry.ip && <div className="text-xs text-slate-500 dark:text-slate-400">{entry.ip}</div>}
      </td>
      <td className={tdClass}>
        {entry.entity_type ? (
          <>
            {entry.entity_type}
            <div className="font-mono text-xs break-all text-slate-500 dark:text-slate-400">{entry.entity_id}</div>
          </>
        ) : (
          "—"
        )}
      </td>
      <td className={tdClass}>
        {hasChanges || hasDetails || entry.request_id ? (
          <details>
            <summary className="cursor-pointer text-indigo-600 dark:text-indigo-400">Show</summary>
            <pre className="mt-2 max-w-md overflow-x-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap dark:bg-slate-800">
              {JSON.stringify({ changes: entry.changes, details: entry.details, request_id: entry.request_id, user_agent: entry.user_agent }, null, 2)}
            </pre>
          </details>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}
