import { zodResolver } from "@hookform/resolvers/zod";
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { shareJob } from "../../../api/recruiting";
import type { CompanyRef, SharedWithView } from "../../../api/types";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { TextField } from "../../../components/ui/TextField";
import { errorMessage } from "../../../lib/errorMessages";
import { listFieldErrors } from "../../../lib/listFieldErrors";
import { isApiError } from "../../../services/apiError";
import { focusAfterRender } from "./focusAfterRender";

const agencyId = z.string().trim().uuid("Enter an agency's company id (a UUID).");
const schema = z.object({
  // `name` is null for an agency added by id: the API names it in its answer.
  agencies: z.array(z.object({ agency_id: z.string(), name: z.string().nullable() })),
});
type Values = z.infer<typeof schema>;

/**
 * Edits the list of agencies (`PUT /api/jobs/{id}/agencies`). The API has no
 * directory of agencies an employer could browse, so new ones are added by
 * their company id; the API checks that each is an active agency.
 */
export function AgencySharingEditor({ jobId, initial, onSaved, onCancel }: { jobId: string; initial: CompanyRef[]; onSaved: (view: SharedWithView) => void; onCancel: () => void }) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { agencies: initial.map((a) => ({ agency_id: a.id, name: a.name })) } });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "agencies", keyName: "key" });
  const [newId, setNewId] = useState("");
  const [newIdError, setNewIdError] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const errors = form.formState.errors.agencies;
  const addFieldId = `${jobId}-agency-id`;

  const add = () => {
    const parsed = agencyId.safeParse(newId);
    if (!parsed.success) return setNewIdError(parsed.error.issues[0]?.message);
    const id = parsed.data.toLowerCase();
    if (fields.some((f) => f.agency_id.toLowerCase() === id)) return setNewIdError("This agency is already in the list.");
    append({ agency_id: id, name: null });
    setNewId("");
    setNewIdError(undefined);
  };

  const submit = form.handleSubmit(async ({ agencies }) => {
    setRefusal(null);
    try {
      onSaved(await shareJob(jobId, { agency_ids: agencies.map((a) => a.agency_id) }));
    } catch (error) {
      const { rows, rest } = listFieldErrors(error, "agency_ids");
      for (const [i, row] of rows) {
        const message = row[""];
        if (message) form.setError(`agencies.${i}.agency_id`, { type: "server", message });
      }
      // `agency_ids` `not_shareable`: only an employer's jobs are shared.
      if (rest.length > 0) return setRefusal(rest.map((f) => f.message).join("; "));
      if (rows.size > 0) return setRefusal("Some agencies were refused: see the marked rows.");
      setRefusal(isApiError(error) && error.status === 404 ? "This job no longer exists." : errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Agencies">
      {refusal && <Alert title="Sharing was not saved">{refusal}</Alert>}
      {fields.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No agency: saving now stops sharing the job.</p>
      ) : (
        <ul className="space-y-2">
          {fields.map((field, i) => {
            const label = field.name ?? `Agency ${field.agency_id}`;
            const error = errors?.[i]?.agency_id?.message;
            return (
              <li key={field.key} className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800">
                <div className="min-w-0 flex-1">
                  <p className="break-all font-medium">{label}</p>
                  {!field.name && <p className="text-xs text-slate-500 dark:text-slate-400">Added by id: named once saved.</p>}
                  {error && (
                    <p id={`agency-${field.key}-error`} className="text-sm text-red-600 dark:text-red-400">
                      {error}
                    </p>
                  )}
                </div>
                <Button
                  id={`agency-${field.key}-remove`}
                  variant="ghost"
                  aria-label={`Remove ${label}`}
                  aria-describedby={error ? `agency-${field.key}-error` : undefined}
                  onClick={() => {
                    const neighbour = fields[i + 1]?.key ?? fields[i - 1]?.key;
                    remove(i);
                    focusAfterRender(neighbour && `agency-${neighbour}-remove`, addFieldId);
                  }}
                >
                  <X aria-hidden className="size-4" />
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">Removing an agency also takes its recruiters off this job's team, and the job out of its sight.</p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-60 flex-1">
          <TextField
            id={addFieldId}
            label="Add an agency by its company id"
            hint="HireOps has no directory of agencies for employers: ask the agency for its company id."
            value={newId}
            error={newIdError}
            onChange={(e) => setNewId(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the id instead of saving the whole list.
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <Button variant="secondary" onClick={add}>
          <Plus aria-hidden className="size-4" /> Add agency
        </Button>
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Save sharing
        </Button>
      </div>
    </form>
  );
}
