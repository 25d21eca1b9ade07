import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { listSavedJobs, unsaveJob } from "../../api/candidateSelf";
import { EmptyState } from "../../components/list/EmptyState";
import { ListState } from "../../components/list/ListState";
import { Pager } from "../../components/list/Pager";
import { useUrlFilters } from "../../components/list/useUrlFilters";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { errorMessage } from "../../lib/errorMessages";

/** `/me/saved-jobs`: `GET /api/candidate/saved-jobs` (newest first), remove with DELETE. */
export function SavedJobsPage() {
  const { page, update } = useUrlFilters([]);
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
      <ListState
        query={saved}
        pendingLabel="Loading saved jobs"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState
            message={
              <>
                No saved jobs. <Link to="/jobs" className="text-indigo-600 underline dark:text-indigo-400">Browse jobs</Link>
              </>
            }
          />
        }
      >
        {(data) => (
          <>
            <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
              {data.items.map(({ job, saved_at }) => (
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
            <Pager page={page} total={data.total} perPage={data.per_page} onPage={(p) => update({ page: String(p) })} />
          </>
        )}
      </ListState>
    </div>
  );
}
