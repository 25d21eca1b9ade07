// The profile editor's form model: zod rules (docs/candidates.md), the values a profile starts from,
// and the PATCH body, which carries only what changed (absent = unchanged; lists and links replace wholesale).
import type { Path } from "react-hook-form";
import { z } from "zod";
import { candidateProfileFields } from "../../../lib/candidateProfileFields";
import type { CandidateProfile, UpdateCandidateRequest } from "../../../api/types";

const numberIn = (min: number, max: number, integer = false) =>
  z
    .string()
    .trim()
    .refine((s) => s === "" || Number.isFinite(Number(s)), "Enter a number.")
    .refine((s) => s === "" || (Number(s) >= min && Number(s) <= max), `Between ${min} and ${max}.`)
    .refine((s) => !integer || s === "" || Number.isInteger(Number(s)), "Enter a whole number.");
const optionalUrl = z
  .string()
  .trim()
  .max(500, "At most 500 characters.")
  .refine((v) => v === "" || /^https?:\/\/\S+$/i.test(v), "Enter a full link starting with https://");
/** `end` not before `start` when both are given (ISO dates compare as strings). */
const inOrder = (start: string, end: string) => !start || !end || end >= start;

const skill = z.object({
  name: z.string().trim().min(1, "Name the skill.").max(100, "At most 100 characters."),
  proficiency: z.string(),
  years_experience: numberIn(0, 60),
});
const experience = z
  .object({
    job_title: z.string().trim().min(1, "Give the job title."),
    company_name: z.string().trim().min(1, "Give the company."),
    start_date: z.string().min(1, "Give the start date."),
    end_date: z.string(),
    is_current: z.boolean(),
    description: z.string(),
  })
  .refine((x) => x.is_current || inOrder(x.start_date, x.end_date), { path: ["end_date"], message: "Ends before it starts." });
const education = z
  .object({
    institution: z.string().trim().min(1, "Give the institution."),
    degree: z.string().trim().min(1, "Give the degree."),
    field_of_study: z.string(),
    start_date: z.string(),
    end_date: z.string(),
    grade: z.string(),
  })
  .refine((x) => inOrder(x.start_date, x.end_date), { path: ["end_date"], message: "Ends before it starts." });

export const editSchema = z
  .object({
    ...candidateProfileFields,
    total_experience_years: numberIn(0, 60),
    notice_period_days: numberIn(0, 365, true),
    current_salary: numberIn(0, Number.MAX_SAFE_INTEGER),
    expected_salary: numberIn(0, Number.MAX_SAFE_INTEGER),
    salary_currency: z
      .string()
      .trim()
      .refine((s) => s === "" || /^[A-Za-z]{3}$/.test(s), "A 3-letter code, e.g. EUR."),
    source: z.string(),
    summary: z.string().max(20_000, "At most 20,000 characters."),
    tags: z.string(),
    links: z.object({ linkedin: optionalUrl, github: optionalUrl, portfolio: optionalUrl, website: optionalUrl }),
    skills: z.array(skill),
    experience: z.array(experience),
    education: z.array(education),
  })
  .refine((v) => v.email !== "" || v.phone !== "", { path: ["email"], message: "Give an email or a phone number." });

export type EditValues = z.infer<typeof editSchema>;
export type SkillValues = EditValues["skills"][number];
export type ExperienceValues = EditValues["experience"][number];
export type EducationValues = EditValues["education"][number];

export const emptySkill = (): SkillValues => ({ name: "", proficiency: "", years_experience: "" });
export const emptyExperience = (): ExperienceValues => ({ job_title: "", company_name: "", start_date: "", end_date: "", is_current: false, description: "" });
export const emptyEducation = (): EducationValues => ({ institution: "", degree: "", field_of_study: "", start_date: "", end_date: "", grade: "" });

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
const opt = (s: string) => s.trim() || null;
const num = (s: string) => (s.trim() === "" ? null : Number(s));

