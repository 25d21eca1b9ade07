import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "../ui/Button";

interface PagerProps {
  page: number;
  total: number;
  perPage: number;
  onPage: (page: number) => void;
  /**
   * "users": shows "60 users · page 2 of 3" beside the buttons, even on a
   * single page. Without it the pager says "Page 2 of 3" and hides itself
   * when everything fits on one page.
   */
  noun?: string;
}

/** Previous / next for a `{total, page, per_page}` answer. */
export function Pager({ page, total, perPage, onPage, noun }: PagerProps) {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, perPage)));
  const previous = (
    <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
      <ChevronLeft aria-hidden className="size-4" /> Previous
    </Button>
  );
  const next = (
    <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
      Next <ChevronRight aria-hidden className="size-4" />
    </Button>
  );
  if (noun !== undefined) {
    return (
      <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="text-slate-600 dark:text-slate-400">
          {total} {noun} · page {page} of {pages}
        </span>
        <div className="flex gap-2">
          {previous}
          {next}
        </div>
      </nav>
    );
  }
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-center gap-3 text-sm">
      {previous}
      <span>
        Page {page} of {pages}
      </span>
      {next}
    </nav>
  );
}
