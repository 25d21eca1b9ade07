import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Users } from "lucide-react";
import { Link, useParams } from "react-router";
import { getPublicJob } from "../../api/publicJobs";
import { useSignedIn } from "../../auth/useSignedIn";
import { PublicLayout } from "../../components/public/PublicLayout";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";
import { ApplyForm } from "./ApplyForm";
import { JobMeta, TagList } from "./JobMeta";
import { SaveJobToggle } from "./SaveJobToggle";

/** `/jobs/:id`: one job of the board (`GET /api/public/jobs/{id}`) and its apply form. */
export function JobPage() {
  const { id = "" } = useParams();
  const { signedIn } = useSignedIn();
  const job = useQuery({ queryKey: ["public-job", id], queryFn: () => getPublicJob(id) });

  return (
    <PublicLayout>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8">
        <Link to="/jobs" className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          <ArrowLeft aria-hidden className="size-4" /> All jobs
        </Link>
        {job.isPending ? (
          <Spinner label="Loading the job" />
        ) : job.isError ? (
          isApiError(job.error) && (job.error.status === 404 || job.error.status === 400) ? (
            <Alert title="This job is not available">
              It may have been filled or closed, or the link is wrong.{" "}
              <Link to="/jobs" className="underline">
                See the open jobs
              </Link>
              .
            </Alert>
          ) : (
            <Alert title="Could not load the job">
              {errorMessage(job.error)}
              <div className="mt-2">
                <Button variant="secondary" onClick={() => void job.refetch()}>
                  Try again
                </Button>
              </div>
            </Alert>
          )
        ) : (
          <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
            <article aria-labelledby="job-title" className="space-y-4">
              <header className="space-y-2">
                <p className="text-sm font-medium text-slate-600 dark:text-slate-400">
                  {job.data.company.name}
                  {job.data.department && ` · ${job.data.department}`}
                </p>
                <h1 id="job-title" className="text-3xl font-bold text-slate-900 dark:text-white">
                  {job.data.title}
                </h1>
                <JobMeta job={job.data} />
                <p className="flex items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
                  <Users aria-hidden className="size-4" />
                  {job.data.positions === 1 ? "1 opening" : `${job.data.positions} openings`} · Ref. {job.data.reference} · Posted{" "}
                  <time dateTime={job.data.published_at}>{new Date(job.data.published_at).toLocaleDateString()}</time>
                </p>
                <TagList tags={job.data.tags} />
                <SaveJobToggle jobId={job.data.id} />
              </header>
              {/* Plain text, never HTML. */}
              <div className="whitespace-pre-wrap text-slate-800 dark:text-slate-200">{job.data.description}</div>
            </article>
            <aside className="h-fit rounded-xl border border-slate-200 bg-white p-5 shadow-sm lg:sticky lg:top-20 dark:border-slate-800 dark:bg-slate-900">
              <ApplyForm jobId={job.data.id} jobTitle={job.data.title} signedIn={signedIn} />
            </aside>
          </div>
        )}
      </div>
    </PublicLayout>
  );
}
