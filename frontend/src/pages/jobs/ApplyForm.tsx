import { zodResolver } from "@hookform/resolvers/zod";
import { CheckCircle2, FileText, Upload } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { z } from "zod";
import { applyToJob } from "../../api/publicJobs";
import type { Me } from "../../api/types";
import { useMe } from "../../auth/useMe";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";
import { ApiError } from "../../services/apiError";
import { useResumeUpload } from "./useResumeUpload";

const COVER_LETTER_MAX = 10_000;
/** The types docs/files-and-scanning.md accepts for resumes; the API has the last word. */
const RESUME_ACCEPT = ".pdf,.doc,.docx,.txt,.rtf,.odt,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,application/rtf,application/vnd.oasis.opendocument.text";

const optionalUrl = z
  .string()
  .trim()
  .refine((v) => v === "" || /^https?:\/\/\S+$/i.test(v), "Enter a full link starting with https://");

const schema = z.object({
  full_name: z.string().trim().min(1, "Enter your full name."),
  email: z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address."),
  phone: z.string().trim(),
  linkedin_url: optionalUrl,
  cover_letter: z.string().max(COVER_LETTER_MAX, `At most ${COVER_LETTER_MAX.toLocaleString()} characters.`),
  /** The honeypot: people never see it, so it stays empty; whatever a bot puts there is sent as is. */
  website: z.string(),
});
type Values = z.infer<typeof schema>;
const FIELDS = ["full_name", "email", "phone", "linkedin_url", "cover_letter"] as const;

type Outcome = { kind: "sent" } | { kind: "closed" } | null;

