import { describe, expect, it } from "vitest";
import { stagesInUse, toBody, toRows, type RemovedStage } from "../jobs/stageEdit";

const removed = (stageId: string, name: string, count: number): RemovedStage => ({ stageId, name, kind: "active", count });

describe("stage editor helpers", () => {
  it("orders rows by position and sends new stages without an id", () => {
    const rows = toRows([
      { id: "b", name: "Second", kind: "hired", position: 1, count: 0 },
      { id: "a", name: "First", kind: "active", position: 0, count: 4 },
    ]);
    expect(rows.map((r) => r.stageId)).toEqual(["a", "b"]);
    expect(toBody([...rows, { stageId: null, name: "Third", kind: "rejected", count: 0 }])).toEqual({
      stages: [
        { id: "a", name: "First", kind: "active" },
        { id: "b", name: "Second", kind: "hired" },
        { name: "Third", kind: "rejected" },
      ],
    });
  });

  it("finds the removed stages a stage_in_use detail names, even with commas in a name", () => {
    const gone = [removed("1", "Offer", 0), removed("2", "Interview, round 2", 1), removed("3", "Interview", 0), removed("4", "Screen", 2)];
    const named = stagesInUse("These stages still hold applications; move them first: Interview, round 2, Screen", gone);
    expect([...named].sort()).toEqual(["2", "4"]);
  });

  it("falls back to the removed stages that held applications when the detail names none", () => {
    const gone = [removed("1", "Offer", 0), removed("2", "Interview", 3)];
    expect([...stagesInUse(null, gone)]).toEqual(["2"]);
    expect([...stagesInUse("Conflict: something else", gone)]).toEqual(["2"]);
  });
});
