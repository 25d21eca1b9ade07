import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { addMine, deleteMine, listMine, updateMine, type ListKind, type ListKinds } from "../../api/candidateSelf";
import { EmptyState } from "../../components/list/EmptyState";
import { ListState } from "../../components/list/ListState";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { SelectField } from "../../components/ui/SelectField";
import { TextField } from "../../components/ui/TextField";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";
import type { FormValues, ListConfig } from "./listConfigs";

type Item = ListKinds[ListKind]["item"];

/** One of the candidate's lists (skills, experience, education): add, edit and delete, each on its own endpoint. */
export function MyList<K extends ListKind>({ config }: { config: ListConfig<K> }) {
  const c = config as unknown as ListConfig;
  const queryClient = useQueryClient();
  const key = ["candidate-self", c.kind];
  const items = useQuery({ queryKey: key, queryFn: () => listMine(c.kind) as Promise<Item[]> });
  // null: no editor open; "new": adding; otherwise the id being edited.
  const [editing, setEditing] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const remove = useMutation({
    mutationFn: (id: string) => deleteMine(c.kind, id),
    onMutate: () => setListError(null),
    onSuccess: refresh,
    onError: (error) => {
      setListError(errorMessage(error));
      void refresh();
    },
  });
  const headingId = `my-${c.kind}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {c.title}
        </h2>
        {editing === null && (
          <Button variant="secondary" onClick={() => setEditing("new")}>
            Add {c.noun}
          </Button>
        )}
      </div>
      {listError && <Alert>{listError}</Alert>}
      {editing === "new" && <ItemEditor config={c} onDone={() => setEditing(null)} onSaved={refresh} />}
      <ListState
        query={items}
        pendingLabel={`Loading ${c.title.toLowerCase()}`}
        isEmpty={(data) => data.length === 0}
        empty={<EmptyState message="Nothing added yet." />}
      >
        {(data) => (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {data.map((item) => (
              <li key={item.id} className="p-3">
                {editing === item.id ? (
                  <ItemEditor config={c} item={item} onDone={() => setEditing(null)} onSaved={refresh} />
                ) : (
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <div>
                      <p className="font-medium">{c.name(item)}</p>
                      <p className="text-sm text-slate-500 dark:text-slate-400">{c.describe(item)}</p>
                    </div>
                    <div className="flex gap-2">
                      <Button variant="ghost" aria-label={`Edit ${c.name(item)}`} onClick={() => setEditing(item.id)} disabled={editing !== null}>
                        Edit
                      </Button>
                      <Button variant="ghost" aria-label={`Delete ${c.name(item)}`} onClick={() => remove.mutate(item.id)} disabled={remove.isPending}>
                        Delete
                      </Button>
                    </div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </ListState>
    </section>
  );
}

function ItemEditor({ config: c, item, onDone, onSaved }: { config: ListConfig; item?: Item; onDone: () => void; onSaved: () => Promise<unknown> }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({ defaultValues: item ? c.toValues(item as never) : c.empty() });
  const { errors } = form.formState;
  const save = useMutation({
    mutationFn: (values: FormValues) => (item ? updateMine(c.kind, item.id, c.toBody(values)) : addMine(c.kind, c.toBody(values))),
    onSuccess: async () => {
      await onSaved();
      onDone();
    },
    onError: (error) => {
      // The API names the fields without a prefix (`end_date`), like this form.
      const names = new Set(c.fields.map((f) => f.name));
      let landed = false;
      if (isApiError(error)) {
        for (const [field, message] of Object.entries(error.fields)) {
          if (names.has(field)) {
            form.setError(field, { type: "server", message });
            landed = true;
          }
        }
      }
      setFormError(landed ? "Some fields need attention." : errorMessage(error));
    },
  });
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    save.mutate(values);
  });
  const title = item ? `Edit ${c.name(item as never)}` : `New ${c.noun}`;
  return (
    <form onSubmit={submit} noValidate aria-label={title} className="space-y-3 rounded-lg border border-indigo-200 p-3 dark:border-indigo-900">
      {formError && <Alert>{formError}</Alert>}
      <div className="grid gap-3 sm:grid-cols-2">
        {c.fields.map((f) => {
          const error = errors[f.name]?.message;
          if (f.type === "checkbox")
            return (
              <label key={f.name} className="flex items-center gap-2 self-end text-sm font-medium">
                <input type="checkbox" className="size-4" {...form.register(f.name)} />
                {f.label}
              </label>
            );
          if (f.options) return <SelectField key={f.name} label={f.label} options={f.options} error={error} {...form.register(f.name)} />;
          return <TextField key={f.name} label={f.label} type={f.type === "number" ? "text" : (f.type ?? "text")} inputMode={f.type === "number" ? "decimal" : undefined} error={error} {...form.register(f.name)} />;
        })}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
