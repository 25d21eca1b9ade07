import clsx from "clsx";
import { BadgeCheck, Filter } from "lucide-react";
import { Link } from "react-router";
import type { ApplicationItem } from "../../../api/types";
import { cellClass } from "../../../components/list/ListTable";
import { RelativeTime } from "../../../components/ui/RelativeTime";
import { wordFor } from "../labels";
import { applicationStates } from "./applicationFilters";

const stateTone: Record<string, string> = {
  active: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  hired: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  rejected: "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};
const linkClass = "font-medium text-indigo-700 hover:underline dark:text-indigo-300";

export const applicationColumns = ["Candidate", "Job", "Stage", "Status", "Applied", "In stage since", "Recruiter", "Verified", <span key="open" className="sr-only">Application</span>];

interface Props {
  application: ApplicationItem;
  /** Link names to the candidate and job pages only for those who may open them. */
  canCandidates: boolean;
  canJobs: boolean;
  onCandidate: (candidateId: string) => void;
  onJob: (jobId: string) => void;
}

/** One application: who, for what, where in the pipeline, since when; opens the application page. */
export function ApplicationRow({ application: a, canCandidates, canJobs, onCandidate, onJob }: Props) {
  return (
    <tr>
      <td className={cellClass}>
        <span className="inline-flex items-center gap-1">
          {canCandidates ? (
            <Link to={`/recruiting/candidates/${a.candidate.id}`} className={linkClass}>
              {a.candidate.full_name}
            </Link>
          ) : (
            <span className="font-medium">{a.candidate.full_name}</span>
          )}
          <FilterButton label={`Show only the applications of ${a.candidate.full_name}`} onClick={() => onCandidate(a.candidate.id)} />
        </span>
        {a.candidate.email && <div className="text-xs text-slate-500 dark:text-slate-400">{a.candidate.email}</div>}
      </td>
      <td className={cellClass}>
        <span className="inline-flex items-center gap-1">
          {canJobs ? (
            <Link to={`/recruiting/jobs/${a.job.id}`} className={linkClass}>
              {a.job.title}
            </Link>
          ) : (
            <span className="font-medium">{a.job.title}</span>
          )}
          <FilterButton label={`Show only the applications to ${a.job.title}`} onClick={() => onJob(a.job.id)} />
        </span>
        <div className="text-xs text-slate-500 dark:text-slate-400">
          {a.job.reference}
          {a.job.client_name && ` · ${a.job.client_name}`}
        </div>
      </td>
      <td className={cellClass}>{a.stage.name}</td>
      <td className={cellClass}>
        <span className={clsx("rounded px-1.5 py-0.5 text-xs font-medium", stateTone[a.state] ?? stateTone.active)}>{wordFor(applicationStates, a.state)}</span>
      </td>
      <td className={cellClass}>
        <RelativeTime iso={a.submitted_at} />
      </td>
      <td className={cellClass}>
        <RelativeTime iso={a.stage_entered_at} />
      </td>
      <td className={cellClass}>{a.recruiter?.full_name ?? "—"}</td>
      <td className={cellClass}>
        {a.verified_by_manager ? (
          <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
            <BadgeCheck aria-hidden className="size-4" /> Verified
          </span>
        ) : (
          <>
            <span aria-hidden>—</span>
            <span className="sr-only">Not verified</span>
          </>
        )}
      </td>
      <td className={cellClass}>
        <Link to={`/recruiting/applications/${a.id}`} className="whitespace-nowrap text-indigo-600 hover:underline dark:text-indigo-400" aria-label={`Open the application of ${a.candidate.full_name} to ${a.job.title}`}>
          Open
        </Link>
      </td>
    </tr>
  );
}

function FilterButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" aria-label={label} title={label} onClick={onClick} className="rounded p-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700 dark:hover:bg-slate-800 dark:hover:text-slate-200">
      <Filter aria-hidden className="size-3.5" />
    </button>
  );
}
