import { zodResolver } from "@hookform/resolvers/zod";
import { X } from "lucide-react";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { shareJob } from "../../../api/recruiting";
import type { CompanyRef, SharedWithView } from "../../../api/types";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { errorMessage } from "../../../lib/errorMessages";
import { listFieldErrors } from "../../../lib/listFieldErrors";
import { isApiError } from "../../../services/apiError";
import { AgencySharingPicker } from "./AgencySharingPicker";
import { focusAfterRender } from "./focusAfterRender";

const schema = z.object({
  agencies: z.array(z.object({ agency_id: z.string(), name: z.string() })),
});
type Values = z.infer<typeof schema>;

/**
 * Edits the list of agencies (`PUT /api/jobs/{id}/agencies`), picked from the
 * agency directory (`GET /api/agencies`); the API still checks on saving that
 * each is an active agency.
 */
export function AgencySharingEditor({ jobId, initial, onSaved, onCancel }: { jobId: string; initial: CompanyRef[]; onSaved: (view: SharedWithView) => void; onCancel: () => void }) {
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { agencies: initial.map((a) => ({ agency_id: a.id, name: a.name })) } });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "agencies", keyName: "key" });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const errors = form.formState.errors.agencies;
  const searchId = `${jobId}-agency-search`;
  const taken = new Set(fields.map((f) => f.agency_id));

  const add = (agency: CompanyRef) => {
    // The picker disables added agencies; this guards a double click landing before the re-render.
    if (form.getValues("agencies").some((a) => a.agency_id === agency.id)) return;
    append({ agency_id: agency.id, name: agency.name }, { shouldFocus: false });
    setAnnouncement(`Added ${agency.name}`);
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
            const error = errors?.[i]?.agency_id?.message;
            return (
              <li key={field.key} className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800">
                <div className="min-w-0 flex-1">
                  <p className="break-words font-medium">{field.name}</p>
                  {error && (
                    <p id={`agency-${field.key}-error`} className="text-sm text-red-600 dark:text-red-400">
                      {error}
                    </p>
                  )}
                </div>
                <Button
                  id={`agency-${field.key}-remove`}
                  variant="ghost"
                  aria-label={`Remove ${field.name}`}
                  aria-describedby={error ? `agency-${field.key}-error` : undefined}
                  onClick={() => {
                    const neighbour = fields[i + 1]?.key ?? fields[i - 1]?.key;
                    remove(i);
                    setAnnouncement(`Removed ${field.name}`);
                    focusAfterRender(neighbour && `agency-${neighbour}-remove`, searchId);
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
      <AgencySharingPicker searchId={searchId} taken={taken} onPick={add} />
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
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
