import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { Plus, Undo2 } from "lucide-react";
import { useEffect, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { editJobStages } from "../../../api/recruiting";
import type { JobStage } from "../../../api/types";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { errorMessage } from "../../../lib/errorMessages";
import { listFieldErrors } from "../../../lib/listFieldErrors";
import { isApiError } from "../../../services/apiError";
import { stageKinds, wordFor } from "../labels";
import { invalidateJobSetup, stagesKey } from "./jobQueries";
import { focusAfterRender } from "./focusAfterRender";
import { applications, StageRow } from "./StageRow";
import { stagesInUse, toBody, toRows, type RemovedStage, type StageFormRow } from "./stageEdit";

const schema = z.object({
  stages: z.array(
    z.object({
      stageId: z.string().nullable(),
      name: z.string().trim().min(1, "Name the stage.").max(80, "At most 80 characters."),
      kind: z.string(),
      count: z.number(),
    }),
  ),
});
type Values = { stages: StageFormRow[] };

type Notice = { tone: "error" | "info"; text: string } | null;

/**
 * Edits a job's stages as one list: rename, change kind, add, remove, reorder
 * (drag by the handle, or the up/down buttons), then `PUT` the whole pipeline.
 * The API keeps the rules (first stage active, a hired and a rejected stage,
 * unique names, removed stages empty) and its refusals land on the rows.
 */
export function StageForm({ jobId, stages }: { jobId: string; stages: JobStage[] }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { stages: toRows(stages) } });
  const { fields, append, move, remove } = useFieldArray({ control: form.control, name: "stages", keyName: "key" });
  const current = useWatch({ control: form.control, name: "stages" });
  const [removed, setRemoved] = useState<RemovedStage[]>([]);
  const [inUse, setInUse] = useState<Set<string>>(new Set());
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const dirty = form.formState.isDirty || removed.length > 0;
  const errors = form.formState.errors.stages;

  // Fresh data (counts after a move elsewhere, or our own save) replaces an untouched form.
  useEffect(() => {
    if (!dirty) form.reset({ stages: toRows(stages) });
    // Only new data resets: `dirty` flipping back must not.
  }, [stages]);

  const addId = `${jobId}-add-stage`;
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const nameAt = (i: number) => current[i]?.name.trim() || "new stage";

  const moveRow = (from: number, to: number) => {
    if (to < 0 || to >= fields.length || from === to) return;
    const key = fields[from]!.key;
    const label = nameAt(from);
    move(from, to);
    setNotice({ tone: "info", text: `${label} moved to position ${to + 1} of ${fields.length}.` });
    // A stage moved to an end disables the button just pressed: keep the keyboard on the row.
    if (document.activeElement?.id.startsWith(key)) focusAfterRender(`${key}-${to < from ? "up" : "down"}`, `${key}-${to < from ? "down" : "up"}`);
  };

  const removeRow = (index: number) => {
    const row = form.getValues(`stages.${index}`);
    const neighbour = fields[index + 1]?.key ?? fields[index - 1]?.key;
    remove(index);
    focusAfterRender(neighbour && `${neighbour}-remove`, addId);
    if (row.stageId) setRemoved((r) => [...r, { stageId: row.stageId!, name: stages.find((s) => s.id === row.stageId)?.name ?? row.name, kind: row.kind, count: row.count }]);
    setNotice({ tone: "info", text: row.stageId ? `${nameAt(index)} will be removed when you save.` : `${nameAt(index)} dropped.` });
  };

  const keep = (stage: RemovedStage) => {
    setRemoved((r) => r.filter((x) => x.stageId !== stage.stageId));
    setInUse((s) => new Set([...s].filter((id) => id !== stage.stageId)));
    append({ stageId: stage.stageId, name: stage.name, kind: stage.kind, count: stage.count });
    setNotice({ tone: "info", text: `${stage.name} kept, at the end of the list.` });
  };

  const discard = () => {
    form.reset({ stages: toRows(stages) });
    setRemoved([]);
    setInUse(new Set());
    setRefusal(null);
    setNotice(null);
  };

  const submit = form.handleSubmit(async (values) => {
    setRefusal(null);
    setInUse(new Set());
    setNotice(null);
    try {
      const saved = await editJobStages(jobId, toBody(values.stages));
      queryClient.setQueryData(stagesKey(jobId), saved);
      form.reset({ stages: toRows(saved) });
      setRemoved([]);
      setNotice({ tone: "info", text: "Stages saved." });
      void invalidateJobSetup(queryClient, jobId);
    } catch (error) {
      if (isApiError(error, "stage_in_use")) {
        setInUse(stagesInUse(error.detail, removed));
        return setRefusal(errorMessage(error));
      }
      const { rows, rest } = listFieldErrors(error, "stages");
      for (const [i, row] of rows) {
        for (const field of ["name", "kind", "stageId"] as const) {
          const message = row[field === "stageId" ? "id" : field];
          if (message) form.setError(`stages.${i}.${field}`, { type: "server", message });
        }
      }
      if (rest.length > 0) return setRefusal(rest.map((f) => f.message).join("; "));
      if (rows.size > 0) return setRefusal("Some stages need a change: see the marked rows.");
      setRefusal(isApiError(error) && error.status === 404 ? "This job no longer exists." : errorMessage(error));
    }
  });

  const indexOf = (id: string | number) => fields.findIndex((f) => f.key === String(id));
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameAt(indexOf(active.id))}.`,
    onDragOver: ({ active, over }) => (over ? `${nameAt(indexOf(active.id))} is at position ${indexOf(over.id) + 1} of ${fields.length}.` : `${nameAt(indexOf(active.id))} is outside the list.`),
    onDragEnd: ({ active, over }) => (over ? `${nameAt(indexOf(active.id))} dropped at position ${indexOf(over.id) + 1}.` : `${nameAt(indexOf(active.id))} dropped back.`),
    onDragCancel: ({ active }) => `Moving ${nameAt(indexOf(active.id))} was cancelled.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over) moveRow(indexOf(active.id), indexOf(over.id));
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label="Stages">
      <p id="stages-help" className="text-sm text-slate-600 dark:text-slate-400">
        Reorder with the arrow buttons, or drag a stage by its handle (keyboard: Space to pick up, arrow keys, Space to drop, Escape to cancel). New applications land in
        the first stage, which must be active; a pipeline needs a hired and a rejected stage.
      </p>
      {refusal && <Alert title="The stages were not saved">{refusal}</Alert>}
      <div aria-live="polite">{notice && <Alert tone={notice.tone}>{notice.text}</Alert>}</div>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements }}>
        <SortableContext items={fields.map((f) => f.key)} strategy={verticalListSortingStrategy}>
          <ol className="space-y-2">
            {fields.map((field, i) => (
              <StageRow
                key={field.key}
                sortId={field.key}
                index={i}
                total={fields.length}
                label={nameAt(i)}
                row={current[i] ?? field}
                errors={{ name: errors?.[i]?.name?.message, kind: errors?.[i]?.kind?.message, stageId: errors?.[i]?.stageId?.message }}
                register={form.register}
                onMove={moveRow}
                onRemove={removeRow}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {fields.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">No stages left: add at least one active, one hired and one rejected stage.</p>}
      <Button id={addId} variant="secondary" onClick={() => append({ stageId: null, name: "", kind: "active", count: 0 })}>
        <Plus aria-hidden className="size-4" /> Add stage
      </Button>
      {removed.length > 0 && (
        <section aria-labelledby="removed-stages-heading" className="space-y-2">
          <h3 id="removed-stages-heading" className="text-sm font-medium">
            Removed when you save
          </h3>
          <ul className="space-y-2">
            {removed.map((stage) => {
              const blocked = inUse.has(stage.stageId);
              return (
                <li
                  key={stage.stageId}
                  aria-label={`Removed stage: ${stage.name}`}
                  className="flex flex-wrap items-center gap-2 rounded-md border border-dashed border-slate-300 p-2 text-sm dark:border-slate-700"
                >
                  <span className="line-through">{stage.name}</span>
                  <span className="text-xs text-slate-500 dark:text-slate-400">
                    {wordFor(stageKinds, stage.kind)} · {applications(stage.count)}
                  </span>
                  {blocked ? (
                    <span className="basis-full text-sm text-red-600 dark:text-red-400">Still holds applications: move them to another stage before removing it.</span>
                  ) : (
                    stage.count > 0 && <span className="basis-full text-xs text-amber-700 dark:text-amber-300">It held applications when loaded: the save is refused unless they have moved since.</span>
                  )}
                  <Button variant="ghost" className="ml-auto" onClick={() => keep(stage)}>
                    <Undo2 aria-hidden className="size-4" /> Keep {stage.name}
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" disabled={!dirty || form.formState.isSubmitting} onClick={discard}>
          Discard changes
        </Button>
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Save stages
        </Button>
      </div>
    </form>
  );
}
