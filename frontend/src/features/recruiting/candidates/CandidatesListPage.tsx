import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { Link } from "react-router";
import { listCandidates, type CandidateListQuery } from "../../../api/recruiting";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { EmptyState } from "../../../components/list/EmptyState";
import { FilterBar } from "../../../components/list/FilterBar";
import { ListFrame } from "../../../components/list/ListFrame";
import { Pager } from "../../../components/list/Pager";
import { useTypedFilters, useUrlFilters } from "../../../components/list/useUrlFilters";
import { SelectField } from "../../../components/ui/SelectField";
import { TextField } from "../../../components/ui/TextField";
import { any, candidateSources } from "../labels";

const FILTERS = ["q", "skill", "tag", "location", "source", "experience_min", "experience_max", "sort"] as const;
const TEXT_FILTERS = ["q", "skill", "tag", "location", "experience_min", "experience_max"] as const;

/** `/recruiting/candidates`: `GET /api/candidates` with its filters in the URL. */
export function CandidatesListPage() {
  const me = useMe().data;
  const { values, page, update, clear, active, key } = useUrlFilters(FILTERS);
  // Years are numbers to the API; a typed non-number goes as NaN, which the API names in its 422.
  const { experience_min, experience_max, ...text } = values;
  const query: CandidateListQuery = {
    ...text,
    ...(experience_min !== undefined && { experience_min: Number(experience_min) }),
    ...(experience_max !== undefined && { experience_max: Number(experience_max) }),
    page,
    per_page: 25,
  };
  const list = useQuery({ queryKey: ["recruiting", "candidates", query], queryFn: () => listCandidates(query), placeholderData: keepPreviousData });
  const { formRef, typed } = useTypedFilters(TEXT_FILTERS);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Candidates</h1>
        {can(me, "candidates:write") && (
          <Link to="/recruiting/candidates/new" className="inline-flex items-center gap-2 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
            <Plus aria-hidden className="size-4" /> New candidate
          </Link>
        )}
      </div>
      <FilterBar label="Filter candidates" resetKey={key} formRef={formRef} onSubmit={() => update(typed())} onClear={active ? clear : undefined}>
        <div className="sm:col-span-2">
          <TextField label="Keywords" name="q" type="search" defaultValue={values.q ?? ""} />
        </div>
        <TextField label="Skill" name="skill" defaultValue={values.skill ?? ""} />
        <TextField label="Tag" name="tag" defaultValue={values.tag ?? ""} />
        <TextField label="Location" name="location" defaultValue={values.location ?? ""} />
        <TextField label="Experience from (years)" name="experience_min" type="number" min={0} defaultValue={values.experience_min ?? ""} />
        <TextField label="Experience to (years)" name="experience_max" type="number" min={0} defaultValue={values.experience_max ?? ""} />
        <SelectField label="Source" options={any(candidateSources)} value={values.source ?? ""} onChange={(e) => update({ ...typed(), source: e.target.value })} />
        <SelectField
          label="Sort"
          options={[["newest", "Newest"], ["name", "Name"], ["updated", "Recently updated"]]}
          value={values.sort ?? "newest"}
          onChange={(e) => update({ ...typed(), sort: e.target.value === "newest" ? null : e.target.value })}
        />
      </FilterBar>
      <ListFrame
        label="Candidates"
        query={list}
        pendingLabel="Loading candidates"
        errorTitle="Could not load candidates"
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState message={`No candidates ${active ? "match these filters" : "yet"}.`} />}
        count={(data) => (data.total === 1 ? "1 candidate" : `${data.total} candidates`)}
      >
        {(data) => (
          <>
            <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
              {data.items.map((c) => (
                <li key={c.id} className="p-3 text-sm">
                  <Link to={`/recruiting/candidates/${c.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {c.full_name}
                  </Link>
                  <p className="text-slate-600 dark:text-slate-400">
                    {[c.current_title ?? c.headline, c.location, c.total_experience_years != null ? `${c.total_experience_years} years` : null].filter(Boolean).join(" · ")}
                  </p>
                  <p className="text-xs text-slate-500 dark:text-slate-400">
                    {c.skills.length > 0 && `Skills: ${c.skills.join(", ")} · `}
                    {c.application_count === 1 ? "1 application" : `${c.application_count} applications`}
                  </p>
                </li>
              ))}
            </ul>
            <Pager page={data.page} total={data.total} perPage={data.per_page} onPage={(p) => update({ page: String(p) })} />
          </>
        )}
      </ListFrame>
    </div>
  );
}
