import { describe, expect, it } from "vitest";
import { boardKey } from "../jobs/jobQueries";
import { pipelineKey } from "../pipeline/PipelinePage";

describe("job query keys", () => {
  it("invalidate the board under the key the kanban reads", () => {
    expect(boardKey("j1")).toEqual(pipelineKey("j1"));
  });
});
