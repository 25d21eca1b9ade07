import { useCallback, useState } from "react";
import { confirmAttachmentUploaded, presignAttachment } from "../../api/messaging";
import { errorMessage } from "../../lib/errorMessages";
import { ApiError } from "../../services/apiError";
import { uploadToPresignedPost } from "../../services/upload";

export interface Upload {
  key: string;
  fileName: string;
  /** 0..1 while the bytes travel. */
  progress: number;
  attachmentId: string | null;
  /** `uploading`, `failed`, or the API's attachment status (`pending`, `clean`, `infected`…). */
  status: string;
  error: string | null;
}

let counter = 0;

/**
 * Attachments being prepared in the composer: presign → multipart POST to the
 * storage with the fields then the file → confirm `…/uploaded`. The scan state
 * then changes live (`attachment.status_changed`, fed in through `setStatus`).
 */
export function useAttachmentUploads(conversationId: string) {
  const [uploads, setUploads] = useState<Upload[]>([]);

  const patch = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }, []);

  const add = useCallback(
    async (file: File) => {
      const key = `upload-${++counter}`;
      setUploads((list) => [...list, { key, fileName: file.name, progress: 0, attachmentId: null, status: "uploading", error: null }]);
      try {
        const form = await presignAttachment(conversationId, {
          file_name: file.name,
          content_type: file.type || "application/octet-stream",
          size: file.size,
        });
        patch(key, { attachmentId: form.attachment_id });
        await uploadToPresignedPost(form.url, form.fields, file, (progress) => patch(key, { progress }));
        const confirmed = await confirmAttachmentUploaded(form.attachment_id);
        // A live event may already have moved it further; never go back to pending.
        setUploads((list) => list.map((u) => (u.key === key ? { ...u, progress: 1, status: u.status === "uploading" ? confirmed.status : u.status } : u)));
      } catch (error) {
        const fieldMessage = error instanceof ApiError ? Object.values(error.fields)[0] : undefined;
        patch(key, { status: "failed", error: fieldMessage ?? errorMessage(error) });
      }
    },
    [conversationId, patch],
  );

  const setStatus = useCallback((attachmentId: string, status: string) => {
    setUploads((list) => list.map((u) => (u.attachmentId === attachmentId && u.status !== "failed" ? { ...u, status } : u)));
  }, []);

  const remove = useCallback((key: string) => setUploads((list) => list.filter((u) => u.key !== key)), []);
  const clear = useCallback(() => setUploads([]), []);

  return { uploads, add, setStatus, remove, clear };
}

/** Attachments a message may carry now: confirmed, and pending or clean (the API refuses blocked ones). */
export function sendableAttachmentIds(uploads: Upload[]): string[] {
  return uploads.filter((u) => u.attachmentId && (u.status === "pending" || u.status === "clean")).map((u) => u.attachmentId!);
}

export function uploadsInFlight(uploads: Upload[]): boolean {
  return uploads.some((u) => u.status === "uploading");
}
