import { useQuery } from "@tanstack/react-query";
import { listCandidateDocuments } from "../../../api/recruiting";
import { Alert } from "../../../components/ui/Alert";
import { Spinner } from "../../../components/ui/Spinner";
import { errorMessage } from "../../../lib/errorMessages";
import { DocumentRow } from "./DocumentRow";
import { DocumentUploadForm } from "./DocumentUploadForm";
import { Empty, Section } from "./ProfileSection";
import { documentsKey } from "./queryKeys";

/**
 * The profile's documents (`GET /api/candidates/{id}/documents`, newest first)
 * with their scan state; the owning company with `candidates:write` adds more.
 */
export function CandidateDocuments({ candidateId, canUpload }: { candidateId: string; canUpload: boolean }) {
  const documents = useQuery({ queryKey: documentsKey(candidateId), queryFn: () => listCandidateDocuments(candidateId) });
  return (
    <Section title="Documents">
      <div className="space-y-3">
        {canUpload && <DocumentUploadForm candidateId={candidateId} />}
        {documents.isPending ? (
          <Spinner label="Loading documents" />
        ) : documents.isError ? (
          <Alert title="Could not load the documents">{errorMessage(documents.error)}</Alert>
        ) : documents.data.length === 0 ? (
          <Empty>No documents.</Empty>
        ) : (
          <ul aria-label="Documents" className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {documents.data.map((d) => (
              <DocumentRow key={d.file_id} candidateId={candidateId} document={d} />
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}
