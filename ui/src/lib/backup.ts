// What the window says about automatic backups: the Today board's red banner and the Office
// screen's "last backup" lines. Rust decides `stale` (no good backup in two days, or none) and
// `folder_missing`; these helpers only put it into words.
import type { BackupHealth } from "../bindings";

export const FOLDER_MISSING = "The backup folder cannot be found (is the drive connected?)";

/** A file size as people read it: "532 bytes", "4.1 KB", "12.3 MB", "1.2 GB". */
export function humanBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1000) return `${Math.round(bytes)} ${bytes === 1 ? "byte" : "bytes"}`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = bytes / 1000;
  let i = 0;
  while (v >= 999.95 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v < 100 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** "today", "1 day ago", "3 days ago" (whole days since `iso`, as of `now`). */
export function daysAgo(iso: string, now: Date = new Date()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const days = Math.max(0, Math.floor((now.getTime() - t) / 86_400_000));
  if (days === 0) return "today";
  return days === 1 ? "1 day ago" : `${days} days ago`;
}

/** The lines of the Today board's backup banner; empty when backups are healthy. */
export function bannerLines(h: BackupHealth, now: Date = new Date()): string[] {
  const lines: string[] = [];
  if (h.folder_missing) lines.push(FOLDER_MISSING);
  if (h.stale) {
    lines.push(h.last.last_good_at ? `Last good backup: ${daysAgo(h.last.last_good_at, now)}` : "No backup yet");
  }
  return lines;
}
