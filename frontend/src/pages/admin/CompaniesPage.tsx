import { zodResolver } from "@hookform/resolvers/zod";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useForm, type UseFormSetError } from "react-hook-form";
import { useSearchParams } from "react-router";
import { z } from "zod";
import { createCompany, listCompanies, updateCompany, type CompanyListQuery } from "../../api/admin";
import type { CompanyDetails } from "../../api/types";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { TextField } from "../../components/ui/TextField";
import { Badge, ConfirmButton, PageHeader, Pagination, QueryError, SelectField, cardClass, formatDateTime, tableClass, tdClass, thClass } from "../../features/admin/ui";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

export const COMPANIES_PER_PAGE = 25;
const types: Record<string, string> = { agency: "Agency", employer: "Employer" };
const statuses: Record<string, string> = { active: "Active", suspended: "Suspended" };

function queryFromParams(params: URLSearchParams): CompanyListQuery {
  const query: CompanyListQuery = { per_page: COMPANIES_PER_PAGE };
  for (const name of ["q", "type", "status"] as const) {
    const value = params.get(name)?.trim();
    if (value) query[name] = value;
  }
  const page = Number(params.get("page"));
  query.page = Number.isInteger(page) && page > 1 ? page : 1;
  return query;
}

const nameSchema = z.string().trim().min(1, "Enter a name.").max(200, "At most 200 characters.");

/** Puts `company_name_taken` (409) and 422s on the name field; anything else is returned for an alert. */
function nameError<T extends { name: string }>(error: unknown, setError: UseFormSetError<T>): string | null {
  if (isApiError(error, "company_name_taken")) {
    (setError as UseFormSetError<{ name: string }>)("name", { type: "server", message: errorMessage(error) });
    return null;
  }
  return applyFieldErrors<{ name: string }>(error, ["name"], setError as UseFormSetError<{ name: string }>) ? null : errorMessage(error);
}

