import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listApplications } from "../../../api/recruiting";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { EmptyState } from "../../../components/list/EmptyState";
import { ListFrame } from "../../../components/list/ListFrame";
import { ListTable } from "../../../components/list/ListTable";
import { Pager } from "../../../components/list/Pager";
import { useUrlFilters } from "../../../components/list/useUrlFilters";
import { Button } from "../../../components/ui/Button";
import { isApiError } from "../../../services/apiError";
import { ApplicationFilters } from "./ApplicationFilters";
import { applicationColumns, ApplicationRow } from "./ApplicationRow";
import { applicationsQuery, FILTERS, filterLabels } from "./applicationFilters";

/** `/recruiting/applications`: `GET /api/applications` with every filter it takes, kept in the URL. */
export function ApplicationsListPage() {
  const me = useMe().data;
  const { values, page, update, clear, active, key } = useUrlFilters(FILTERS);
  const query = applicationsQuery(values, page);
  const list = useQuery({ queryKey: ["recruiting", "applications", query], queryFn: () => listApplications(query), placeholderData: keepPreviousData });
  const errors = isApiError(list.error) ? list.error.fields : {};
  const clearButton = (
    <Button variant="secondary" onClick={clear}>
      Clear filters
    </Button>
  );

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Applications</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Every application you can see.</p>
      </div>

      <ApplicationFilters me={me} values={values} update={update} clear={clear} active={active} resetKey={key} items={list.data?.items ?? []} errors={errors} />

      <ListFrame
        label="Applications"
        query={list}
        pendingLabel="Loading applications"
        errorTitle="Could not load applications"
        retry
        errorActions={active && clearButton}
        fieldLabels={filterLabels}
        isEmpty={(data) => data.items.length === 0}
        empty={active ? <EmptyState message="No applications match these filters.">{clearButton}</EmptyState> : <EmptyState message="No applications yet." />}
        count={(data) => (data.total === 1 ? "1 application" : `${data.total} applications`)}
      >
        {(data) => (
          <>
            <ListTable headers={applicationColumns}>
              {data.items.map((a) => (
                <ApplicationRow
                  key={a.id}
                  application={a}
                  canCandidates={can(me, "candidates:read")}
                  canJobs={can(me, "jobs:read")}
                  onCandidate={(id) => update({ candidate_id: id })}
                  onJob={(id) => update({ job_id: id, stage_id: null })}
                />
              ))}
            </ListTable>
            <Pager page={data.page} total={data.total} perPage={data.per_page} onPage={(p) => update({ page: String(p) })} />
          </>
        )}
      </ListFrame>
    </div>
  );
}
