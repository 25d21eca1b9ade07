// Presigned S3 POST with progress. XMLHttpRequest because fetch reports no upload progress.
import { ApiError } from "./apiError";

/** POSTs `fields` then the file (named `file`, last, as S3 requires) to `url`. */
export function uploadToPresignedPost(
  url: string,
  fields: Record<string, string>,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(new ApiError({ status: xhr.status, code: "upload_failed", detail: "The file storage refused the upload." }));
      }
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: "upload_failed", detail: "The upload could not reach the file storage." }));
    xhr.send(form);
  });
}
