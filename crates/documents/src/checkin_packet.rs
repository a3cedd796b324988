//! The check-in packet: for each patient, in order, the registration form, the medical history,
//! the HIPAA privacy-practices acknowledgment, the financial policy agreement, the treatment
//! consent and (cosmetic patients only) the before/after photo consent. Each form starts on a
//! new page; every page carries the office letterhead and the patient's name and chart. What we
//! know is printed on a rule, what we do not is a blank line to fill in. Long policy texts wrap
//! to the page and continue on further pages. A whole day's packets print as one PDF.
use printpdf::PaintMode;

use crate::canvas::{band, grey, Canvas, H, W};
use crate::fonts::{FontMode, Weight};
use crate::statement::Letterhead;
use crate::DocumentError;

/// One of the patient's insurance coverages as printed on the registration form.
#[derive(Clone, Debug, Default)]
pub struct InsuranceBlock {
    /// "Primary", "Secondary".
    pub rank: String,
    pub carrier: String,
    pub group: String,
    pub member_id: String,
    pub subscriber_name: String,
    pub subscriber_dob: String,
    pub relationship: String,
}

#[derive(Clone, Debug, Default)]
pub struct CheckinPatient {
    pub name: String,
    pub preferred_name: String,
    pub chart: String,
    pub dob: String,
    pub sex: String,
    pub address_lines: Vec<String>,
    pub phone_home: String,
    pub phone_mobile: String,
    pub phone_work: String,
    pub email: String,
    pub contact_preference: String,
    pub guarantor: String,
    pub appointment: String,
    pub insurance: Vec<InsuranceBlock>,
    pub allergies: String,
    pub premedication: bool,
    pub alerts: String,
    pub emergency_name: String,
    pub emergency_relationship: String,
    pub emergency_phone: String,
    /// Cosmetic patients also get the photo consent.
    pub cosmetic: bool,
}

/// The office's policy texts; paragraphs are separated by blank lines.
#[derive(Clone, Debug, Default)]
pub struct PolicyTexts {
    pub hipaa: String,
    pub financial: String,
    pub treatment_consent: String,
    pub photo_consent: String,
}

#[derive(Clone, Debug, Default)]
pub struct CheckinPacketDoc {
    pub office: Letterhead,
    pub texts: PolicyTexts,
    /// The medical-history checklist, one Yes/No line each.
    pub conditions: Vec<String>,
    pub patients: Vec<CheckinPatient>,
}

/// The section titles, in order (the photo consent only for cosmetic patients).
pub const REGISTRATION: &str = "Patient Registration";
pub const MEDICAL_HISTORY: &str = "Medical History";
pub const HIPAA: &str = "HIPAA Notice of Privacy Practices - Acknowledgment";
pub const FINANCIAL: &str = "Financial Policy Agreement";
pub const TREATMENT_CONSENT: &str = "Consent for Treatment";
pub const PHOTO_CONSENT: &str = "Photo Consent - Before and After Photographs";

const REG: Weight = Weight::Regular;
const BOLD: Weight = Weight::Bold;
const L: f32 = 16.0;
const R: f32 = W - 16.0;
const TOP: f32 = H - 44.0;
const BOTTOM: f32 = 16.0;
const FIELD: f32 = 8.0;
const LEAD: f32 = 4.6;

/// Every patient's packet in one PDF, with embedded fonts.
pub fn checkin_packet_pdf(doc: &CheckinPacketDoc) -> Result<Vec<u8>, DocumentError> {
    if doc.patients.is_empty() {
        return Err(DocumentError::Render(
            "no patients for the check-in packet".into(),
        ));
    }
    let mut c = Canvas::new(FontMode::Embedded);
    for patient in &doc.patients {
        let mut p = Packet {
            c: &mut c,
            doc,
            patient,
            y: TOP,
            title: "",
        };
        p.registration();
        p.medical_history();
        p.policy(
            HIPAA,
            &doc.texts.hipaa,
            "I acknowledge that I have received this office's Notice of Privacy Practices.",
        );
        p.policy(
            FINANCIAL,
            &doc.texts.financial,
            "I have read and agree to the financial policy above.",
        );
        p.policy(
            TREATMENT_CONSENT,
            &doc.texts.treatment_consent,
            "I consent to the examination and treatment described above.",
        );
        if patient.cosmetic {
            p.photo_consent();
        }
    }
    c.finish("FrontDesk check-in packets")
}

