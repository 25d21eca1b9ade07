import { describe, expect, it } from "vitest";
import { visibleNavItems } from "../../../auth/navigation";
import { me } from "./fixtures";

describe("recruiting navigation", () => {
  it("shows Jobs, Candidates and Search by permission", () => {
    const labels = (perms: string[]) => visibleNavItems(me(perms)).map((i) => i.label);
    expect(labels(["jobs:read", "candidates:read"])).toEqual(["Dashboard", "Jobs", "Candidates", "Search"]);
    expect(labels(["jobs:read"])).toEqual(["Dashboard", "Jobs", "Search"]);
    expect(labels(["candidate:self"])).toEqual(["Dashboard", "My profile", "My applications", "Saved jobs"]);
  });
});
