import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { exportAuditLogs, listAuditLogs, type AuditLogQuery } from "../../api/admin";
import type { AuditLogEntry } from "../../api/types";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { EmptyState } from "../../components/list/EmptyState";
import { FilterBar } from "../../components/list/FilterBar";
import { ListFrame } from "../../components/list/ListFrame";
import { cellClass, ListTable } from "../../components/list/ListTable";
import { Pager } from "../../components/list/Pager";
import { useTypedFilters, useUrlFilters } from "../../components/list/useUrlFilters";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { CompanyPicker } from "../../features/admin/CompanyPicker";
import { Badge, PageHeader, SelectField, formatDateTime } from "../../features/admin/ui";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

export const AUDIT_PER_PAGE = 50;
const FILTERS = ["action", "actor_id", "entity_type", "entity_id", "outcome", "company_id", "from", "to"] as const;
const TYPED = ["action", "actor_id", "entity_type", "from", "to"] as const;

/** The URL keeps dates as `YYYY-MM-DD`; the API takes RFC 3339 instants (`from` inclusive at the day's start, `to` at its end, local time). */
function auditQuery({ from, to, ...filters }: Partial<Record<(typeof FILTERS)[number], string>>, page: number): AuditLogQuery {
  const query: AuditLogQuery = { ...filters, page, per_page: AUDIT_PER_PAGE };
  if (from) query.from = dayBoundary(from, false);
  if (to) query.to = dayBoundary(to, true);
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
  const { values, page, update, clear, active, key } = useUrlFilters(FILTERS);
  const query = auditQuery(values, page);
  const entries = useQuery({ queryKey: ["admin", "audit", query], queryFn: () => listAuditLogs(query), placeholderData: keepPreviousData });
  const exporter = useMutation({
    mutationFn: () => {
      const { page: _page, per_page: _perPage, ...filters } = query;
      return exportAuditLogs(filters);
    },
    onSuccess: ({ blob, fileName }) => saveBlob(blob, fileName ?? "audit-log.csv"),
  });
  const { formRef, typed } = useTypedFilters(TYPED);

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

      <FilterBar label="Filter the audit log" resetKey={key} formRef={formRef} onSubmit={() => update(typed())} columns={3} submitLabel="Apply filters" onClear={active ? clear : undefined}>
        <TextField label="Action" name="action" placeholder="users.update, or users." hint="Exact, or a prefix ending in a dot." defaultValue={values.action ?? ""} error={listFields.action} />
        <TextField label="Actor (user id)" name="actor_id" defaultValue={values.actor_id ?? ""} error={listFields.actor_id} />
        <TextField label="Entity type" name="entity_type" placeholder="user, role, company" defaultValue={values.entity_type ?? ""} />
        <SelectField label="Outcome" value={values.outcome ?? ""} onChange={(e) => update({ outcome: e.target.value })}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Denied</option>
        </SelectField>
        <TextField label="From" name="from" type="date" defaultValue={values.from ?? ""} error={listFields.from} />
        <TextField label="To" name="to" type="date" defaultValue={values.to ?? ""} error={listFields.to} />
        {can(me, "companies:manage") && (
          <CompanyPicker emptyLabel="All companies" value={values.company_id ?? ""} onChange={(e) => update({ company_id: e.target.value })} />
        )}
      </FilterBar>

      <ListFrame
        label="Entries"
        heading
        query={entries}
        pendingLabel="Loading the audit log"
        errorTitle="Could not load the audit log"
        retry
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState message="No entries match these filters." />}
      >
        {(data) => (
          <>
            <ListTable headers={["When", "Action", "Outcome", "Actor", "Entity", "Details"]}>
              {data.items.map((entry) => (
                <AuditRow key={entry.id} entry={entry} onActor={(id) => update({ actor_id: id })} />
              ))}
            </ListTable>
            <Pager page={data.page} perPage={data.per_page} total={data.total} noun="entries" onPage={(p) => update({ page: String(p) })} />
          </>
        )}
      </ListFrame>
    </div>
  );
}

function AuditRow({ entry, onActor }: { entry: AuditLogEntry; onActor: (id: string) => void }) {
  const hasChanges = Object.keys(entry.changes ?? {}).length > 0;
  const hasDetails = Object.keys(entry.details ?? {}).length > 0;
  return (
    <tr>
      <td className={`${cellClass} whitespace-nowrap`}>{formatDateTime(entry.occurred_at)}</td>
      <td className={`${cellClass} font-mono text-xs`}>{entry.action}</td>
      <td className={cellClass}>
        <Badge tone={outcomeTone(entry.outcome)}>{entry.outcome}</Badge>
      </td>
      <td className={cellClass}>
        {entry.actor ? (
          <button type="button" className="text-left text-indigo-600 hover:underline dark:text-indigo-400" title="Show only this actor" onClick={() => onActor(entry.actor!.id)}>
            {entry.actor.full_name ?? entry.actor.email ?? entry.actor.id}
          </button>
        ) : (
          "System"
        )}
        {entry.ip && <div className="text-xs text-slate-500 dark:text-slate-400">{entry.ip}</div>}
      </td>
      <td className={cellClass}>
        {entry.entity_type ? (
          <>
            {entry.entity_type}
            <div className="font-mono text-xs break-all text-slate-500 dark:text-slate-400">{entry.entity_id}</div>
          </>
        ) : (
          "—"
        )}
      </td>
      <td className={cellClass}>
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
