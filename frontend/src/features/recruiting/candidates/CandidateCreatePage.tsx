import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Link, useNavigate } from "react-router";
import { z } from "zod";
import { candidateProfileFields } from "../../../lib/candidateProfileFields";
import { createCandidate } from "../../../api/recruiting";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/SelectField";
import { TextArea } from "../../../components/ui/TextArea";
import { TextField } from "../../../components/ui/TextField";
import { applyFieldErrors } from "../../../lib/applyFieldErrors";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { candidateSources } from "../labels";
import { leftoverError } from "../problems";

const schema = z
  .object({
    ...candidateProfileFields,
    total_experience_years: z.string(),
    source: z.string(),
    tags: z.string(),
    skills: z.string(),
    summary: z.string(),
  })
  .refine((v) => v.email !== "" || v.phone !== "", { path: ["email"], message: "Give an email or a phone number." });
type Values = z.infer<typeof schema>;
const FIELDS = ["full_name", "email", "phone", "headline", "current_title", "current_company", "location", "total_experience_years", "source", "tags", "summary"] as const;

const list = (s: string) => s.split(",").map((t) => t.trim()).filter(Boolean);
const opt = (s: string) => s.trim() || null;

/** `/recruiting/candidates/new`: `POST /api/candidates`; a 409 duplicate links to the existing profile. */
export function CandidateCreatePage() {
  const navigate = useNavigate();
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { full_name: "", email: "", phone: "", headline: "", current_title: "", current_company: "", location: "", total_experience_years: "", source: "sourced", tags: "", skills: "", summary: "" },
  });
  const { errors } = form.formState;
  const save = useMutation({
    mutationFn: (v: Values) =>
      createCandidate({
        full_name: v.full_name.trim(),
        email: opt(v.email),
        phone: opt(v.phone),
        headline: opt(v.headline),
        current_title: opt(v.current_title),
        current_company: opt(v.current_company),
        location: opt(v.location),
        total_experience_years: v.total_experience_years.trim() === "" ? null : Number(v.total_experience_years),
        source: v.source || null,
        summary: opt(v.summary),
        tags: list(v.tags),
        skills: list(v.skills).map((name) => ({ name })),
      }),
    onSuccess: (created) => navigate(`/recruiting/candidates/${created.id}`),
    onError: (error) => applyFieldErrors(error, FIELDS, form.setError),
  });
  const e = save.error;
  const duplicate = isApiError(e, "duplicate_candidate") ? e : null;
  const unplaced = duplicate ? null : leftoverError(e, FIELDS);

  return (
    <form onSubmit={form.handleSubmit((v) => save.mutate(v))} noValidate className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-semibold">New candidate</h1>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <TextField label="Full name" required error={errors.full_name?.message} {...form.register("full_name")} />
        </div>
        <TextField label="Email" type="email" error={errors.email?.message} {...form.register("email")} />
        <TextField label="Phone" type="tel" error={errors.phone?.message} {...form.register("phone")} />
        <TextField label="Headline" error={errors.headline?.message} {...form.register("headline")} />
        <TextField label="Current title" error={errors.current_title?.message} {...form.register("current_title")} />
        <TextField label="Current company" error={errors.current_company?.message} {...form.register("current_company")} />
        <TextField label="Location" error={errors.location?.message} {...form.register("location")} />
        <TextField label="Total experience (years)" type="number" step="0.1" min={0} error={errors.total_experience_years?.message} {...form.register("total_experience_years")} />
        <SelectField label="Source" options={candidateSources} error={errors.source?.message} {...form.register("source")} />
        <TextField label="Skills" hint="Separated by commas" error={errors.skills?.message} {...form.register("skills")} />
        <TextField label="Tags" hint="Separated by commas" error={errors.tags?.message} {...form.register("tags")} />
        <div className="sm:col-span-2">
          <TextArea label="Summary" error={errors.summary?.message} {...form.register("summary")} />
        </div>
      </div>
      {duplicate && (
        <Alert title="Possible duplicate">
          {errorMessage(duplicate)}{" "}
          {duplicate.existingId && (
            <Link to={`/recruiting/candidates/${duplicate.existingId}`} className="font-medium underline">
              Open the existing profile
            </Link>
          )}
        </Alert>
      )}
      {unplaced && <Alert>{unplaced}</Alert>}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Create candidate"}
        </Button>
        <Button variant="secondary" onClick={() => navigate("/recruiting/candidates")}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
