import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Check, Plus, RotateCw } from "lucide-react";
import { useEffect, useState, type KeyboardEvent } from "react";
import { listAgencies, type AgencyListQuery } from "../../../api/recruiting";
import type { CompanyRef } from "../../../api/types";
import { Button } from "../../../components/ui/Button";
import { Spinner } from "../../../components/ui/Spinner";
import { TextField } from "../../../components/ui/TextField";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { focusAfterRender } from "./focusAfterRender";

/** One page of matches: enough to pick from, small enough to scan. */
export const AGENCIES_PER_PAGE = 20;
const SEARCH_DELAY_MS = 250;

const optionId = (searchId: string, agencyId: string) => `${searchId}-option-${agencyId}`;

function listingError(error: unknown): string {
  // The directory is for employers who may share; the section only shows for them, but a role or company change can land here.
  if (isApiError(error) && error.code === "employers_only") return errorMessage(error);
  if (isApiError(error) && error.status === 403) return `You can't browse the agencies. ${errorMessage(error)}`;
  return errorMessage(error);
}

/**
 * Finds active agencies by name (`GET /api/agencies`) to share a job with.
 * Without a name typed it lists the first agencies alphabetically, so a small
 * platform's employer can just pick. `taken` are the ones already in the list.
 */
export function AgencySharingPicker({ searchId, taken, onPick }: { searchId: string; taken: ReadonlySet<string>; onPick: (agency: CompanyRef) => void }) {
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const next = search.trim();
    if (next === q) return;
    const timer = setTimeout(() => setQ(next), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, q]);

  const query: AgencyListQuery = { per_page: AGENCIES_PER_PAGE, ...(q ? { q } : {}) };
  const agencies = useQuery({ queryKey: ["recruiting", "agencies", query], queryFn: () => listAgencies(query), placeholderData: keepPreviousData });
  const page = agencies.data;
  const items = page?.items ?? [];
  const ids = items.map((a) => optionId(searchId, a.id));

  const pick = (agency: CompanyRef, i: number) => {
    onPick(agency);
    // The picked button turns disabled: the keyboard moves on to the next agency still to add, else back to the search.
    focusAfterRender(...ids.slice(i + 1), ...ids.slice(0, i).reverse(), searchId);
  };

  const moveFocus = (event: KeyboardEvent<HTMLElement>, from: number) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const enabled = items.map((a, i) => (taken.has(a.id) ? -1 : i)).filter((i) => i >= 0);
    const next = event.key === "ArrowDown" ? enabled.find((i) => i > from) : enabled.filter((i) => i < from).pop();
    if (next !== undefined) document.getElementById(ids[next]!)?.focus();
    else if (event.key === "ArrowUp") document.getElementById(searchId)?.focus();
  };

  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 text-sm font-medium">Add an agency</legend>
      <TextField
        id={searchId}
        label="Find an agency"
        type="search"
        autoComplete="off"
        value={search}
        hint="Active agencies on HireOps, by name. Arrow down to the matches."
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          // Enter searches at once instead of saving the whole list.
          if (e.key === "Enter") {
            e.preventDefault();
            setQ(search.trim());
          } else moveFocus(e, -1);
        }}
      />
      {agencies.isError ? (
        <div className="flex flex-wrap items-center gap-2">
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            Could not list the agencies: {listingError(agencies.error)}
          </p>
          {!(isApiError(agencies.error) && agencies.error.status === 403) && (
            <Button variant="secondary" onClick={() => void agencies.refetch()}>
              <RotateCw aria-hidden className="size-4" /> Try again
            </Button>
          )}
        </div>
      ) : !page ? (
        <Spinner label="Looking for agencies" />
      ) : items.length === 0 ? (
        agencies.isPlaceholderData ? (
          <Spinner label="Looking for agencies" />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">{q ? `No active agency matches “${q}”.` : "No active agency is on HireOps yet."}</p>
        )
      ) : (
        <>
          <ul aria-label="Agencies found" aria-busy={agencies.isFetching} className="max-h-64 space-y-1 overflow-y-auto">
            {items.map((a, i) => {
              const added = taken.has(a.id);
              return (
                <li key={a.id}>
                  <button
                    id={ids[i]}
                    type="button"
                    disabled={added}
                    aria-label={added ? `${a.name}: added` : `Add ${a.name}`}
                    onClick={() => pick(a, i)}
                    onKeyDown={(e) => moveFocus(e, i)}
                    className="flex w-full items-center gap-2 rounded-md p-2 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-60 disabled:hover:bg-transparent dark:hover:bg-slate-800"
                  >
                    {added ? <Check aria-hidden className="size-4 shrink-0" /> : <Plus aria-hidden className="size-4 shrink-0" />}
                    <span className="min-w-0 break-words font-medium">{a.name}</span>
                    {added && <span className="ml-auto shrink-0 text-xs text-slate-500 dark:text-slate-400">added</span>}
                  </button>
                </li>
              );
            })}
          </ul>
          {page.total > items.length && (
            <p className="text-xs text-slate-500 dark:text-slate-400">
              Showing {items.length} of {page.total}: type more of the name.
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
