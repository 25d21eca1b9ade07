import { zodResolver } from "@hookform/resolvers/zod";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { addNote, listNotes } from "../../../api/recruiting";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { Spinner } from "../../../components/ui/Spinner";
import { TextArea } from "../../../components/ui/TextArea";
import { applyFieldErrors } from "../../../lib/applyFieldErrors";
import { errorMessage } from "../../../lib/errorMessages";
import { formatDateTime } from "../format";
import { Empty, Section } from "./ProfileSection";
import { notesKey } from "./queryKeys";

const NOTE_MAX = 10_000;
const schema = z.object({ body: z.string().trim().min(1, "Write the note first.").max(NOTE_MAX, `At most ${NOTE_MAX.toLocaleString()} characters.`) });
type Values = z.infer<typeof schema>;

/**
 * The owning company's internal notes (`GET/POST /api/candidates/{id}/notes`),
 * newest first as the API orders them, 50 a page with older ones on request.
 * Bodies are plain text: text nodes with pre-wrap, never HTML.
 */
export function CandidateNotes({ candidateId, canWrite }: { candidateId: string; canWrite: boolean }) {
  const notes = useInfiniteQuery({
    queryKey: notesKey(candidateId),
    queryFn: ({ pageParam }) => listNotes(candidateId, pageParam),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.per_page < last.total ? last.page + 1 : undefined),
  });
  const items = notes.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section title="Notes">
      {canWrite && <AddNote candidateId={candidateId} />}
      {notes.isPending ? (
        <Spinner label="Loading notes" />
      ) : notes.isError ? (
        <Alert title="Could not load the notes">{errorMessage(notes.error)}</Alert>
      ) : items.length === 0 ? (
        <Empty>No notes yet.</Empty>
      ) : (
        <>
          <ol className="mt-3 space-y-2" aria-label="Notes, newest first">
            {items.map((n) => (
              <li key={n.id} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
                <p className="whitespace-pre-wrap break-words">{n.body}</p>
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  {n.author.full_name} · <time dateTime={n.created_at}>{formatDateTime(n.created_at)}</time>
                </p>
              </li>
            ))}
          </ol>
          {notes.hasNextPage && (
            <Button variant="secondary" className="mt-2" disabled={notes.isFetchingNextPage} onClick={() => void notes.fetchNextPage()}>
              {notes.isFetchingNextPage ? "Loading…" : "Show older notes"}
            </Button>
          )}
        </>
      )}
    </Section>
  );
}

function AddNote({ candidateId }: { candidateId: string }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { body: "" } });
  const add = useMutation({
    // The schema already trimmed the body.
    mutationFn: (v: Values) => addNote(candidateId, v.body),
    onSuccess: () => {
      form.reset({ body: "" });
      setAdded(true);
      return queryClient.invalidateQueries({ queryKey: notesKey(candidateId) });
    },
    onError: (error) => {
      if (!applyFieldErrors(error, ["body"], form.setError)) setFormError(errorMessage(error));
    },
  });
  const submit = form.handleSubmit((v) => {
    setFormError(null);
    setAdded(false);
    add.mutate(v);
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <TextArea label="Add a note" hint="Only your company sees notes." maxLength={NOTE_MAX} error={form.formState.errors.body?.message} {...form.register("body")} />
      {formError && <Alert>{formError}</Alert>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? "Saving…" : "Add note"}
        </Button>
        <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {added ? "Note added." : ""}
        </span>
      </div>
    </form>
  );
}
