import { useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { Link } from "react-router";
import { listMyApplications } from "../../api/candidateSelf";
import { Alert } from "../../components/ui/Alert";
import { Spinner } from "../../components/ui/Spinner";
import { errorMessage } from "../../lib/errorMessages";

const kindStyle: Record<string, string> = {
  hired: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  rejected: "bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

/** `/me/applications`: `GET /api/candidate/applications`, each with its current stage. */
export function MyApplicationsPage() {
  const apps = useQuery({ queryKey: ["candidate-self", "applications"], queryFn: listMyApplications });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">My applications</h1>
      {apps.isPending ? (
        <Spinner label="Loading your applications" />
      ) : apps.isError ? (
        <Alert>{errorMessage(apps.error)}</Alert>
      ) : apps.data.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          You have not applied yet. <Link to="/jobs" className="text-indigo-600 underline dark:text-indigo-400">Browse jobs</Link>
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {apps.data.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div>
                <p className="font-medium">{a.job_title}</p>
                <p className="text-sm text-slate-500 dark:text-slate-400">
                  {a.company_name} · applied {new Date(a.submitted_at).toLocaleDateString()}
                </p>
              </div>
              <p className="text-sm">
                <span className="sr-only">Current stage: </span>
                <span className={clsx("rounded-full px-2 py-0.5 font-medium", kindStyle[a.stage_kind] ?? "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200")}>
                  {a.stage_name}
                </span>{" "}
                <span className="text-slate-500 dark:text-slate-400">since {new Date(a.stage_entered_at).toLocaleDateString()}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
