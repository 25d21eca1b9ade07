import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { candidateProfileFields } from "../../lib/candidateProfileFields";
import { getMyProfile, saveMyProfile } from "../../api/candidateSelf";
import type { CandidateProfile, MyProfileRequest } from "../../api/types";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { TextArea } from "../../components/ui/TextArea";
import { TextField } from "../../components/ui/TextField";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";
import { MyList } from "./MyList";
import { educationConfig, experienceConfig, skillsConfig } from "./listConfigs";

const number = z.string().trim().refine((s) => s === "" || Number.isFinite(Number(s)), "Enter a number.");
const schema = z.object({
  ...candidateProfileFields,
  total_experience_years: number,
  notice_period_days: number,
  current_salary: number,
  expected_salary: number,
  salary_currency: z.string().trim(),
  summary: z.string(),
  links: z.object({ linkedin: z.string().trim(), github: z.string().trim(), portfolio: z.string().trim(), website: z.string().trim() }),
});
type Values = z.infer<typeof schema>;
const FIELDS = [
  "full_name", "email", "phone", "headline", "current_title", "current_company", "location", "total_experience_years", "notice_period_days",
  "current_salary", "expected_salary", "salary_currency", "summary", "links.linkedin", "links.github", "links.portfolio", "links.website",
] as const;

const opt = (s: string) => s.trim() || null;
const num = (s: string) => (s.trim() === "" ? null : Number(s));
const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

function toValues(p: CandidateProfile): Values {
  return {
    full_name: p.full_name, email: str(p.email), phone: str(p.phone), headline: str(p.headline), current_title: str(p.current_title),
    current_company: str(p.current_company), location: str(p.location), total_experience_years: str(p.total_experience_years),
    notice_period_days: str(p.notice_period_days), current_salary: str(p.current_salary), expected_salary: str(p.expected_salary),
    salary_currency: str(p.salary_currency), summary: str(p.summary),
    links: { linkedin: str(p.links.linkedin), github: str(p.links.github), portfolio: str(p.links.portfolio), website: str(p.links.website) },
  };
}

/** PUT replaces every scalar field (absent = cleared) and the links; the lists are left out, so they stay. */
function toBody(v: Values): MyProfileRequest {
  return {
    full_name: v.full_name.trim(), email: opt(v.email), phone: opt(v.phone), headline: opt(v.headline), current_title: opt(v.current_title),
    current_company: opt(v.current_company), location: opt(v.location), total_experience_years: num(v.total_experience_years),
    notice_period_days: num(v.notice_period_days), current_salary: num(v.current_salary), expected_salary: num(v.expected_salary),
    salary_currency: opt(v.salary_currency), summary: opt(v.summary),
    links: { linkedin: opt(v.links.linkedin), github: opt(v.links.github), portfolio: opt(v.links.portfolio), website: opt(v.links.website) },
  };
}

/** `/me/profile`: the candidate's own profile (GET/PUT /api/candidate/profile) and their skills, experience and education. */
export function MyProfilePage() {
  const profile = useQuery({ queryKey: ["candidate-self", "profile"], queryFn: getMyProfile });
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <h1 className="text-2xl font-semibold">My profile</h1>
      {profile.isPending ? (
        <Spinner label="Loading your profile" />
      ) : profile.isError ? (
        <Alert>{errorMessage(profile.error)}</Alert>
      ) : (
        <ProfileForm profile={profile.data} />
      )}
      <MyList config={skillsConfig} />
      <MyList config={experienceConfig} />
      <MyList config={educationConfig} />
    </div>
  );
}

function ProfileForm({ profile }: { profile: CandidateProfile }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: toValues(profile) });
  const { errors } = form.formState;
  const save = useMutation({
    mutationFn: (v: Values) => saveMyProfile(toBody(v)),
    onSuccess: (answer) => {
      queryClient.setQueryData(["candidate-self", "profile"], answer);
      form.reset(toValues(answer));
      setSaved(true);
    },
    onError: (error) => {
      if (!applyFieldErrors(error, FIELDS, form.setError)) setFormError(errorMessage(error));
      else setFormError("Some fields need attention.");
    },
  });
  const submit = form.handleSubmit((v) => {
    setFormError(null);
    setSaved(false);
    save.mutate(v);
  });
  const field = (name: (typeof FIELDS)[number], label: string, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField label={label} error={name.startsWith("links.") ? errors.links?.[name.slice(6) as keyof Values["links"]]?.message : errors[name as Exclude<keyof Values, "links">]?.message} {...extra} {...form.register(name)} />
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" aria-label="Profile">
      {formError && <Alert>{formError}</Alert>}
      {saved && <Alert tone="info">Profile saved.</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        {field("full_name", "Full name", { autoComplete: "name" })}
        {field("email", "Email", { type: "email", autoComplete: "email" })}
        {field("phone", "Phone", { type: "tel", autoComplete: "tel" })}
        {field("headline", "Headline")}
        {field("current_title", "Current title")}
        {field("current_company", "Current company")}
        {field("location", "Location")}
        {field("total_experience_years", "Experience (years)", { inputMode: "decimal" })}
        {field("notice_period_days", "Notice period (days)", { inputMode: "numeric" })}
        {field("salary_currency", "Salary currency", { hint: "3-letter code, e.g. EUR" })}
        {field("current_salary", "Current salary", { inputMode: "decimal" })}
        {field("expected_salary", "Expected salary", { inputMode: "decimal" })}
        {field("links.linkedin", "LinkedIn", { type: "url" })}
        {field("links.github", "GitHub", { type: "url" })}
        {field("links.portfolio", "Portfolio", { type: "url" })}
        {field("links.website", "Website", { type: "url" })}
      </div>
      <TextArea label="Summary" rows={5} error={errors.summary?.message} {...form.register("summary")} />
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save profile"}
      </Button>
    </form>
  );
}
