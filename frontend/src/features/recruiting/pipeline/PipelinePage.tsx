import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { ArrowDown, ArrowUp, GripVertical } from "lucide-react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { getPipeline, moveApplication, reorderCard } from "../../../api/recruiting";
import type { BoardCard, BoardColumn, PipelineBoard } from "../../../api/types";
import { can } from "../../../auth/permissions";
import { useMe } from "../../../auth/useMe";
import { Alert } from "../../../components/ui/Alert";
import { Spinner } from "../../../components/ui/Spinner";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { COLUMN_PREFIX, columnOfCard, findCard, reorderAction, resolveDrop, withCardMoved, withCardReordered, type DropAction } from "./boardState";
import { MoveDialog, type MoveInput } from "./MoveDialog";

export const pipelineKey = (jobId: string) => ["recruiting", "pipeline", jobId] as const;

interface PendingMove {
  card: BoardCard;
  from: BoardColumn;
  to: BoardColumn;
  /** The board before the optimistic move: restored on cancel or refusal. */
  before: PipelineBoard;
}

type Notice = { tone: "error" | "info"; text: string } | null;

/** Kanban of a job's pipeline: drag (pointer or keyboard) across stages to move, within a stage to reorder. */
export function PipelinePage() {
  const { id = "" } = useParams();
  const me = useMe().data;
  const canMove = can(me, "applications:move");
  const queryClient = useQueryClient();
  const key = pipelineKey(id);
  const board = useQuery({ queryKey: key, queryFn: () => getPipeline(id) });
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const current = () => queryClient.getQueryData<PipelineBoard>(key);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  const perform = (action: DropAction) => {
    const data = current();
    if (!action || !data) return;
    if (action.kind === "move") {
      const card = findCard(data, action.cardId);
      const from = data.stages.find((s) => s.id === action.fromStageId);
      if (!card || !from) return;
      setNotice(null);
      // Optimistic: the card shows in its new column while the remarks are asked for.
      queryClient.setQueryData<PipelineBoard>(key, withCardMoved(data, card.id, action.toStage.id));
      setPending({ card, from, to: action.toStage, before: data });
      return;
    }
    const card = findCard(data, action.cardId);
    if (!card) return;
    setNotice(null);
    queryClient.setQueryData<PipelineBoard>(key, withCardReordered(data, action.cardId, action.toIndex));
    reorderCard(id, { application_id: action.cardId, before_id: action.beforeId, after_id: action.afterId })
      .then(() => {
        setNotice({ tone: "info", text: `${card.candidate.full_name} reordered.` });
        void refresh();
      })
      .catch((error: unknown) => {
        queryClient.setQueryData<PipelineBoard>(key, data);
        setNotice({ tone: "error", text: `Could not reorder ${card.candidate.full_name}: ${errorMessage(error)}` });
        void refresh();
      });
  };

  const cancelMove = () => {
    if (!pending) return;
    queryClient.setQueryData<PipelineBoard>(key, pending.before);
    setPending(null);
  };

  /** Sends the move; resolves to field errors to show in the dialog, or nothing when the dialog may close. */
  const confirmMove = async (input: MoveInput): Promise<Record<string, string> | undefined> => {
    if (!pending) return undefined;
    const { card, to, before } = pending;
    try {
      await moveApplication(card.id, {
        to_stage_id: to.id,
        remarks: input.remarks || null,
        rejection_reason: to.kind === "rejected" ? input.rejectionReason : null,
        version: card.version,
      });
      setPending(null);
      setNotice({ tone: "info", text: `${card.candidate.full_name} moved to ${to.name}.` });
      void refresh();
      return undefined;
    } catch (error) {
      if (isApiError(error) && error.status === 422 && (error.fields.remarks || error.fields.rejection_reason)) return error.fields;
      queryClient.setQueryData<PipelineBoard>(key, before);
      setPending(null);
      setNotice({ tone: "error", text: `Could not move ${card.candidate.full_name} to ${to.name}: ${errorMessage(error)}` });
      void refresh();
      return undefined;
    }
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const data = current();
    if (!data) return;
    perform(resolveDrop(data, String(active.id), over ? String(over.id) : null));
  };

  if (board.isPending) return <Spinner label="Loading the pipeline" />;
  if (board.isError) {
    const gone = isApiError(board.error) && board.error.status === 404;
    return <Alert title={gone ? "Job not found" : "Could not load the pipeline"}>{gone ? "This job does not exist or is not visible to you." : errorMessage(board.error)}</Alert>;
  }
  const data = board.data;

  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <p className="text-sm text-slate-500 dark:text-slate-400">{data.job.reference}</p>
          <h1 className="text-xl font-semibold">{data.job.title} · pipeline</h1>
        </div>
        <Link to={`/recruiting/jobs/${data.job.id}`} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
          Job details
        </Link>
      </header>
      {canMove && (
        <p id="board-help" className="text-sm text-slate-600 dark:text-slate-400">
          Drag a card by its handle to another stage to move it, or within a stage to reorder. With the keyboard: focus a handle, press Space, use the arrow keys, press
          Space again (Escape cancels).
        </p>
      )}
      <div aria-live="polite">{notice && <Alert tone={notice.tone}>{notice.text}</Alert>}</div>
      <DndContext sensors={sensors} collisionDetection={closestCorners} onDragEnd={onDragEnd} accessibility={{ announcements: announcements(data) }}>
        <div className="flex gap-3 overflow-x-auto pb-2">
          {data.stages.map((stage) => (
            <Column key={stage.id} stage={stage} board={data} canMove={canMove} onAction={perform} />
          ))}
        </div>
      </DndContext>
      {pending && <MoveDialog candidateName={pending.card.candidate.full_name} from={pending.from} to={pending.to} onCancel={cancelMove} onConfirm={confirmMove} />}
    </div>
  );
}

