import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Plus, Search } from "lucide-react";
import { useRef, type FormEvent } from "react";
import { Link } from "react-router";
import { listCandidates, type CandidateListQuery } from "../../../api/recruiting";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/SelectField";
import { Spinner } from "../../../components/ui/Spinner";
import { TextField } from "../../../components/ui/TextField";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { any, candidateSources } from "../labels";
import { Pager } from "../Pager";
import { useUrlFilters } from "../useUrlFilters";

const FILTERS = ["q", "skill", "tag", "location", "source", "experience_min", "experience_max", "sort"] as const;
const TEXT_FILTERS = ["q", "skill", "tag", "location", "experience_min", "experience_max"] as const;

/** `/recruiting/candidates`: `GET /api/candidates` with its filters in the URL. */
export function CandidatesListPage() {
  const me = useMe().data;
  const { values, page, update, clear, key } = useUrlFilters(FILTERS);
  const query: CandidateListQuery = { ...values, page, per_page: 25 };
  const list = useQuery({ queryKey: ["recruiting", "candidates", query], queryFn: () => listCandidates(query), placeholderData: keepPreviousData });

  const formRef = useRef<HTMLFormElement>(null);
  /** The typed (not yet applied) text filters, so a select change does not lose them. */
  const typed = () => {
    const form = new FormData(formRef.current ?? undefined);
    return Object.fromEntries(TEXT_FILTERS.map((f) => [f, String(form.get(f) ?? "").trim()]));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update(typed());
  };
  const data = list.data;
  const filtered = Object.keys(values).length > 0;

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
      <form ref={formRef} key={key} role="search" aria-label="Filter candidates" onSubmit={submit} className="grid gap-3 rounded-lg border border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800">
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
        <div className="flex gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit">
            <Search aria-hidden className="size-4" /> Apply
          </Button>
          {filtered && (
            <Button variant="ghost" onClick={clear}>
              Clear filters
            </Button>
          )}
        </div>
      </form>
      <section aria-label="Candidates" aria-busy={list.isFetching} className="space-y-3">
        {list.isPending ? (
          <Spinner label="Loading candidates" />
        ) : list.isError ? (
          <Alert title="Could not load candidates">
            {isApiError(list.error) && list.error.fieldErrors.length > 0 ? list.error.fieldErrors.map((f) => `${f.field}: ${f.message}`).join("; ") : errorMessage(list.error)}
          </Alert>
        ) : data && data.items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">No candidates {filtered ? "match these filters" : "yet"}.</p>
        ) : data ? (
          <>
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {data.total === 1 ? "1 candidate" : `${data.total} candidates`}
            </p>
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
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
        ) : null}
      </section>
    </div>
  );
}
