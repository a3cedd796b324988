// One window per data folder: a second start on the same folder brings the first window forward
// and ends by itself (the first keeps working); it never opens a second copy of the database.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, initFolder, signIn } from "./webdriver.mjs";

const t = (id) => `[data-testid="${id}"]`;

test("a second start on the same folder hands over to the first window and ends", async () => {
  const dir = await mkdtemp(join(tmpdir(), "frontdesk-e2e-"));
  initFolder(dir);
  const s = await Session.start(["--data-dir", dir]);
  try {
    await signIn(s);
    await s.click(t("recovery-ack"));
    await s.click(t("recovery-continue"));
    await s.find(t("search-input"), 30000);
    const second = spawnSync(process.env.APP_BINARY, ["--data-dir", dir], {
      timeout: 30000,
      env: process.env,
      stdio: "ignore",
    });
    assert.equal(second.error, undefined, "the second start ends by itself (no timeout)");
    assert.equal(second.status, 0);
    // The first window is still there and working.
    await s.type(t("search-input"), "nobody");
    await s.find(t("search-input"));
  } finally {
    await s.quit();
  }
});
