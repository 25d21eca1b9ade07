import { describe, expect, it } from "vitest";
import { COLUMN_PREFIX, resolveDrop, withCardMoved, withCardReordered } from "../pipeline/boardState";
import { appIds, board, stageIds } from "./fixtures";

describe("kanban drops", () => {
  it("a drop on another column, or on a card in it, is a move", () => {
    expect(resolveDrop(board(), appIds.ada, COLUMN_PREFIX + stageIds.rejected)).toMatchObject({ kind: "move", cardId: appIds.ada, fromStageId: stageIds.applied, toStage: { id: stageIds.rejected } });
    expect(resolveDrop(board(), appIds.ada, appIds.cy)).toMatchObject({ kind: "move", toStage: { id: stageIds.screening } });
  });

  it("a drop on a card of the same column is a reorder anchored on the new neighbour", () => {
    expect(resolveDrop(board(), appIds.bob, appIds.ada)).toEqual({ kind: "reorder", cardId: appIds.bob, stageId: stageIds.applied, toIndex: 0, beforeId: appIds.ada, afterId: null });
    expect(resolveDrop(board(), appIds.ada, appIds.bob)).toEqual({ kind: "reorder", cardId: appIds.ada, stageId: stageIds.applied, toIndex: 1, beforeId: null, afterId: appIds.bob });
  });

  it("no drop, a drop on itself or on its own column does nothing", () => {
    expect(resolveDrop(board(), appIds.ada, null)).toBeNull();
    expect(resolveDrop(board(), appIds.ada, appIds.ada)).toBeNull();
    expect(resolveDrop(board(), appIds.ada, COLUMN_PREFIX + stageIds.applied)).toBeNull();
  });

  it("a move puts the card at the end of the target and fixes both counts; the input is not touched", () => {
    const before = board();
    const after = withCardMoved(before, appIds.ada, stageIds.screening);
    expect(after.stages[0]!.count).toBe(1);
    expect(after.stages[1]!.applications.map((a) => a.id)).toEqual([appIds.cy, appIds.ada]);
    expect(after.stages[1]!.count).toBe(2);
    expect(before.stages[0]!.applications).toHaveLength(2);
  });

  it("a reorder changes only the order", () => {
    const after = withCardReordered(board(), appIds.bob, 0);
    expect(after.stages[0]!.applications.map((a) => a.id)).toEqual([appIds.bob, appIds.ada]);
    expect(after.stages[0]!.count).toBe(2);
  });
});
