import { useQuery } from "@tanstack/react-query";
import { listJobStages, listJobs, type JobListQuery } from "../../../api/recruiting";
import { stagesKey } from "../jobs/jobQueries";
import { SelectField } from "../../../components/ui/SelectField";
import { errorMessage } from "../../../lib/errorMessages";

// The API pages jobs by at most 100: the select offers the first 100 by title and says so when there are more.
const JOB_CHOICES: JobListQuery = { sort: "title", page: 1, per_page: 100 };

interface Props {
  jobId: string | undefined;
  stageId: string | undefined;
  onJob: (jobId: string) => void;
  onStage: (stageId: string) => void;
  /** Names for ids in the URL that the choices may not hold (taken from the listed applications). */
  knownJobTitle?: string | undefined;
  knownStageName?: string | undefined;
  errors: Readonly<Record<string, string>>;
}

/** Job and stage filters as selects, fed by `GET /api/jobs` and the chosen job's `GET /api/jobs/{id}/stages` (both `jobs:read`). */
export function JobStageSelects({ jobId, stageId, onJob, onStage, knownJobTitle, knownStageName, errors }: Props) {
  const jobs = useQuery({ queryKey: ["recruiting", "jobs", JOB_CHOICES], queryFn: () => listJobs(JOB_CHOICES) });
  const stages = useQuery({ queryKey: stagesKey(jobId ?? ""), queryFn: () => listJobStages(jobId!), enabled: !!jobId });

  const jobOptions: [string, string][] = (jobs.data?.items ?? []).map((j) => [j.id, `${j.title} (${j.reference})`]);
  if (jobId && !jobOptions.some(([id]) => id === jobId)) jobOptions.unshift([jobId, knownJobTitle ?? "The selected job"]);
  const jobHint = jobs.isError
    ? `The jobs could not be loaded: ${errorMessage(jobs.error)}`
    : jobs.data && jobs.data.total > jobs.data.items.length
      ? `The first ${jobs.data.items.length} of ${jobs.data.total} jobs, by title.`
      : undefined;

  const stageOptions: [string, string][] = (stages.data ?? []).map((s) => [s.id, s.name]);
  if (stageId && !stageOptions.some(([id]) => id === stageId)) stageOptions.unshift([stageId, knownStageName ?? "The selected stage"]);
  const stageHint = !jobId ? "Choose a job first: each job has its own stages." : stages.isError ? `The stages could not be loaded: ${errorMessage(stages.error)}` : undefined;

  return (
    <>
      <div className="sm:col-span-2">
        <SelectField label="Job" options={[["", jobs.isPending ? "Loading jobs…" : "Any job"], ...jobOptions]} value={jobId ?? ""} onChange={(e) => onJob(e.target.value)} hint={jobHint} error={errors.job_id} />
      </div>
      <SelectField
        label="Stage"
        options={[["", "Any stage"], ...stageOptions]}
        value={stageId ?? ""}
        disabled={!jobId && !stageId}
        onChange={(e) => onStage(e.target.value)}
        hint={stageHint}
        error={errors.stage_id}
      />
    </>
  );
}