function Column({ stage, board, canMove, onAction }: { stage: BoardColumn; board: PipelineBoard; canMove: boolean; onAction: (a: DropAction) => void }) {
  const { setNodeRef, isOver } = useDroppable({ id: COLUMN_PREFIX + stage.id, disabled: !canMove });
  const headingId = `stage-${stage.id}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      className={clsx(
        "flex w-72 shrink-0 flex-col rounded-lg border bg-slate-50 p-2 dark:bg-slate-900",
        isOver ? "border-indigo-400" : "border-slate-200 dark:border-slate-800",
      )}
    >
      <h2 id={headingId} className="mb-2 flex items-center justify-between px-1 text-sm font-semibold">
        <span>
          {stage.name}
          {stage.kind !== "active" && <span className="ml-1 text-xs font-normal text-slate-500 dark:text-slate-400">({stage.kind})</span>}
        </span>
        <span className="rounded-full bg-slate-200 px-2 text-xs dark:bg-slate-800" aria-label={`${stage.count} applications`}>
          {stage.count}
        </span>
      </h2>
      <SortableContext items={stage.applications.map((a) => a.id)} strategy={verticalListSortingStrategy}>
        <ol className="min-h-16 space-y-2">
          {stage.applications.map((card, index) => (
            <Card key={card.id} card={card} index={index} stage={stage} board={board} canMove={canMove} onAction={onAction} />
          ))}
        </ol>
      </SortableContext>
      {stage.count > stage.applications.length && (
        <p className="mt-2 px-1 text-xs text-slate-500 dark:text-slate-400">Showing the first {stage.applications.length} of {stage.count}.</p>
      )}
    </section>
  );
}

function Card(props: { card: BoardCard; index: number; stage: BoardColumn; board: PipelineBoard; canMove: boolean; onAction: (a: DropAction) => void }) {
  const { card, index, stage, board, canMove, onAction } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, disabled: !canMove });
  const name = card.candidate.full_name;
  const last = stage.applications.length - 1;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={clsx(
        "rounded-md border border-slate-200 bg-white p-2 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-800",
        isDragging && "opacity-60 ring-2 ring-indigo-400",
      )}
    >
      <div className="flex items-start gap-1">
        {canMove && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={`Drag ${name}`}
            aria-describedby="board-help"
            className="cursor-grab touch-none rounded p-1 text-slate-400 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-700"
          >
            <GripVertical aria-hidden className="size-4" />
          </button>
        )}
        <div className="min-w-0 flex-1">
          <Link to={`/recruiting/applications/${card.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            {name}
          </Link>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {card.recruiter ? `${card.recruiter.full_name} · ` : ""}
            {card.days_in_stage === 1 ? "1 day" : `${card.days_in_stage} days`} in stage
          </p>
        </div>
      </div>
      {canMove && (
        <div className="mt-2 flex items-center gap-1">
          <label className="sr-only" htmlFor={`move-${card.id}`}>
            Move {name} to stage
          </label>
          <select
            id={`move-${card.id}`}
            value=""
            onChange={(e) => {
              const to = board.stages.find((s) => s.id === e.target.value);
              if (to) onAction({ kind: "move", cardId: card.id, fromStageId: stage.id, toStage: to });
            }}
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
          >
            <option value="">Move to…</option>
            {board.stages
              .filter((s) => s.id !== stage.id)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
          <button
            type="button"
            aria-label={`Move ${name} up`}
            disabled={index === 0}
            onClick={() => onAction(reorderAction(stage, card.id, index, index - 1))}
            className="rounded p-1 hover:bg-slate-100 disabled:opacity-30 dark:hover:bg-slate-700"
          >
            <ArrowUp aria-hidden className="size-3.5" />
          </button>
          <button
            type="button"
            aria-label={`Move ${name} down`}
            disabled={index === last}
            onClick={() => onAction(reorderAction(stage, card.id, index, index + 1))}
            className="rounded p-1 hover:bg-slate-100 disabled:opacity-30 dark:hover:bg-slate-700"
          >
            <ArrowDown aria-hidden className="size-3.5" />
          </button>
        </div>
      )}
    </li>
  );
}

/** Screen-reader announcements in candidate and stage names instead of ids. */
function announcements(board: PipelineBoard): Announcements {
  const nameOf = (id: string | number) => findCard(board, String(id))?.candidate.full_name ?? "the card";
  const placeOf = (id: string | number | undefined) => {
    if (id === undefined) return "nowhere";
    const s = String(id);
    if (s.startsWith(COLUMN_PREFIX)) return `stage ${board.stages.find((st) => st.id === s.slice(COLUMN_PREFIX.length))?.name ?? ""}`;
    const col = columnOfCard(board, s);
    return col ? `${nameOf(s)} in stage ${col.name}` : "nowhere";
  };
  return {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
    onDragOver: ({ active, over }) => `${nameOf(active.id)} is over ${placeOf(over?.id)}.`,
    onDragEnd: ({ active, over }) => `${nameOf(active.id)} dropped on ${placeOf(over?.id)}.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };
}
