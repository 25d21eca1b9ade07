import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../services/apiError";
import { EmptyState } from "../EmptyState";
import { ListFrame } from "../ListFrame";
import type { ListQuery } from "../ListState";

type Page = { items: string[] };

function query(state: Partial<ListQuery<Page>>): ListQuery<Page> {
  return { isPending: false, isError: false, isFetching: false, error: null, data: undefined, refetch: vi.fn(), ...state };
}

function frame(q: ListQuery<Page>, extra: { heading?: boolean; retry?: boolean } = {}) {
  return render(
    <ListFrame
      label="Things"
      query={q}
      pendingLabel="Loading things"
      errorTitle="Could not load things"
      fieldLabels={{ submitted_from: "Applied from" }}
      isEmpty={(d) => d.items.length === 0}
      empty={<EmptyState message="No things match." />}
      count={(d) => `${d.items.length} things`}
      {...extra}
    >
      {(d) => (
        <ul>
          {d.items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </ListFrame>,
  );
}

describe("ListFrame", () => {
  it("shows the spinner while pending, and nothing else", () => {
    frame(query({ isPending: true, isFetching: true }));
    const region = screen.getByRole("region", { name: "Things" });
    expect(region).toHaveAttribute("aria-busy", "true");
    expect(within(region).getByRole("status")).toHaveTextContent("Loading things");
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("says the API's error in words and retries on request", async () => {
    const q = query({ isError: true, error: new ApiError({ status: 403, code: "forbidden" }) });
    frame(q, { retry: true });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Could not load things");
    expect(alert).toHaveTextContent("Your role does not allow this.");
    await userEvent.setup().click(within(alert).getByRole("button", { name: "Try again" }));
    expect(q.refetch).toHaveBeenCalledOnce();
  });

  it("names a refused filter (422) by its label, and offers no retry unless asked", () => {
    const error = new ApiError({ status: 422, code: "validation_failed", fieldErrors: [{ field: "submitted_from", code: "invalid_date", message: "a date as YYYY-MM-DD" }, { field: "state", code: "invalid_state", message: "one of active, hired, rejected" }] });
    frame(query({ isError: true, error }));
    expect(screen.getByRole("alert")).toHaveTextContent("Applied from: a date as YYYY-MM-DD; state: one of active, hired, rejected");
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("shows the empty state, without a count, when there is nothing", () => {
    frame(query({ data: { items: [] } }));
    expect(screen.getByText("No things match.")).toBeInTheDocument();
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("renders the results under an announced count, named by a hidden heading when asked", () => {
    frame(query({ data: { items: ["a", "b"] } }), { heading: true });
    const region = screen.getByRole("region", { name: "Things" });
    expect(within(region).getByRole("heading", { level: 2, name: "Things" })).toBeInTheDocument();
    expect(within(region).getByRole("status")).toHaveTextContent("2 things");
    expect(within(region).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["a", "b"]);
    expect(region).toHaveAttribute("aria-busy", "false");
  });
});
