import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search, Upload, UserPlus } from "lucide-react";
import type { FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { listUsers, type UserListQuery } from "../../api/admin";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { TextField } from "../../components/ui/TextField";
import { CompanyPicker } from "../../features/admin/CompanyPicker";
import { Badge, PageHeader, Pagination, QueryError, SelectField, formatDateTime, tableClass, tdClass, thClass } from "../../features/admin/ui";
import { isLocked, statusTone, userStatuses } from "../../features/admin/userLabels";

export const USERS_PER_PAGE = 25;
const FILTERS = ["q", "status", "role", "company_id"] as const;

export function usersQueryFromParams(params: URLSearchParams): UserListQuery {
  const query: UserListQuery = { per_page: USERS_PER_PAGE };
  for (const name of FILTERS) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  const page = Number(params.get("page"));
  query.page = Number.isInteger(page) && page > 1 ? page : 1;
  return query;
}

const linkClass = "text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400";

/** `/admin/users`: `GET /api/admin/users` with search, status, role (and company for super admins) and paging in the URL. */
export function UsersPage() {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const query = usersQueryFromParams(params);
  const users = useQuery({ queryKey: ["admin", "users", query], queryFn: () => listUsers(query), placeholderData: keepPreviousData });

  const update = (change: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    if (!("page" in change)) next.delete("page");
    for (const [name, value] of Object.entries(change)) {
      if (value && !(name === "page" && value === "1")) next.set(name, value);
      else next.delete(name);
    }
    setParams(next);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update({ q: String(form.get("q") ?? "").trim(), role: String(form.get("role") ?? "").trim() });
  };

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader
        title="Users"
        description="Everyone with an account in your scope."
        actions={
          can(me, "users:create") && (
            <>
              <Link to="/admin/users/import" className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                <Upload aria-hidden className="size-4" /> Import CSV
              </Link>
              <Link to="/admin/users/new" className="inline-flex items-center gap-2 rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
                <UserPlus aria-hidden className="size-4" /> New user
              </Link>
            </>
          )
        }
      />

      <form key={params.toString()} role="search" aria-label="Filter users" onSubmit={submit} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
        <TextField label="Name or email" name="q" type="search" defaultValue={query.q ?? ""} />
        <SelectField label="Status" value={query.status ?? ""} onChange={(e) => update({ status: e.target.value })}>
          <option value="">Any</option>
          {Object.entries(userStatuses).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField label="Role" name="role" placeholder="e.g. recruiter" defaultValue={query.role ?? ""} />
        {can(me, "companies:manage") && (
          <CompanyPicker emptyLabel="All companies" value={query.company_id ?? ""} onChange={(e) => update({ company_id: e.target.value })} />
        )}
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit">
            <Search aria-hidden className="size-4" /> Search
          </Button>
          {FILTERS.some((f) => query[f]) && (
            <Button variant="ghost" onClick={() => setParams(new URLSearchParams())}>
              Clear filters
            </Button>
          )}
        </div>
      </form>

      <section aria-labelledby="users-title" aria-busy={users.isFetching} className="space-y-3">
        <h2 id="users-title" className="sr-only">
          Results
        </h2>
        {users.isPending ? (
          <Spinner label="Loading users" />
        ) : users.isError ? (
          <QueryError title="Could not load users" error={users.error} onRetry={() => void users.refetch()} />
        ) : users.data.items.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No users match these filters.</p>
        ) : (
          <>
            <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
              <table className={tableClass}>
                <thead>
                  <tr>
                    <th className={thClass}>Name</th>
                    <th className={thClass}>Status</th>
                    <th className={thClass}>Roles</th>
                    <th className={thClass}>Company</th>
                    <th className={thClass}>Last sign-in</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {users.data.items.map((u) => (
                    <tr key={u.id}>
                      <td className={tdClass}>
                        <Link to={`/admin/users/${u.id}`} className={linkClass}>
                          {u.full_name}
                        </Link>
                        <div className="text-xs text-slate-500 dark:text-slate-400">{u.email}</div>
                      </td>
                      <td className={tdClass}>
                        <div className="flex flex-wrap gap-1">
                          <Badge tone={statusTone(u.status)}>{userStatuses[u.status] ?? u.status}</Badge>
                          {u.login_hold_reason && <Badge tone="red">Login on hold</Badge>}
                          {isLocked(u) && <Badge tone="amber">Locked</Badge>}
                        </div>
                      </td>
                      <td className={tdClass}>{u.roles.join(", ")}</td>
                      <td className={tdClass}>{u.company?.name ?? "—"}</td>
                      <td className={tdClass}>{formatDateTime(u.last_login_at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={users.data.page} perPage={users.data.per_page} total={users.data.total} noun="users" onPage={(p) => update({ page: String(p) })} />
          </>
        )}
      </section>
    </div>
  );
}
