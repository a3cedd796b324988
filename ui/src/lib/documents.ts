// Documents and printing: the command wrappers (unwrapped like lib/api.ts, throwing its ApiError)
// and the pure helpers the dialogs use (request kinds and titles, tomorrow's date, printer choice).
import { commands } from "../bindings";
import type {
  DocumentKind,
  DocumentRequest,
  DocumentSettings,
  PrintOptions,
  PrintOutcome,
  Printer,
  PrinterDefault,
  RunOptions,
} from "../bindings";
import { unwrap } from "./api";
import { todayIso } from "./claims";
import { usDate } from "./patient";

export const docs = {
  preview: (request: DocumentRequest) => unwrap(commands.documentPreview(request)),
  print: (request: DocumentRequest, options: PrintOptions) => unwrap(commands.documentPrint(request, options)),
  save: (request: DocumentRequest) => unwrap(commands.documentSave(request)),
  printers: () => unwrap(commands.printers()),
  printerDefaults: () => unwrap(commands.printerDefaults()),
  setPrinterDefault: (kind: DocumentKind, printer: string) => unwrap(commands.printerDefaultSet(kind, printer)),
  runStatements: (options: RunOptions, dryRun: boolean, print: PrintOptions | null) =>
    unwrap(commands.statementsRun(options, dryRun, print)),
  statementRuns: () => unwrap(commands.statementRuns()),
  statementsOfRun: (run: number) => unwrap(commands.statementsOfRun(run)),
  statementsSent: (patient: number) => unwrap(commands.statementsSent(patient)),
  settings: () => unwrap(commands.documentSettings()),
  saveSettings: (settings: DocumentSettings) => unwrap(commands.documentSettingsSet(settings)),
};

export const DOCUMENT_KINDS: DocumentKind[] = ["statement", "receipt", "checkin_packet", "claim_form"];

/** The kind of document a request prints (which workstation default applies). */
export function requestKind(r: DocumentRequest): DocumentKind {
  switch (r.document) {
    case "statement":
    case "statement_copy":
      return "statement";
    case "receipt":
      return "receipt";
    case "checkin_patient":
    case "checkin_day":
      return "checkin_packet";
    case "claim_form":
      return "claim_form";
  }
}

/** "statements", "check-in packets": for "Make default for …". */
export function kindLabel(kind: DocumentKind): string {
  return { statement: "statements", receipt: "receipts", checkin_packet: "check-in packets", claim_form: "claim forms" }[kind];
}

/** A heading for the print dialog. */
export function requestTitle(r: DocumentRequest): string {
  switch (r.document) {
    case "receipt":
      return "Walkout receipt";
    case "statement":
      return "Statement";
    case "statement_copy":
      return "Statement copy (as sent)";
    case "checkin_patient":
      return "Check-in forms";
    case "checkin_day":
      return `Check-in packets for ${usDate(r.date)}`;
    case "claim_form":
      return "Claim form";
  }
}

/** Tomorrow in local time as `YYYY-MM-DD`. */
export function tomorrowIso(now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return todayIso(d);
}

/** A base64 string (the PDF as the command returns it) → its bytes. */
export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64.replace(/\s+/g, ""));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The printer a dialog starts on: this workstation's default for the kind (when the printer still
 * exists), else the system default, else the first printer; "" when there are none.
 */
export function choosePrinter(printers: Printer[], defaults: PrinterDefault[], kind: DocumentKind): string {
  const mine = defaults.find((d) => d.kind === kind)?.printer;
  if (mine && printers.some((p) => p.name === mine)) return mine;
  return (printers.find((p) => p.is_default) ?? printers[0])?.name ?? "";
}

/** A printer as listed in a select: its description when it has one. */
export function printerLabel(p: Printer): string {
  const d = p.description.trim();
  const name = d && d !== p.name ? `${d} (${p.name})` : p.name;
  return p.is_default ? `${name} — system default` : name;
}

/** "Sent to PDF (job PDF-12)", noting when duplex was asked for but the job went one-sided. */
export function printedMessage(o: PrintOutcome, duplexAsked = false): string {
  const base = `Sent to ${o.printer} (job ${o.job_id})`;
  return duplexAsked && !o.duplex_used ? `${base} — printed one-sided` : base;
}

/** A whole number as typed; null when it is not one. */
export function parseWhole(typed: string): number | null {
  const t = typed.trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}
