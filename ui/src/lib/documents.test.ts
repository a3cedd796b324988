import { describe, expect, it, vi } from "vitest";

vi.mock("../bindings", () => ({ commands: {} }));

import { centsToInput } from "./money";
import {
  base64ToBytes,
  choosePrinter,
  kindLabel,
  parseWhole,
  printedMessage,
  printerLabel,
  requestKind,
  requestTitle,
  tomorrowIso,
} from "./documents";

const printer = (name: string, is_default = false, duplex = false) => ({ name, description: "", is_default, duplex });

describe("document helpers", () => {
  it("gives tomorrow's local date, across month and year ends", () => {
    expect(tomorrowIso(new Date(2026, 10, 24, 23, 59))).toBe("2026-11-25");
    expect(tomorrowIso(new Date(2026, 10, 30, 8, 0))).toBe("2026-12-01");
    expect(tomorrowIso(new Date(2026, 11, 31, 0, 1))).toBe("2027-01-01");
    expect(tomorrowIso(new Date(2028, 1, 28, 12))).toBe("2028-02-29");
  });

  it("knows each request's kind and title", () => {
    expect(requestKind({ document: "statement_copy", id: 4 })).toBe("statement");
    expect(requestKind({ document: "checkin_day", date: "2026-11-25" })).toBe("checkin_packet");
    expect(requestKind({ document: "receipt", patient: 1 })).toBe("receipt");
    expect(requestKind({ document: "claim_form", claim: 1 })).toBe("claim_form");
    expect(requestTitle({ document: "checkin_day", date: "2026-11-25" })).toBe("Check-in packets for 11/25/2026");
    expect(requestTitle({ document: "receipt", patient: 1 })).toBe("Walkout receipt");
    expect(kindLabel("checkin_packet")).toBe("check-in packets");
  });

  it("decodes base64 into bytes", () => {
    expect(Array.from(base64ToBytes("JVBERi0="))).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(Array.from(base64ToBytes("JVBE\nRi0="))).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(base64ToBytes("")).toHaveLength(0);
  });

  it("starts on the workstation's default, else the system default, else the first printer", () => {
    const list = [printer("Front"), printer("Office", true), printer("Back")];
    expect(choosePrinter(list, [{ kind: "statement", printer: "Back" }], "statement")).toBe("Back");
    expect(choosePrinter(list, [{ kind: "receipt", printer: "Back" }], "statement")).toBe("Office");
    expect(choosePrinter(list, [{ kind: "statement", printer: "Gone" }], "statement")).toBe("Office");
    expect(choosePrinter([printer("Front"), printer("Back")], [], "receipt")).toBe("Front");
    expect(choosePrinter([], [{ kind: "receipt", printer: "Front" }], "receipt")).toBe("");
  });

  it("words the printer and the job", () => {
    expect(printerLabel({ name: "hp_lj", description: "HP LaserJet", is_default: true, duplex: true })).toBe("HP LaserJet (hp_lj) — system default");
    expect(printerLabel(printer("PDF"))).toBe("PDF");
    expect(printedMessage({ printer: "PDF", job_id: "PDF-12", duplex_used: false })).toBe("Sent to PDF (job PDF-12)");
    expect(printedMessage({ printer: "PDF", job_id: "PDF-12", duplex_used: false }, true)).toBe("Sent to PDF (job PDF-12) — printed one-sided");
  });

  it("converts form numbers", () => {
    expect(centsToInput(500)).toBe("5.00");
    expect(centsToInput(123456)).toBe("1234.56");
    expect(parseWhole(" 28 ")).toBe(28);
    expect(parseWhole("2.5")).toBeNull();
    expect(parseWhole("")).toBeNull();
  });
});