/** `/admin/companies` (super admin, `companies:manage`): list with filters in the URL, create, rename, suspend / reactivate. */
export function CompaniesPage() {
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const companies = useQuery({ queryKey: ["admin", "companies", query], queryFn: () => listCompanies(query), placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);

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
    update({ q: String(new FormData(event.currentTarget).get("q") ?? "").trim() });
  };

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader
        title="Companies"
        description="Every agency and employer on the platform. Suspending a company signs its users out and keeps them out."
        actions={!creating && <Button onClick={() => setCreating(true)}>New company</Button>}
      />
      {creating && <CreateCompanyForm onDone={() => setCreating(false)} />}

      <form key={params.toString()} role="search" aria-label="Filter companies" onSubmit={submit} className={`grid gap-3 sm:grid-cols-3 ${cardClass}`}>
        <TextField label="Name" name="q" type="search" defaultValue={query.q ?? ""} />
        <SelectField label="Type" value={query.type ?? ""} onChange={(e) => update({ type: e.target.value })}>
          <option value="">Any</option>
          {Object.entries(types).map(([v, l]) => (
            <option key={v} value={v}>{l}</option>
          ))}
        </SelectField>
        <SelectField label="Status" value={query.status ?? ""} onChange={(e) => update({ status: e.target.value })}>
          <option value="">Any</option>
          {Object.entries(statuses).map(([v, l]) => (
            <option key={v} value={v}>{l}</option>
          ))}
        </SelectField>
        <div className="sm:col-span-3">
          <Button type="submit" variant="secondary">Search</Button>
        </div>
      </form>

      {companies.isPending ? (
        <Spinner label="Loading companies" />
      ) : companies.isError ? (
        <QueryError title="Companies could not be loaded" error={companies.error} onRetry={() => void companies.refetch()} />
      ) : companies.data.items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No companies match.</p>
      ) : (
        <>
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className={tableClass}>
              <thead>
                <tr>
                  <th className={thClass}>Name</th>
                  <th className={thClass}>Type</th>
                  <th className={thClass}>Status</th>
                  <th className={thClass}>Users</th>
                  <th className={thClass}>Created</th>
                  <th className={thClass}><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {companies.data.items.map((company) => (
                  <CompanyRow key={company.id} company={company} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={companies.data.page} perPage={companies.data.per_page} total={companies.data.total} noun="companies" onPage={(p) => update({ page: String(p) })} />
        </>
      )}
    </div>
  );
}

function CreateCompanyForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ name: string; type: string }>({
    resolver: zodResolver(z.object({ name: nameSchema, type: z.string().min(1, "Choose a type.") })),
    defaultValues: { name: "", type: "agency" },
  });
  const create = useMutation({
    mutationFn: (v: { name: string; type: string }) => createCompany({ name: v.name.trim(), type: v.type }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["admin", "companies"] });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error) && applyFieldErrors(error, ["type"], form.setError) && !error.fields.name) return;
      setFormError(nameError(error, form.setError));
    },
  });
  return (
    <form
      aria-label="New company"
      noValidate
      className={`space-y-3 ${cardClass}`}
      onSubmit={form.handleSubmit((v) => {
        setFormError(null);
        create.mutate(v);
      })}
    >
      {formError && <Alert>{formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Company name" autoFocus error={form.formState.errors.name?.message} {...form.register("name")} />
        <SelectField label="Type" error={form.formState.errors.type?.message} {...form.register("type")}>
          {Object.entries(types).map(([v, l]) => (
            <option key={v} value={v}>{l}</option>
          ))}
        </SelectField>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending}>{create.isPending ? "Creating…" : "Create company"}</Button>
        <Button variant="secondary" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}

function CompanyRow({ company }: { company: CompanyDetails }) {
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [rowError, setRowError] = useState<string | null>(null);
  const form = useForm<{ name: string }>({ resolver: zodResolver(z.object({ name: nameSchema })), defaultValues: { name: company.name } });
  const patch = useMutation({
    mutationFn: (body: { name?: string; status?: string }) => updateCompany(company.id, body),
    onMutate: () => setRowError(null),
    onSuccess: async () => {
      setRenaming(false);
      await queryClient.invalidateQueries({ queryKey: ["admin", "companies"] });
    },
    onError: (error, body) => {
      if (body.name !== undefined) setRowError(nameError(error, form.setError));
      else setRowError(errorMessage(error));
    },
  });
  const suspended = company.status === "suspended";
  return (
    <tr>
      <td className={tdClass}>
        {renaming ? (
          <form
            aria-label={`Rename ${company.name}`}
            noValidate
            className="flex flex-wrap items-end gap-2"
            onSubmit={form.handleSubmit((v) => patch.mutate({ name: v.name.trim() }))}
          >
            <TextField label="Name" autoFocus error={form.formState.errors.name?.message} {...form.register("name")} />
            <Button type="submit" disabled={patch.isPending}>Save</Button>
            <Button variant="ghost" onClick={() => { form.reset({ name: company.name }); setRenaming(false); }}>Cancel</Button>
          </form>
        ) : (
          <span className="font-medium">{company.name}</span>
        )}
        {rowError && <div className="mt-2"><Alert>{rowError}</Alert></div>}
      </td>
      <td className={tdClass}>{types[company.type] ?? company.type}</td>
      <td className={tdClass}>
        <Badge tone={suspended ? "red" : "green"}>{statuses[company.status] ?? company.status}</Badge>
      </td>
      <td className={tdClass}>{company.user_count}</td>
      <td className={tdClass}>{formatDateTime(company.created_at)}</td>
      <td className={`${tdClass} whitespace-nowrap text-right`}>
        <span className="inline-flex flex-wrap justify-end gap-2">
          {!renaming && (
            <Button variant="ghost" aria-label={`Rename ${company.name}`} onClick={() => setRenaming(true)}>Rename</Button>
          )}
          {suspended ? (
            <Button variant="secondary" disabled={patch.isPending} onClick={() => patch.mutate({ status: "active" })}>Reactivate</Button>
          ) : (
            <ConfirmButton label="Suspend" confirmLabel={`Suspend ${company.name} and sign its users out`} disabled={patch.isPending} onConfirm={() => patch.mutate({ status: "suspended" })} />
          )}
        </span>
      </td>
    </tr>
  );
}
