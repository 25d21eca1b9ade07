import { exactTime, relativeTime } from "../../lib/relativeTime";

/** "3 days ago", with the exact date and time in the tooltip and a machine-readable `dateTime`. */
export function RelativeTime({ iso, now }: { iso: string; now?: Date }) {
  return (
    <time dateTime={iso} title={exactTime(iso)} className="whitespace-nowrap">
      {relativeTime(iso, now)}
    </time>
  );
}
