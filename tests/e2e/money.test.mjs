// Money at the desk in the real window: a procedure done today posts its charge, the visit is
// checked out on the day's grid, the payment is taken on the card (card ending 4242), the walkout
// receipt is printed to the CUPS PDF queue (its text read back with pdftotext), and a statement
// run sends the remaining balance (recorded, as the CLI then shows); the Reports screen shows the
// day's production, the balance left on the aging, the month's appointments and the unbilled list.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, cli, signIn } from "./webdriver.mjs";

const t = (id) => `[data-testid="${id}"]`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Files in the CUPS PDF queue's output folder (none when it does not exist yet). */
async function queueFiles(dir) {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith(".pdf")).map((f) => join(dir, f));
  } catch {
    return [];
  }
}

test("a payment at check-out, the walkout receipt printed to the CUPS PDF queue, a statement run", async () => {
  const dir = await mkdtemp(join(tmpdir(), "frontdesk-e2e-"));
  const out = process.env.CUPS_PDF_OUT || "/var/spool/cups-pdf/root";
  cli(dir, "demo", "--patients", "0");
  await writeFile(join(dir, "fees.csv"), "code,description,fee\nD1110,Adult cleaning,110.00\n");
  cli(dir, "fees", "import", join(dir, "fees.csv"));
  await writeFile(join(dir, "p.json"), JSON.stringify({ last_name: "Kowalczyk", first_name: "Hana", date_of_birth: "1984-04-04" }));
  cli(dir, "patient", "add", join(dir, "p.json"));

  const s = await Session.start(["--data-dir", dir]);
  try {
    await signIn(s);
    await s.click(t("recovery-ack"));
    await s.click(t("recovery-continue"));
    await s.type(t("search-input"), "kowalczyk");
    await s.waitText(t("search-result"), (x) => x.includes("Hana"));
    await s.click(t("search-result"));
    await s.waitText(t("patient-name"), (x) => x.includes("Hana"));

    // The cleaning done today: its charge is on the account.
    await s.type(t("tp-code"), "D1110");
    await s.click(t("tp-add"));
    await s.click(t("tp-complete"));
    await s.waitText(t("account-balance"), (x) => x.includes("$110.00"));
    await s.screenshot("40-charge-posted");

    // On a weekday the visit is booked for today and checked out on the Today board, whose "Pay"
    // opens the card with the payment form; at a weekend (office closed) the card's own button.
    const now = new Date();
    const weekday = now.getDay() !== 0 && now.getDay() !== 6;
    if (weekday) {
      const p = (n) => String(n).padStart(2, "0");
      await s.click(t("book-open"));
      await s.type(t("book-date"), `${p(now.getMonth() + 1)}/${p(now.getDate())}/${now.getFullYear()}`);
      await s.type(t("book-time"), "08:00");
      await s.click(t("book-save"));
      await s.waitText(t("book-result"), (x) => x.includes("08:00"));
      await s.click(t("show-today"));
      for (const step of ["Check in", "Seat", "Check out"]) {
        await s.waitText(t("board-step"), (x) => x.includes(step));
        await s.click(t("board-step"));
      }
      // Checking out opens the card (to book the next visit); then back to the board to pay.
      await s.waitText(t("patient-name"), (x) => x.includes("Hana"));
      await s.click(t("show-today"));
      await s.click(t("board-pay"));
      await s.find(t("payment-amount"));
    } else {
      await s.click(t("take-payment"));
    }
    // Take $50 on the card at check-out; $60 stays on the account.
    await s.clear(t("payment-amount"));
    await s.type(t("payment-amount"), "50.00");
    await s.click(`${t("payment-method")} option[value="card"]`);
    await s.type(t("payment-last-four"), "4242");
    await s.click(t("payment-submit"));
    await s.waitText(t("payment-posted"), (x) => /payment posted/i.test(x));
    await s.waitText(t("account-balance"), (x) => x.includes("$60.00"));
    const lines = await s.findAll(t("ledger-line"));
    assert.equal(lines.length, 2, "the charge and the payment");
    await s.screenshot("41-payment-taken");

    // The walkout receipt: previewed in the window, printed to the PDF queue.
    const before = await queueFiles(out);
    await s.click(t("print-receipt"));
    await s.find(`${t("pdf-preview")}[data-pages="1"]`, 30000);
    await s.waitText(t("print-printer"), (x) => x.includes("PDF"));
    await s.screenshot("42-receipt-preview");
    await s.click(t("print-submit"));
    await s.waitText(t("print-result"), (x) => /Sent to PDF \(job PDF-\d+\)/.test(x), 30000);
    let printed;
    for (let i = 0; i < 120 && !printed; i++) {
      printed = (await queueFiles(out)).find((f) => !before.includes(f));
      if (!printed) await sleep(500);
    }
    assert.ok(printed, `the job reached ${out}`);
    await sleep(1000);
    const text = execFileSync("pdftotext", ["-layout", printed, "-"], { encoding: "utf8" });
    assert.match(text, /Walkout receipt/i);
    assert.match(text, /Hana Kowalczyk/);
    assert.match(text, /D1110/);
    assert.match(text, /4242/);
    await s.click(t("print-close"));

    // Statements: the run lists the guarantor and sends one statement.
    await s.click(t("show-statements"));
    await s.click(t("statements-preview-button"));
    await s.waitText(t("statements-candidate"), (x) => x.includes("Kowalczyk") && x.includes("$60.00"));
    await s.screenshot("43-statements-preview");
    await s.click(t("statements-run"));
    await s.waitText(t("statements-result"), (x) => /^1 statements? sent, total due \$60\.00/.test(x), 30000);
    await s.screenshot("44-statements-run");

    // Reports: this month's production shows today's charge and payment; the aging, the $60.00 left.
    await s.click(t("show-reports"));
    await s.waitText(t("report-net-production"), (x) => x === "$110.00");
    await s.waitText(t("report-net-collections"), (x) => x === "$50.00");
    // The production chart is drawn (Chart.js on a canvas): some pixel of it is not blank.
    await s.find(`${t("report-chart")} canvas`);
    let drawn = false;
    for (let i = 0; i < 50 && !drawn; i++) {
      drawn = await s.execute(`const c = document.querySelector('[data-testid="report-chart"] canvas');
        if (!c || !c.width) return false;
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
        for (let k = 3; k < d.length; k += 4) if (d[k] !== 0) return true;
        return false;`);
      if (!drawn) await sleep(100);
    }
    assert.ok(drawn, "the production chart has bars");
    await s.click(t("report-tab-aging"));
    await s.waitText(t("report-aging-total"), (x) => x === "$60.00");
    await s.screenshot("45-reports-aging");
    // The month's appointments (today's visit among them, completed) and the unbilled list.
    await s.click(t("report-tab-appointments"));
    await s.waitText(t("report-booked"), (x) => Number(x) >= 1);
    await s.click(t("report-tab-unbilled"));
    await s.find(t("report-unbilled-total"));
  } finally {
    await s.quit();
  }
  const runs = cli(dir, "statements", "runs");
  assert.match(runs, /run\s+1 .* 1 statements\s+total due \$60\.00/);
});
