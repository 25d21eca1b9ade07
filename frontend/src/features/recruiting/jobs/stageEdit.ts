// The stage editor's pure parts: form rows from the API's stages, the PUT body, and which removed stage a 409 names.
import type { EditStagesRequest, JobStage } from "../../../api/types";

/** One stage in the editor; `stageId` is null for a stage added here (not `id`: useFieldArray keys its rows). */
export interface StageFormRow {
  stageId: string | null;
  name: string;
  kind: string;
  /** Applications in the stage when it was loaded. */
  count: number;
}

/** An existing stage taken out of the list: left out of the PUT, so the API deletes it. */
export interface RemovedStage {
  stageId: string;
  name: string;
  kind: string;
  count: number;
}

export const toRows = (stages: readonly JobStage[]): StageFormRow[] =>
  [...stages].sort((a, b) => a.position - b.position).map((s) => ({ stageId: s.id, name: s.name, kind: s.kind, count: s.count }));

/** The whole pipeline in order: kept stages carry their id, new ones none. */
export const toBody = (rows: readonly StageFormRow[]): EditStagesRequest => ({
  stages: rows.map((r) => (r.stageId ? { id: r.stageId, name: r.name, kind: r.kind } : { name: r.name, kind: r.kind })),
});

/**
 * The removed stages a 409 `stage_in_use` refers to. Its detail ends with the
 * stored names joined by ", " (a name may hold ", " itself, so the list is
 * split into known names, longest first); when it cannot be read, the
 * removed stages that held applications when loaded are the likely ones.
 */
export function stagesInUse(detail: string | null, removed: readonly RemovedStage[]): Set<string> {
  const start = detail?.indexOf(": ") ?? -1;
  const names = detail && start >= 0 ? splitNames(detail.slice(start + 2), [...new Set(removed.map((r) => r.name))].sort((a, b) => b.length - a.length)) : null;
  const named = names ? removed.filter((r) => names.includes(r.name)) : removed.filter((r) => r.count > 0);
  return new Set(named.map((r) => r.stageId));
}

function splitNames(list: string, known: readonly string[]): string[] | null {
  for (const name of known) {
    if (list === name) return [name];
    if (list.startsWith(`${name}, `)) {
      const rest = splitNames(list.slice(name.length + 2), known);
      if (rest) return [name, ...rest];
    }
  }
  return null;
}
