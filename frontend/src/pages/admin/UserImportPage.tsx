import { useMutation, useQuery } from "@tanstack/react-query";
import { ArrowLeft, Upload } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { getUserImport, startUserImport } from "../../api/admin";
import type { UserImportReport } from "../../api/types";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { CompanyPicker } from "../../features/admin/CompanyPicker";
import { QueryError } from "../../components/ui/QueryError";
import { Badge, PageHeader, cardClass, formatDateTime, inputClass, tableClass, tdClass, thClass } from "../../features/admin/ui";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

/** How often a running import is polled. */
export const IMPORT_POLL_MS = 1500;

const back = (
  <Link to="/admin/users" className="inline-flex items-center gap-1 text-sm text-indigo-600 hover:underline dark:text-indigo-400">
    <ArrowLeft aria-hidden className="size-4" /> All users
  </Link>
);

/** `/admin/users/import`: uploads the CSV (`POST /api/admin/users/bulk`, multipart) and opens its report. */
export function UserImportPage() {
  const me = useMe().data;
  const superAdmin = can(me, "companies:manage");
  const navigate = useNavigate();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [companyId, setCompanyId] = useState("");
  const [fileError, setFileError] = useState<string | undefined>();
  const [companyError, setCompanyError] = useState<string | undefined>();

  const upload = useMutation({
    mutationFn: (f: File) => startUserImport(f, companyId || undefined),
    onSuccess: (report) => navigate(`/admin/users/import/${report.import_id}`),
    onError: (error) => {
      if (isApiError(error)) {
        const fields = error.fields;
        if (fields.company_id) setCompanyError(fields.company_id);
        if (fields.file || ["file_too_large", "missing_file", "malformed_upload"].includes(error.code)) {
          setFileError(fields.file ?? errorMessage(error));
        }
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFileError(undefined);
    setCompanyError(undefined);
    if (!file) return setFileError("Choose a CSV file to upload.");
    upload.mutate(file);
  };
  const shownOnFields = !!fileError || !!companyError;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {back}
      <PageHeader
        title="Import users from CSV"
        description="UTF-8, header email,full_name,role, up to 10,000 users and 5 MB. Each user gets an activation email."
      />
      <form onSubmit={submit} noValidate className={`${cardClass} space-y-4`}>
        {upload.isError && !shownOnFields && <Alert title="The upload was refused">{errorMessage(upload.error)}</Alert>}
        <div className="space-y-1">
          <label htmlFor={fileId} className="block text-sm font-medium">
            CSV file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            className={inputClass}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {fileError && (
            <p id={`${fileId}-error`} className="text-sm text-red-600 dark:text-red-400">
              {fileError}
            </p>
          )}
        </div>
        {superAdmin && <CompanyPicker label="Company the users join" value={companyId} error={companyError} onChange={(e) => setCompanyId(e.target.value)} />}
        <Button type="submit" disabled={upload.isPending}>
          <Upload aria-hidden className="size-4" /> {upload.isPending ? "Uploading…" : "Upload and import"}
        </Button>
      </form>
    </div>
  );
}

/** `/admin/users/import/:importId`: polls `GET /api/admin/users/bulk/{import_id}` until completed; the per-row report. */
export function UserImportReportPage({ pollMs = IMPORT_POLL_MS }: { pollMs?: number }) {
  const { importId = "" } = useParams();
  const report = useQuery({
    queryKey: ["admin", "user-import", importId],
    queryFn: () => getUserImport(importId),
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "completed" ? pollMs : false),
  });

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      {back}
      {report.isPending ? (
        <Spinner label="Loading the import" />
      ) : report.isError ? (
        <QueryError title={isApiError(report.error) && report.error.status === 404 ? "Import not found" : "Could not load the import"} error={report.error} />
      ) : (
        <ImportReport report={report.data} />
      )}
    </div>
  );
}

const statusLabel: Record<string, string> = { queued: "Queued", processing: "Processing", completed: "Completed" };

function ImportReport({ report }: { report: UserImportReport }) {
  const done = report.status === "completed";
  const processed = report.total - report.pending;
  return (
    <>
      <PageHeader
        title={`Import of ${report.file_name}`}
        description={`Uploaded ${formatDateTime(report.created_at)}${report.finished_at ? ` · finished ${formatDateTime(report.finished_at)}` : ""}`}
        actions={
          <Link to="/admin/users/import" className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
            Import another file
          </Link>
        }
      />
      <section aria-labelledby="progress-title" className={`${cardClass} space-y-3`}>
        <h2 id="progress-title" className="flex items-center gap-2 font-semibold">
          Status <Badge tone={done ? "green" : "sky"}>{statusLabel[report.status] ?? report.status}</Badge>
        </h2>
        <progress className="w-full accent-indigo-600" max={Math.max(1, report.total)} value={processed} aria-label="Rows processed">
          {processed} of {report.total}
        </progress>
        <p role="status" className="text-sm">
          {done ? "All rows processed." : `${processed} of ${report.total} rows processed…`}
        </p>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
          {(
            [
              ["Total", report.total],
              ["Created", report.created],
              ["Skipped", report.skipped],
              ["Failed", report.failed],
              ["Pending", report.pending],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="rounded-md bg-slate-50 p-2 dark:bg-slate-800">
              <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
              <dd className="text-lg font-semibold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="problems-title" className="space-y-2">
        <h2 id="problems-title" className="font-semibold">
          Rows not created
        </h2>
        {report.errors.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{done ? "None: every row was created." : "None so far."}</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className={tableClass}>
              <thead>
                <tr>
                  <th className={thClass}>Row</th>
                  <th className={thClass}>Email</th>
                  <th className={thClass}>Field</th>
                  <th className={thClass}>Problem</th>
                  <th className={thClass}>Outcome</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {report.errors.map((e) => (
                  <tr key={`${e.row}-${e.field}`}>
                    <td className={tdClass}>{e.row}</td>
                    <td className={tdClass}>{e.email || "—"}</td>
                    <td className={tdClass}>{e.field}</td>
                    <td className={tdClass}>{e.message}</td>
                    <td className={tdClass}>
                      <Badge tone={e.outcome === "skipped" ? "amber" : "red"}>{e.outcome === "skipped" ? "Skipped" : "Failed"}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
