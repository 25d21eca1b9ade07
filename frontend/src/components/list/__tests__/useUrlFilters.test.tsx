import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { LocationProbe } from "../../../test/LocationProbe";
import { renderAt } from "../../../test/render";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { FilterBar } from "../FilterBar";
import { useTypedFilters, useUrlFilters } from "../useUrlFilters";

/** A minimal list page's filters: a typed keyword, a select, paging. */
function Filters() {
  const { values, page, update, clear, active, key } = useUrlFilters(["q", "status"] as const);
  const { formRef, typed } = useTypedFilters(["q"] as const);
  return (
    <>
      <FilterBar label="Filter things" resetKey={key} formRef={formRef} onSubmit={() => update(typed())} onClear={active ? clear : undefined}>
        <TextField label="Keywords" name="q" defaultValue={values.q ?? ""} />
        <SelectField label="Status" options={[["", "Any"], ["open", "Open"], ["closed", "Closed"]]} value={values.status ?? ""} onChange={(e) => update({ ...typed(), status: e.target.value })} />
      </FilterBar>
      <p>Page {page}</p>
      <button type="button" onClick={() => update({ page: String(page + 1) })}>
        Next page
      </button>
      <button type="button" onClick={() => update({ page: "1" })}>
        First page
      </button>
      <LocationProbe />
    </>
  );
}

const location = () => screen.getByTestId("location").textContent;

describe("useUrlFilters with FilterBar", () => {
  it("reads the filters and page from the URL, ignoring blank values and a bad page", () => {
    renderAt(<Filters />, { path: "/things", route: "/things?q=%20react%20&status=&page=abc" });
    expect(screen.getByLabelText("Keywords")).toHaveValue("react");
    expect(screen.getByLabelText("Status")).toHaveValue("");
    expect(screen.getByText("Page 1")).toBeInTheDocument();
  });

  it("goes back to page 1 on any filter change, keeps the filters when paging, and leaves page 1 out of the URL", async () => {
    const user = userEvent.setup();
    renderAt(<Filters />, { path: "/things", route: "/things?q=react&page=3" });
    expect(screen.getByText("Page 3")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Status"), "open");
    expect(location()).toBe("/things?q=react&status=open");

    await user.click(screen.getByRole("button", { name: "Next page" }));
    expect(location()).toBe("/things?q=react&status=open&page=2");

    await user.clear(screen.getByLabelText("Keywords"));
    await user.type(screen.getByLabelText("Keywords"), "vue");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(location()).toBe("/things?q=vue&status=open");

    await user.click(screen.getByRole("button", { name: "Next page" }));
    await user.click(screen.getByRole("button", { name: "First page" }));
    expect(location()).toBe("/things?q=vue&status=open");
  });

  it("keeps typed text when a select changes, and an emptied filter leaves the URL", async () => {
    const user = userEvent.setup();
    renderAt(<Filters />, { path: "/things", route: "/things?status=open" });
    await user.type(screen.getByLabelText("Keywords"), "rust");
    await user.selectOptions(screen.getByLabelText("Status"), "");
    expect(location()).toBe("/things?q=rust");
    expect(screen.getByLabelText("Keywords")).toHaveValue("rust");
  });

  it("offers Clear only while a filter is set, and clearing refills the form from the URL", async () => {
    const user = userEvent.setup();
    renderAt(<Filters />, { path: "/things", route: "/things?page=2" });
    expect(screen.queryByRole("button", { name: "Clear filters" })).toBeNull();
    await user.type(screen.getByLabelText("Keywords"), "go");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(location()).toBe("/things?q=go");
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(location()).toBe("/things");
    expect(screen.getByLabelText("Keywords")).toHaveValue("");
    expect(screen.getByRole("search", { name: "Filter things" })).toBeInTheDocument();
  });
});
