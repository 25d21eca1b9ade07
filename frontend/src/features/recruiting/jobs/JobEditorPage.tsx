import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useNavigate, useParams } from "react-router";
import { z } from "zod";
import { createJob, getJob, updateJob } from "../../../api/recruiting";
import type { CreateJobRequest, JobDetails } from "../../../api/types";
import { useMe } from "../../../auth/useMe";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/SelectField";
import { Spinner } from "../../../components/ui/Spinner";
import { TextArea } from "../../../components/ui/TextArea";
import { TextField } from "../../../components/ui/TextField";
import { applyFieldErrors } from "../../../lib/applyFieldErrors";
import { errorMessage } from "../../../lib/errorMessages";
import { employmentTypes, workModes } from "../../../lib/jobLabels";
import { isApiError } from "../../../services/apiError";
import { jobKinds, priorities } from "../labels";
import { jobKey } from "./jobQueries";

const TEXT = ["title", "description", "reference", "department", "location", "client_name", "client_spoc", "end_customer", "account", "budget_currency", "notes"] as const;
const CHOICE = ["work_mode", "employment_type", "budget_period"] as const;
const NUMBER = ["positions", "budget_min", "budget_max", "experience_min", "experience_max"] as const;

const schema = z.object({
  kind: z.string(),
  status: z.string(),
  priority: z.string(),
  tags: z.string(),
  ...Object.fromEntries([...TEXT, ...CHOICE, ...NUMBER].map((f) => [f, z.string()])),
  title: z.string().trim().min(1, "A title is required.").max(200, "At most 200 characters."),
}) as unknown as z.ZodType<Values>;
type Values = Record<(typeof TEXT)[number] | (typeof CHOICE)[number] | (typeof NUMBER)[number] | "kind" | "status" | "priority" | "tags", string>;
const FIELDS = [...TEXT, ...CHOICE, ...NUMBER, "kind", "status", "priority", "tags"] as const;

function toValues(job?: JobDetails): Values {
  const out = {} as Values;
  for (const f of FIELDS) {
    const v = job ? (job as unknown as Record<string, unknown>)[f] : undefined;
    out[f] = v == null ? "" : Array.isArray(v) ? v.join(", ") : String(v);
  }
  if (!job) {
    out.kind = "opening";
    out.status = "draft";
    out.priority = "medium";
    out.positions = "1";
  }
  return out;
}

/** The request body: blanks are null (clearing on edit), numbers parsed, tags split on commas. */
function toBody(v: Values): CreateJobRequest {
  const body: Record<string, unknown> = {};
  for (const f of [...TEXT, ...CHOICE]) body[f] = v[f].trim() || null;
  for (const f of NUMBER) body[f] = v[f].trim() === "" ? null : Number(v[f]);
  body.priority = v.priority;
  body.tags = v.tags.split(",").map((t) => t.trim()).filter(Boolean);
  return body as CreateJobRequest;
}

/** `/recruiting/jobs/new` and `/recruiting/jobs/:id/edit`: `POST /api/jobs` or `PATCH /api/jobs/{id}`. */
export function JobEditorPage() {
  const { id } = useParams();
  const existing = useQuery({ queryKey: jobKey(id ?? ""), queryFn: () => getJob(id!), enabled: !!id });
  if (id && existing.isPending) return <Spinner label="Loading the job" />;
  if (id && existing.isError) return <Alert title="Could not load the job">{errorMessage(existing.error)}</Alert>;
  return <JobForm job={existing.data} />;
}

