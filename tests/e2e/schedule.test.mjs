// The schedule in the real window: book from the patient's card, see a conflict refused (naming the
// appointment in the way), find the patient on the verify-before-the-visit worklist, check the
// patient in, seat and check out on the day's grid, book on the grid and drag to move, and book a
// recall visit from the recall list. The database is set up with the CLI (demo office, no patients).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, cli, signIn } from "./webdriver.mjs";

const t = (id) => `[data-testid="${id}"]`;

/** The next weekday after today, as [MM/DD/YYYY, YYYY-MM-DD] (the office is open Monday to Friday). */
function nextWeekday() {
  const d = new Date();
  do d.setDate(d.getDate() + 1);
  while (d.getDay() === 0 || d.getDay() === 6);
  const p = (n) => String(n).padStart(2, "0");
  return [`${p(d.getMonth() + 1)}/${p(d.getDate())}/${d.getFullYear()}`, `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`];
}

test("book from the card, a conflict is refused, verify-before-visit worklist, check in and out, book and move on the grid, book from the recall list", async () => {
  const dir = await mkdtemp(join(tmpdir(), "frontdesk-e2e-"));
  cli(dir, "demo", "--patients", "0");
  await writeFile(join(dir, "p.json"), JSON.stringify({ last_name: "Achebe", first_name: "Chidi", date_of_birth: "1988-08-08" }));
  const pid = Number(cli(dir, "patient", "add", join(dir, "p.json")).trim());
  const [us, iso] = nextWeekday();
  // Six months on, a weekday: when the recall visit is booked.
  const later = new Date();
  later.setMonth(later.getMonth() + 6);
  while (later.getDay() === 0 || later.getDay() === 6) later.setDate(later.getDate() + 1);
  const recallUs = `${String(later.getMonth() + 1).padStart(2, "0")}/${String(later.getDate()).padStart(2, "0")}/${later.getFullYear()}`;

  const s = await Session.start(["--data-dir", dir]);
  try {
    await signIn(s);
    await s.click(t("recovery-ack"));
    await s.click(t("recovery-continue"));
    await s.type(t("search-input"), "achebe");
    await s.waitText(t("search-result"), (x) => x.includes("Chidi"));
    await s.click(t("search-result"));
    await s.waitText(t("patient-name"), (x) => x.includes("Chidi"));

    // Insurance on file (a demo plan), not yet verified.
    await s.click(t("add-coverage"));
    await s.type(t("coverage-member-id"), "M-77");
    await s.type(t("coverage-effective"), "01/01/2026");
    await s.click(t("save-coverage"));
    await s.waitText(t("coverage-verified"), (x) => x === "not verified");

    // Book the first type (Botox, 30 min) with the first provider at 10:00.
    await s.click(t("book-open"));
    await s.type(t("book-date"), us);
    await s.type(t("book-time"), "10:00");
    await s.click(t("book-save"));
    await s.waitText(t("book-result"), (x) => x.includes("10:00"));
    // The same time again: refused, naming the appointment in the way.
    await s.click(t("book-open"));
    await s.type(t("book-date"), us);
    await s.type(t("book-time"), "10:10");
    await s.click(t("book-save"));
    await s.waitText(t("error-message"), (x) => /cannot be booked: the provider is already booked in appointment 1/.test(x));
    await s.screenshot("20-booking-conflict");

    // The worklist: verify before the visit.
    await s.click(t("show-claims"));
    await s.waitText(t("eligibility-row"), (x) => x.includes("Achebe") && x.includes("never verified"));
    await s.screenshot("21-verify-before-visit");

    // The day's schedule: check in.
    await s.click(t("show-schedule"));
    await s.clear(t("schedule-date"));
    await s.type(t("schedule-date"), iso);
    await s.waitText(t("appointment"), (x) => x.includes("Achebe") && x.includes("10:00"));
    await s.click('[data-testid="appointment"] .time');
    await s.click(t("appointment-check_in"));
    await s.waitText(t("appointment-status"), (x) => /^arrived$/i.test(x));
    await s.screenshot("22-checked-in");
    await s.click(t("appointment-seat"));
    await s.waitText(t("appointment-status"), (x) => /^seated$/i.test(x));
    await s.click(t("appointment-check_out"));
    await s.waitText(t("appointment-status"), (x) => /^completed$/i.test(x));

    // Book on the grid: click the empty 11:00 slot in Op 2, find the patient, book.
    await s.click(t("slot-11:00-2"));
    await s.type(t("grid-patient-search"), "achebe");
    await s.waitText(t("grid-patient-result"), (x) => x.includes("Chidi"));
    await s.click(t("grid-patient-result"));
    await s.click(t("grid-book"));
    await s.waitText('[data-testid="schedule-column"]:nth-of-type(3)', (x) => x.includes("11:00") && x.includes("Achebe"));
    // Drag it to 14:00 in the same room.
    await s.drag('[data-testid="schedule-column"]:nth-of-type(3) [data-testid="appointment"] .time', t("slot-14:00-2"));
    await s.waitText('[data-testid="schedule-column"]:nth-of-type(3)', (x) => x.includes("14:00") && !x.includes("11:00–"));
    await s.screenshot("23-moved-on-the-grid");

    // Drag over empty slots to book that length, for a new patient added on the spot; then drag
    // the appointment's lower edge to make it longer.
    await s.drag(t("slot-15:00-3"), t("slot-15:50-3"));
    await s.waitText(t("grid-booking"), (x) => x.includes("Book 15:00 for 60 min"));
    await s.click(t("grid-new-patient"));
    await s.type(t("grid-new-last"), "Okonkwo");
    await s.type(t("grid-new-first"), "Ife");
    await s.type(t("grid-new-dob"), "4/5/1991");
    await s.click(t("grid-new-save"));
    await s.waitText(t("grid-booking-patient"), (x) => x.includes("Okonkwo"));
    await s.click(t("grid-book"));
    const op3 = '[data-testid="schedule-column"]:nth-of-type(4)';
    await s.waitText(op3, (x) => x.includes("15:00–16:00") && x.includes("Okonkwo"));
    await s.drag(`${op3} [data-testid="appointment-resize"]`, t("slot-16:20-3"));
    await s.waitText(op3, (x) => x.includes("15:00–16:30"));
    await s.screenshot("24-booked-by-drag-and-resized");

    // Recall: a cleaning done today is due again in six months; book it from the recall list.
    // The box still holds the first search: clear it (typing appends). With the old debounce this
    // step clicked the previous answer's row before "achebeachebe" had been answered.
    await s.clear(t("search-input"));
    await s.type(t("search-input"), "achebe");
    await s.waitText(t("search-result"), (x) => x.includes("Chidi"));
    await s.click(t("search-result"));
    await s.waitText(t("patient-name"), (x) => x.includes("Chidi"));
    await s.type(t("tp-code"), "D1110");
    await s.click(t("tp-add"));
    await s.waitText(t("tp-row-code"), (x) => x === "D1110");
    await s.click(t("tp-complete"));
    await s.click(t("show-claims"));
    await s.type(t("recall-until"), "12/31/2099");
    await s.click('[data-testid="recall-list"] button[type="submit"]');
    await s.waitText(t("recall-row"), (x) => x.includes("Achebe") && x.includes("not booked"));
    await s.click(t("recall-book")); // one click: the card with the booking form open
    await s.waitText(t("patient-name"), (x) => x.includes("Chidi"));
    await s.click('[data-testid="book-type"] option:nth-child(4)'); // Exam & cleaning
    await s.type(t("book-date"), recallUs);
    await s.type(t("book-time"), "09:00");
    await s.click(t("book-save"));
    await s.waitText(t("book-result"), (x) => x.includes("09:00"));
    await s.click(t("show-claims"));
    await s.type(t("recall-until"), "12/31/2099");
    await s.click('[data-testid="recall-list"] button[type="submit"]');
    await s.waitText(t("recall-list"), (x) => x.includes("Nobody is due"));
  } finally {
    await s.quit();
  }
  const day = JSON.parse(cli(dir, "schedule", "day", iso, "--json"));
  assert.equal(day.appointments.length, 3, "the refused booking wrote nothing");
  assert.equal(day.appointments[0].patient.id, pid);
  assert.equal(day.appointments[0].status, "completed");
  assert.deepEqual([day.appointments[1].local_time, day.appointments[1].operatory], ["14:00", "Op 2"]);
  assert.deepEqual([day.appointments[2].local_time, day.appointments[2].minutes, day.appointments[2].patient.last_name], ["15:00", 90, "Okonkwo"]);
});
