import { useQuery } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { getCandidate } from "../../../api/recruiting";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Spinner } from "../../../components/ui/Spinner";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { formatDate } from "../format";
import { CandidateDetails } from "./CandidateDetails";
import { CandidateDocuments } from "./CandidateDocuments";
import { CandidateEditForm } from "./CandidateEditForm";
import { CandidateMerge } from "./CandidateMerge";
import { CandidateNotes } from "./CandidateNotes";
import { Empty, Section } from "./ProfileSection";
import { candidateKey } from "./queryKeys";

/** `/recruiting/candidates/:id`: the profile (editable by its owner), documents with their scan state, applications, notes and merge. */
export function CandidateProfilePage() {
  const { id = "" } = useParams();
  const me = useMe().data;
  const profile = useQuery({ queryKey: candidateKey(id), queryFn: () => getCandidate(id) });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const actions = useRef<HTMLDivElement>(null);

  if (profile.isPending) return <Spinner label="Loading the candidate" />;
  if (profile.isError) {
    const gone = isApiError(profile.error) && profile.error.status === 404;
    return <Alert title={gone ? "Candidate not found" : "Could not load the candidate"}>{gone ? "The profile does not exist, was merged, or is not visible to you." : errorMessage(profile.error)}</Alert>;
  }
  const c = profile.data;
  // `editable` says the caller's company owns the profile; anyone else would get 403 `not_candidate_owner`.
  const writable = c.editable && can(me, "candidates:write");

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{c.full_name}</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">{[c.headline, c.location].filter(Boolean).join(" · ")}</p>
          {!c.editable && <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">Read-only: this profile belongs to {c.owner?.name ?? "another company"} and applied to one of your jobs.</p>}
        </div>
        <div ref={actions} className="flex flex-wrap items-center gap-3">
          {/* Always in the page, so the confirmation is announced when it appears. */}
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {saved ? "Profile saved." : ""}
          </p>
          {writable && !editing && (
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              <Pencil aria-hidden className="size-4" /> Edit profile
            </Button>
          )}
        </div>
      </header>

      {editing ? (
        <CandidateEditForm
          candidate={c}
          onDone={(didSave) => {
            setSaved(didSave);
            setEditing(false);
            // Back to where the edit started, once the button is rendered again.
            requestAnimationFrame(() => actions.current?.querySelector("button")?.focus());
          }}
        />
      ) : (
        <CandidateDetails candidate={c} />
      )}

      <CandidateDocuments candidateId={c.id} canUpload={writable} />

      <Section title="Applications">
        {c.applications.length === 0 ? (
          <Empty>No applications you can see.</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {c.applications.map((a) => (
              <li key={a.id}>
                {can(me, "applications:read") ? (
                  <Link to={`/recruiting/applications/${a.id}`} className="text-indigo-600 underline underline-offset-2 dark:text-indigo-400">
                    {a.job.reference} · {a.job.title}
                  </Link>
                ) : (
                  `${a.job.reference} · ${a.job.title}`
                )}{" "}
                — {a.stage.name} ({a.state}), since {formatDate(a.submitted_at)}
              </li>
            ))}
          </ul>
        )}
      </Section>

      {/* The notes list is the owner's only (anyone else gets 404), so it is only asked for when editable. */}
      {c.editable && <CandidateNotes candidateId={c.id} canWrite={writable} />}
      {writable && <CandidateMerge survivor={c} />}
    </div>
  );
}
