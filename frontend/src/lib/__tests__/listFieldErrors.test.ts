import { describe, expect, it } from "vitest";
import { ApiError } from "../../services/apiError";
import { listFieldErrors } from "../listFieldErrors";

const error = (fields: [string, string][]) =>
  new ApiError({ status: 422, code: "validation_failed", fieldErrors: fields.map(([field, message]) => ({ field, code: "x", message })) });

describe("listFieldErrors", () => {
  it("splits a list's errors by row and sub-field, keeping the first message per field", () => {
    const { rows, rest } = listFieldErrors(
      error([
        ["members[1].user_id", "not a member"],
        ["members[1].user_id", "second message"],
        ["members[1].role", "bad role"],
        ["members[10].role", "bad role too"],
        ["members", "too many"],
        ["membership[0].role", "another list"],
      ]),
      "members",
    );
    expect(Object.fromEntries(rows)).toEqual({ 1: { user_id: "not a member", role: "bad role" }, 10: { role: "bad role too" } });
    expect(rest.map((f) => f.field)).toEqual(["members", "membership[0].role"]);
  });

  it("keys a plain list entry's error by the empty sub-field", () => {
    expect(Object.fromEntries(listFieldErrors(error([["agency_ids[0]", "unknown"]]), "agency_ids").rows)).toEqual({ 0: { "": "unknown" } });
  });

  it("finds nothing in other errors", () => {
    expect(listFieldErrors(new Error("boom"), "members")).toEqual({ rows: new Map(), rest: [] });
  });
});
