import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { JobDetails, SharedWithView } from "../../../api/types";
import { AgencySharingEditor } from "./AgencySharingEditor";
import { EditableSection } from "./EditableSection";
import { invalidateJobSetup, jobKey } from "./jobQueries";

/**
 * The agencies an employer's job is shared with (`shared_with`, which the API
 * sends to the owner only). Sharing replaces the whole list.
 */
export function AgencySharing({ job, canEdit }: { job: JobDetails; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const agencies = job.shared_with ?? [];

  const saved = (view: SharedWithView) => {
    queryClient.setQueryData<JobDetails>(jobKey(job.id), (old) => (old ? { ...old, shared_with: view.shared_with } : old));
    // Removed agencies' recruiters leave the team: the refetched job shows that.
    void invalidateJobSetup(queryClient, job.id);
    setEditing(false);
    setNotice(view.shared_with.length === 0 ? "The job is no longer shared with any agency." : "Sharing saved.");
  };

  return (
    <EditableSection
      headingId="agencies-heading"
      title="Shared with agencies"
      editLabel="Edit sharing"
      showEdit={canEdit && !editing}
      onEdit={() => {
        setNotice(null);
        setEditing(true);
      }}
      notice={notice}
    >
      {editing ? (
        <AgencySharingEditor jobId={job.id} initial={agencies} onSaved={saved} onCancel={() => setEditing(false)} />
      ) : agencies.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Not shared with any agency: only your company works on it.</p>
      ) : (
        <ul className="text-sm">
          {agencies.map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
        </ul>
      )}
    </EditableSection>
  );
}
