import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { BoardColumn } from "../../../api/types";
import { Button } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import { TextArea } from "../../../components/ui/TextArea";

export interface MoveInput {
  remarks: string;
  rejectionReason: string;
}

const schema = (rejecting: boolean) =>
  z.object({
    remarks: z.string().trim().max(2000, "At most 2,000 characters."),
    rejectionReason: rejecting
      ? z.string().trim().min(1, "Say why the candidate is rejected.").max(500, "At most 500 characters.")
      : z.string(),
  });

/** Asks for the move's remarks (and the reason of a rejection) before the move is sent. */
export function MoveDialog(props: {
  candidateName: string;
  from: BoardColumn;
  to: BoardColumn;
  onCancel: () => void;
  /** Resolves to the API's field errors to show, or undefined when done. */
  onConfirm: (input: MoveInput) => Promise<Record<string, string> | undefined>;
}) {
  const { candidateName, from, to, onCancel, onConfirm } = props;
  const rejecting = to.kind === "rejected";
  const form = useForm<MoveInput>({ resolver: zodResolver(schema(rejecting)), defaultValues: { remarks: "", rejectionReason: "" } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const fields = await onConfirm({ remarks: values.remarks.trim(), rejectionReason: values.rejectionReason.trim() });
    if (fields?.remarks) form.setError("remarks", { type: "server", message: fields.remarks });
    if (fields?.rejection_reason) form.setError("rejectionReason", { type: "server", message: fields.rejection_reason });
  });

  return (
    <Dialog title={`Move ${candidateName} to ${to.name}`} onClose={onCancel}>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        From {from.name} to {to.name}. The move is recorded in the application's history with your remarks.
      </p>
      <form onSubmit={(e) => void submit(e)} className="space-y-3" noValidate>
        {rejecting && <TextArea label="Rejection reason" required error={errors.rejectionReason?.message} {...form.register("rejectionReason")} />}
        <TextArea label="Remarks (optional)" error={errors.remarks?.message} {...form.register("remarks")} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Moving…" : rejecting ? "Reject" : "Move"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
