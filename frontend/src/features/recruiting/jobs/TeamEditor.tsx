import { zodResolver } from "@hookform/resolvers/zod";
import { X } from "lucide-react";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { setJobTeam } from "../../../api/recruiting";
import type { Me, TeamMember, TeamView } from "../../../api/types";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/SelectField";
import { errorMessage } from "../../../lib/errorMessages";
import { listFieldErrors } from "../../../lib/listFieldErrors";
import { isApiError } from "../../../services/apiError";
import { teamRoles } from "../labels";
import { ColleaguePicker } from "./ColleaguePicker";
import { focusAfterRender } from "./focusAfterRender";

const schema = z.object({
  members: z.array(z.object({ user_id: z.string(), full_name: z.string(), role: z.string().min(1, "Choose a role.") })),
});
type Values = z.infer<typeof schema>;

/** Edits the caller company's side of a job's team; `PUT /api/jobs/{id}/team` replaces that side only. */
export function TeamEditor({ jobId, me, initial, onSaved, onCancel }: { jobId: string; me: Me | undefined; initial: TeamMember[]; onSaved: (team: TeamView) => void; onCancel: () => void }) {
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { members: initial.map((m) => ({ user_id: m.user_id, full_name: m.full_name, role: m.role })) },
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "members", keyName: "key" });
  const [refusal, setRefusal] = useState<string | null>(null);
  const errors = form.formState.errors.members;
  const saveId = `${jobId}-save-team`;

  const submit = form.handleSubmit(async ({ members }) => {
    setRefusal(null);
    try {
      onSaved(await setJobTeam(jobId, { members: members.map(({ user_id, role }) => ({ user_id, role })) }));
    } catch (error) {
      const { rows, rest } = listFieldErrors(error, "members");
      for (const [i, row] of rows) {
        if (row.user_id) form.setError(`members.${i}.user_id`, { type: "server", message: row.user_id });
        if (row.role) form.setError(`members.${i}.role`, { type: "server", message: row.role });
      }
      if (rest.length > 0) return setRefusal(rest.map((f) => `${f.field}: ${f.message}`).join("; "));
      if (rows.size > 0) return setRefusal("Some members were refused: see the marked rows.");
      setRefusal(isApiError(error) && error.status === 404 ? "This job no longer exists or is no longer shared with your company." : errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Your side of the team">
      {refusal && <Alert title="The team was not saved">{refusal}</Alert>}
      {fields.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Nobody from your company is on this job. Add colleagues below, or save to leave your side empty.</p>
      ) : (
        <ul className="space-y-2">
          {fields.map((field, i) => {
            const userError = errors?.[i]?.user_id?.message;
            return (
              <li key={field.key} className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-800">
                <div className="min-w-40 flex-1">
                  <p className="text-sm font-medium">
                    {field.full_name}
                    {field.user_id === me?.id && <span className="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">(you)</span>}
                  </p>
                  {userError && (
                    <p id={`member-${field.key}-error`} className="text-sm text-red-600 dark:text-red-400">
                      {userError}
                    </p>
                  )}
                </div>
                <div className="w-48">
                  <SelectField label={`Role of ${field.full_name}`} options={teamRoles} error={errors?.[i]?.role?.message} {...form.register(`members.${i}.role`)} />
                </div>
                <Button
                  id={`member-${field.key}-remove`}
                  variant="ghost"
                  aria-label={`Remove ${field.full_name}`}
                  aria-describedby={userError ? `member-${field.key}-error` : undefined}
                  onClick={() => {
                    const neighbour = fields[i + 1]?.key ?? fields[i - 1]?.key;
                    remove(i);
                    focusAfterRender(neighbour && `member-${neighbour}-remove`, saveId);
                  }}
                >
                  <X aria-hidden className="size-4" />
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <ColleaguePicker
        me={me}
        taken={new Set(fields.map((f) => f.user_id))}
        onPick={(person, role) => append({ user_id: person.id, full_name: person.fullName, role })}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button id={saveId} type="submit" disabled={form.formState.isSubmitting}>
          Save team
        </Button>
      </div>
    </form>
  );
}
