/** The three states people see; the API's finer statuses map onto them. */
export type ScanBadge = "pending" | "clean" | "blocked" | "failed";

export function scanBadge(status: string): ScanBadge {
  switch (status) {
    case "clean":
      return "clean";
    case "infected":
    case "rejected":
      return "blocked";
    case "error":
      return "failed";
    default:
      // awaiting_upload, pending: the scan has not answered yet.
      return "pending";
  }
}

export const canDownload = (status: string) => status === "clean";
