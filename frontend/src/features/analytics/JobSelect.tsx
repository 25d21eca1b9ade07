import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { listJobs, type JobListQuery } from "../../api/recruiting";
import { SelectField } from "../../components/ui/SelectField";
import { TextField } from "../../components/ui/TextField";
import { errorMessage } from "../../lib/errorMessages";

/** The most `GET /api/jobs` answers in one page; beyond that the caller narrows with "Find a job". */
export const JOB_OPTIONS_PER_PAGE = 100;
const SEARCH_DELAY_MS = 300;

/** Picks the job the pipeline report covers (none: every open job), from the jobs the caller sees. */
export function JobSelect({ value, onChange }: { value: string | undefined; onChange: (jobId: string | null) => void }) {
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const query: JobListQuery = { sort: "title", per_page: JOB_OPTIONS_PER_PAGE, ...(q ? { q } : {}) };
  const jobs = useQuery({ queryKey: ["recruiting", "jobs", query], queryFn: () => listJobs(query), placeholderData: keepPreviousData });
  const page = jobs.data;
  const items = page?.items ?? [];
  const options: (readonly [string, string])[] = [["", "All open jobs"], ...items.map((j) => [j.id, `${j.title} · ${j.reference}`] as const)];
  // A job from the link that this page of the list does not hold stays selectable.
  if (value && !items.some((j) => j.id === value)) options.splice(1, 0, [value, "The selected job"]);
  const truncated = !!page && page.total > page.items.length;

  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField
        label="Job"
        options={options}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || null)}
        hint={
          jobs.isError
            ? `The job list could not be loaded: ${errorMessage(jobs.error)}`
            : page && truncated
              ? `The first ${page.items.length} of ${page.total} jobs by title; use Find a job for the others.`
              : undefined
        }
      />
      {(truncated || search) && <TextField label="Find a job" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
    </div>
  );
}
