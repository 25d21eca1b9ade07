import type { ApplicationItem, Me } from "../../../api/types";
import { can } from "../../../auth/permissions";
import { FilterBar } from "../../../components/list/FilterBar";
import { FilterChip } from "../../../components/list/FilterChip";
import { useTypedFilters } from "../../../components/list/useUrlFilters";
import { SelectField } from "../../../components/ui/SelectField";
import { TextField } from "../../../components/ui/TextField";
import { any } from "../labels";
import { applicationSorts, applicationStates, filterLabels, TEXT_FILTERS, verifiedChoices, type ApplicationFilter, type FilterValues } from "./applicationFilters";
import { JobStageSelects } from "./JobStageSelects";

interface Props {
  me: Me | undefined;
  values: FilterValues;
  update: (change: Partial<Record<ApplicationFilter | "page", string | null>>) => void;
  clear: () => void;
  active: boolean;
  resetKey: string;
  /** The listed applications, whose names label the id filters. */
  items: readonly ApplicationItem[];
  /** A 422's messages by parameter name. */
  errors: Readonly<Record<string, string>>;
}

/** The applications list's filter form; ids set from a row (candidate, or job and stage without `jobs:read`) show as chips. */
export function ApplicationFilters({ me, values, update, clear, active, resetKey, items, errors }: Props) {
  const { formRef, typed } = useTypedFilters(TEXT_FILTERS);
  const canJobs = can(me, "jobs:read");
  const change = (name: ApplicationFilter, value: string | null) => update({ ...typed(), [name]: value });

  // Names for the ids, from a listed application that matches (the list may still show the previous filter's rows).
  const candidate = items.find((i) => i.candidate.id === values.candidate_id)?.candidate.full_name;
  const job = items.find((i) => i.job.id === values.job_id)?.job.title;
  const stage = items.find((i) => i.stage.id === values.stage_id)?.stage.name;
  const recruiter = items.find((i) => i.recruiter?.id === values.recruiter_id)?.recruiter?.full_name;

  // [parameter, who or what it names]
  const chips: [ApplicationFilter, string][] = [];
  if (values.candidate_id) chips.push(["candidate_id", candidate ?? "the selected candidate"]);
  if (!canJobs && values.job_id) chips.push(["job_id", job ?? "the selected job"]);
  if (!canJobs && values.stage_id) chips.push(["stage_id", stage ?? "the selected stage"]);
  if (values.recruiter_id && values.recruiter_id !== me?.id) chips.push(["recruiter_id", recruiter ?? "another user"]);
  if (values.manager_id && values.manager_id !== me?.id) chips.push(["manager_id", "another user"]);

  return (
    <FilterBar
      label="Filter applications"
      resetKey={resetKey}
      formRef={formRef}
      onSubmit={() => update(typed())}
      onClear={active ? clear : undefined}
      extra={chips.map(([name, who]) => (
        <FilterChip key={name} removeLabel={`Remove the ${filterLabels[name]!.toLowerCase()} filter`} onRemove={() => change(name, null)}>
          {filterLabels[name]}: {who}
        </FilterChip>
      ))}
    >
      <TextField label="Candidate" name="q" type="search" hint="Name or email" defaultValue={values.q ?? ""} error={errors.q} />
      {canJobs && (
        <JobStageSelects
          jobId={values.job_id}
          stageId={values.stage_id}
          // A stage belongs to one job: changing the job drops it.
          onJob={(jobId) => update({ ...typed(), job_id: jobId, stage_id: null })}
          onStage={(stageId) => change("stage_id", stageId)}
          knownJobTitle={job}
          knownStageName={stage}
          errors={errors}
        />
      )}
      <SelectField label="Status" options={any(applicationStates)} value={values.state ?? ""} onChange={(e) => change("state", e.target.value)} error={errors.state} />
      <TextField label="Client" name="client" defaultValue={values.client ?? ""} error={errors.client} />
      <TextField label="Applied from" name="submitted_from" type="date" defaultValue={values.submitted_from ?? ""} error={errors.submitted_from} />
      <TextField label="Applied to" name="submitted_to" type="date" defaultValue={values.submitted_to ?? ""} error={errors.submitted_to} />
      <SelectField label="Verified by manager" options={verifiedChoices} value={values.verified ?? ""} onChange={(e) => change("verified", e.target.value)} error={errors.verified} />
      <SelectField label="Sort by" options={applicationSorts} value={values.sort ?? ""} onChange={(e) => change("sort", e.target.value)} error={errors.sort} />
      {me && (
        <fieldset className="flex flex-col justify-end gap-1 text-sm">
          <legend className="sr-only">Mine</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={values.recruiter_id === me.id} onChange={(e) => change("recruiter_id", e.target.checked ? me.id : null)} />
            Recruited by me
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={values.manager_id === me.id} onChange={(e) => change("manager_id", e.target.checked ? me.id : null)} />
            On jobs I manage
          </label>
        </fieldset>
      )}
    </FilterBar>
  );
}
