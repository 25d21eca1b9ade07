import { keepPreviousData, useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { Plus, Search } from "lucide-react";
import { useRef, type FormEvent } from "react";
import { Link } from "react-router";
import { listJobs, type JobListQuery } from "../../../api/recruiting";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/SelectField";
import { Spinner } from "../../../components/ui/Spinner";
import { TextField } from "../../../components/ui/TextField";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { daysLabel } from "../format";
import { any, jobKinds, jobSorts, jobStatuses, priorities, wordFor } from "../labels";
import { Pager } from "../Pager";
import { useUrlFilters } from "../useUrlFilters";

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
  const { values, page, update, clear, key } = useUrlFilters(FILTERS);
  const query: JobListQuery = { ...values, page, per_page: JOBS_PER_PAGE };
  const jobs = useQuery({ queryKey: ["recruiting", "jobs", query], queryFn: () => listJobs(query), placeholderData: keepPreviousData });

  const formRef = useRef<HTMLFormElement>(null);
  /** The typed (not yet applied) text filters, so a select or checkbox change does not lose them. */
  const typed = () => {
    const form = new FormData(formRef.current ?? undefined);
    return Object.fromEntries(TEXT_FILTERS.map((f) => [f, String(form.get(f) ?? "").trim()]));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update(typed());
  };
  const filtered = Object.keys(values).length > 0;
  const data = jobs.data;

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

      <form ref={formRef} key={key} role="search" aria-label="Filter jobs" onSubmit={submit} className="grid gap-3 rounded-lg border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-6 dark:border-slate-800">
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
        <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
          <Button type="submit">
            <Search aria-hidden className="size-4" /> Apply
          </Button>
          {filtered && (
            <Button variant="ghost" onClick={clear}>
              Clear filters
            </Button>
          )}
        </div>
      </form>

      <section aria-label="Jobs" aria-busy={jobs.isFetching} className="space-y-3">
        {jobs.isPending ? (
          <Spinner label="Loading jobs" />
        ) : jobs.isError ? (
          <Alert title="Could not load jobs">
            {isApiError(jobs.error) && jobs.error.fieldErrors.length > 0 ? jobs.error.fieldErrors.map((f) => `${f.field}: ${f.message}`).join("; ") : errorMessage(jobs.error)}
          </Alert>
        ) : data && data.items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">No jobs {filtered ? "match these filters" : "yet"}.</p>
        ) : data ? (
          <>
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {data.total === 1 ? "1 job" : `${data.total} jobs`}
            </p>
            <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
              <table className="min-w-full text-left text-sm">
                <thead className="bg-slate-50 text-xs uppercase text-slate-500 dark:bg-slate-900 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="px-3 py-2">Job</th>
                    <th scope="col" className="px-3 py-2">Client</th>
                    <th scope="col" className="px-3 py-2">Status</th>
                    <th scope="col" className="px-3 py-2">Priority</th>
                    <th scope="col" className="px-3 py-2">Ageing</th>
                    <th scope="col" className="px-3 py-2">Active applications</th>
                    <th scope="col" className="px-3 py-2">Manager</th>
                    <th scope="col" className="px-3 py-2"><span className="sr-only">Pipeline</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                  {data.items.map((job) => (
                    <tr key={job.id}>
                      <td className="px-3 py-2">
                        <Link to={`/recruiting/jobs/${job.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                          {job.title}
                        </Link>
                        <div className="text-xs text-slate-500 dark:text-slate-400">
                          {job.reference} · {wordFor(jobKinds, job.kind)}
                          {job.shared && ` · shared by ${job.company.name}`}
                          {job.location && ` · ${job.location}`}
                        </div>
                      </td>
                      <td className="px-3 py-2">{job.client_name ?? "—"}</td>
                      <td className="px-3 py-2">
                        {wordFor(jobStatuses, job.status)}
                        {job.published && <span className="ml-1 text-xs text-emerald-700 dark:text-emerald-400">· published</span>}
                      </td>
                      <td className="px-3 py-2">
                        <span className={clsx("rounded px-1.5 py-0.5 text-xs font-medium", priorityTone[job.priority])}>{wordFor(priorities, job.priority)}</span>
                      </td>
                      <td className="px-3 py-2" title={job.opened_at ? `Opened ${job.opened_at.slice(0, 10)}` : "Never opened"}>
                        {job.opened_at ? daysLabel(job.ageing_days) : "—"}
                      </td>
                      <td className="px-3 py-2">{job.application_count}</td>
                      <td className="px-3 py-2">{job.manager?.full_name ?? "—"}</td>
                      <td className="px-3 py-2">
                        {can(me, "applications:read") && (
                          <Link to={`/recruiting/jobs/${job.id}/pipeline`} className="text-indigo-600 hover:underline dark:text-indigo-400" aria-label={`Pipeline of ${job.title}`}>
                            Pipeline
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={data.page} total={data.total} perPage={data.per_page} onPage={(p) => update({ page: String(p) })} />
          </>
        ) : null}
      </section>
    </div>
  );
}
