import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { closeJob, getJob, publishJob, reopenJob, unpublishJob } from "../../../api/recruiting";
import type { JobDetails } from "../../../api/types";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { SelectField } from "../../../components/ui/SelectField";
import { Spinner } from "../../../components/ui/Spinner";
import { TextArea } from "../../../components/ui/TextArea";
import { employmentTypes, experienceLabel, labelOf, workModes } from "../../../lib/jobLabels";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { daysLabel, formatDate } from "../format";
import { closeReasons, jobKinds, jobStatuses, priorities, wordFor } from "../labels";
import { AgencySharing } from "./AgencySharing";
import { jobKey } from "./jobQueries";
import { JobTeam } from "./JobTeam";
import { StageEditor } from "./StageEditor";
import { Fact } from "../Fact";

export { jobKey } from "./jobQueries";

/**
 * `/recruiting/jobs/:id`: the job, its status actions (publish, unpublish, close, reopen), links to edit and the
 * pipeline, and its setup: team, agency sharing and stages.
 */
export function JobDetailPage() {
  const { id = "" } = useParams();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const job = useQuery({ queryKey: jobKey(id), queryFn: () => getJob(id) });
  const [closing, setClosing] = useState(false);

  const action = useMutation({
    mutationFn: (run: () => Promise<JobDetails>) => run(),
    onSuccess: (updated) => {
      queryClient.setQueryData(jobKey(id), updated);
      void queryClient.invalidateQueries({ queryKey: ["recruiting", "jobs"] });
    },
  });

  if (job.isPending) return <Spinner label="Loading the job" />;
  if (job.isError) {
    const gone = isApiError(job.error) && job.error.status === 404;
    return <Alert title={gone ? "Job not found" : "Could not load the job"}>{gone ? "It does not exist or is not visible to you." : errorMessage(job.error)}</Alert>;
  }
  const j = job.data;
  // Only the owner company edits; a sharing agency would get 403 not_job_owner.
  const owner = can(me, "jobs:write") && !j.shared;
  const busy = action.isPending;

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {j.reference} · {wordFor(jobKinds, j.kind)} · {j.company.name}
          </p>
          <h1 className="text-xl font-semibold">{j.title}</h1>
          <p className="text-sm">
            {wordFor(jobStatuses, j.status)}
            {j.close_reason && ` (${wordFor(closeReasons, j.close_reason)})`} · {j.published ? "published on the job board" : "not published"} · open for{" "}
            {j.opened_at ? daysLabel(j.ageing_days) : "— (never opened)"}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(me, "applications:read") && (
            <Link to={`/recruiting/jobs/${j.id}/pipeline`} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
              Pipeline
            </Link>
          )}
          {owner && (
            <>
              <Link to={`/recruiting/jobs/${j.id}/edit`} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                Edit
              </Link>
              {j.status !== "closed" && !j.published && (
                <Button disabled={busy} onClick={() => action.mutate(() => publishJob(j.id))}>
                  Publish
                </Button>
              )}
              {j.published && (
                <Button variant="secondary" disabled={busy} onClick={() => action.mutate(() => unpublishJob(j.id))}>
                  Unpublish
                </Button>
              )}
              {j.status !== "closed" ? (
                <Button variant="secondary" disabled={busy} onClick={() => setClosing(true)}>
                  Close
                </Button>
              ) : (
                <Button disabled={busy} onClick={() => action.mutate(() => reopenJob(j.id))}>
                  Reopen
                </Button>
              )}
            </>
          )}
        </div>
      </header>
      {action.isError && <Alert>{errorMessage(action.error)}</Alert>}

      <dl className="grid gap-3 rounded-lg border border-slate-200 p-4 text-sm sm:grid-cols-3 dark:border-slate-800">
        <Fact label="Priority">{wordFor(priorities, j.priority)}</Fact>
        <Fact label="Client">{j.client_name ?? "—"}</Fact>
        <Fact label="Positions">{j.positions}</Fact>
        <Fact label="Location">{[j.location, labelOf(workModes, j.work_mode)].filter(Boolean).join(" · ") || "—"}</Fact>
        <Fact label="Employment">{labelOf(employmentTypes, j.employment_type) ?? "—"}</Fact>
        <Fact label="Experience">{experienceLabel(j.experience_min, j.experience_max) ?? "—"}</Fact>
        <Fact label="Manager">{j.manager?.full_name ?? "—"}</Fact>
        <Fact label="Opened">{j.opened_at ? formatDate(j.opened_at) : "—"}</Fact>
        <Fact label="Budget">
          {j.budget_min != null || j.budget_max != null ? `${j.budget_min ?? "…"}–${j.budget_max ?? "…"} ${j.budget_currency ?? ""}${j.budget_period ? ` / ${j.budget_period}` : ""}` : "—"}
        </Fact>
      </dl>
      {j.description && <p className="whitespace-pre-wrap text-sm">{j.description}</p>}
      <JobTeam job={j} me={me} />
      {/* shared_with comes to the owner only, and only an employer's job can be shared (an agency's is 422 not_shareable). */}
      {j.shared_with != null && !j.shared && me?.company?.type === "employer" && <AgencySharing job={j} canEdit={can(me, "jobs:write")} />}
      {/* Stage edits need pipelines:manage (the route's permission) and the owner company; a sharing agency would get 403 not_job_owner. */}
      <StageEditor jobId={j.id} canEdit={can(me, "pipelines:manage") && !j.shared} />
      {closing && (
        <CloseDialog
          onCancel={() => setClosing(false)}
          onClose={(reason, note) => {
            setClosing(false);
            action.mutate(() => closeJob(j.id, { reason, note: note || null }));
          }}
        />
      )}
    </div>
  );
}


function CloseDialog({ onCancel, onClose }: { onCancel: () => void; onClose: (reason: string, note: string) => void }) {
  const [reason, setReason] = useState("filled");
  const [note, setNote] = useState("");
  return (
    <Dialog title="Close the job" onClose={onCancel}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          onClose(reason, note.trim());
        }}
      >
        <SelectField label="Reason" options={closeReasons} value={reason} onChange={(e) => setReason(e.target.value)} />
        <TextArea label="Note (optional)" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">Close job</Button>
        </div>
      </form>
    </Dialog>
  );
}
