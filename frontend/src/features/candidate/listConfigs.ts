// How each of the candidate's lists is edited: its fields (all strings in the form) and the API body.
import type { ListKind, ListKinds } from "../../api/candidateSelf";

export interface ListField {
  name: string;
  label: string;
  type?: "text" | "date" | "number" | "checkbox";
  /** A select: [value, label] pairs. */
  options?: readonly (readonly [string, string])[];
}

export type FormValues = Record<string, string | boolean>;

export interface ListConfig<K extends ListKind = ListKind> {
  kind: K;
  title: string;
  /** "skill": used in "Add skill", "Edit python", "Delete python". */
  noun: string;
  fields: ListField[];
  empty: () => FormValues;
  toValues: (item: ListKinds[K]["item"]) => FormValues;
  toBody: (values: FormValues) => ListKinds[K]["body"];
  name: (item: ListKinds[K]["item"]) => string;
  describe: (item: ListKinds[K]["item"]) => string;
}

const s = (v: FormValues[string] | undefined) => (typeof v === "string" ? v.trim() : "");
const opt = (v: FormValues[string] | undefined) => s(v) || null;
const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

export const proficiencies = [["", "—"], ["beginner", "Beginner"], ["intermediate", "Intermediate"], ["advanced", "Advanced"], ["expert", "Expert"]] as const;

export const skillsConfig: ListConfig<"skills"> = {
  kind: "skills",
  title: "Skills",
  noun: "skill",
  fields: [{ name: "name", label: "Skill" }, { name: "proficiency", label: "Proficiency", options: proficiencies }, { name: "years_experience", label: "Years of experience", type: "number" }],
  empty: () => ({ name: "", proficiency: "", years_experience: "" }),
  toValues: (i) => ({ name: i.name, proficiency: str(i.proficiency), years_experience: str(i.years_experience) }),
  toBody: (v) => ({ name: s(v.name), proficiency: opt(v.proficiency), years_experience: s(v.years_experience) === "" ? null : Number(s(v.years_experience)) }),
  name: (i) => i.name,
  describe: (i) => [i.proficiency, i.years_experience !== null && i.years_experience !== undefined ? `${i.years_experience} years` : null].filter(Boolean).join(" · "),
};

export const experienceConfig: ListConfig<"experience"> = {
  kind: "experience",
  title: "Experience",
  noun: "experience",
  fields: [
    { name: "job_title", label: "Job title" },
    { name: "company_name", label: "Company" },
    { name: "start_date", label: "Start date", type: "date" },
    { name: "end_date", label: "End date", type: "date" },
    { name: "is_current", label: "I work here now", type: "checkbox" },
    { name: "description", label: "Description" },
  ],
  empty: () => ({ job_title: "", company_name: "", start_date: "", end_date: "", is_current: false, description: "" }),
  toValues: (i) => ({ job_title: i.job_title, company_name: i.company_name, start_date: i.start_date, end_date: str(i.end_date), is_current: i.is_current, description: str(i.description) }),
  toBody: (v) => ({
    job_title: s(v.job_title), company_name: s(v.company_name), start_date: s(v.start_date),
    // A current job has no end: the API refuses one (`current_has_no_end`).
    end_date: v.is_current === true ? null : opt(v.end_date), is_current: v.is_current === true, description: opt(v.description),
  }),
  name: (i) => `${i.job_title} at ${i.company_name}`,
  describe: (i) => `${i.start_date} – ${i.is_current ? "now" : (i.end_date ?? "")}`,
};

export const educationConfig: ListConfig<"education"> = {
  kind: "education",
  title: "Education",
  noun: "education",
  fields: [
    { name: "institution", label: "Institution" },
    { name: "degree", label: "Degree" },
    { name: "field_of_study", label: "Field of study" },
    { name: "start_date", label: "Start date", type: "date" },
    { name: "end_date", label: "End date", type: "date" },
    { name: "grade", label: "Grade" },
  ],
  empty: () => ({ institution: "", degree: "", field_of_study: "", start_date: "", end_date: "", grade: "" }),
  toValues: (i) => ({ institution: i.institution, degree: i.degree, field_of_study: str(i.field_of_study), start_date: str(i.start_date), end_date: str(i.end_date), grade: str(i.grade) }),
  toBody: (v) => ({ institution: s(v.institution), degree: s(v.degree), field_of_study: opt(v.field_of_study), start_date: opt(v.start_date), end_date: opt(v.end_date), grade: opt(v.grade) }),
  name: (i) => `${i.degree}, ${i.institution}`,
  describe: (i) => [i.field_of_study, [i.start_date, i.end_date].filter(Boolean).join(" – ")].filter(Boolean).join(" · "),
};
