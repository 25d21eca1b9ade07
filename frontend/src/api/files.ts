// Stored files seen from the app (docs/files-and-scanning.md). The upload confirmation
// (`POST /api/files/{id}/uploaded`) is `confirmFileUploaded` in publicJobs.ts: it is token-based, not signed in.
import { api } from "../services/api";
import type { DownloadLink, FileDetails } from "./types";

const enc = encodeURIComponent;

/** Metadata and scan state of a file the caller may see. */
export const getFile = (id: string) => api.get<FileDetails>(`/api/files/${enc(id)}`);
/** A 5-minute download link; clean files only (403 `file_blocked`, 409 `file_not_clean`). */
export const getFileDownload = (id: string) => api.get<DownloadLink>(`/api/files/${enc(id)}/download`);
