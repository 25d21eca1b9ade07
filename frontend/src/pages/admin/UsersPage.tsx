import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Upload, UserPlus } from "lucide-react";
import { Link } from "react-router";
import { listUsers, type UserListQuery } from "../../api/admin";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { EmptyState } from "../../components/list/EmptyState";
import { FilterBar } from "../../components/list/FilterBar";
import { ListFrame } from "../../components/list/ListFrame";
import { cellClass, ListTable } from "../../components/list/ListTable";
import { Pager } from "../../components/list/Pager";
import { useTypedFilters, useUrlFilters } from "../../components/list/useUrlFilters";
import { TextField } from "../../components/ui/TextField";
import { CompanyPicker } from "../../features/admin/CompanyPicker";
import { Badge, PageHeader, SelectField, formatDateTime } from "../../features/admin/ui";
import { isLocked, statusTone, userStatuses } from "../../features/admin/userLabels";

export const USERS_PER_PAGE = 25;
const FILTERS = ["q", "status", "role", "company_id"] as const;

const linkClass = "text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400";

/** `/admin/users`: `GET /api/admin/users` with search, status, role (and company for super admins) and paging in the URL. */
export function UsersPage() {
  const me = useMe().data;
  const { values, page, update, clear, active, key } = useUrlFilters(FILTERS);
  const query: UserListQuery = { ...values, page, per_page: USERS_PER_PAGE };
  const users = useQuery({ queryKey: ["admin", "users", query], queryFn: () => listUsers(query), placeholderData: keepPreviousData });
  const { formRef, typed } = useTypedFilters(["q", "role"] as const);

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

      <FilterBar label="Filter users" resetKey={key} formRef={formRef} onSubmit={() => update(typed())} submitLabel="Search" onClear={active ? clear : undefined}>
        <TextField label="Name or email" name="q" type="search" defaultValue={values.q ?? ""} />
        <SelectField label="Status" value={values.status ?? ""} onChange={(e) => update({ status: e.target.value })}>
          <option value="">Any</option>
          {Object.entries(userStatuses).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField label="Role" name="role" placeholder="e.g. recruiter" defaultValue={values.role ?? ""} />
        {can(me, "companies:manage") && (
          <CompanyPicker emptyLabel="All companies" value={values.company_id ?? ""} onChange={(e) => update({ company_id: e.target.value })} />
        )}
      </FilterBar>

      <ListFrame
        label="Results"
        heading
        query={users}
        pendingLabel="Loading users"
        errorTitle="Could not load users"
        retry
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState message="No users match these filters." />}
      >
        {(data) => (
          <>
            <ListTable headers={["Name", "Status", "Roles", "Company", "Last sign-in"]}>
              {data.items.map((u) => (
                <tr key={u.id}>
                  <td className={cellClass}>
                    <Link to={`/admin/users/${u.id}`} className={linkClass}>
                      {u.full_name}
                    </Link>
                    <div className="text-xs text-slate-500 dark:text-slate-400">{u.email}</div>
                  </td>
                  <td className={cellClass}>
                    <div className="flex flex-wrap gap-1">
                      <Badge tone={statusTone(u.status)}>{userStatuses[u.status] ?? u.status}</Badge>
                      {u.login_hold_reason && <Badge tone="red">Login on hold</Badge>}
                      {isLocked(u) && <Badge tone="amber">Locked</Badge>}
                    </div>
                  </td>
                  <td className={cellClass}>{u.roles.join(", ")}</td>
                  <td className={cellClass}>{u.company?.name ?? "—"}</td>
                  <td className={cellClass}>{formatDateTime(u.last_login_at)}</td>
                </tr>
              ))}
            </ListTable>
            <Pager page={data.page} perPage={data.per_page} total={data.total} noun="users" onPage={(p) => update({ page: String(p) })} />
          </>
        )}
      </ListFrame>
    </div>
  );
}
