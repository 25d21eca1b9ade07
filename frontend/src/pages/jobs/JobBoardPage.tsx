import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, Search, X } from "lucide-react";
import { useId, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { listPublicJobs, type JobBoardQuery } from "../../api/publicJobs";
import { PublicLayout } from "../../components/public/PublicLayout";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { TextField } from "../../components/ui/TextField";
import { errorMessage } from "../../lib/errorMessages";
import { employmentTypes, workModes } from "../../lib/jobLabels";
import { formatWhen } from "../../lib/time";
import { isApiError } from "../../services/apiError";
import { JobMeta, TagList } from "./JobMeta";

export const JOBS_PER_PAGE = 20;

/** The filters that live in the URL, exactly the API's query parameter names. */
const FILTERS = ["q", "location", "employment_type", "work_mode", "tag", "company"] as const;
type Filter = (typeof FILTERS)[number];

/** Reads the board's state from the query string (the single source of truth). */
export function boardQueryFromParams(params: URLSearchParams): JobBoardQuery {
  const query: JobBoardQuery = { per_page: JOBS_PER_PAGE };
  for (const name of FILTERS) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  const page = Number(params.get("page"));
  query.page = Number.isInteger(page) && page > 1 ? page : 1;
  return query;
}

const selectClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 dark:border-slate-700 dark:bg-slate-900";

/** `/jobs`: the public board, `GET /api/public/jobs` with search, filters and paging kept in the URL. */
export function JobBoardPage() {
  const [params, setParams] = useSearchParams();
  const query = boardQueryFromParams(params);
  const ids = { employment: useId(), mode: useId() };

  const jobs = useQuery({
    queryKey: ["public-jobs", query],
    queryFn: () => listPublicJobs(query),
    placeholderData: keepPreviousData,
  });

  /** Changes filters (any change goes back to page 1) or the page; empty values leave the URL. */
  const update = (change: Partial<Record<Filter | "page", string | null>>) => {
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
    update({
      q: String(form.get("q") ?? "").trim(),
      location: String(form.get("location") ?? "").trim(),
      tag: String(form.get("tag") ?? "").trim(),
    });
  };

  const active = FILTERS.filter((f) => query[f]);
  const data = jobs.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.per_page)) : 1;
  const companyName = query.company ? data?.items.find((j) => j.company.id === query.company)?.company.name : undefined;

  return (
    <PublicLayout>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <div>
          <h1 className="text-2xl font-bold text-slate-900 dark:text-white">Open jobs</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">Applying is free. No account needed.</p>
        </div>

        {/* Keyed on the URL so Back/Forward and chip removals refill the inputs. */}
        <form key={params.toString()} role="search" aria-label="Search jobs" onSubmit={submit} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6 dark:border-slate-800 dark:bg-slate-900">
          <div className="sm:col-span-2">
            <TextField label="Keywords" name="q" type="search" placeholder="Title, skill, words…" defaultValue={query.q ?? ""} />
          </div>
          <TextField label="Location" name="location" defaultValue={query.location ?? ""} />
          <TextField label="Tag" name="tag" placeholder="e.g. react" defaultValue={query.tag ?? ""} />
          <div className="space-y-1">
            <label htmlFor={ids.employment} className="block text-sm font-medium">
              Employment type
            </label>
            <select id={ids.employment} className={selectClass} value={query.employment_type ?? ""} onChange={(e) => update({ employment_type: e.target.value })}>
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
            <select id={ids.mode} className={selectClass} value={query.work_mode ?? ""} onChange={(e) => update({ work_mode: e.target.value })}>
              <option value="">Any</option>
              {Object.entries(workModes).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-6">
            <Button type="submit">
              <Search aria-hidden className="size-4" /> Search
            </Button>
            {active.length > 0 && (
              <Button variant="ghost" onClick={() => setParams(new URLSearchParams())}>
                Clear all filters
              </Button>
            )}
            {query.company && (
              <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-3 py-1 text-sm dark:bg-slate-800">
                Company: {companyName ?? "selected company"}
                <button type="button" aria-label="Remove the company filter" onClick={() => update({ company: null })} className="rounded-full p-0.5 hover:bg-slate-200 dark:hover:bg-slate-700">
                  <X aria-hidden className="size-3" />
                </button>
              </span>
            )}
          </div>
        </form>

        <section aria-labelledby="results-title" aria-busy={jobs.isFetching} className="space-y-4">
          <h2 id="results-title" className="sr-only">
            Results
          </h2>
          {jobs.isPending ? (
            <Spinner label="Loading jobs" />
          ) : jobs.isError ? (
            <Alert title="Could not load jobs">
              {isApiError(jobs.error) && jobs.error.fieldErrors.length > 0
                ? jobs.error.fieldErrors.map((f) => `${f.field}: ${f.message}`).join("; ")
                : errorMessage(jobs.error)}
              <div className="mt-2 flex gap-2">
                <Button variant="secondary" onClick={() => void jobs.refetch()}>
                  Try again
                </Button>
                {active.length > 0 && (
                  <Button variant="secondary" onClick={() => setParams(new URLSearchParams())}>
                    Clear filters
                  </Button>
                )}
              </div>
            </Alert>
          ) : data && data.items.length === 0 ? (
            <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
              <p className="font-medium">No jobs match {active.length > 0 ? "these filters" : "right now"}.</p>
              {active.length > 0 ? (
                <Button variant="secondary" className="mt-3" onClick={() => setParams(new URLSearchParams())}>
                  Clear filters
                </Button>
              ) : (
                <p className="text-sm text-slate-600 dark:text-slate-400">New roles are published all the time: check back soon.</p>
              )}
            </div>
          ) : data ? (
            <>
              <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
                {data.total === 1 ? "1 job" : `${data.total} jobs`}
              </p>
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
              {pages > 1 && (
                <nav aria-label="Pages" className="flex items-center justify-between gap-2">
                  <Button variant="secondary" disabled={data.page <= 1} onClick={() => update({ page: String(data.page - 1) })}>
                    <ChevronLeft aria-hidden className="size-4" /> Previous
                  </Button>
                  <span className="text-sm" aria-current="page">
                    Page {data.page} of {pages}
                  </span>
                  <Button variant="secondary" disabled={data.page >= pages} onClick={() => update({ page: String(data.page + 1) })}>
                    Next <ChevronRight aria-hidden className="size-4" />
                  </Button>
                </nav>
              )}
            </>
          ) : null}
        </section>
      </div>
    </PublicLayout>
  );
}