struct Packet<'a> {
    c: &'a mut Canvas,
    doc: &'a CheckinPacketDoc,
    patient: &'a CheckinPatient,
    y: f32,
    title: &'static str,
}

impl Packet<'_> {
    /// A new page with the letterhead, the patient and the form's title.
    fn page(&mut self, continued: bool) {
        let c = &mut *self.c;
        c.new_page();
        let office = &self.doc.office;
        c.put(L, H - 15.0, 110.0, BOLD, 11.0, &office.name);
        for (i, line) in office.lines.iter().take(3).enumerate() {
            let s = c.fit(REG, 7.5, 110.0, line);
            c.text_c(L, H - 19.5 - 3.3 * i as f32, REG, 7.5, grey(), &s);
        }
        c.put_right(R, H - 15.0, 75.0, BOLD, 10.5, &self.patient.name);
        let chart = format!("Chart {}", self.patient.chart);
        c.put_right(R, H - 20.0, 75.0, REG, 8.5, &chart);
        c.rule(L, H - 30.0, R - L);
        let title = if continued {
            format!("{} (continued)", self.title)
        } else {
            self.title.to_string()
        };
        c.put(L, H - 38.0, R - L, BOLD, 13.0, &title);
        self.y = TOP;
    }

    fn section(&mut self, title: &'static str) {
        self.title = title;
        self.page(false);
    }

    /// Makes room for `h` millimetres, continuing on a new page if needed.
    fn ensure(&mut self, h: f32) {
        if self.y - h < BOTTOM {
            self.page(true);
        }
    }

    fn heading(&mut self, s: &str) {
        self.ensure(8.0 + FIELD);
        self.y -= 2.0;
        self.c
            .rect(L, self.y - 1.6, R - L, 5.6, PaintMode::Fill, band());
        self.c.put(L + 1.5, self.y, R - L - 3.0, BOLD, 9.5, s);
        self.y -= 8.0;
    }

    /// A row of labelled fields sharing the width (blank lines where a value is missing).
    fn row(&mut self, cells: &[(&str, &str)]) {
        self.ensure(FIELD);
        let gap = 5.0;
        let w = (R - L - gap * (cells.len() as f32 - 1.0)) / cells.len() as f32;
        for (i, (label, value)) in cells.iter().enumerate() {
            let x = L + i as f32 * (w + gap);
            self.c.field(x, self.y, w, label, value);
        }
        self.y -= FIELD;
    }

    /// Wrapped text; blank lines between paragraphs are kept (shorter).
    fn paragraph(&mut self, text: &str, size: f32) {
        for line in self.c.wrap(REG, size, R - L, text) {
            if line.is_empty() {
                self.y -= LEAD * 0.6;
                continue;
            }
            self.ensure(LEAD);
            self.c.text(L, self.y, REG, size, &line);
            self.y -= LEAD;
        }
    }

    fn yes_no(&mut self, x: f32, yes: Option<bool>) {
        let y = self.y - 0.7;
        self.c.checkbox(x, y, yes == Some(true));
        self.c.text(x + 4.0, self.y, REG, 8.5, "Yes");
        self.c.checkbox(x + 12.0, y, yes == Some(false));
        self.c.text(x + 16.0, self.y, REG, 8.5, "No");
    }

    fn signature(&mut self) {
        self.ensure(18.0);
        self.y -= 8.0;
        let w = R - L;
        self.c.field(
            L,
            self.y,
            w * 0.62,
            "Signature of patient (or parent/guardian)",
            "",
        );
        self.c.field(L + w * 0.66, self.y, w * 0.34, "Date", "");
        self.y -= FIELD;
        self.c.field(L, self.y, w * 0.62, "Printed name", "");
        self.c
            .field(L + w * 0.66, self.y, w * 0.34, "Relationship", "");
        self.y -= FIELD;
    }

    fn registration(&mut self) {
        let p = self.patient;
        self.section(REGISTRATION);
        self.heading("Patient");
        self.row(&[("Name", &p.name), ("Preferred name", &p.preferred_name)]);
        self.row(&[
            ("Chart", &p.chart),
            ("Date of birth", &p.dob),
            ("Sex", &p.sex),
        ]);
        let first = p.address_lines.first().map_or("", String::as_str);
        let rest = p.address_lines.get(1..).unwrap_or_default().join(", ");
        self.row(&[("Address", first)]);
        self.row(&[("City, state, ZIP", &rest)]);
        self.heading("Contact");
        self.row(&[
            ("Home phone", &p.phone_home),
            ("Mobile phone", &p.phone_mobile),
        ]);
        self.row(&[("Work phone", &p.phone_work), ("Email", &p.email)]);
        self.row(&[(
            "Preferred contact (call / text / email)",
            &p.contact_preference,
        )]);
        self.heading("Responsible party and visit");
        self.row(&[("Guarantor", &p.guarantor), ("Appointment", &p.appointment)]);
        let empty = InsuranceBlock::default();
        for (i, default_rank) in ["Primary", "Secondary"].iter().enumerate() {
            let ins = p.insurance.get(i).unwrap_or(&empty);
            let rank = if ins.rank.trim().is_empty() {
                default_rank
            } else {
                ins.rank.as_str()
            };
            self.heading(&format!("{rank} dental insurance (subscriber)"));
            self.row(&[("Carrier", &ins.carrier), ("Group number", &ins.group)]);
            self.row(&[
                ("Member ID", &ins.member_id),
                ("Relationship to patient", &ins.relationship),
            ]);
            self.row(&[
                ("Subscriber name", &ins.subscriber_name),
                ("Subscriber date of birth", &ins.subscriber_dob),
            ]);
        }
        self.signature();
    }

    fn medical_history(&mut self) {
        let p = self.patient;
        self.section(MEDICAL_HISTORY);
        self.heading("Allergies and alerts");
        self.row(&[("Allergies (medications, latex, other)", &p.allergies)]);
        self.row(&[("Medical alerts", &p.alerts)]);
        self.ensure(FIELD);
        let q = "Do you need antibiotic premedication before dental treatment?";
        self.c.text(L, self.y, BOLD, 8.0, q);
        let x = L + self.c.width(BOLD, 8.0, q) + 4.0;
        self.yes_no(x, Some(p.premedication));
        self.y -= FIELD;

        self.heading("Have you ever had, or do you now have:");
        let half = (R - L) / 2.0;
        for pair in self.doc.conditions.chunks(2) {
            self.ensure(6.0);
            for (i, condition) in pair.iter().enumerate() {
                let x = L + i as f32 * half;
                self.c.put(x, self.y, half - 32.0, REG, 9.0, condition);
                self.yes_no(x + half - 28.0, None);
            }
            self.y -= 6.0;
        }
        self.heading("Medications");
        self.ensure(3.0 * FIELD);
        self.c
            .text(L, self.y, BOLD, 8.0, "Current medications (name and dose)");
        self.y -= FIELD - 2.0;
        for _ in 0..3 {
            self.c.blank(L, self.y, R - L, 9.0);
            self.y -= FIELD - 1.0;
        }
        self.row(&[("Physician (name and phone)", "")]);
        self.heading("Emergency contact");
        self.row(&[
            ("Name", &p.emergency_name),
            ("Relationship", &p.emergency_relationship),
        ]);
        self.row(&[("Phone", &p.emergency_phone)]);
        self.ensure(10.0);
        let note = "To the best of my knowledge the answers above are correct. I will tell the \
                    office about any change in my health or medications.";
        self.paragraph(note, 8.5);
        self.signature();
    }

    fn policy(&mut self, title: &'static str, text: &str, agreement: &str) {
        self.section(title);
        self.paragraph(text, 9.5);
        self.y -= 2.0;
        self.ensure(LEAD * 2.0 + 26.0);
        self.c.put(L, self.y, R - L, BOLD, 9.5, agreement);
        self.y -= LEAD;
        self.signature();
    }

    fn photo_consent(&mut self) {
        // On the consent page when it fits, else on its own page.
        self.title = PHOTO_CONSENT;
        self.y -= 6.0;
        if self.y - 60.0 < BOTTOM {
            self.page(false);
        } else {
            self.c.rule(L, self.y + 3.0, R - L);
            self.c
                .put(L, self.y - 3.0, R - L, BOLD, 13.0, PHOTO_CONSENT);
            self.y -= 11.0;
        }
        let doc = self.doc;
        self.paragraph(&doc.texts.photo_consent, 9.5);
        self.ensure(10.0 + 26.0);
        self.y -= 2.0;
        self.c.checkbox(L, self.y - 0.7, false);
        self.c.text(L + 4.5, self.y, BOLD, 9.5, "I agree");
        self.c.checkbox(L + 30.0, self.y - 0.7, false);
        self.c.text(L + 34.5, self.y, BOLD, 9.5, "I do not agree");
        self.y -= LEAD;
        self.signature();
    }
}
