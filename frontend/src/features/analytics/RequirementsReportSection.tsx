import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRequirementsReport, type RequirementsReportQuery } from "../../api/analytics";
import { Alert } from "../../components/ui/Alert";
import { SelectField } from "../../components/ui/SelectField";
import { Spinner } from "../../components/ui/Spinner";
import { KpiCard } from "../../pages/dashboard/KpiCard";
import { ChartFigure } from "../charts/ChartFigure";
import { any, priorities } from "../recruiting/labels";
import { requirementsCharts } from "./analyticsCharts";
import { reportError } from "./reportError";

/** The statuses the report accepts (`open` and `on_hold` together by default). */
const openStatuses = [
  ["", "Open and on hold"],
  ["open", "Open"],
  ["on_hold", "On hold"],
] as const;

/** `GET /api/analytics/requirements`: ageing of open requirements, by client and by recruiter. */
export function RequirementsReportSection({ query, onFilter }: { query: RequirementsReportQuery; onFilter: (change: { status?: string; priority?: string }) => void }) {
  const report = useQuery({ queryKey: ["analytics", "requirements", query], queryFn: () => getRequirementsReport(query), placeholderData: keepPreviousData });
  const data = report.data;
  const filtered = !!(query.status || query.priority);

  return (
    <section aria-labelledby="requirements-report" aria-busy={report.isFetching} className="space-y-4">
      <div>
        <h2 id="requirements-report" className="text-lg font-semibold">
          Open requirements
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">Whole days since each open or on-hold job opened, by client and by recruiter (a job with two recruiters counts for both).</p>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="Status" options={openStatuses} value={query.status ?? ""} onChange={(e) => onFilter({ status: e.target.value })} />
        <SelectField label="Priority" options={any(priorities)} value={query.priority ?? ""} onChange={(e) => onFilter({ priority: e.target.value })} />
      </div>
      {report.isPending ? (
        <Spinner label="Loading the requirements report" />
      ) : report.isError ? (
        <Alert title="Could not load the requirements report">{reportError(report.error)}</Alert>
      ) : data && data.totals.total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">No open requirements{filtered ? " match these filters" : ""}.</p>
      ) : data ? (
        <>
          <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            <KpiCard label="Open requirements" value={data.totals.total} />
          </dl>
          <div className="grid gap-4 lg:grid-cols-2">
            {requirementsCharts(data).map((spec) => (
              <ChartFigure key={spec.id} spec={spec} headingLevel={3} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
