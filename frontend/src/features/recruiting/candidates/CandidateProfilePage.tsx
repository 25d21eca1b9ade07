import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { addNote, getCandidate, listNotes, mergeCandidate } from "../../../api/recruiting";
import type { CandidateProfile } from "../../../api/types";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Spinner } from "../../../components/ui/Spinner";
import { TextArea } from "../../../components/ui/TextArea";
import { TextField } from "../../../components/ui/TextField";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { formatDate, formatDateTime } from "../format";
import { wordFor, candidateSources } from "../labels";
import { ScanBadge } from "../ScanBadge";

const candidateKey = (id: string) => ["recruiting", "candidate", id] as const;

/** `/recruiting/candidates/:id`: the profile, documents with their scan state, applications, notes and merge. */
export function CandidateProfilePage() {
  const { id = "" } = useParams();
  const me = useMe().data;
  const profile = useQuery({ queryKey: candidateKey(id), queryFn: () => getCandidate(id) });

  if (profile.isPending) return <Spinner label="Loading the candidate" />;
  if (profile.isError) {
    const gone = isApiError(profile.error) && profile.error.status === 404;
    return <Alert title={gone ? "Candidate not found" : "Could not load the candidate"}>{gone ? "The profile does not exist, was merged, or is not visible to you." : errorMessage(profile.error)}</Alert>;
  }
  const c = profile.data;
  const writable = c.editable && can(me, "candidates:write");

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header>
        <h1 className="text-xl font-semibold">{c.full_name}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">{[c.headline, c.location].filter(Boolean).join(" · ")}</p>
        {!c.editable && <p className="mt-1 text-sm text-slate-500">Read-only: this profile belongs to {c.owner?.name ?? "another company"} and applied to one of your jobs.</p>}
      </header>

      <dl className="grid gap-3 rounded-lg border border-slate-200 p-4 text-sm sm:grid-cols-3 dark:border-slate-800">
        <Fact label="Email">{c.email ?? "—"}</Fact>
        <Fact label="Phone">{c.phone ?? "—"}</Fact>
        <Fact label="Current">{[c.current_title, c.current_company].filter(Boolean).join(" @ ") || "—"}</Fact>
        <Fact label="Experience">{c.total_experience_years != null ? `${c.total_experience_years} years` : "—"}</Fact>
        <Fact label="Notice period">{c.notice_period_days != null ? `${c.notice_period_days} days` : "—"}</Fact>
        <Fact label="Source">{wordFor(candidateSources, c.source)}</Fact>
        {c.tags.length > 0 && <Fact label="Tags">{c.tags.join(", ")}</Fact>}
        {Object.entries(c.links).some(([, v]) => v) && (
          <Fact label="Links">
            {Object.entries(c.links)
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <a key={k} href={v!} rel="noopener noreferrer nofollow" target="_blank" className="mr-2 text-indigo-600 underline dark:text-indigo-400">
                  {k}
                </a>
              ))}
          </Fact>
        )}
      </dl>
      {c.summary && <p className="whitespace-pre-wrap text-sm">{c.summary}</p>}

      <Section title="Skills">
        {c.skills.length === 0 ? (
          <Empty>No skills recorded.</Empty>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {c.skills.map((s) => (
              <li key={s.id} className="rounded-full bg-slate-100 px-3 py-1 text-sm dark:bg-slate-800">
                {s.name}
                {s.proficiency && ` · ${s.proficiency}`}
                {s.years_experience != null && ` · ${s.years_experience} y`}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Experience">
        {c.experience.length === 0 ? (
          <Empty>No experience recorded.</Empty>
        ) : (
          <ul className="space-y-2 text-sm">
            {c.experience.map((x) => (
              <li key={x.id}>
                <p className="font-medium">
                  {x.job_title} · {x.company_name}
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {formatDate(x.start_date)} – {x.is_current ? "present" : x.end_date ? formatDate(x.end_date) : "—"}
                </p>
                {x.description && <p className="whitespace-pre-wrap">{x.description}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Education">
        {c.education.length === 0 ? (
          <Empty>No education recorded.</Empty>
        ) : (
          <ul className="space-y-2 text-sm">
            {c.education.map((e) => (
              <li key={e.id}>
                <p className="font-medium">
                  {e.degree}
                  {e.field_of_study && `, ${e.field_of_study}`} · {e.institution}
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {[e.start_date && formatDate(e.start_date), e.end_date && formatDate(e.end_date)].filter(Boolean).join(" – ")}
                  {e.grade && ` · ${e.grade}`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Documents">
        {c.documents.length === 0 ? (
          <Empty>No documents.</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {c.documents.map((d) => (
              <li key={d.file_id}>
                {d.file_name} <span className="text-slate-500 dark:text-slate-400">({d.kind})</span>
                <ScanBadge status={d.virus_status} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Applications">
        {c.applications.length === 0 ? (
          <Empty>No applications you can see.</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {c.applications.map((a) => (
              <li key={a.id}>
                {can(me, "applications:read") ? (
                  <Link to={`/recruiting/applications/${a.id}`} className="text-indigo-600 hover:underline dark:text-indigo-400">
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
      {c.editable && <Notes candidateId={c.id} canWrite={writable} />}
      {writable && <Merge survivor={c} />}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-2 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const Empty = ({ children }: { children: React.ReactNode }) => <p className="text-sm text-slate-500 dark:text-slate-400">{children}</p>;

function Notes({ candidateId, canWrite }: { candidateId: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const key = ["recruiting", "candidate", candidateId, "notes"];
  const notes = useQuery({ queryKey: key, queryFn: () => listNotes(candidateId) });
  const [body, setBody] = useState("");
  const add = useMutation({
    mutationFn: () => addNote(candidateId, body.trim()),
    onSuccess: () => {
      setBody("");
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const fieldError = isApiError(add.error) ? add.error.fields.body : undefined;
  return (
    <Section title="Notes">
      {notes.isPending && <Spinner label="Loading notes" />}
      {notes.isError && <Alert>{errorMessage(notes.error)}</Alert>}
      {notes.data && notes.data.items.length === 0 && <Empty>No notes yet.</Empty>}
      {notes.data && notes.data.items.length > 0 && (
        <ul className="mb-3 space-y-2">
          {notes.data.items.map((n) => (
            <li key={n.id} className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-800">
              <p className="whitespace-pre-wrap">{n.body}</p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {n.author.full_name} · <time dateTime={n.created_at}>{formatDateTime(n.created_at)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <form
          className="space-y-2"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (body.trim()) add.mutate();
          }}
        >
          <TextArea label="Add a note" value={body} maxLength={10000} onChange={(e) => setBody(e.target.value)} error={fieldError} />
          {add.isError && !fieldError && <Alert>{errorMessage(add.error)}</Alert>}
          <Button type="submit" disabled={add.isPending || !body.trim()}>
            {add.isPending ? "Saving…" : "Add note"}
          </Button>
        </form>
      )}
    </Section>
  );
}

function Merge({ survivor }: { survivor: CandidateProfile }) {
  const queryClient = useQueryClient();
  const [duplicateId, setDuplicateId] = useState("");
  const merge = useMutation({
    mutationFn: () => mergeCandidate(survivor.id, duplicateId.trim()),
    onSuccess: (merged) => {
      queryClient.setQueryData(candidateKey(merged.id), merged);
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
