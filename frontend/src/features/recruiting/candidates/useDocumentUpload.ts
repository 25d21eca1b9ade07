import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { confirmFileUploaded } from "../../../api/publicJobs";
import { presignCandidateDocument } from "../../../api/recruiting";
import { uploadToPresignedPost } from "../../../services/upload";
import { documentsKey } from "./queryKeys";

export interface DocumentUpload {
  fileName: string;
  /** 0..1 while the bytes travel. */
  progress: number;
  status: "uploading" | "done" | "failed";
  /** Set once `…/uploaded` confirmed it; the scan state is then followed on the document's row. */
  fileId: string | null;
  error: unknown;
}

/**
 * A candidate document (docs/files-and-scanning.md): presign
 * `POST /api/candidates/{id}/documents {file_name, content_type, size, kind}` →
 * multipart POST of the returned fields then the file (progress) →
 * `POST /api/files/{file_id}/uploaded {upload_token}`. The list is refetched
 * whatever happened, so it shows the document in the state the API holds.
 * `start` resolves to the error, or null once the upload is confirmed.
 */
export function useDocumentUpload(candidateId: string) {
  const queryClient = useQueryClient();
  const [upload, setUpload] = useState<DocumentUpload | null>(null);
  const current = useRef(0);

  const start = useCallback(
    async (file: File, kind: string) => {
      const run = ++current.current;
      const patch = (change: Partial<DocumentUpload>) => {
        if (run === current.current) setUpload((u) => (u ? { ...u, ...change } : u));
      };
      setUpload({ fileName: file.name, progress: 0, status: "uploading", fileId: null, error: null });
      try {
        const form = await presignCandidateDocument(candidateId, {
          file_name: file.name,
          content_type: file.type || "application/octet-stream",
          size: file.size,
          kind,
        });
        await uploadToPresignedPost(form.url, form.fields, file, (progress) => patch({ progress }));
        await confirmFileUploaded(form.file_id, form.upload_token);
        patch({ status: "done", progress: 1, fileId: form.file_id });
        return null;
      } catch (error) {
        patch({ status: "failed", error });
        return error;
      } finally {
        void queryClient.invalidateQueries({ queryKey: documentsKey(candidateId) });
      }
    },
    [candidateId, queryClient],
  );

  return { upload, start };
}
