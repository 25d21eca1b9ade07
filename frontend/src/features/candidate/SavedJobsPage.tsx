import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { listSavedJobs, unsaveJob } from "../../api/candidateSelf";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { errorMessage } from "../../lib/errorMessages";
import { Pager } from "../recruiting/Pager";

/** `/me/saved-jobs`: `GET /api/candidate/saved-jobs` (newest first), remove with DELETE. */
export function SavedJobsPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("page")) || 1);
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: ["candidate-self", "saved-jobs", page], queryFn: () => listSavedJobs(page) });
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: unsaveJob,
    onMutate: () => setError(null),
    onError: (e) => setError(errorMessage(e)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["candidate-self", "saved-jobs"] }),
  });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Saved jobs</h1>
      {error && <Alert>{error}</Alert>}
      {saved.isPending ? (
        <Spinner label="Loading saved jobs" />
      ) : saved.isError ? (
        <Alert>{errorMessage(saved.error)}</Alert>
      ) : saved.data.items.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No saved jobs. <Link to="/jobs" className="text-indigo-600 underline dark:text-indigo-400">Browse jobs</Link>
        </p>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {saved.data.items.map(({ job, saved_at }) => (
              <li key={job.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <div>
                  {job.published ? (
                    <Link to={`/jobs/${job.id}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                      {job.title}
                    </Link>
                  ) : (
                    <p className="font-medium">{job.title}</p>
                  )}
                  <p className="text-sm text-slate-500 dark:text-slate-400">
                    {[job.company_name, job.location].filter(Boolean).join(" · ")} · saved {new Date(saved_at).toLocaleDateString()}
                    {!job.published && " · no longer on the board"}
                  </p>
                </div>
                <Button variant="ghost" aria-label={`Remove ${job.title}`} disabled={remove.isPending} onClick={() => remove.mutate(job.id)}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          <Pager page={page} total={saved.data.total} perPage={saved.data.per_page} onPage={(p) => setParams({ page: String(p) })} />
        </>
      )}
    </div>
  );
}
