import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getPipelineReport } from "../../api/analytics";
import { Alert } from "../../components/ui/Alert";
import { Spinner } from "../../components/ui/Spinner";
import { KpiCard } from "../../pages/dashboard/KpiCard";
import { ChartFigure } from "../charts/ChartFigure";
import { pipelineCharts, pipelineKpis } from "./analyticsCharts";
import { JobSelect } from "./JobSelect";
import { reportError } from "./reportError";

/** `GET /api/analytics/pipeline`: one job's stages, or every open job's merged by stage name. */
export function PipelineReportSection({ jobId, onJobChange, canPickJob }: { jobId: string | undefined; onJobChange: (jobId: string | null) => void; canPickJob: boolean }) {
  const report = useQuery({
    queryKey: ["analytics", "pipeline", jobId ?? null],
    queryFn: () => getPipelineReport(jobId ? { job_id: jobId } : {}),
    placeholderData: keepPreviousData,
  });
  const data = report.data;

  return (
    <section aria-labelledby="pipeline-report" aria-busy={report.isFetching} className="space-y-4">
      <div>
        <h2 id="pipeline-report" className="text-lg font-semibold">
          Pipeline
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          How many applications reached each stage, how many are there now, and how long they stay. Without a job, every open job counts, stages merged by name.
        </p>
      </div>
      {canPickJob && <JobSelect value={jobId} onChange={onJobChange} />}
      {report.isPending ? (
        <Spinner label="Loading the pipeline report" />
      ) : report.isError ? (
        <Alert title="Could not load the pipeline report">{reportError(report.error, "This job does not exist or is not visible to you.")}</Alert>
      ) : data && data.stages.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">No open jobs with stages to report yet.</p>
      ) : data ? (
        <>
          <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            {pipelineKpis(data).map((k) => (
              <KpiCard key={k.label} {...k} />
            ))}
          </dl>
          <div className="grid gap-4 lg:grid-cols-2">
            {pipelineCharts(data).map((spec) => (
              <ChartFigure key={spec.id} spec={spec} headingLevel={3} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
