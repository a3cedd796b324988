// Patient helpers for display and editing: empty drafts, drafts from records, names, dates.
import type { Patient, PatientDraft, PatientSummary } from "../bindings";

export function emptyDraft(): PatientDraft {
  return {
    last_name: "",
    first_name: "",
    middle_name: "",
    preferred_name: "",
    date_of_birth: "",
    sex: null,
    address: { line1: "", line2: "", city: "", state: "", postal_code: "", country: "" },
    phone_home: "",
    phone_mobile: "",
    phone_work: "",
    email: "",
    contact: { preferred: "call", ok_voicemail: false, ok_text: false, ok_email: false },
    chart_number: "",
    status: null,
    medical: { allergies: "", premedication: false, alerts: "" },
    notes: "",
    emergency_contact: { name: "", relationship: "", phone: "" },
    referral_source: "",
  };
}

export function draftFromPatient(p: Patient): PatientDraft {
  return {
    last_name: p.last_name,
    first_name: p.first_name,
    middle_name: p.middle_name,
    preferred_name: p.preferred_name,
    date_of_birth: p.date_of_birth,
    sex: p.sex,
    address: { ...p.address },
    phone_home: p.phone_home,
    phone_mobile: p.phone_mobile,
    phone_work: p.phone_work,
    email: p.email,
    contact: { ...p.contact },
    chart_number: p.chart_number,
    status: p.status,
    medical: { ...p.medical },
    notes: p.notes,
    emergency_contact: { ...p.emergency_contact },
    referral_source: p.referral_source,
  };
}

type Named = Pick<PatientSummary, "last_name" | "first_name" | "preferred_name">;

/** "Okonkwo, Adaeze (Ada)" — last name first, as front desks file charts. */
export function fullName(p: Named): string {
  const preferred = p.preferred_name && p.preferred_name !== p.first_name ? ` (${p.preferred_name})` : "";
  return `${p.last_name}, ${p.first_name}${preferred}`;
}

/** ISO "1984-03-07" → "03/07/1984". */
export function usDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

/** Whole years between an ISO birth date and `today`. */
export function age(iso: string, today: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let years = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) years--;
  return years;
}

/** Ten US digits → "(555) 321-9876"; anything else is shown as typed. */
export function phone(raw: string): string {
  const digits = raw.replace(/\D/g, "");
  const ten = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  return ten.length === 10 ? `(${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6)}` : raw;
}

/** ISO timestamp → local "Nov 24, 2026, 3:00 PM". */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}

/** The text of the red medical-alert banner, or "" when the patient has none. */
export function alertText(m: Patient["medical"]): string {
  const parts: string[] = [];
  if (m.allergies.trim()) parts.push(`Allergies: ${m.allergies.trim()}`);
  if (m.premedication) parts.push("Premedication required");
  if (m.alerts.trim()) parts.push(m.alerts.trim());
  return parts.join(" · ");
}

const LABELS: Record<string, string> = {
  last_name: "Last name",
  first_name: "First name",
  middle_name: "Middle name",
  preferred_name: "Preferred name",
  date_of_birth: "Date of birth",
  sex: "Sex",
  phone_home: "Home phone",
  phone_mobile: "Mobile phone",
  phone_work: "Work phone",
  email: "Email",
  chart_number: "Chart number",
  notes: "Notes",
  referral_source: "Referral source",
  "address.line1": "Address",
  "address.line2": "Address line 2",
  "address.city": "City",
  "address.state": "State",
  "address.postal_code": "ZIP",
  "address.country": "Country",
  "medical.allergies": "Allergies",
  "medical.alerts": "Medical alerts",
  "emergency_contact.name": "Emergency contact",
  "emergency_contact.relationship": "Emergency contact relationship",
  "emergency_contact.phone": "Emergency contact phone",
};

export function fieldLabel(path: string): string {
  return LABELS[path] ?? path.replace(/[._]/g, " ");
}
