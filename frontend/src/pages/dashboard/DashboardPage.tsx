import { useQuery } from "@tanstack/react-query";
import { getDashboard } from "../../api/me";
import { useMe } from "../../auth/useMe";
import { Alert } from "../../components/ui/Alert";
import { Spinner } from "../../components/ui/Spinner";
import { errorMessage } from "../../lib/errorMessages";
import { dashboardKpis } from "./dashboardKpis";
import { KpiCard } from "./KpiCard";

export function DashboardPage() {
  const me = useMe().data;
  const dashboard = useQuery({ queryKey: ["dashboard"], queryFn: getDashboard });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome{me ? `, ${me.full_name}` : ""}</h1>
      {dashboard.isPending && <Spinner label="Loading your dashboard" />}
      {dashboard.isError && <Alert>{errorMessage(dashboard.error)}</Alert>}
      {dashboard.data && <DashboardNumbers view={dashboardKpis(dashboard.data)} />}
    </div>
  );
}

function DashboardNumbers({ view }: { view: ReturnType<typeof dashboardKpis> }) {
  return (
    <>
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {view.kpis.map((k) => (
          <KpiCard key={k.label} {...k} />
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        {view.breakdowns.map((b) => (
          <section key={b.title} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <h2 className="mb-2 font-medium">{b.title}</h2>
            {b.rows.length === 0 ? (
              <p className="text-sm text-slate-500">Nothing yet.</p>
            ) : (
              <table className="w-full text-sm">
                <tbody>
                  {b.rows.map((r) => (
                    <tr key={r.key} className="border-t border-slate-100 dark:border-slate-800">
                      <th scope="row" className="py-1 text-left font-normal">{r.key}</th>
                      <td className="py-1 text-right tabular-nums">{r.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
