import { useQuery } from "@tanstack/react-query";
import { getDashboard } from "../../api/me";
import type { Dashboard } from "../../api/types";
import { useMe } from "../../auth/useMe";
import { Alert } from "../../components/ui/Alert";
import { Spinner } from "../../components/ui/Spinner";
import { ChartFigure } from "../../features/charts/ChartFigure";
import { errorMessage } from "../../lib/errorMessages";
import { dashboardCharts } from "./dashboardCharts";
import { dashboardKpis } from "./dashboardKpis";
import { KpiCard } from "./KpiCard";

export function DashboardPage() {
  const me = useMe().data;
  const dashboard = useQuery({ queryKey: ["dashboard"], queryFn: getDashboard });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome{me ? `, ${me.full_name}` : ""}</h1>
      {dashboard.isPending && <Spinner label="Loading your dashboard" />}
      {dashboard.isError && <Alert title="Could not load your dashboard">{errorMessage(dashboard.error)}</Alert>}
      {dashboard.data && <DashboardNumbers dashboard={dashboard.data} />}
    </div>
  );
}

function DashboardNumbers({ dashboard }: { dashboard: Dashboard }) {
  const charts = dashboardCharts(dashboard);
  return (
    <>
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {dashboardKpis(dashboard).map((k) => (
          <KpiCard key={k.label} {...k} />
        ))}
      </dl>
      {charts.length > 0 && (
        <div className="grid gap-4 lg:grid-cols-2">
          {charts.map((spec) => (
            <ChartFigure key={spec.id} spec={spec} />
          ))}
        </div>
      )}
    </>
  );
}