/** The apply form of `/jobs/:id` (docs/pipelines.md "Public apply"). */
export function ApplyForm({ jobId, jobTitle, signedIn }: { jobId: string; jobTitle: string; signedIn: boolean }) {
  const { upload, start, clear } = useResumeUpload(jobId);
  const [formError, setFormError] = useState<string | null>(null);
  const [resumeError, setResumeError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const ids = { resume: useId(), letter: useId(), progress: useId() };
  const { register, handleSubmit, setError, formState, watch, getValues, setValue } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { full_name: "", email: "", phone: "", linkedin_url: "", cover_letter: "", website: "" },
  });
  const letterLength = watch("cover_letter").length;
  // A signed-in person applies as themselves: start from their account's name and email, never over what they typed.
  const prefill = (me: Me) => {
    if (!getValues("full_name")) setValue("full_name", me.full_name);
    if (!getValues("email")) setValue("email", me.email);
  };
  const uploading = upload?.status === "uploading";

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setResumeError(null);
    if (uploading) return;
    try {
      await applyToJob(jobId, {
        full_name: values.full_name,
        email: values.email,
        phone: values.phone || null,
        linkedin_url: values.linkedin_url || null,
        cover_letter: values.cover_letter.trim() ? values.cover_letter : null,
        resume_file_id: upload?.status === "done" ? upload.fileId : null,
        website: values.website,
      });
      setOutcome({ kind: "sent" });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        setOutcome({ kind: "closed" });
        return;
      }
      if (error instanceof ApiError && error.fields.resume_file_id) setResumeError(`Resume: ${error.fields.resume_file_id}. Please upload it again.`);
      const applied = applyFieldErrors(error, FIELDS, setError);
      if (!applied && !(error instanceof ApiError && error.fields.resume_file_id)) setFormError(errorMessage(error));
    }
  });

  if (outcome?.kind === "sent") {
    return (
      <div role="status" className="space-y-3 rounded-xl border border-emerald-300 bg-emerald-50 p-5 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
        <p className="flex items-center gap-2 font-semibold">
          <CheckCircle2 aria-hidden className="size-5" /> Application sent
        </p>
        <p className="text-sm">The hiring team for “{jobTitle}” has your application. Good luck!</p>
        {!signedIn && (
          <p className="text-sm">
            <Link to="/sign-up" className="font-medium underline">
              Create a free account
            </Link>{" "}
            with the same email to follow your applications.
          </p>
        )}
        <Link to="/jobs" className="inline-block text-sm font-medium underline">
          Back to all jobs
        </Link>
      </div>
    );
  }
  if (outcome?.kind === "closed") {
    return (
      <Alert title="This job is closed">
        It is no longer accepting applications.{" "}
        <Link to="/jobs" className="underline">
          See other open jobs
        </Link>
        .
      </Alert>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="apply-title" className="space-y-4">
      {signedIn && <AccountPrefill onAccount={prefill} />}
      <h2 id="apply-title" className="text-lg font-semibold">
        Apply for this job
      </h2>
      {formError && <Alert>{formError}</Alert>}
      <TextField label="Full name" autoComplete="name" error={formState.errors.full_name?.message} {...register("full_name")} />
      <TextField label="Email" type="email" autoComplete="email" error={formState.errors.email?.message} {...register("email")} />
      <TextField label="Phone (optional)" type="tel" autoComplete="tel" error={formState.errors.phone?.message} {...register("phone")} />
      <TextField label="LinkedIn profile (optional)" type="url" placeholder="https://www.linkedin.com/in/…" error={formState.errors.linkedin_url?.message} {...register("linkedin_url")} />

      <div className="space-y-1">
        <label htmlFor={ids.resume} className="block text-sm font-medium">
          Resume (optional)
        </label>
        <input
          id={ids.resume}
          type="file"
          accept={RESUME_ACCEPT}
          aria-describedby={`${ids.resume}-hint`}
          aria-invalid={resumeError || upload?.status === "failed" ? true : undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            setResumeError(null);
            if (file) void start(file);
            else clear();
          }}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:text-sm file:font-medium file:text-indigo-700 hover:file:bg-indigo-100 dark:file:bg-indigo-950 dark:file:text-indigo-300"
        />
        <p id={`${ids.resume}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          PDF, Word, ODT, RTF or plain text. It is virus-scanned before anyone opens it.
        </p>
        {upload && (
          <div className="space-y-1 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
            <p className="flex items-center gap-2">
              {upload.status === "done" ? <FileText aria-hidden className="size-4" /> : <Upload aria-hidden className="size-4" />}
              <span className="truncate">{upload.fileName}</span>
              <span className="ml-auto text-xs text-slate-500 dark:text-slate-400">
                {upload.status === "uploading" ? `${Math.round(upload.progress * 100)}%` : upload.status === "done" ? "Uploaded" : "Failed"}
              </span>
            </p>
            {upload.status !== "failed" && (
              <progress
                id={ids.progress}
                aria-label={`Uploading ${upload.fileName}`}
                max={100}
                value={Math.round(upload.progress * 100)}
                className="h-2 w-full overflow-hidden rounded [&::-moz-progress-bar]:bg-indigo-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-indigo-600"
              />
            )}
            {upload.error && (
              <p role="alert" className="text-red-600 dark:text-red-400">
                {upload.error}
              </p>
            )}
          </div>
        )}
        {resumeError && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {resumeError}
          </p>
        )}
      </div>

      <div className="space-y-1">
        <label htmlFor={ids.letter} className="block text-sm font-medium">
          Cover letter (optional)
        </label>
        <textarea
          id={ids.letter}
          rows={6}
          aria-invalid={formState.errors.cover_letter ? true : undefined}
          aria-describedby={`${ids.letter}-count${formState.errors.cover_letter ? ` ${ids.letter}-error` : ""}`}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/40 aria-invalid:border-red-500 dark:border-slate-700 dark:bg-slate-900"
          {...register("cover_letter")}
        />
        <p id={`${ids.letter}-count`} className="text-xs text-slate-500 dark:text-slate-400">
          {letterLength.toLocaleString()} / {COVER_LETTER_MAX.toLocaleString()}
        </p>
        {formState.errors.cover_letter && (
          <p id={`${ids.letter}-error`} className="text-sm text-red-600 dark:text-red-400">
            {formState.errors.cover_letter.message}
          </p>
        )}
      </div>

      {/* Honeypot: off-screen, out of the tab order and hidden from assistive tech; people leave it empty, bots fill it. */}
      <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor="apply-website">Website</label>
        <input id="apply-website" type="text" tabIndex={-1} autoComplete="off" data-testid="honeypot" {...register("website")} />
      </div>

      <Button type="submit" className="w-full sm:w-auto" disabled={formState.isSubmitting || uploading}>
        {uploading ? "Waiting for the upload…" : formState.isSubmitting ? "Sending…" : "Send application"}
      </Button>
    </form>
  );
}

/** Hands the signed-in account to the form once (`/api/me`; only mounted for a live session, so visitors never call it). */
function AccountPrefill({ onAccount }: { onAccount: (me: Me) => void }) {
  const me = useMe().data;
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (me && !done) {
      onAccount(me);
      setDone(true);
    }
  }, [me, done, onAccount]);
  return null;
}
