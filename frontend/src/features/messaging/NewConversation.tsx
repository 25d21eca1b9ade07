import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { UserPlus, X } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import { z } from "zod";
import { createConversation } from "../../api/messaging";
import type { Me } from "../../api/types";
import { isBlockedPair, roleFamily } from "../../auth/permissions";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";
import { ApiError } from "../../services/apiError";
import { useContactCandidates, type Contact } from "./useContactCandidates";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const schema = z.object({ subject: z.string().trim().max(200, "At most 200 characters.") });
type Values = z.infer<typeof schema>;

/** Start a conversation: pick people, optionally a subject. The API has the last word on who may talk. */
export function NewConversation({ me, onClose }: { me: Me; onClose: () => void }) {
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<Contact[]>([]);
  const [byId, setById] = useState("");
  const [pickError, setPickError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { contacts, needsSearch, loading } = useContactCandidates(me, query);
  const { register, handleSubmit, setError, formState } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { subject: "" } });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const myFamily = roleFamily(me);

  const pick = (c: Contact) => {
    setPickError(null);
    if (!picked.some((p) => p.id === c.id)) setPicked([...picked, c]);
  };

  const addById = () => {
    const id = byId.trim();
    if (!uuid.test(id)) return setPickError("Enter a user id (a UUID).");
    if (id === me.id) return setPickError("You are added automatically.");
    pick({ id, fullName: id, detail: "by user id", family: null });
    setById("");
  };

  const submit = handleSubmit(async ({ subject }) => {
    setRefusal(null);
    if (picked.length === 0) return setPickError("Pick at least one person.");
    try {
      const created = await createConversation({ participant_ids: picked.map((p) => p.id), subject: subject || null });
      await queryClient.invalidateQueries({ queryKey: ["conversations"], exact: true });
      onClose();
      navigate(`/messages/${created.id}`);
    } catch (error) {
      if (applyFieldErrors(error, ["subject"], setError)) return;
      if (error instanceof ApiError) {
        // participant_ids[i] points at the person as sent.
        const bad = error.fieldErrors.find((f) => f.field.startsWith("participant_ids"));
        const index = bad ? Number(/\[(\d+)\]/.exec(bad.field)?.[1]) : NaN;
        if (bad) return setRefusal(`${picked[index]?.fullName ?? "A participant"}: ${bad.message}`);
      }
      setRefusal(errorMessage(error));
    }
  });

  return (
    <section role="dialog" aria-labelledby="new-conversation-title" className="space-y-3 p-3">
      <div className="flex items-center justify-between">
        <h2 id="new-conversation-title" className="font-semibold">
          New conversation
        </h2>
        <Button variant="ghost" aria-label="Close" onClick={onClose}>
          <X aria-hidden className="size-4" />
        </Button>
      </div>
      <form onSubmit={submit} noValidate className="space-y-3">
        {refusal && <Alert title="Could not start the conversation">{refusal}</Alert>}
        {picked.length > 0 && (
          <ul aria-label="Participants" className="flex flex-wrap gap-1">
            {picked.map((p) => (
              <li key={p.id} className="inline-flex items-center gap-1 rounded-full bg-indigo-100 px-2 py-0.5 text-xs dark:bg-indigo-950">
                {p.fullName}
                <button type="button" aria-label={`Remove ${p.fullName}`} onClick={() => setPicked(picked.filter((x) => x.id !== p.id))}>
                  <X aria-hidden className="size-3" />
                </button>
              </li>
            ))}
          </ul>
        )}
        <TextField
          label="Find people"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          hint={needsSearch ? "Type at least 2 characters of a name or email." : "Colleagues, and people you share a job or an application with."}
        />
        <ul aria-label="People" className="max-h-48 space-y-1 overflow-y-auto">
          {contacts.map((c) => {
            const blocked = !!c.family && isBlockedPair(myFamily, c.family);
            return (
              <li key={c.id}>
                <button
                  type="button"
                  disabled={blocked}
                  onClick={() => pick(c)}
                  className="w-full rounded-md p-2 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:opacity-50 dark:hover:bg-slate-800"
                >
                  <span className="font-medium">{c.fullName}</span> <span className="text-xs text-slate-600 dark:text-slate-400">{c.detail}</span>
                  {blocked && <span className="block text-xs">Candidates and employers can't message each other directly.</span>}
                </button>
              </li>
            );
          })}
          {!loading && contacts.length === 0 && <li className="p-2 text-sm text-slate-600 dark:text-slate-400">Nobody found.</li>}
        </ul>
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <TextField label="Or add by user id" value={byId} onChange={(e) => setById(e.target.value)} />
          </div>
          <Button variant="secondary" onClick={addById}>
            <UserPlus aria-hidden className="size-4" /> Add
          </Button>
        </div>
        {pickError && <p role="alert" className="text-sm text-red-600 dark:text-red-400">{pickError}</p>}
        <TextField label="Subject (optional)" error={formState.errors.subject?.message} {...register("subject")} />
        <Button type="submit" disabled={formState.isSubmitting}>
          Start conversation
        </Button>
      </form>
    </section>
  );
}
