import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import type { FormEvent, ReactNode } from "react";
import { Link } from "react-router";
import { search } from "../../../api/recruiting";
import type { SearchHit } from "../../../api/types";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { Pager } from "../../../components/list/Pager";
import { useUrlFilters } from "../../../components/list/useUrlFilters";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Spinner } from "../../../components/ui/Spinner";
import { TextField } from "../../../components/ui/TextField";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";

/**
 * The snippet with its highlights marked. Offsets are characters (Unicode
 * scalar values, as the API counts them), not UTF-16 units; text stays text.
 */
export function Highlighted({ text, highlights }: { text: string; highlights: number[][] }) {
  const chars = Array.from(text);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start = 0, end = 0] of [...highlights].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(chars.slice(at, start).join(""));
    parts.push(
      <mark key={start} className="rounded bg-amber-200 px-0.5 text-inherit dark:bg-amber-800">
        {chars.slice(start, end).join("")}
      </mark>,
    );
    at = end;
  }
  if (at < chars.length) parts.push(chars.slice(at).join(""));
  return <>{parts}</>;
}

const hitLink = (hit: SearchHit) => (hit.type === "job" ? `/recruiting/jobs/${hit.id}` : `/recruiting/candidates/${hit.id}`);

/** `/recruiting/search`: `GET /api/search` over candidates or jobs, the query kept in the URL. */
export function SearchPage() {
  const me = useMe().data;
  const types = ([["candidates", "Candidates", "candidates:read"], ["jobs", "Jobs", "jobs:read"]] as const).filter(([, , p]) => can(me, p));
  const { values, page, update, key } = useUrlFilters(["q", "type"] as const);
  const type = types.find(([t]) => t === values.type)?.[0] ?? types[0]?.[0] ?? "candidates";
  const q = values.q ?? "";
  const results = useQuery({
    queryKey: ["recruiting", "search", q, type, page],
    queryFn: () => search({ q, type, page, per_page: 20 }),
    enabled: q !== "",
    placeholderData: keepPreviousData,
  });
  const qError = isApiError(results.error) ? results.error.fields.q : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ q: String(new FormData(event.currentTarget).get("q") ?? "").trim(), type });
  };

  if (types.length === 0) {
    return (
      <div className="mx-auto max-w-lg p-8 text-center">
        <h1 className="text-lg font-semibold">Not available for your role</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Search needs access to candidates or jobs.</p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-xl font-semibold">Search</h1>
      <form key={key} role="search" aria-label="Search candidates and jobs" onSubmit={submit} className="space-y-3">
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <TextField label="Search for" name="q" type="search" defaultValue={q} maxLength={200} error={qError} />
          </div>
          <Button type="submit">
            <Search aria-hidden className="size-4" /> Search
          </Button>
        </div>
        {types.length > 1 && (
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Search in</legend>
            {types.map(([t, label]) => (
              <label key={t} className="flex items-center gap-1">
                <input type="radio" name="type" value={t} checked={type === t} onChange={() => update({ q: q || null, type: t })} />
                {label}
              </label>
            ))}
          </fieldset>
        )}
      </form>
      <section aria-label="Results" aria-busy={results.isFetching} className="space-y-3">
        {q === "" ? null : results.isPending ? (
          <Spinner label="Searching" />
        ) : results.isError ? (
          qError ? null : <Alert>{errorMessage(results.error)}</Alert>
        ) : results.data.items.length === 0 ? (
          <p className="text-sm">Nothing found for “{q}”.</p>
        ) : (
          <>
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {results.data.total === 1 ? "1 result" : `${results.data.total} results`}
            </p>
            <ul className="space-y-3">
              {results.data.items.map((hit) => (
                <li key={hit.id} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
                  <Link to={hitLink(hit)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {hit.title}
                  </Link>
                  <p className="text-xs text-slate-500 dark:text-slate-400">{hit.subtitle}</p>
                  {hit.snippet.text && (
                    <p className="mt-1 text-slate-700 dark:text-slate-300">
                      <Highlighted text={hit.snippet.text} highlights={hit.snippet.highlights} />
                    </p>
                  )}
                </li>
              ))}
            </ul>
            <Pager page={results.data.page} total={results.data.total} perPage={results.data.per_page} onPage={(p) => update({ q, type, page: String(p) })} />
          </>
        )}
      </section>
    </div>
  );
}
