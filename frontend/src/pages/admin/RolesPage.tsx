import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { createRole, deleteRole, listPermissions, listRoles, updateRole } from "../../api/admin";
import type { PermissionView, RoleView } from "../../api/types";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { TextField } from "../../components/ui/TextField";
import { CompanyPicker } from "../../features/admin/CompanyPicker";
import { QueryError } from "../../components/ui/QueryError";
import { Badge, ConfirmButton, PageHeader, TextAreaField, cardClass } from "../../features/admin/ui";
import { errorMessage } from "../../lib/errorMessages";
import { ApiError, isApiError } from "../../services/apiError";

/** Never grantable in a custom role (docs/admin-guide.md). */
const NOT_GRANTABLE = new Set(["companies:manage", "candidate:self"]);

/** `/admin/roles`: the company's custom roles (create, edit permissions, delete) and the system roles, read-only. */
export function RolesPage() {
  const roles = useQuery({ queryKey: ["admin", "roles", "all"], queryFn: () => listRoles() });
  const catalogue = useQuery({ queryKey: ["admin", "permissions"], queryFn: listPermissions });
  const [editing, setEditing] = useState<string | "new" | null>(null);

  if (roles.isPending || catalogue.isPending) return <Spinner label="Loading roles" />;
  if (roles.isError) return <QueryError title="Could not load roles" error={roles.error} />;
  if (catalogue.isError) return <QueryError title="Could not load the permission catalogue" error={catalogue.error} />;

  const custom = roles.data.items.filter((r) => !r.is_system);
  const system = roles.data.items.filter((r) => r.is_system);
  const permissions = catalogue.data.items.filter((p) => !NOT_GRANTABLE.has(p.code));

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader
        title="Roles and permissions"
        description="Custom roles combine permissions from the catalogue; system roles are fixed."
        actions={
          editing !== "new" && (
            <Button onClick={() => setEditing("new")}>
              <Plus aria-hidden className="size-4" /> New role
            </Button>
          )
        }
      />
      {editing === "new" && <RoleForm permissions={permissions} onDone={() => setEditing(null)} />}

      <section aria-labelledby="custom-title" className="space-y-3">
        <h2 id="custom-title" className="text-lg font-semibold">
          Custom roles
        </h2>
        {custom.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No custom roles yet.</p>}
        {custom.map((role) =>
          editing === role.id ? (
            <RoleForm key={role.id} role={role} permissions={permissions} onDone={() => setEditing(null)} />
          ) : (
            <RoleCard key={role.id} role={role} onEdit={() => setEditing(role.id)} />
          ),
        )}
      </section>

      <section aria-labelledby="system-title" className="space-y-3">
        <h2 id="system-title" className="text-lg font-semibold">
          System roles
        </h2>
        {system.map((role) => (
          <RoleCard key={role.id} role={role} />
        ))}
      </section>
    </div>
  );
}

function RoleCard({ role, onEdit }: { role: RoleView; onEdit?: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteRole(role.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "roles"] }),
  });
  return (
    <article aria-label={role.name} className={`${cardClass} space-y-2`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-medium">
            {role.name} {role.is_system && <Badge>System</Badge>}
          </h3>
          {role.description && <p className="text-sm text-slate-600 dark:text-slate-400">{role.description}</p>}
          <p className="text-xs text-slate-500 dark:text-slate-400">{role.user_count === 1 ? "1 user" : `${role.user_count} users`}</p>
        </div>
        {onEdit && (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={onEdit}>
              Edit
            </Button>
            <ConfirmButton label="Delete" confirmLabel={`Delete ${role.name}`} disabled={remove.isPending} onConfirm={() => remove.mutate()} />
          </div>
        )}
      </div>
      {remove.isError && <Alert title="Could not delete the role">{errorMessage(remove.error)}</Alert>}
      <ul aria-label={`Permissions of ${role.name}`} className="flex flex-wrap gap-1">
        {role.permissions.map((p) => (
          <li key={p}>
            <Badge tone="sky">{p}</Badge>
          </li>
        ))}
      </ul>
    </article>
  );
}

function RoleForm({ role, permissions, onDone }: { role?: RoleView; permissions: PermissionView[]; onDone: () => void }) {
  const me = useMe().data;
  const superAdmin = can(me, "companies:manage");
  const queryClient = useQueryClient();
  const [name, setName] = useState(role?.name ?? "");
  const [description, setDescription] = useState(role?.description ?? "");
  const [companyId, setCompanyId] = useState("");
  const [chosen, setChosen] = useState<Set<string>>(new Set(role?.permissions ?? []));

  const save = useMutation({
    mutationFn: () => {
      const list = permissions.map((p) => p.code).filter((c) => chosen.has(c));
      return role
        ? updateRole(role.id, { name, description, permissions: list })
        : createRole({ name, description: description || null, permissions: list, company_id: companyId || null });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["admin", "roles"] });
      onDone();
    },
  });

  const fields = save.error instanceof ApiError ? save.error.fields : {};
  const nameError = fields.name ?? (isApiError(save.error, "role_name_taken") ? errorMessage(save.error) : undefined);
  const codes = permissions.map((p) => p.code).filter((c) => chosen.has(c));
  const permissionErrors = Object.entries(fields)
    .filter(([f]) => f.startsWith("permissions"))
    .map(([f, message]) => {
      const index = /\[(\d+)\]/.exec(f)?.[1];
      return `${index !== undefined ? (codes[Number(index)] ?? f) : "Permissions"}: ${message}`;
    });
  const shown = nameError || fields.description || fields.company_id || permissionErrors.length > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const toggle = (code: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  return (
    <form onSubmit={submit} noValidate aria-label={role ? `Edit ${role.name}` : "New role"} className={`${cardClass} space-y-4`}>
      {save.isError && !shown && <Alert title="Could not save the role">{errorMessage(save.error)}</Alert>}
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={nameError} hint="2 to 64 letters, digits, spaces, _ or -." />
      <TextAreaField label="Description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} error={fields.description} />
      {superAdmin && !role && <CompanyPicker value={companyId} onChange={(e) => setCompanyId(e.target.value)} error={fields.company_id} />}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Permissions</legend>
        {permissionErrors.length > 0 && (
          <Alert title="Some permissions were refused">
            <ul>
              {permissionErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </Alert>
        )}
        <div className="grid gap-2 sm:grid-cols-2">
          {permissions.map((p) => (
            <label key={p.code} className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
              <input type="checkbox" className="mt-1" checked={chosen.has(p.code)} onChange={() => toggle(p.code)} />
              <span>
                <span className="font-mono text-xs">{p.code}</span> {p.administrative && <Badge tone="amber">admin</Badge>}
                <span className="block text-slate-600 dark:text-slate-400">{p.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {role ? "Save role" : "Create role"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
