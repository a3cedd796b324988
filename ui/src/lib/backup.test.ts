import { describe, expect, it } from "vitest";
import type { BackupHealth } from "../bindings";
import { FOLDER_MISSING, bannerLines, daysAgo, humanBytes } from "./backup";

const health = (over: Partial<BackupHealth> = {}, lastGood: string | null = "2026-11-21T02:00:00Z"): BackupHealth => ({
  schedule: { folder: "E:\\Backups", daily_at: "02:00", on_close: true, keep_daily: 7, keep_monthly: 12 },
  last: { last_attempt_at: lastGood, last_ok: true, last_error: null, last_good_at: lastGood, last_good_file: "frontdesk.fdbk", last_good_bytes: 1000 },
  folder_missing: false,
  stale: false,
  ...over,
});

describe("humanBytes", () => {
  it("writes sizes the way people read them", () => {
    expect(humanBytes(0)).toBe("0 bytes");
    expect(humanBytes(1)).toBe("1 byte");
    expect(humanBytes(999)).toBe("999 bytes");
    expect(humanBytes(4_100)).toBe("4.1 KB");
    expect(humanBytes(12_345_678)).toBe("12.3 MB");
    expect(humanBytes(250_000_000)).toBe("250 MB");
    expect(humanBytes(999_990)).toBe("1.0 MB");
    expect(humanBytes(1_200_000_000)).toBe("1.2 GB");
  });
});

describe("the backup banner", () => {
  const now = new Date("2026-11-24T15:00:00Z");

  it("says nothing when backups are healthy", () => {
    expect(bannerLines(health(), now)).toEqual([]);
  });

  it("says how long ago the last good backup was, or that there is none", () => {
    expect(bannerLines(health({ stale: true }), now)).toEqual(["Last good backup: 3 days ago"]);
    expect(bannerLines(health({ stale: true }, null), now)).toEqual(["No backup yet"]);
  });

  it("names a missing folder", () => {
    expect(bannerLines(health({ folder_missing: true }), now)).toEqual([FOLDER_MISSING]);
    expect(bannerLines(health({ folder_missing: true, stale: true }), now)).toEqual([FOLDER_MISSING, "Last good backup: 3 days ago"]);
  });

  it("counts whole days", () => {
    expect(daysAgo("2026-11-24T01:00:00Z", now)).toBe("today");
    expect(daysAgo("2026-11-23T14:00:00Z", now)).toBe("1 day ago");
  });
});
