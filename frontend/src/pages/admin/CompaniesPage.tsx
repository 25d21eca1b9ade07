import { zodResolver } from "@hookform/resolvers/zod";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, type UseFormSetError } from "react-hook-form";
import { z } from "zod";
import { createCompany, listCompanies, updateCompany, type CompanyListQuery } from "../../api/admin";
import type { CompanyDetails } from "../../api/types";
import { EmptyState } from "../../components/list/EmptyState";
import { FilterBar } from "../../components/list/FilterBar";
import { ListFrame } from "../../components/list/ListFrame";
import { cellClass, ListTable } from "../../components/list/ListTable";
import { Pager } from "../../components/list/Pager";
import { useTypedFilters, useUrlFilters } from "../../components/list/useUrlFilters";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { Badge, ConfirmButton, PageHeader, SelectField, cardClass, formatDateTime } from "../../features/admin/ui";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

export const COMPANIES_PER_PAGE = 25;
const types: Record<string, string> = { agency: "Agency", employer: "Employer" };
const statuses: Record<string, string> = { active: "Active", suspended: "Suspended" };

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
  const { values, page, update, key } = useUrlFilters(["q", "type", "status"] as const);
  const query: CompanyListQuery = { ...values, page, per_page: COMPANIES_PER_PAGE };
  const companies = useQuery({ queryKey: ["admin", "companies", query], queryFn: () => listCompanies(query), placeholderData: keepPreviousData });
  const { formRef, typed } = useTypedFilters(["q"] as const);
  const [creating, setCreating] = useState(false);

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader
        title="Companies"
        description="Every agency and employer on the platform. Suspending a company signs its users out and keeps them out."
        actions={!creating && <Button onClick={() => setCreating(true)}>New company</Button>}
      />
      {creating && <CreateCompanyForm onDone={() => setCreating(false)} />}

      <FilterBar label="Filter companies" resetKey={key} formRef={formRef} onSubmit={() => update(typed())} columns={3} submitLabel="Search">
        <TextField label="Name" name="q" type="search" defaultValue={values.q ?? ""} />
        <SelectField label="Type" value={values.type ?? ""} onChange={(e) => update({ type: e.target.value })}>
          <option value="">Any</option>
          {Object.entries(types).map(([v, l]) => (
            <option key={v} value={v}>{l}</option>
          ))}
        </SelectField>
        <SelectField label="Status" value={values.status ?? ""} onChange={(e) => update({ status: e.target.value })}>
          <option value="">Any</option>
          {Object.entries(statuses).map(([v, l]) => (
            <option key={v} value={v}>{l}</option>
          ))}
        </SelectField>
      </FilterBar>

      <ListFrame
        label="Companies"
        query={companies}
        pendingLabel="Loading companies"
        errorTitle="Companies could not be loaded"
        retry
        isEmpty={(data) => data.items.length === 0}
        empty={<EmptyState message="No companies match." />}
      >
        {(data) => (
          <>
            <ListTable headers={["Name", "Type", "Status", "Users", "Created", <span key="actions" className="sr-only">Actions</span>]}>
              {data.items.map((company) => (
                <CompanyRow key={company.id} company={company} />
              ))}
            </ListTable>
            <Pager page={data.page} perPage={data.per_page} total={data.total} noun="companies" onPage={(p) => update({ page: String(p) })} />
          </>
        )}
      </ListFrame>
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
      <td className={cellClass}>
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
      <td className={cellClass}>{types[company.type] ?? company.type}</td>
      <td className={cellClass}>
        <Badge tone={suspended ? "red" : "green"}>{statuses[company.status] ?? company.status}</Badge>
      </td>
      <td className={cellClass}>{company.user_count}</td>
      <td className={cellClass}>{formatDateTime(company.created_at)}</td>
      <td className={`${cellClass} whitespace-nowrap text-right`}>
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
