import type { QueryClient } from "@tanstack/react-query";
import { pipelineKey } from "../pipeline/PipelinePage";

export const jobKey = (id: string) => ["recruiting", "job", id] as const;
export const stagesKey = (id: string) => ["recruiting", "stages", id] as const;

/**
 * After a team, sharing or stage edit: the job (team, shared_with, stages),
 * its stage list and its board all show what changed, and so may the list
 * (team size, shared jobs).
 */
export function invalidateJobSetup(queryClient: QueryClient, id: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: jobKey(id) }),
    queryClient.invalidateQueries({ queryKey: stagesKey(id) }),
    queryClient.invalidateQueries({ queryKey: pipelineKey(id) }),
    queryClient.invalidateQueries({ queryKey: ["recruiting", "jobs"] }),
  ]);
}
