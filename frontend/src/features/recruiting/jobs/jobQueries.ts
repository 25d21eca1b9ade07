import type { QueryClient } from "@tanstack/react-query";

export const jobKey = (id: string) => ["recruiting", "job", id] as const;
export const stagesKey = (id: string) => ["recruiting", "stages", id] as const;
/**
 * The kanban's key (`pipelineKey` of PipelinePage, checked equal by a test),
 * spelled here so the job pages do not load the board's code to invalidate it.
 */
export const boardKey = (id: string) => ["recruiting", "pipeline", id] as const;

/**
 * After a team, sharing or stage edit: the job (team, shared_with, stages),
 * its stage list and its board all show what changed, and so may the list
 * (team size, shared jobs).
 */
export function invalidateJobSetup(queryClient: QueryClient, id: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: jobKey(id) }),
    queryClient.invalidateQueries({ queryKey: stagesKey(id) }),
    queryClient.invalidateQueries({ queryKey: boardKey(id) }),
    queryClient.invalidateQueries({ queryKey: ["recruiting", "jobs"] }),
  ]);
}
