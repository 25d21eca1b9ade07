import { useQuery } from "@tanstack/react-query";
import { forwardRef, useId, type InputHTMLAttributes } from "react";
import { listRoles } from "../../api/admin";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { TextField } from "../../components/ui/TextField";

/**
 * A role name input. Callers who may read roles (`roles:manage`) get the names
 * the API lists as suggestions; the API decides which ones may be given.
 */
export const RoleField = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { label?: string; error?: string | undefined; hint?: string }>(
  function RoleField({ label = "Role", ...props }, ref) {
    const me = useMe().data;
    const listId = useId();
    const roles = useQuery({ queryKey: ["admin", "roles", "all"], queryFn: () => listRoles(), enabled: can(me, "roles:manage") });
    const names = [...new Set((roles.data?.items ?? []).filter((r) => r.name !== "super_admin" && r.name !== "candidate").map((r) => r.name))];
    return (
      <>
        <TextField ref={ref} label={label} list={names.length ? listId : undefined} autoComplete="off" {...props} />
        {names.length > 0 && (
          <datalist id={listId}>
            {names.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        )}
      </>
    );
  },
);
