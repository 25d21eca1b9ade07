import { Briefcase, Clock, MapPin, Monitor } from "lucide-react";
import type { PublicJob } from "../../api/types";
import { employmentTypes, experienceLabel, labelOf, workModes } from "../../lib/jobLabels";

/** Location, work mode, employment type and experience of a job, as a description list. */
export function JobMeta({ job }: { job: PublicJob }) {
  const items = [
    { icon: MapPin, label: "Location", value: job.location },
    { icon: Monitor, label: "Work mode", value: labelOf(workModes, job.work_mode) },
    { icon: Briefcase, label: "Employment type", value: labelOf(employmentTypes, job.employment_type) },
    { icon: Clock, label: "Experience", value: experienceLabel(job.experience_min, job.experience_max) },
  ].filter((i) => i.value);
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
      {items.map(({ icon: Icon, label, value }) => (
        <div key={label} className="flex items-center gap-1">
          <dt>
            <Icon aria-hidden className="size-4" />
            <span className="sr-only">{label}</span>
          </dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-1">
      {tags.map((tag) => (
        <li key={tag} className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
          {tag}
        </li>
      ))}
    </ul>
  );
}
