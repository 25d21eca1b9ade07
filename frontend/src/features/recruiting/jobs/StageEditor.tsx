import { useQuery } from "@tanstack/react-query";
import { listJobStages } from "../../../api/recruiting";
import { Alert } from "../../../components/ui/Alert";
import { Spinner } from "../../../components/ui/Spinner";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { stagesKey } from "./jobQueries";
import { StageForm } from "./StageForm";
import { applications } from "./StageRow";
import { toRows } from "./stageEdit";

/**
 * The job's pipeline stages (`GET /api/jobs/{id}/stages`, with their
 * application counts). Editable only by the job's own company with
 * `pipelines:manage`; everyone else sees the list.
 */
export function StageEditor({ jobId, canEdit }: { jobId: string; canEdit: boolean }) {
  const stages = useQuery({ queryKey: stagesKey(jobId), queryFn: () => listJobStages(jobId) });

  return (
    <section aria-labelledby="stages-heading" className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="stages-heading" className="font-semibold">
        Pipeline stages
      </h2>
      {stages.isPending ? (
        <Spinner label="Loading the stages" />
      ) : stages.isError ? (
        <Alert title="Could not load the stages">
          {isApiError(stages.error) && stages.error.status === 404 ? "This job does not exist or is not visible to you." : errorMessage(stages.error)}
        </Alert>
      ) : canEdit ? (
        <StageForm jobId={jobId} stages={stages.data} />
      ) : stages.data.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">This job has no stages.</p>
      ) : (
        <ol className="space-y-1 text-sm">
          {toRows(stages.data).map((s, i) => (
            <li key={s.stageId} className="flex flex-wrap gap-x-2">
              <span className="w-6 text-slate-500 dark:text-slate-400">{i + 1}.</span>
              <span className="font-medium">{s.name}</span>
              {s.kind !== "active" && <span className="text-xs text-slate-500 dark:text-slate-400">(terminal: {s.kind})</span>}
              <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">{applications(s.count)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
