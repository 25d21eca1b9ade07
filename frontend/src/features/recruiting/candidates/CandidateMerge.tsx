import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { mergeCandidate } from "../../../api/recruiting";
import type { CandidateProfile } from "../../../api/types";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { TextField } from "../../../components/ui/TextField";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { Section } from "./ProfileSection";
import { candidateKey, documentsKey, notesKey } from "./queryKeys";

/** `POST /api/candidates/{id}/merge {duplicate_id}`: folds a duplicate profile into this one. */
export function CandidateMerge({ survivor }: { survivor: CandidateProfile }) {
  const queryClient = useQueryClient();
  const [duplicateId, setDuplicateId] = useState("");
  const merge = useMutation({
    mutationFn: () => mergeCandidate(survivor.id, duplicateId.trim()),
    onSuccess: (merged) => {
      queryClient.setQueryData(candidateKey(merged.id), merged);
      // The duplicate's notes and documents moved here.
      void queryClient.invalidateQueries({ queryKey: notesKey(merged.id) });
      void queryClient.invalidateQueries({ queryKey: documentsKey(merged.id) });
      void queryClient.invalidateQueries({ queryKey: ["recruiting", "candidates"] });
      setDuplicateId("");
    },
  });
  const fieldError = isApiError(merge.error) ? merge.error.fields.duplicate_id : undefined;
  return (
    <Section title="Merge a duplicate">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (duplicateId.trim() && window.confirm(`Fold the duplicate profile into ${survivor.full_name}? This cannot be undone.`)) merge.mutate();
        }}
      >
        <p className="text-sm text-slate-600 dark:text-slate-400">
          The duplicate's applications, notes, experience, education, documents and skills move to {survivor.full_name}; empty fields here are filled from it.
        </p>
        <TextField label="Duplicate profile id" value={duplicateId} onChange={(e) => setDuplicateId(e.target.value)} error={fieldError} />
        {merge.isError && !fieldError && <Alert>{errorMessage(merge.error)}</Alert>}
        {merge.isSuccess && <Alert tone="info">Merged.</Alert>}
        <Button type="submit" variant="secondary" disabled={merge.isPending || !duplicateId.trim()}>
          {merge.isPending ? "Merging…" : "Merge into this profile"}
        </Button>
      </form>
    </Section>
  );
}
