import { zodResolver } from "@hookform/resolvers/zod";
import { Upload } from "lucide-react";
import { useId, useRef } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "../../../components/ui/Alert";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/SelectField";
import { errorMessage } from "../../../lib/errorMessages";
import { isApiError } from "../../../services/apiError";
import { documentKinds } from "./documentKinds";
import { useDocumentUpload } from "./useDocumentUpload";

/** The types docs/files-and-scanning.md accepts; the API has the last word. */
const ACCEPT =
  ".pdf,.doc,.docx,.txt,.rtf,.odt,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,application/rtf,application/vnd.oasis.opendocument.text";

const schema = z.object({
  kind: z.enum(["resume", "cover_letter", "other"]),
  file: z.custom<FileList>((v) => typeof FileList !== "undefined" && v instanceof FileList).refine((files) => files.length > 0, "Choose a file."),
});
type Values = z.infer<typeof schema>;

/** Adds a document to the profile; the progress and outcome are announced. */
export function DocumentUploadForm({ candidateId }: { candidateId: string }) {
  const { upload, start } = useDocumentUpload(candidateId);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { kind: "resume" } });
  const { errors } = form.formState;
  const ids = { file: useId() };
  const fileField = form.register("file");
  const fileInput = useRef<HTMLInputElement | null>(null);
  const uploading = upload?.status === "uploading";

  const submit = form.handleSubmit(async ({ file, kind }) => {
    const chosen = file[0];
    if (!chosen) return;
    const error = await start(chosen, kind);
    if (error === null) {
      // Cleared for the next document (same kind) once this one made it; a file input only clears through its value.
      form.reset({ kind });
      if (fileInput.current) fileInput.current.value = "";
    }
    // A 422 of the presign names the refused part: the kind, or the file's name, type or size.
    else if (isApiError(error)) for (const [field, message] of Object.entries(error.fields)) form.setError(field === "kind" ? "kind" : "file", { type: "server", message });
  });
  const failedWithoutField = upload?.status === "failed" && !(isApiError(upload.error) && upload.error.fieldErrors.length > 0);

  return (
    <form onSubmit={submit} noValidate aria-label="Add a document" className="space-y-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <div className="grid gap-3 sm:grid-cols-[1fr_2fr]">
        <SelectField label="Kind" options={documentKinds} error={errors.kind?.message} {...form.register("kind")} />
        <div className="space-y-1">
          <label htmlFor={ids.file} className="block text-sm font-medium">
            File
          </label>
          <input
            id={ids.file}
            type="file"
            accept={ACCEPT}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={`${ids.file}-hint${errors.file ? ` ${ids.file}-error` : ""}`}
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:text-sm file:font-medium file:text-indigo-700 hover:file:bg-indigo-100 dark:file:bg-indigo-950 dark:file:text-indigo-300"
            {...fileField}
            ref={(el) => {
              fileField.ref(el);
              fileInput.current = el;
            }}
          />
          <p id={`${ids.file}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
            PDF, Word, ODT, RTF or plain text. Nobody can open it before the virus scan finds it clean.
          </p>
          {errors.file?.message && (
            <p id={`${ids.file}-error`} className="text-sm text-red-600 dark:text-red-400">
              {errors.file.message}
            </p>
          )}
        </div>
      </div>
      {upload && upload.status !== "failed" && (
        <div className="space-y-1 text-sm">
          <progress
            aria-label={`Uploading ${upload.fileName}`}
            max={100}
            value={Math.round(upload.progress * 100)}
            className="h-2 w-full overflow-hidden rounded [&::-moz-progress-bar]:bg-indigo-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-indigo-600"
          />
        </div>
      )}
      <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
        {upload?.status === "uploading" && `${upload.fileName}: ${Math.round(upload.progress * 100)}%`}
        {upload?.status === "done" && `${upload.fileName} uploaded. The virus scan is running; its state shows in the list.`}
      </p>
      {failedWithoutField && <Alert title={`${upload.fileName} was not added`}>{errorMessage(upload.error)}</Alert>}
      <Button type="submit" disabled={uploading}>
        <Upload aria-hidden className="size-4" />
        {uploading ? "Uploading…" : "Upload document"}
      </Button>
    </form>
  );
}
