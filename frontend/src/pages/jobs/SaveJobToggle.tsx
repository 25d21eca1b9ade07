import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bookmark, BookmarkCheck } from "lucide-react";
import clsx from "clsx";
import { useState } from "react";
import { Link } from "react-router";
import { getSavedJob, saveJob, unsaveJob } from "../../api/candidateSelf";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { useSignedIn } from "../../auth/useSignedIn";
import { Button } from "../../components/ui/Button";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

/** Whether this job is saved; the saved-jobs list (`SavedJobsPage`) lives under ["candidate-self", "saved-jobs", page]. */
const savedJobKey = (jobId: string) => ["candidate-self", "saved-job", jobId] as const;
const savedJobsListKey = ["candidate-self", "saved-jobs"] as const;

/**
 * "Save job" on the public job page: a toggle for signed-in candidates
 * (`candidate:self`), a sign-in link for visitors, nothing for other roles.
 */
export function SaveJobToggle({ jobId }: { jobId: string }) {
  const { signedIn, pending } = useSignedIn();
  if (pending) return null;
  if (!signedIn) {
    return (
      <Link
        to={`/sign-in?next=${encodeURIComponent(`/jobs/${jobId}`)}`}
        className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
      >
        <Bookmark aria-hidden className="size-4" /> Sign in to save
      </Link>
    );
  }
  return <ForCandidates jobId={jobId} />;
}

function ForCandidates({ jobId }: { jobId: string }) {
  const me = useMe();
  // Staff and admins have no saved jobs (the API would answer 403): they see nothing.
  if (!can(me.data, "candidate:self")) return null;
  return <Toggle jobId={jobId} />;
}

function Toggle({ jobId }: { jobId: string }) {
  const queryClient = useQueryClient();
  const key = savedJobKey(jobId);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const state = useQuery({
    queryKey: key,
    queryFn: async () => {
      try {
        await getSavedJob(jobId);
        return true;
      } catch (e) {
        // 404 is the API's "not saved".
        if (isApiError(e) && e.status === 404) return false;
        throw e;
      }
    },
  });
  const toggle = useMutation({
    mutationFn: async (save: boolean) => {
      if (save) await saveJob(jobId);
      else {
        try {
          await unsaveJob(jobId);
        } catch (e) {
          // 404 = not saved (any more): what was asked for is already true.
          if (!(isApiError(e) && e.status === 404)) throw e;
        }
      }
      return save;
    },
    onMutate: async (save) => {
      setError(null);
      setAnnouncement("");
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<boolean>(key);
      queryClient.setQueryData(key, save);
      return { previous };
    },
    onSuccess: (save) => setAnnouncement(save ? "Job saved." : "Job removed from your saved jobs."),
    onError: (e, save, context) => {
      queryClient.setQueryData(key, context?.previous);
      setError(save && isApiError(e) && e.status === 404 ? "This job is no longer on the board, so it can't be saved." : errorMessage(e));
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedJobsListKey }),
  });

  if (state.isError) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        Could not check your saved jobs: {errorMessage(state.error)}{" "}
        <button type="button" className="font-medium underline" onClick={() => void state.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  const saved = state.data === true;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button
        variant="secondary"
        aria-pressed={saved}
        disabled={state.isPending}
        // Not disabled while the change travels, so focus stays on the button; extra clicks wait for it.
        aria-busy={toggle.isPending || undefined}
        onClick={() => {
          if (!toggle.isPending) toggle.mutate(!saved);
        }}
        className={clsx(saved && "border-indigo-400 bg-indigo-50 text-indigo-800 dark:border-indigo-600 dark:bg-indigo-950 dark:text-indigo-200")}
      >
        {saved ? <BookmarkCheck aria-hidden className="size-4 fill-current" /> : <Bookmark aria-hidden className="size-4" />}
        Save job
      </Button>
      {saved && (
        <Link to="/me/saved-jobs" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Your saved jobs
        </Link>
      )}
      <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {announcement}
      </span>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
