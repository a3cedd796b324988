// Insurance in the real window: enter a PPO plan with a deductible and a maximum, attach it to a
// patient, build a treatment plan, see the estimate and why, have the crown pre-authorized (the
// approved amount replaces the estimate), complete a procedure, create a claim,
// send it, deny it, and find it on the denied worklist. The database is checked with the CLI.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, cli, initFolder, signIn } from "./webdriver.mjs";

const t = (id) => `[data-testid="${id}"]`;

test("a PPO plan is entered, attached, estimated with reasons, claimed, denied and worklisted", async () => {
  const dir = await mkdtemp(join(tmpdir(), "frontdesk-e2e-"));
  initFolder(dir);
  await writeFile(join(dir, "p.json"), JSON.stringify({ last_name: "Lindqvist", first_name: "Maja", date_of_birth: "1979-04-12" }));
  const pid = Number(cli(dir, "patient", "add", join(dir, "p.json")).trim());
  await writeFile(join(dir, "fees.csv"), "code,description,fee\nD2391,Filling: one surface (back),200.00\nD2740,Crown: porcelain,1200.00\n");
  cli(dir, "fees", "import", join(dir, "fees.csv"));

  const s = await Session.start(["--data-dir", dir]);
  try {
    // The database was made with the CLI: after signing in the window shows the recovery kit once.
    await signIn(s);
    await s.click(t("recovery-ack"));
    await s.click(t("recovery-continue"));
    await s.find(t("search-input"), 30000);

    // Carrier and PPO plan.
    await s.click(t("show-insurance"));
    await s.click(t("new-carrier"));
    await s.type(t("field-carrier.name"), "Delta Dental");
    await s.type(t("field-carrier.payer_id"), "CDCA1");
    await s.click(t("save-carrier"));
    await s.waitText(t("carrier-row"), (x) => x.includes("Delta Dental"));
    await s.click(t("new-plan"));
    await s.type(t("field-group_name"), "Acme PPO");
    await s.type(t("field-group_number"), "G-100");
    await s.type(t("field-benefits.annual_max"), "1000.00");
    await s.type(t("field-benefits.deductible"), "abc");
    await s.click(t("save-plan"));
    await s.waitText(t("field-error-benefits.deductible"), (x) => /money amount/.test(x));
    await s.clear(t("field-benefits.deductible"));
    await s.type(t("field-benefits.deductible"), "50.00");
    await s.click(t("benefits.allowed-add"));
    await s.type(t("benefits.allowed-code-0"), "D2391");
    await s.type(t("benefits.allowed-amount-0"), "150.00");
    await s.click(t("benefits.allowed-add"));
    await s.type(t("benefits.allowed-code-1"), "D2740");
    await s.type(t("benefits.allowed-amount-1"), "900.00");
    await s.screenshot("10-plan-editor");
    await s.click(t("save-plan"));
    await s.waitText(t("plan-row"), (x) => x.includes("Delta Dental - Acme PPO") && x.includes("$1,000.00"));

    // Attach it to the patient.
    await s.type(t("search-input"), "lindqvist");
    await s.waitText(t("search-result"), (x) => x.includes("Maja"));
    await s.click(t("search-result"));
    await s.waitText(t("patient-name"), (x) => x.includes("Maja"));
    await s.click(t("add-coverage"));
    await s.type(t("coverage-member-id"), "M-555");
    await s.type(t("coverage-effective"), "01/01/2026");
    await s.click(t("save-coverage"));
    await s.waitText(t("coverage-row"), (x) => /primary/i.test(x) && x.includes("Acme PPO") && x.includes("M-555"));
    await s.waitText(t("coverage-verified"), (x) => x === "not verified");
    await s.click(t("verify-open"));
    await s.type(t("field-reference"), "EV-88231");
    await s.click(t("verify-save"));
    await s.waitText(t("coverage-verified"), (x) => /^verified \d\d\/\d\d\/\d{4}$/.test(x));

    // Treatment plan: filling then crown; the filling takes the deductible.
    await s.type(t("tp-code"), "D2391");
    await s.type(t("tp-tooth"), "30");
    await s.click(t("tp-add"));
    await s.waitText(t("tp-total-patient"), (x) => x === "$70.00");
    await s.type(t("tp-code"), "D2740");
    await s.type(t("tp-tooth"), "3");
    await s.click(t("tp-add"));
    await s.waitText(t("tp-total-patient"), (x) => x === "$520.00");
    await s.click(t("tp-why"));
    const why = await s.waitText(t("tp-explanation"), (x) => x.includes("deductible $50.00 applied"));
    assert.match(why, /plan pays 80% of \$100\.00 = \$80\.00/);
    await s.screenshot("11-treatment-plan-why");

    // Pre-authorization of both procedures; the approved crown amount replaces its estimate.
    await s.click(t("preauth-new"));
    await s.click(t("preauth-create"));
    await s.waitText(t("preauth-status"), (x) => /draft/i.test(x));
    await s.click(t("preauth-send-open"));
    await s.click(t("preauth-save"));
    await s.waitText(t("preauth-status"), (x) => /sent/i.test(x));
    await s.click(t("preauth-approve-open"));
    await s.type(t("preauth-expires"), "12/31/2099");
    await s.type(t("preauth-amount-0"), "80.00");
    await s.type(t("preauth-amount-1"), "400.00");
    await s.click(t("preauth-save"));
    await s.waitText(t("preauth-status"), (x) => /approved/i.test(x));
    await s.waitText(t("tp-total-patient"), (x) => x === "$570.00");

    // Done today → due today → claim.
    await s.click(t("tp-complete"));
    await s.waitText(t("due-today"), (x) => x.includes("Due today: $70.00"));
    await s.click(t("create-claim"));
    await s.waitText(t("claim-status"), (x) => /draft/i.test(x));
    await s.click(t("claim-send"));
    await s.waitText(t("claim-status"), (x) => /sent/i.test(x));
    await s.click(t("claim-deny-open"));
    await s.type(t("claim-deny-reason"), "Missing x-ray");
    await s.type(t("claim-deny-follow-up"), "12/31/2099");
    await s.click(t("claim-deny"));
    await s.waitText(t("claim-status"), (x) => /denied/i.test(x));
    await s.screenshot("12-claim-denied");

    // The denied worklist.
    await s.click(t("show-claims"));
    await s.click(t("worklist-denied"));
    await s.waitText(t("worklist-row"), (x) => x.includes("Lindqvist") && x.includes("Missing x-ray"));
    await s.screenshot("13-denied-worklist");
  } finally {
    await s.quit();
  }
  const denied = JSON.parse(cli(dir, "claims", "list", "denied", "--json"));
  assert.equal(denied.length, 1);
  assert.equal(denied[0].patient.id, pid);
  assert.equal(denied[0].denial_reason, "Missing x-ray");
  assert.equal(denied[0].follow_up_on, "2099-12-31");
});
