import { keepPreviousData, useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { Plus } from "lucide-react";
import { Link } from "react-router";
import { listJobs, type JobListQuery } from "../../../api/recruiting";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { EmptyState } from "../../../components/list/EmptyState";
import { FilterBar } from "../../../components/list/FilterBar";
import { ListFrame } from "../../../components/list/ListFrame";
import { cellClass, ListTable } from "../../../components/list/ListTable";
import { Pager } from "../../../components/list/Pager";
import { useTypedFilters, useUrlFilters } from "../../../components/list/useUrlFilters";
import { SelectField } from "../../../components/ui/SelectField";
import { TextField } from "../../../components/ui/TextField";
import { daysLabel } from "../format";
import { any, jobKinds, jobSorts, jobStatuses, priorities, wordFor } from "../labels";

export const JOBS_PER_PAGE = 25;
const TEXT_FILTERS = ["q", "client", "ageing_min", "ageing_max"] as const;
const FILTERS = ["q", "status", "kind", "client", "priority", "ageing_min", "ageing_max", "published", "owner", "recruiter", "manager", "sort"] as const;

const priorityTone: Record<string, string> = {
  critical: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  high: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  medium: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  low: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

/** `/recruiting/jobs`: jobs and requirements with the spec-003 filters of `GET /api/jobs`, kept in the URL. */
export function JobsListPage() {
  const me = useMe().data;
  const { values, page, update, clear, active, key } = useUrlFilters(FILTERS);
  const query: JobListQuery = { ...values, page, per_page: JOBS_PER_PAGE };
  const jobs = useQuery({ queryKey: ["recruiting", "jobs", query], queryFn: () => listJobs(query), placeholderData: keepPreviousData });
  const { formRef, typed } = useTypedFilters(TEXT_FILTERS);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Jobs and requirements</h1>
        {can(me, "jobs:write") && (
          <Link to="/recruiting/jobs/new" className="inline-flex items-center gap-2 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
            <Plus aria-hidden className="size-4" /> New job
          </Link>
        )}
      </div>

      <FilterBar label="Filter jobs" resetKey={key} formRef={formRef} onSubmit={() => update(typed())} columns={6} onClear={active ? clear : undefined}>
        <div className="sm:col-span-2">
          <TextField label="Keywords" name="q" type="search" defaultValue={values.q ?? ""} />
        </div>
        <TextField label="Client" name="client" defaultValue={values.client ?? ""} />
        <TextField label="Ageing from (days)" name="ageing_min" type="number" min={0} defaultValue={values.ageing_min ?? ""} />
        <TextField label="Ageing to (days)" name="ageing_max" type="number" min={0} defaultValue={values.ageing_max ?? ""} />
        <SelectField label="Sort" options={jobSorts} value={values.sort ?? "newest"} onChange={(e) => update({ ...typed(), sort: e.target.value === "newest" ? null : e.target.value })} />
        <SelectField label="Status" options={any(jobStatuses)} value={values.status ?? ""} onChange={(e) => update({ ...typed(), status: e.target.value })} />
        <SelectField label="Kind" options={any(jobKinds)} value={values.kind ?? ""} onChange={(e) => update({ ...typed(), kind: e.target.value })} />
        <SelectField label="Priority" options={any(priorities)} value={values.priority ?? ""} onChange={(e) => update({ ...typed(), priority: e.target.value })} />
        <SelectField
          label="Published"
          options={[["", "Any"], ["true", "Published"], ["false", "Not published"]]}
          value={values.published ?? ""}
          onChange={(e) => update({ ...typed(), published: e.target.value })}
        />
        <SelectField
          label="Owner"
          options={[["", "All I see"], ["mine", "Our company's"], ["shared", "Shared with us"]]}
          value={values.owner ?? ""}
          onChange={(e) => update({ ...typed(), owner: e.target.value })}
        />
        <div className="flex flex-col justify-end gap-1 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={!!me && values.recruiter === me.id} onChange={(e) => update({ ...typed(), recruiter: e.target.checked && me ? me.id : null })} />
            On my team
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={!!me && values.manager === me.id} onChange={(e) => update({ ...typed(), manager: e.target.checked && me ? me.id : null })} />
            Managed by me
          </label>
        </div>
      </FilterBar>

      <ListFrame
        label="Jobs"
        query={jobs}
        pendingLabel="Loading jobs"
        errorTitle="Could not load jobs"
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState message={`No jobs ${active ? "match these filters" : "yet"}.`} />}
        count={(data) => (data.total === 1 ? "1 job" : `${data.total} jobs`)}
      >
        {(data) => (
          <>
            <ListTable headers={["Job", "Client", "Status", "Priority", "Ageing", "Active applications", "Manager", <span key="pipeline" className="sr-only">Pipeline</span>]}>
              {data.items.map((job) => (
                <tr key={job.id}>
                  <td className={cellClass}>
                    <Link to={`/recruiting/jobs/${job.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                      {job.title}
                    </Link>
                    <div className="text-xs text-slate-500 dark:text-slate-400">
                      {job.reference} · {wordFor(jobKinds, job.kind)}
                      {job.shared && ` · shared by ${job.company.name}`}
                      {job.location && ` · ${job.location}`}
                    </div>
                  </td>
                  <td className={cellClass}>{job.client_name ?? "—"}</td>
                  <td className={cellClass}>
                    {wordFor(jobStatuses, job.status)}
                    {job.published && <span className="ml-1 text-xs text-emerald-700 dark:text-emerald-400">· published</span>}
                  </td>
                  <td className={cellClass}>
                    <span className={clsx("rounded px-1.5 py-0.5 text-xs font-medium", priorityTone[job.priority])}>{wordFor(priorities, job.priority)}</span>
                  </td>
                  <td className={cellClass} title={job.opened_at ? `Opened ${job.opened_at.slice(0, 10)}` : "Never opened"}>
                    {job.opened_at ? daysLabel(job.ageing_days) : "—"}
                  </td>
                  <td className={cellClass}>{job.application_count}</td>
                  <td className={cellClass}>{job.manager?.full_name ?? "—"}</td>
                  <td className={cellClass}>
                    {can(me, "applications:read") && (
                      <Link to={`/recruiting/jobs/${job.id}/pipeline`} className="text-indigo-600 hover:underline dark:text-indigo-400" aria-label={`Pipeline of ${job.title}`}>
                        Pipeline
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </ListTable>
            <Pager page={data.page} total={data.total} perPage={data.per_page} onPage={(p) => update({ page: String(p) })} />
          </>
        )}
      </ListFrame>
    </div>
  );
}
