// The keychain lost its entry: the real window offers the recovery code, refuses a wrong one,
// accepts the right one and stores it again; then a child is linked to a guarantor on the card,
// and the fee schedule imported with the CLI shows on the Fees screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, cli, initFolder, signIn } from "./webdriver.mjs";

const t = (id) => `[data-testid="${id}"]`;

async function addPatient(dir, draft) {
  const file = join(dir, "draft.json");
  await writeFile(file, JSON.stringify(draft));
  return Number(cli(dir, "patient", "add", file).trim());
}

test("a lost keychain entry is recovered with the code, then a family is linked", async () => {
  const dir = await mkdtemp(join(tmpdir(), "frontdesk-e2e-"));
  initFolder(dir);
  const code = cli(dir, "recovery-kit").match(/([0-9A-Z]{5}-){12}[0-9A-Z]{5}/)[0];
  await addPatient(dir, { last_name: "Haddad", first_name: "Rania", date_of_birth: "1980-05-05" });
  await addPatient(dir, { last_name: "Haddad", first_name: "Omar", date_of_birth: "2012-09-09" });
  await writeFile(join(dir, "fees.csv"), "code,description,fee\nD1110,Adult cleaning,110\nD2740,Crown: porcelain,\"$1,250.00\"\n");
  cli(dir, "fees", "import", join(dir, "fees.csv"));
  const { database_id } = JSON.parse(await readFile(join(dir, "frontdesk-id.json"), "utf8"));
  execFileSync("secret-tool", ["clear", "service", "FrontDesk", "username", `database-key:${database_id}`]);
  const before = await readFile(join(dir, "frontdesk.db"));

  let s = await Session.start(["--data-dir", dir]);
  try {
    await s.waitText(t("locked-reason"), (x) => /keychain/i.test(x), 30000);
    await s.type(t("unlock-code"), "0000-1111-2222");
    await s.click(t("unlock-submit"));
    await s.waitText(t("error-message"), (x) => /code/i.test(x));
    assert.deepEqual(await readFile(join(dir, "frontdesk.db")), before, "a wrong code changes nothing");
    await s.screenshot("05-unlock-refused");
    await s.clear(t("unlock-code"));
    await s.type(t("unlock-code"), code.toLowerCase());
    await s.click(t("unlock-submit"));
    await signIn(s);
    await s.find(t("search-input"), 15000);

    await s.type(t("search-input"), "omar");
    await s.waitText(t("search-result"), (x) => x.includes("Haddad"));
    await s.click(t("search-result"));
    await s.waitText(t("patient-name"), (x) => x.includes("Omar"));
    await s.click(t("family-link"));
    await s.type(t("family-search"), "rania");
    await s.waitText(t("family-candidate"), (x) => x.includes("Rania"));
    await s.click(t("family-candidate"));
    await s.waitText(t("family"), (x) => /Haddad, Rania\s+guarantor/.test(x) && /Haddad, Omar\s+child/.test(x));
    await s.screenshot("06-family");

    // The fee schedule imported at the command line is on the Fees screen.
    await s.click(t("show-fees"));
    await s.waitText(t("fee-schedule"), (x) => x.includes("D2740") && x.includes("$1,250.00"));
  } finally {
    await s.quit();
  }

  // The key went back into the keychain: the next start opens straight to search.
  s = await Session.start(["--data-dir", dir]);
  try {
    await signIn(s);
    await s.find(t("search-input"), 30000);
    assert.equal(await s.exists(t("unlock-code")), false);
  } finally {
    await s.quit();
  }
  assert.match(cli(dir, "patient", "search", "rania", "--json"), /Rania/);

  // A backup to a folder and its restore onto "a new computer" (a new folder, the code alone):
  // the family comes back; the PHI scan after the suite also searches these folders.
  const usb = await mkdtemp(join(tmpdir(), "frontdesk-e2e-backups-"));
  const made = JSON.parse(cli(dir, "backup", "--to", usb, "--json"));
  assert.match(cli(dir, "verify-backup", made.file), /^ok: /);
  const newPc = join(await mkdtemp(join(tmpdir(), "frontdesk-e2e-newpc-")), "data");
  cli(newPc, "restore", made.file, "--into", newPc, "--recovery-code", code);
  assert.match(cli(newPc, "patient", "search", "omar", "--json"), /Haddad/);
});