function JobForm({ job }: { job?: JobDetails | undefined }) {
  const me = useMe().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: toValues(job) });
  const { errors } = form.formState;
  const kind = form.watch("kind");
  const agency = me?.company?.type === "agency";

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = toBody(v);
      if (job) return updateJob(job.id, body);
      return createJob({ ...body, kind: v.kind, status: v.status });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(jobKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ["recruiting", "jobs"] });
      navigate(`/recruiting/jobs/${saved.id}`);
    },
    onError: (error) => {
      applyFieldErrors(error, FIELDS, form.setError);
      if (isApiError(error, "reference_taken")) form.setError("reference", { type: "server", message: errorMessage(error) });
    },
  });
  const unplaced = save.error && !(isApiError(save.error) && (save.error.code === "reference_taken" || save.error.fieldErrors.some((f) => (FIELDS as readonly string[]).includes(f.field))));
  const err = (f: keyof Values) => errors[f]?.message;

  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate className="mx-auto max-w-3xl space-y-5">
      <h1 className="text-xl font-semibold">{job ? `Edit ${job.reference}` : "New job"}</h1>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-medium">The job</legend>
        {!job && (
          <>
            <SelectField label="Kind" options={agency ? jobKinds : jobKinds.filter(([k]) => k === "opening")} error={err("kind")} {...form.register("kind")} />
            <SelectField label="Start as" options={[["draft", "Draft"], ["open", "Open"]]} error={err("status")} {...form.register("status")} />
          </>
        )}
        <div className="sm:col-span-2">
          <TextField label="Title" required error={err("title")} {...form.register("title")} />
        </div>
        <TextField label="Reference" hint="Leave empty for the next number" error={err("reference")} {...form.register("reference")} />
        <SelectField label="Priority" options={priorities} error={err("priority")} {...form.register("priority")} />
        <TextField label="Department" error={err("department")} {...form.register("department")} />
        <TextField label="Location" error={err("location")} {...form.register("location")} />
        <SelectField label="Work mode" options={[["", "—"], ...Object.entries(workModes)]} error={err("work_mode")} {...form.register("work_mode")} />
        <SelectField label="Employment type" options={[["", "—"], ...Object.entries(employmentTypes)]} error={err("employment_type")} {...form.register("employment_type")} />
        <TextField label="Positions" type="number" min={1} error={err("positions")} {...form.register("positions")} />
        <TextField label="Tags" hint="Separated by commas" error={err("tags")} {...form.register("tags")} />
        <TextField label="Experience from (years)" type="number" step="0.1" min={0} error={err("experience_min")} {...form.register("experience_min")} />
        <TextField label="Experience to (years)" type="number" step="0.1" min={0} error={err("experience_max")} {...form.register("experience_max")} />
        <div className="sm:col-span-2">
          <TextArea label="Description" rows={6} error={err("description")} {...form.register("description")} />
        </div>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-medium">Client{kind === "requirement" ? " (required for a requirement)" : ""}</legend>
        <TextField label="Client name" error={err("client_name")} {...form.register("client_name")} />
        <TextField label="Client SPOC" error={err("client_spoc")} {...form.register("client_spoc")} />
        <TextField label="End customer" error={err("end_customer")} {...form.register("end_customer")} />
        <TextField label="Account" error={err("account")} {...form.register("account")} />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-4">
        <legend className="mb-2 font-medium">Budget</legend>
        <TextField label="Budget from" type="number" step="0.01" min={0} error={err("budget_min")} {...form.register("budget_min")} />
        <TextField label="Budget to" type="number" step="0.01" min={0} error={err("budget_max")} {...form.register("budget_max")} />
        <TextField label="Currency" maxLength={3} error={err("budget_currency")} {...form.register("budget_currency")} />
        <SelectField
          label="Per"
          options={[["", "—"], ["year", "Year"], ["month", "Month"], ["day", "Day"], ["hour", "Hour"]]}
          error={err("budget_period")}
          {...form.register("budget_period")}
        />
      </fieldset>
      <TextArea label="Internal notes" error={err("notes")} {...form.register("notes")} />
      {unplaced && <Alert>{errorMessage(save.error)}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : job ? "Save changes" : "Create job"}
        </Button>
        <Button variant="secondary" onClick={() => navigate(job ? `/recruiting/jobs/${job.id}` : "/recruiting/jobs")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
