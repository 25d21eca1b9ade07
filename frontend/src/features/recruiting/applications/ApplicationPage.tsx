import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Star } from "lucide-react";
import { useForm } from "react-hook-form";
import { Link, useParams } from "react-router";
import { z } from "zod";
import { addFeedback, getApplication, getApplicationHistory, listFeedback } from "../../../api/recruiting";
import type { FeedbackItem, HistoryItem } from "../../../api/types";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/SelectField";
import { Spinner } from "../../../components/ui/Spinner";
import { TextArea } from "../../../components/ui/TextArea";
import { applyFieldErrors } from "../../../lib/applyFieldErrors";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { formatDateTime } from "../format";
import { ScanBadge } from "../ScanBadge";
import { Fact } from "../Fact";

export const feedbackTypes = [
  ["screening", "Screening"],
  ["interview", "Interview"],
  ["client", "Client"],
  ["general", "General"],
] as const;

/** One application: details, the stage history (oldest first) and the feedback. */
export function ApplicationPage() {
  const { id = "" } = useParams();
  const application = useQuery({ queryKey: ["recruiting", "application", id], queryFn: () => getApplication(id) });
  const history = useQuery({ queryKey: ["recruiting", "application", id, "history"], queryFn: () => getApplicationHistory(id) });

  if (application.isPending) return <Spinner label="Loading the application" />;
  if (application.isError) {
    const gone = isApiError(application.error) && application.error.status === 404;
    return <Alert title={gone ? "Application not found" : "Could not load the application"}>{gone ? "It does not exist or is not visible to you." : errorMessage(application.error)}</Alert>;
  }
  const a = application.data;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          <Link to={`/recruiting/jobs/${a.job.id}/pipeline`} className="text-indigo-600 hover:underline dark:text-indigo-400">
            {a.job.reference} · {a.job.title}
          </Link>
          {a.job.client_name && ` · ${a.job.client_name}`}
        </p>
        <h1 className="text-xl font-semibold">
          <Link to={`/recruiting/candidates/${a.candidate.id}`} className="hover:underline">
            {a.candidate.full_name}
          </Link>
        </h1>
      </header>

      <dl className="grid gap-3 rounded-lg border border-slate-200 p-4 text-sm sm:grid-cols-3 dark:border-slate-800">
        <Fact label="Stage">
          {a.stage.name} <span className="text-slate-500 dark:text-slate-400">({a.state})</span>
        </Fact>
        <Fact label="In stage">{a.days_in_stage === 1 ? "1 day" : `${a.days_in_stage} days`}</Fact>
        <Fact label="Submitted">{formatDateTime(a.submitted_at)}</Fact>
        <Fact label="Recruiter">{a.recruiter?.full_name ?? "—"}</Fact>
        <Fact label="Source">{a.source}</Fact>
        <Fact label="Verified by manager">{a.verified_by_manager ? "Yes" : "No"}</Fact>
        {a.candidate.email && <Fact label="Email">{a.candidate.email}</Fact>}
        {a.rejection_reason && <Fact label="Rejection reason">{a.rejection_reason}</Fact>}
        {a.resume && (
          <Fact label="Resume">
            {a.resume.file_name} <ScanBadge status={a.resume.virus_status} />
          </Fact>
        )}
      </dl>
      {a.cover_letter && (
        <section aria-labelledby="cover-heading">
          <h2 id="cover-heading" className="mb-2 font-semibold">
            Cover letter
          </h2>
          <p className="whitespace-pre-wrap text-sm">{a.cover_letter}</p>
        </section>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 font-semibold">
          Status history
        </h2>
        {history.isPending && <Spinner label="Loading the history" />}
        {history.isError && <Alert>{errorMessage(history.error)}</Alert>}
        {history.data && <Timeline items={history.data} />}
      </section>

      <Feedback applicationId={id} />
    </div>
  );
}


/** The history as the API keeps it: oldest first, stage names as they were then. */
function Timeline({ items }: { items: HistoryItem[] }) {
  if (items.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No history yet.</p>;
  return (
    <ol aria-label="Status history" className="space-y-3 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
      {items.map((h) => (
        <li key={h.id} className="relative text-sm">
          <span aria-hidden className="absolute -left-[1.4rem] top-1.5 size-2.5 rounded-full bg-indigo-500" />
          <p className="font-medium">{h.from_stage ? `${h.from_stage.name} → ${h.to_stage.name}` : `Entered ${h.to_stage.name}`}</p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            <time dateTime={h.changed_at}>{formatDateTime(h.changed_at)}</time> · {h.changed_by?.full_name ?? "System"}
          </p>
          {h.rejection_reason && <p>Rejection reason: {h.rejection_reason}</p>}
          {h.remarks && <p className="whitespace-pre-wrap text-slate-700 dark:text-slate-300">{h.remarks}</p>}
        </li>
      ))}
    </ol>
  );
}

const feedbackSchema = z.object({
  feedback_type: z.enum(["screening", "interview", "client", "general"]),
  rating: z.string().regex(/^[1-5]$/, "Choose a rating from 1 to 5."),
  comments: z.string().max(10000, "At most 10,000 characters."),
});
type FeedbackForm = z.infer<typeof feedbackSchema>;

function Feedback({ applicationId }: { applicationId: string }) {
  const me = useMe().data;
  const queryClient = useQueryClient();
  const key = ["recruiting", "application", applicationId, "feedback"];
  const list = useQuery({ queryKey: key, queryFn: () => listFeedback(applicationId) });
  const form = useForm<FeedbackForm>({ resolver: zodResolver(feedbackSchema), defaultValues: { feedback_type: "interview", rating: "", comments: "" } });
  const { errors } = form.formState;
  const add = useMutation({
    mutationFn: (v: FeedbackForm) => addFeedback(applicationId, { feedback_type: v.feedback_type, rating: Number(v.rating), comments: v.comments.trim() || null }),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => applyFieldErrors(error, ["feedback_type", "rating", "comments"], form.setError),
  });
  const formError = add.error && !(isApiError(add.error) && add.error.status === 422 && Object.keys(add.error.fields).some((f) => ["feedback_type", "rating", "comments"].includes(f)));

  return (
    <section aria-labelledby="feedback-heading" className="space-y-3">
      <h2 id="feedback-heading" className="font-semibold">
        Feedback
        {list.data && list.data.average_rating != null && (
          <span className="ml-2 text-sm font-normal text-slate-500 dark:text-slate-400">
            average {list.data.average_rating.toFixed(1)} / 5 from {list.data.count}
          </span>
        )}
      </h2>
      {list.isPending && <Spinner label="Loading the feedback" />}
      {list.isError && <Alert>{errorMessage(list.error)}</Alert>}
      {list.data && list.data.items.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No feedback yet.</p>}
      {list.data && list.data.items.length > 0 && (
        <ul className="space-y-2">
          {list.data.items.map((f) => (
            <FeedbackEntry key={f.id} item={f} />
          ))}
        </ul>
      )}
      {can(me, "applications:write") && (
        <form onSubmit={form.handleSubmit((v) => add.mutate(v))} noValidate className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <h3 className="text-sm font-semibold">Add feedback</h3>
          <SelectField label="Type" options={feedbackTypes} error={errors.feedback_type?.message} {...form.register("feedback_type")} />
          <fieldset aria-describedby={errors.rating ? "rating-error" : undefined}>
            <legend className="text-sm font-medium">Rating</legend>
            <div className="mt-1 flex gap-3">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="flex items-center gap-1 text-sm">
                  <input type="radio" value={String(n)} {...form.register("rating")} />
                  {n}
                </label>
              ))}
            </div>
            {errors.rating && (
              <p id="rating-error" className="text-sm text-red-600 dark:text-red-400">
                {errors.rating.message}
              </p>
            )}
          </fieldset>
          <TextArea label="Comments" error={errors.comments?.message} {...form.register("comments")} />
          {formError && <Alert>{errorMessage(add.error)}</Alert>}
          <Button type="submit" disabled={add.isPending}>
            {add.isPending ? "Saving…" : "Add feedback"}
          </Button>
        </form>
      )}
    </section>
  );
}

function FeedbackEntry({ item }: { item: FeedbackItem }) {
  return (
    <li className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{item.author.full_name}</span>
        <span className="text-slate-500 dark:text-slate-400">{item.feedback_type}</span>
        <span className="inline-flex items-center gap-0.5" aria-label={`Rated ${item.rating} of 5`}>
          {[1, 2, 3, 4, 5].map((n) => (
            <Star key={n} aria-hidden className={n <= item.rating ? "size-3.5 fill-amber-400 text-amber-400" : "size-3.5 text-slate-300"} />
          ))}
        </span>
        <time dateTime={item.created_at} className="text-xs text-slate-500 dark:text-slate-400">
          {formatDateTime(item.created_at)}
        </time>
      </p>
      {item.comments && <p className="mt-1 whitespace-pre-wrap">{item.comments}</p>}
    </li>
  );
}
