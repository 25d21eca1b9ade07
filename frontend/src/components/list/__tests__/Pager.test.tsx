import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Pager } from "../Pager";

describe("Pager", () => {
  it("cannot go before the first page", async () => {
    const onPage = vi.fn();
    render(<Pager page={1} total={60} perPage={25} onPage={onPage} />);
    expect(screen.getByText("Page 1 of 3")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Previous/ })).toBeDisabled();
    await userEvent.setup().click(screen.getByRole("button", { name: /Next/ }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it("cannot go past the last page", async () => {
    const onPage = vi.fn();
    render(<Pager page={3} total={60} perPage={25} onPage={onPage} />);
    expect(screen.getByRole("button", { name: /Next/ })).toBeDisabled();
    await userEvent.setup().click(screen.getByRole("button", { name: /Previous/ }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it("hides itself when one page holds everything", () => {
    render(<Pager page={1} total={25} perPage={25} onPage={vi.fn()} />);
    expect(screen.queryByRole("navigation", { name: "Pages" })).toBeNull();
  });

  it("with a noun, says the total and stays on a single page, both buttons disabled", () => {
    render(<Pager page={1} total={7} perPage={25} noun="users" onPage={vi.fn()} />);
    expect(screen.getByRole("navigation", { name: "Pages" })).toHaveTextContent("7 users · page 1 of 1");
    expect(screen.getByRole("button", { name: /Previous/ })).toBeDisabled();
    expect(screen.getByRole("button", { name: /Next/ })).toBeDisabled();
  });
});
