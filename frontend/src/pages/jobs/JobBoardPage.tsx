import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import { listPublicJobs, type JobBoardQuery } from "../../api/publicJobs";
import { EmptyState } from "../../components/list/EmptyState";
import { FilterBar } from "../../components/list/FilterBar";
import { FilterChip } from "../../components/list/FilterChip";
import { ListFrame } from "../../components/list/ListFrame";
import { Pager } from "../../components/list/Pager";
import { useTypedFilters, useUrlFilters } from "../../components/list/useUrlFilters";
import { PublicLayout } from "../../components/public/PublicLayout";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { employmentTypes, workModes } from "../../lib/jobLabels";
import { formatWhen } from "../../lib/time";
import { JobMeta, TagList } from "./JobMeta";

export const JOBS_PER_PAGE = 20;

/** The filters that live in the URL, exactly the API's query parameter names. */
const FILTERS = ["q", "location", "employment_type", "work_mode", "tag", "company"] as const;

const selectClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 dark:border-slate-700 dark:bg-slate-900";

/** `/jobs`: the public board, `GET /api/public/jobs` with search, filters and paging kept in the URL. */
export function JobBoardPage() {
  const { values, page, update, clear, active, key } = useUrlFilters(FILTERS);
  const query: JobBoardQuery = { ...values, page, per_page: JOBS_PER_PAGE };
  const { formRef, typed } = useTypedFilters(["q", "location", "tag"] as const);
  const ids = { employment: useId(), mode: useId() };

  const jobs = useQuery({
    queryKey: ["public-jobs", query],
    queryFn: () => listPublicJobs(query),
    placeholderData: keepPreviousData,
  });

  const companyName = values.company ? jobs.data?.items.find((j) => j.company.id === values.company)?.company.name : undefined;
  const clearButton = (
    <Button variant="secondary" onClick={clear}>
      Clear filters
    </Button>
  );

  return (
    <PublicLayout>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-bold text-slate-900 dark:text-white">Open jobs</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">Applying is free. No account needed.</p>
        </div>

        <FilterBar
          label="Search jobs"
          resetKey={key}
          formRef={formRef}
          onSubmit={() => update(typed())}
          columns={6}
          submitLabel="Search"
          onClear={active ? clear : undefined}
          clearLabel="Clear all filters"
          extra={
            values.company && (
              <FilterChip removeLabel="Remove the company filter" onRemove={() => update({ company: null })}>
                Company: {companyName ?? "selected company"}
              </FilterChip>
            )
          }
        >
          <div className="sm:col-span-2">
            <TextField label="Keywords" name="q" type="search" placeholder="Title, skill, words…" defaultValue={values.q ?? ""} />
          </div>
          <TextField label="Location" name="location" defaultValue={values.location ?? ""} />
          <TextField label="Tag" name="tag" placeholder="e.g. react" defaultValue={values.tag ?? ""} />
          <div className="space-y-1">
            <label htmlFor={ids.employment} className="block text-sm font-medium">
              Employment type
            </label>
            <select id={ids.employment} className={selectClass} value={values.employment_type ?? ""} onChange={(e) => update({ employment_type: e.target.value })}>
              <option value="">Any</option>
              {Object.entries(employmentTypes).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor={ids.mode} className="block text-sm font-medium">
              Work mode
            </label>
            <select id={ids.mode} className={selectClass} value={values.work_mode ?? ""} onChange={(e) => update({ work_mode: e.target.value })}>
              <option value="">Any</option>
              {Object.entries(workModes).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </FilterBar>

        <ListFrame
          label="Results"
          heading
          query={jobs}
          pendingLabel="Loading jobs"
          errorTitle="Could not load jobs"
          retry
          errorActions={active && clearButton}
          isEmpty={(data) => data.items.length === 0}
          empty={
            <EmptyState message={`No jobs match ${active ? "these filters" : "right now"}.`}>
              {active ? clearButton : <p>New roles are published all the time: check back soon.</p>}
            </EmptyState>
          }
          count={(data) => (data.total === 1 ? "1 job" : `${data.total} jobs`)}
        >
          {(data) => (
            <>
              <ul className="space-y-3">
                {data.items.map((job) => (
                  <li key={job.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm motion-safe:transition-shadow hover:shadow-md dark:border-slate-800 dark:bg-slate-900">
                    <article aria-labelledby={`job-${job.id}`} className="space-y-2">
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <h3 id={`job-${job.id}`} className="text-lg font-semibold">
                          <Link to={`/jobs/${job.id}`} className="text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300">
                            {job.title}
                          </Link>
                        </h3>
                        <span className="text-xs text-slate-500 dark:text-slate-400">
                          Posted <time dateTime={job.published_at}>{formatWhen(job.published_at)}</time>
                        </span>
                      </div>
                      <button
                        type="button"
                        onClick={() => update({ company: job.company.id })}
                        className="text-sm font-medium text-slate-700 hover:underline dark:text-slate-300"
                        aria-label={`Show only jobs at ${job.company.name}`}
                      >
                        {job.company.name}
                      </button>
                      <JobMeta job={job} />
                      <p className="line-clamp-2 text-sm text-slate-700 dark:text-slate-300">{job.description}</p>
                      <TagList tags={job.tags} />
                    </article>
                  </li>
                ))}
              </ul>
              <Pager page={data.page} total={data.total} perPage={data.per_page} onPage={(p) => update({ page: String(p) })} />
            </>
          )}
        </ListFrame>
      </div>
    </PublicLayout>
  );
}