export function toEditValues(p: CandidateProfile): EditValues {
  return {
    full_name: p.full_name, email: str(p.email), phone: str(p.phone), headline: str(p.headline), current_title: str(p.current_title),
    current_company: str(p.current_company), location: str(p.location), total_experience_years: str(p.total_experience_years),
    notice_period_days: str(p.notice_period_days), current_salary: str(p.current_salary), expected_salary: str(p.expected_salary),
    salary_currency: str(p.salary_currency), source: str(p.source), summary: str(p.summary), tags: p.tags.join(", "),
    links: { linkedin: str(p.links.linkedin), github: str(p.links.github), portfolio: str(p.links.portfolio), website: str(p.links.website) },
    skills: p.skills.map((s) => ({ name: s.name, proficiency: str(s.proficiency), years_experience: str(s.years_experience) })),
    experience: p.experience.map((x) => ({ job_title: x.job_title, company_name: x.company_name, start_date: x.start_date, end_date: str(x.end_date), is_current: x.is_current, description: str(x.description) })),
    education: p.education.map((e) => ({ institution: e.institution, degree: e.degree, field_of_study: str(e.field_of_study), start_date: str(e.start_date), end_date: str(e.end_date), grade: str(e.grade) })),
  };
}

/** Every field as the API takes it; blanks become null. */
function fullBody(v: EditValues): Required<Omit<UpdateCandidateRequest, "links">> & { links: NonNullable<UpdateCandidateRequest["links"]> } {
  return {
    full_name: v.full_name.trim(), email: opt(v.email), phone: opt(v.phone), headline: opt(v.headline), current_title: opt(v.current_title),
    current_company: opt(v.current_company), location: opt(v.location), total_experience_years: num(v.total_experience_years),
    notice_period_days: num(v.notice_period_days), current_salary: num(v.current_salary), expected_salary: num(v.expected_salary),
    salary_currency: opt(v.salary_currency)?.toUpperCase() ?? null, source: opt(v.source), summary: opt(v.summary),
    tags: v.tags.split(",").map((t) => t.trim()).filter(Boolean),
    links: { linkedin: opt(v.links.linkedin), github: opt(v.links.github), portfolio: opt(v.links.portfolio), website: opt(v.links.website) },
    skills: v.skills.map((s) => ({ name: s.name.trim(), proficiency: opt(s.proficiency), years_experience: num(s.years_experience) })),
    experience: v.experience.map((x) => ({
      job_title: x.job_title.trim(), company_name: x.company_name.trim(), start_date: x.start_date,
      // A current job has no end: the API refuses one (`current_has_no_end`).
      end_date: x.is_current ? null : opt(x.end_date), is_current: x.is_current, description: opt(x.description),
    })),
    education: v.education.map((e) => ({
      institution: e.institution.trim(), degree: e.degree.trim(), field_of_study: opt(e.field_of_study), start_date: opt(e.start_date), end_date: opt(e.end_date), grade: opt(e.grade),
    })),
  };
}

/**
 * The PATCH body: only the fields whose API value differs from where the form
 * started, so an edit never overwrites what someone else changed meanwhile in
 * fields this one did not touch (the API has no version to detect that).
 */
export function changedBody(initial: EditValues, values: EditValues): UpdateCandidateRequest {
  const before = fullBody(initial);
  const after = fullBody(values);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) body[key] = after[key];
  }
  return body as UpdateCandidateRequest;
}

/** The API names nested fields `skills[1].name`; react-hook-form calls them `skills.1.name`. */
export const toFormPath = (apiField: string) => apiField.replace(/\[(\d+)\]/g, ".$1");

const SCALARS = [
  "full_name", "email", "phone", "headline", "current_title", "current_company", "location", "total_experience_years", "notice_period_days",
  "current_salary", "expected_salary", "salary_currency", "source", "summary", "tags", "links.linkedin", "links.github", "links.portfolio", "links.website",
] as const;

/** Every path of the form as it is now, for putting the API's 422 errors on their inputs. */
export function formPaths(v: EditValues): Path<EditValues>[] {
  const paths: Path<EditValues>[] = [...SCALARS];
  v.skills.forEach((_, i) => paths.push(`skills.${i}.name`, `skills.${i}.proficiency`, `skills.${i}.years_experience`));
  v.experience.forEach((_, i) =>
    paths.push(`experience.${i}.job_title`, `experience.${i}.company_name`, `experience.${i}.start_date`, `experience.${i}.end_date`, `experience.${i}.is_current`, `experience.${i}.description`),
  );
  v.education.forEach((_, i) =>
    paths.push(`education.${i}.institution`, `education.${i}.degree`, `education.${i}.field_of_study`, `education.${i}.start_date`, `education.${i}.end_date`, `education.${i}.grade`),
  );
  return paths;
}
