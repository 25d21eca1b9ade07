import { useCallback, useRef, useState } from "react";
import { confirmFileUploaded, presignResume } from "../../api/publicJobs";
import { errorMessage } from "../../lib/errorMessages";
import { ApiError } from "../../services/apiError";
import { uploadToPresignedPost } from "../../services/upload";

export interface ResumeUpload {
  fileName: string;
  /** 0..1 while the bytes travel. */
  progress: number;
  status: "uploading" | "done" | "failed";
  /** Set once `…/uploaded` confirmed it: the `resume_file_id` to apply with. */
  fileId: string | null;
  error: string | null;
}

/**
 * A resume for a public application (docs/files-and-scanning.md): presign
 * `POST /api/public/jobs/{id}/resume-upload` → multipart POST of the returned
 * fields then the file to `url` (progress) → `POST /api/files/{file_id}/uploaded`
 * with the `upload_token`. A newer pick replaces an older one still in flight.
 */
export function useResumeUpload(jobId: string) {
  const [upload, setUpload] = useState<ResumeUpload | null>(null);
  const current = useRef(0);

  const start = useCallback(
    async (file: File) => {
      const run = ++current.current;
      const patch = (change: Partial<ResumeUpload>) => {
        if (run === current.current) setUpload((u) => (u ? { ...u, ...change } : u));
      };
      setUpload({ fileName: file.name, progress: 0, status: "uploading", fileId: null, error: null });
      try {
        const form = await presignResume(jobId, {
          file_name: file.name,
          content_type: file.type || "application/octet-stream",
          size: file.size,
        });
        await uploadToPresignedPost(form.url, form.fields, file, (progress) => patch({ progress }));
        await confirmFileUploaded(form.file_id, form.upload_token);
        patch({ status: "done", progress: 1, fileId: form.file_id });
      } catch (error) {
        // A 422 names the refused part (file_name, content_type or size): its message says what is wrong.
        const fieldMessage = error instanceof ApiError ? Object.values(error.fields)[0] : undefined;
        patch({ status: "failed", error: fieldMessage ? `This file can't be used: ${fieldMessage}.` : errorMessage(error) });
      }
    },
    [jobId],
  );

  const clear = useCallback(() => {
    current.current++;
    setUpload(null);
  }, []);

  return { upload, start, clear };
}
