import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { useUrlFilters } from "../../components/list/useUrlFilters";
import { PipelineReportSection } from "./PipelineReportSection";
import { RequirementsReportSection } from "./RequirementsReportSection";

const FILTERS = ["job_id", "status", "priority"] as const;

/** `/recruiting/analytics` (reports:read): the pipeline and requirement reports, their choices kept in the URL with the API's names. */
export function AnalyticsPage() {
  const me = useMe().data;
  const { values, update } = useUrlFilters(FILTERS);

  return (
    <div className="space-y-8">
      <h1 className="text-xl font-semibold">Analytics</h1>
      {/* The job list needs jobs:read; without it the report covers every open job. */}
      <PipelineReportSection jobId={values.job_id} onJobChange={(jobId) => update({ job_id: jobId })} canPickJob={can(me, "jobs:read")} />
      <RequirementsReportSection query={{ status: values.status, priority: values.priority }} onFilter={update} />
    </div>
  );
}
