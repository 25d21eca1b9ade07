import { useQuery } from "@tanstack/react-query";
import { forwardRef, type SelectHTMLAttributes } from "react";
import { listCompanies } from "../../api/admin";
import { SelectField } from "./ui";

/** Super admins name the company a user, import or role belongs to (`company_id`); the first 100 companies by name. */
export const CompanyPicker = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { label?: string; error?: string | undefined; emptyLabel?: string }>(
  function CompanyPicker({ label = "Company", error, emptyLabel = "Choose a company", ...props }, ref) {
    const companies = useQuery({ queryKey: ["admin", "companies", "picker"], queryFn: () => listCompanies({ per_page: 100 }) });
    return (
      <SelectField ref={ref} label={label} error={error ?? (companies.isError ? "Could not load the companies." : undefined)} {...props}>
        <option value="">{companies.isPending ? "Loading…" : emptyLabel}</option>
        {companies.data?.items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.type})
          </option>
        ))}
      </SelectField>
    );
  },
);
