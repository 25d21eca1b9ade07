// Pure kanban logic: where a drop lands, and the board as it looks after a move or a reorder
// (optimistic updates and their rollback work on these copies, never on the cached object).
import type { BoardCard, BoardColumn, PipelineBoard } from "../../../api/types";

/** Droppable ids of columns carry this prefix, so a column id never reads as a card id. */
export const COLUMN_PREFIX = "stage:";

export type DropAction =
  | { kind: "move"; cardId: string; fromStageId: string; toStage: BoardColumn }
  | { kind: "reorder"; cardId: string; stageId: string; toIndex: number; beforeId: string | null; afterId: string | null }
  | null;

export function columnOfCard(board: PipelineBoard, cardId: string): BoardColumn | undefined {
  return board.stages.find((s) => s.applications.some((a) => a.id === cardId));
}

export function findCard(board: PipelineBoard, cardId: string): BoardCard | undefined {
  return columnOfCard(board, cardId)?.applications.find((a) => a.id === cardId);
}

/** Decides what dropping `activeId` on `overId` (a card or a column) means. */
export function resolveDrop(board: PipelineBoard, activeId: string, overId: string | null): DropAction {
  if (!overId || overId === activeId) return null;
  const from = columnOfCard(board, activeId);
  if (!from) return null;
  const to = overId.startsWith(COLUMN_PREFIX)
    ? board.stages.find((s) => s.id === overId.slice(COLUMN_PREFIX.length))
    : columnOfCard(board, overId);
  if (!to) return null;
  if (to.id !== from.id) return { kind: "move", cardId: activeId, fromStageId: from.id, toStage: to };
  if (overId.startsWith(COLUMN_PREFIX)) return null;
  const ids = from.applications.map((a) => a.id);
  const fromIndex = ids.indexOf(activeId);
  const toIndex = ids.indexOf(overId);
  return reorderAction(from, activeId, fromIndex, toIndex);
}

/** The reorder of one card to `toIndex` in its column, with the anchor the API wants. */
export function reorderAction(column: BoardColumn, cardId: string, fromIndex: number, toIndex: number): DropAction {
  if (fromIndex < 0 || toIndex < 0 || toIndex >= column.applications.length || fromIndex === toIndex) return null;
  const order = column.applications.map((a) => a.id);
  order.splice(fromIndex, 1);
  order.splice(toIndex, 0, cardId);
  const next = order[toIndex + 1] ?? null;
  const previous = toIndex > 0 ? order[toIndex - 1]! : null;
  // Placed before its new right-hand neighbour, or after the last card when it goes to the end.
  return { kind: "reorder", cardId, stageId: column.id, toIndex, beforeId: next, afterId: next ? null : previous };
}

/** The board with the card at the end of `toStageId` (where the API puts moved cards). */
export function withCardMoved(board: PipelineBoard, cardId: string, toStageId: string): PipelineBoard {
  const card = findCard(board, cardId);
  if (!card) return board;
  const moved: BoardCard = { ...card, days_in_stage: 0 };
  return {
    ...board,
    stages: board.stages.map((s) => {
      if (s.id === toStageId) return { ...s, count: s.count + 1, applications: [...s.applications.filter((a) => a.id !== cardId), moved] };
      if (s.applications.some((a) => a.id === cardId)) return { ...s, count: s.count - 1, applications: s.applications.filter((a) => a.id !== cardId) };
      return s;
    }),
  };
}

/** The board with the card at `toIndex` of its own column. */
export function withCardReordered(board: PipelineBoard, cardId: string, toIndex: number): PipelineBoard {
  return {
    ...board,
    stages: board.stages.map((s) => {
      const card = s.applications.find((a) => a.id === cardId);
      if (!card) return s;
      const rest = s.applications.filter((a) => a.id !== cardId);
      rest.splice(toIndex, 0, card);
      return { ...s, applications: rest };
    }),
  };
}
