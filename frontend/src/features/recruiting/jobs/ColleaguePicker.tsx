import { UserPlus } from "lucide-react";
import { useState } from "react";
import type { Me } from "../../../api/types";
import { SelectField } from "../../../components/ui/SelectField";
import { Spinner } from "../../../components/ui/Spinner";
import { TextField } from "../../../components/ui/TextField";
import { errorMessage } from "../../../lib/errorMessages";
import { teamRoles } from "../labels";
import { useColleagues, type Colleague } from "./useColleagues";

const sourceHint = {
  users: "Active users of your company, by name or email.",
  contacts: "Your role can't list your company's users, so these are the colleagues among your messaging contacts.",
  none: "Your role can't list your company's users: you can add yourself, change roles or remove members.",
} as const;

/** Finds active colleagues to put on the caller's side of a job's team. */
export function ColleaguePicker({ me, taken, onPick }: { me: Me | undefined; taken: ReadonlySet<string>; onPick: (person: Colleague, role: string) => void }) {
  const [query, setQuery] = useState("");
  // Agencies staff recruiters; an employer's side is its hiring team.
  const [role, setRole] = useState<string>(me?.company?.type === "agency" ? "recruiter" : "hiring_manager");
  const { source, people, truncated, loading, error } = useColleagues(me, query, true);

  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
      <legend className="px-1 text-sm font-medium">Add a colleague</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {source !== "none" && <TextField label="Find a colleague" type="search" value={query} onChange={(e) => setQuery(e.target.value)} hint={sourceHint[source]} />}
        <SelectField label="Add as" options={teamRoles} value={role} onChange={(e) => setRole(e.target.value)} />
      </div>
      {source === "none" && <p className="text-xs text-slate-500 dark:text-slate-400">{sourceHint.none}</p>}
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          Could not list your colleagues: {errorMessage(error)}
        </p>
      ) : (
        <ul aria-label="Colleagues" aria-busy={loading} className="max-h-56 space-y-1 overflow-y-auto">
          {people.map((p) => {
            const on = taken.has(p.id);
            return (
              <li key={p.id}>
                <button
                  type="button"
                  disabled={on}
                  aria-label={on ? `${p.fullName} is on the team` : `Add ${p.fullName}`}
                  onClick={() => onPick(p, role)}
                  className="flex w-full items-center gap-2 rounded-md p-2 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-50 dark:hover:bg-slate-800"
                >
                  <UserPlus aria-hidden className="size-4 shrink-0" />
                  <span className="font-medium">{p.fullName}</span>
                  {p.detail && <span className="truncate text-xs text-slate-500 dark:text-slate-400">{p.detail}</span>}
                  {on && <span className="ml-auto text-xs">on the team</span>}
                </button>
              </li>
            );
          })}
          {loading && (
            <li>
              <Spinner label="Looking for colleagues" />
            </li>
          )}
          {!loading && people.length === 0 && <li className="p-2 text-sm text-slate-500 dark:text-slate-400">Nobody found.</li>}
        </ul>
      )}
      {truncated && <p className="text-xs text-slate-500 dark:text-slate-400">Only the first matches are shown: type more of a name to narrow them.</p>}
    </fieldset>
  );
}
