import { Plus, Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/SelectField";
import { TextArea } from "../../../components/ui/TextArea";
import { TextField } from "../../../components/ui/TextField";
import { proficiencies } from "../../candidate/listConfigs";
import { emptyEducation, emptyExperience, emptySkill, type EditValues } from "./candidateEditForm";

type Form = UseFormReturn<EditValues>;

/** One list of the editor: its rows as fieldsets, an add button below. */
function ListBlock({ title, noun, count, onAdd, children }: { title: string; noun: string; count: number; onAdd: () => void; children: ReactNode }) {
  return (
    <fieldset className="space-y-3">
      <legend className="font-semibold">{title}</legend>
      {count === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">None. Saving keeps the list empty.</p>}
      {children}
      <Button variant="secondary" onClick={onAdd}>
        <Plus aria-hidden className="size-4" /> Add {noun}
      </Button>
    </fieldset>
  );
}

function Row({ legend, onRemove, children }: { legend: string; onRemove: () => void; children: ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 text-sm font-medium text-slate-600 dark:text-slate-300">{legend}</legend>
      <div className="grid gap-3 sm:grid-cols-2">{children}</div>
      <Button variant="ghost" className="mt-2" aria-label={`Remove ${legend.toLowerCase()}`} onClick={onRemove}>
        <Trash2 aria-hidden className="size-4" /> Remove
      </Button>
    </fieldset>
  );
}

export function SkillsFields({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "skills" });
  const errors = form.formState.errors.skills;
  return (
    <ListBlock title="Skills" noun="skill" count={fields.length} onAdd={() => append(emptySkill())}>
      {fields.map((f, i) => (
        <Row key={f.id} legend={`Skill ${i + 1}`} onRemove={() => remove(i)}>
          <TextField label="Name" error={errors?.[i]?.name?.message} {...form.register(`skills.${i}.name`)} />
          <SelectField label="Proficiency" options={proficiencies} error={errors?.[i]?.proficiency?.message} {...form.register(`skills.${i}.proficiency`)} />
          <TextField label="Years of experience" inputMode="decimal" error={errors?.[i]?.years_experience?.message} {...form.register(`skills.${i}.years_experience`)} />
        </Row>
      ))}
    </ListBlock>
  );
}

export function ExperienceFields({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "experience" });
  const errors = form.formState.errors.experience;
  const rows = form.watch("experience");
  return (
    <ListBlock title="Experience" noun="experience" count={fields.length} onAdd={() => append(emptyExperience())}>
      {fields.map((f, i) => (
        <Row key={f.id} legend={`Experience ${i + 1}`} onRemove={() => remove(i)}>
          <TextField label="Job title" error={errors?.[i]?.job_title?.message} {...form.register(`experience.${i}.job_title`)} />
          <TextField label="Company" error={errors?.[i]?.company_name?.message} {...form.register(`experience.${i}.company_name`)} />
          <TextField label="Start date" type="date" error={errors?.[i]?.start_date?.message} {...form.register(`experience.${i}.start_date`)} />
          {/* A current job has no end (sent as null), so the field is only offered for past jobs. */}
          {rows[i]?.is_current !== true && <TextField label="End date" type="date" error={errors?.[i]?.end_date?.message} {...form.register(`experience.${i}.end_date`)} />}
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" className="size-4" {...form.register(`experience.${i}.is_current`)} />
            Current job
          </label>
          <div className="sm:col-span-2">
            <TextArea label="Description" error={errors?.[i]?.description?.message} {...form.register(`experience.${i}.description`)} />
          </div>
        </Row>
      ))}
    </ListBlock>
  );
}

export function EducationFields({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "education" });
  const errors = form.formState.errors.education;
  return (
    <ListBlock title="Education" noun="education" count={fields.length} onAdd={() => append(emptyEducation())}>
      {fields.map((f, i) => (
        <Row key={f.id} legend={`Education ${i + 1}`} onRemove={() => remove(i)}>
          <TextField label="Institution" error={errors?.[i]?.institution?.message} {...form.register(`education.${i}.institution`)} />
          <TextField label="Degree" error={errors?.[i]?.degree?.message} {...form.register(`education.${i}.degree`)} />
          <TextField label="Field of study" error={errors?.[i]?.field_of_study?.message} {...form.register(`education.${i}.field_of_study`)} />
          <TextField label="Grade" error={errors?.[i]?.grade?.message} {...form.register(`education.${i}.grade`)} />
          <TextField label="Start date" type="date" error={errors?.[i]?.start_date?.message} {...form.register(`education.${i}.start_date`)} />
          <TextField label="End date" type="date" error={errors?.[i]?.end_date?.message} {...form.register(`education.${i}.end_date`)} />
        </Row>
      ))}
    </ListBlock>
  );
}
