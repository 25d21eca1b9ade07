import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import clsx from "clsx";
import { ArrowDown, ArrowUp, GripVertical, Trash2 } from "lucide-react";
import type { UseFormRegister } from "react-hook-form";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/SelectField";
import { TextField } from "../../../components/ui/TextField";
import { stageKinds } from "../labels";
import type { StageFormRow } from "./stageEdit";

export interface StageRowErrors {
  name?: string | undefined;
  kind?: string | undefined;
  stageId?: string | undefined;
}

interface Props {
  sortId: string;
  index: number;
  total: number;
  /** The current name, for the buttons' names ("new stage" while blank). */
  label: string;
  row: StageFormRow;
  errors: StageRowErrors;
  register: UseFormRegister<{ stages: StageFormRow[] }>;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** One stage of the editor: drag handle, name, kind, application count, move up/down and remove. */
export function StageRow({ sortId, index, total, label, row, errors, register, onMove, onRemove }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: sortId });
  const n = index + 1;
  const idErrorId = `stage-${sortId}-id-error`;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      aria-label={`Stage ${n}: ${label}`}
      className={clsx(
        "flex flex-wrap items-start gap-2 rounded-md border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900",
        isDragging && "opacity-60 ring-2 ring-indigo-400",
      )}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={`Drag ${label}`}
        aria-describedby="stages-help"
        className="mt-7 cursor-grab touch-none rounded p-1 text-slate-400 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800"
      >
        <GripVertical aria-hidden className="size-4" />
      </button>
      <div className="min-w-48 flex-1">
        <TextField label={`Stage ${n}`} maxLength={80} error={errors.name} {...register(`stages.${index}.name`)} />
        {errors.stageId && (
          <p id={idErrorId} className="text-sm text-red-600 dark:text-red-400">
            {errors.stageId}
          </p>
        )}
      </div>
      <div className="w-48">
        <SelectField label={`Stage ${n} kind`} options={stageKinds} error={errors.kind} {...register(`stages.${index}.kind`)} />
      </div>
      <p className="mt-8 w-28 text-xs text-slate-500 dark:text-slate-400">{row.stageId ? applications(row.count) : "new stage"}</p>
      <div className="mt-6 flex items-center gap-1">
        <Button id={`${sortId}-up`} variant="ghost" className="px-2 disabled:opacity-30" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
          <ArrowUp aria-hidden className="size-4" />
        </Button>
        <Button id={`${sortId}-down`} variant="ghost" className="px-2 disabled:opacity-30" aria-label={`Move ${label} down`} disabled={index === total - 1} onClick={() => onMove(index, index + 1)}>
          <ArrowDown aria-hidden className="size-4" />
        </Button>
        <Button id={`${sortId}-remove`} variant="ghost" className="px-2" aria-label={`Remove ${label}`} onClick={() => onRemove(index)}>
          <Trash2 aria-hidden className="size-4" />
        </Button>
      </div>
    </li>
  );
}

export const applications = (count: number) => (count === 1 ? "1 application" : `${count} applications`);
