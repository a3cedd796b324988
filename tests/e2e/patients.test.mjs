// The foundation scenario through the real app window: first start shows the recovery kit,
// create a patient, find them by phone digits, open and edit the card, restart, still there.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, Keys, PASSWORD, signIn } from "./webdriver.mjs";

const t = (id) => `[data-testid="${id}"]`;

test("create, find by phone, edit, and keep a patient across restarts", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "frontdesk-e2e-"));
  let s = await Session.start(["--data-dir", dataDir]);
  try {
    // First start: the office's administrator is created, then the recovery kit is shown once.
    await s.find(t("field-full_name"), 30000);
    await s.type(t("field-full_name"), "Office Administrator");
    await s.type(t("field-username"), "admin");
    await s.type(t("field-password"), PASSWORD);
    await s.type(t("field-password_again"), PASSWORD);
    await s.click(t("first-admin-submit"));
    const code = await s.waitText(t("recovery-code"), (x) => x.replace(/\s+/g, "").length >= 65, 30000);
    assert.match(code.replace(/\s+/g, "-").replace(/-+/g, "-"), /^([0-9A-Z]{5}-){12}[0-9A-Z]{5}$/);
    await s.screenshot("01-recovery-kit");
    await s.click(t("recovery-ack"));
    await s.click(t("recovery-continue"));

    // Create a patient.
    await s.find(t("search-input"));
    await s.click(t("new-patient"));
    await s.type(t("field-last_name"), "Okonkwo-Ñandú");
    await s.type(t("field-first_name"), "Adaeze");
    await s.type(t("field-date_of_birth"), "2026-02-30");
    await s.type(t("field-phone_mobile"), "(555) 321-9876");
    await s.type(t("field-medical.allergies"), "Latex");
    await s.click(t("save-patient"));
    // An impossible date is refused, with the field named, and the typed input kept.
    await s.waitText(t("field-error-date_of_birth"), (x) => /date/i.test(x));
    assert.equal(await s.value(t("field-last_name")), "Okonkwo-Ñandú");
    await s.screenshot("02-validation");
    await s.clear(t("field-date_of_birth"));
    await s.type(t("field-date_of_birth"), "3/7/1984");
    await s.click(t("save-patient"));
    await s.waitText(t("patient-name"), (x) => x.includes("Adaeze") && x.includes("Okonkwo"));
    await s.waitText(t("alert-banner"), (x) => /latex/i.test(x));

    // Find them again by phone digits typed another way, open with the keyboard.
    await s.clear(t("search-input"));
    await s.type(t("search-input"), "555.321.9876");
    await s.waitText(t("search-result"), (x) => x.includes("Okonkwo"));
    await s.type(t("search-input"), Keys.ArrowDown + Keys.Enter);
    await s.waitText(t("patient-name"), (x) => x.includes("Adaeze"));
    await s.screenshot("03-card");

    // Edit a field.
    await s.click(t("edit-patient"));
    await s.clear(t("field-email"));
    await s.type(t("field-email"), "adaeze@example.com");
    await s.click(t("save-patient"));
    await s.waitText(t("patient-card"), (x) => x.includes("adaeze@example.com"));
  } finally {
    await s.quit();
  }

  // Restart on the same data: no recovery kit again, the edit persisted.
  s = await Session.start(["--data-dir", dataDir]);
  try {
    await signIn(s);
    await s.find(t("search-input"), 30000);
    assert.equal(await s.exists(t("recovery-code")), false, "the recovery kit is shown only once");
    await s.type(t("search-input"), "okonkwo");
    await s.waitText(t("search-result"), (x) => x.includes("Adaeze"));
    await s.click(t("search-result"));
    await s.waitText(t("patient-card"), (x) => x.includes("adaeze@example.com"));
    const meta = await s.text(t("record-meta"));
    assert.match(meta, /by admin/, "shows who created and changed the record");
    await s.screenshot("04-after-restart");
  } finally {
    await s.quit();
  }
});
