import { Pencil } from "lucide-react";
import type { ReactNode } from "react";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";

interface Props {
  /** The heading's id, which labels the section. */
  headingId: string;
  title: string;
  editLabel: string;
  /** Whether the edit button shows: allowed and not editing already. */
  showEdit: boolean;
  onEdit: () => void;
  /** The outcome of the last save, announced politely. */
  notice: string | null;
  children: ReactNode;
}

/** A job page section with its heading, an edit button and a live notice for the last save. */
export function EditableSection({ headingId, title, editLabel, showEdit, onEdit, notice, children }: Props) {
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="font-semibold">
          {title}
        </h2>
        {showEdit && (
          <Button variant="secondary" onClick={onEdit}>
            <Pencil aria-hidden className="size-4" /> {editLabel}
          </Button>
        )}
      </div>
      <div aria-live="polite">{notice && <Alert tone="info">{notice}</Alert>}</div>
      {children}
    </section>
  );
}
