import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { updateCandidate } from "../../../api/recruiting";
import type { CandidateProfile } from "../../../api/types";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/SelectField";
import { TextArea } from "../../../components/ui/TextArea";
import { TextField } from "../../../components/ui/TextField";
import { applyFieldErrors } from "../../../lib/applyFieldErrors";
import { errorMessage } from "../../../lib/errorMessages";
import { ApiError, isApiError } from "../../../services/apiError";
import { any, candidateSources } from "../labels";
import { leftoverError } from "../problems";
import { changedBody, editSchema, formPaths, toEditValues, toFormPath, type EditValues } from "./candidateEditForm";
import { EducationFields, ExperienceFields, SkillsFields } from "./EditListFields";
import { candidateKey } from "./queryKeys";

type Problem = { kind: "duplicate"; error: ApiError } | { kind: "message"; text: string } | null;

/**
 * `PATCH /api/candidates/{id}` for a profile the caller's company owns. Only
 * changed fields are sent; 422s land on their inputs (nested ones such as
 * `skills[1].name` on that row), 409 `duplicate_candidate` links to the other
 * profile, 403 `not_candidate_owner` and the rest are worded.
 */
export function CandidateEditForm({ candidate, onDone }: { candidate: CandidateProfile; onDone: (saved: boolean) => void }) {
  const queryClient = useQueryClient();
  // The baseline stays what the form opened with, even if the profile is refetched meanwhile.
  const [initial] = useState(() => toEditValues(candidate));
  const form = useForm<EditValues>({ resolver: zodResolver(editSchema), defaultValues: initial });
  const { errors } = form.formState;
  const [problem, setProblem] = useState<Problem>(null);
  const [unchanged, setUnchanged] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const save = useMutation({
    mutationFn: (values: EditValues) => updateCandidate(candidate.id, changedBody(initial, values)),
    onSuccess: (answer) => {
      queryClient.setQueryData(candidateKey(answer.id), answer);
      void queryClient.invalidateQueries({ queryKey: ["recruiting", "candidates"] });
      void queryClient.invalidateQueries({ queryKey: ["recruiting", "search"] });
      onDone(true);
    },
    onError: (error, values) => {
      if (isApiError(error, "duplicate_candidate")) return setProblem({ kind: "duplicate", error });
      if (isApiError(error) && error.fieldErrors.length > 0) {
        const paths = formPaths(values);
        const renamed = new ApiError({ status: error.status, code: error.code, detail: error.detail, fieldErrors: error.fieldErrors.map((f) => ({ ...f, field: toFormPath(f.field) })) });
        const landed = applyFieldErrors(renamed, paths, form.setError);
        const rest = leftoverError(renamed, paths);
        return setProblem({ kind: "message", text: rest ?? (landed ? "Some fields need attention." : errorMessage(error)) });
      }
      setProblem({ kind: "message", text: errorMessage(error) });
    },
  });

  const submit = form.handleSubmit((values) => {
    setProblem(null);
    const body = changedBody(initial, values);
    setUnchanged(Object.keys(body).length === 0);
    if (Object.keys(body).length > 0) save.mutate(values);
  });

  const text = (name: Parameters<typeof form.register>[0], label: string, error: string | undefined, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField label={label} error={error} {...extra} {...form.register(name)} />
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="edit-profile-title" className="space-y-6 rounded-xl border border-indigo-200 bg-white p-4 dark:border-indigo-900 dark:bg-slate-900">
      <h2 id="edit-profile-title" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        Edit profile
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        {text("full_name", "Full name", errors.full_name?.message, { autoComplete: "off" })}
        {text("email", "Email", errors.email?.message, { type: "email" })}
        {text("phone", "Phone", errors.phone?.message, { type: "tel" })}
        {text("headline", "Headline", errors.headline?.message)}
        {text("current_title", "Current title", errors.current_title?.message)}
        {text("current_company", "Current company", errors.current_company?.message)}
        {text("location", "Location", errors.location?.message)}
        {text("total_experience_years", "Total experience (years)", errors.total_experience_years?.message, { inputMode: "decimal" })}
        {text("notice_period_days", "Notice period (days)", errors.notice_period_days?.message, { inputMode: "numeric" })}
        {text("salary_currency", "Salary currency", errors.salary_currency?.message, { hint: "3-letter code, e.g. EUR" })}
        {text("current_salary", "Current salary", errors.current_salary?.message, { inputMode: "decimal" })}
        {text("expected_salary", "Expected salary", errors.expected_salary?.message, { inputMode: "decimal" })}
        <SelectField label="Source" options={any(candidateSources, "—")} error={errors.source?.message} {...form.register("source")} />
        {text("tags", "Tags", errors.tags?.message, { hint: "Separated by commas" })}
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">Links</legend>
        {text("links.linkedin", "LinkedIn", errors.links?.linkedin?.message, { type: "url" })}
        {text("links.github", "GitHub", errors.links?.github?.message, { type: "url" })}
        {text("links.portfolio", "Portfolio", errors.links?.portfolio?.message, { type: "url" })}
        {text("links.website", "Website", errors.links?.website?.message, { type: "url" })}
      </fieldset>
      <TextArea label="Summary" rows={5} error={errors.summary?.message} {...form.register("summary")} />
      <SkillsFields form={form} />
      <ExperienceFields form={form} />
      <EducationFields form={form} />

      {problem?.kind === "duplicate" && (
        <Alert title="Possible duplicate">
          {errorMessage(problem.error)}{" "}
          {problem.error.existingId && (
            <Link to={`/recruiting/candidates/${problem.error.existingId}`} className="font-medium underline">
              Open the other profile
            </Link>
          )}
        </Alert>
      )}
      {problem?.kind === "message" && <Alert>{problem.text}</Alert>}
      {unchanged && <Alert tone="info">Nothing changed, so there is nothing to save.</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save profile"}
        </Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
