//! Realistic demo data: providers, operatories and patients in families, with accented and
//! non-Latin names. Deterministic for a given seed.
use chrono::{Datelike, Duration, NaiveDate};
use frontdesk_domain::validation::{validate_patient, ValidPatient};
use frontdesk_domain::{
    Address, ContactMethod, ContactPreferences, EmergencyContact, MedicalAlerts, PatientDraft,
    Relationship, Sex,
};
use frontdesk_store::{family, patients, practice};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use frontdesk_app::{App, AppError};

const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "García",
    "Miller",
    "Davis",
    "Rodríguez",
    "Martínez",
    "Hernández",
    "López",
    "González",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Pérez",
    "Thompson",
    "White",
    "Harris",
    "Sánchez",
    "Clark",
    "Ramírez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "O'Brien",
    "Müller",
    "Dubois",
    "Kowalski",
    "Nowak",
    "Rossi",
    "Esposito",
    "Andersson",
    "Søreide",
    "Çelik",
    "Nuñez",
    "Peña",
    "Böhm",
    "Ødegaard",
    "Łukasiewicz",
    "Dvořák",
    "Žukauskas",
    "Fernández-Ruiz",
    "de la Cruz",
    "MacLeod",
    "Иванов",
    "Петрова",
    "Смирнов",
    "Παπαδόπουλος",
    "王",
    "李",
    "张",
    "山田",
    "佐藤",
    "김",
    "Kim",
    "Park",
    "Patel",
    "Shah",
    "Khan",
    "Ali",
    "Haddad",
    "Cohen",
    "Levi",
    "Okafor",
];
const FIRST_F: &[&str] = &[
    "Mary",
    "Patricia",
    "Jennifer",
    "Linda",
    "Elizabeth",
    "Susan",
    "Jessica",
    "Sarah",
    "Karen",
    "Lisa",
    "María",
    "José",
    "Zoë",
    "Chloé",
    "Renée",
    "Inés",
    "Sofía",
    "Ana",
    "Ingrid",
    "Małgorzata",
    "Анна",
    "Ольга",
    "Ελένη",
    "美玲",
    "さくら",
    "Aisha",
    "Fatima",
    "Priya",
    "Noor",
    "Amélie",
];
const FIRST_M: &[&str] = &[
    "James",
    "Robert",
    "John",
    "Michael",
    "David",
    "William",
    "Richard",
    "Joseph",
    "Thomas",
    "Charles",
    "José",
    "Jesús",
    "André",
    "François",
    "Jürgen",
    "Søren",
    "Łukasz",
    "Tomás",
    "Raúl",
    "Björn",
    "Дмитрий",
    "Сергей",
    "Γιώργος",
    "伟",
    "太郎",
    "Mohammed",
    "Omar",
    "Arjun",
    "Wei",
    "Chidi",
];
const PREFERRED: &[(&str, &str)] = &[
    ("Robert", "Bob"),
    ("William", "Bill"),
    ("Elizabeth", "Liz"),
    ("Michael", "Mike"),
    ("Patricia", "Pat"),
    ("José", "Pepe"),
];
const STREETS: &[&str] = &[
    "Maple Ave",
    "Oak St",
    "Cedar Ln",
    "Elm St",
    "Main St",
    "Park Blvd",
    "Sunset Dr",
    "Lakeview Rd",
];
const CITIES: &[(&str, &str, &str)] = &[
    ("Springfield", "IL", "627"),
    ("Riverside", "CA", "925"),
    ("Fairview", "TX", "750"),
    ("Madison", "WI", "537"),
];
const ALLERGIES: &[&str] = &[
    "Penicillin",
    "Latex",
    "Codeine",
    "Sulfa drugs",
    "Lidocaine with epinephrine",
];
const REFERRALS: &[&str] = &[
    "Google search",
    "Friend or family",
    "Insurance directory",
    "Walk-in",
    "Dr. Alvarez (referral)",
    "",
];

/// Generates `n` valid patients (no families) for demo data and benchmarks.
pub fn generate_patients(n: usize, seed: u64, today: NaiveDate) -> Vec<ValidPatient> {
    let mut rng = StdRng::seed_from_u64(seed);
    (0..n)
        .map(|i| random_patient(&mut rng, i, today, None))
        .collect()
}

fn pick<'a, T>(rng: &mut StdRng, list: &'a [T]) -> &'a T {
    &list[rng.random_range(0..list.len())]
}

fn phone(rng: &mut StdRng, area: &str) -> String {
    let (a, b) = (rng.random_range(200..999), rng.random_range(0..10000));
    match rng.random_range(0..3) {
        0 => format!("({area}) {a:03}-{b:04}"),
        1 => format!("{area}.{a:03}.{b:04}"),
        _ => format!("+1 {area} {a:03} {b:04}"),
    }
}

/// `family`: (last name, address, area code, phone) shared with the guarantor.
fn random_patient(
    rng: &mut StdRng,
    i: usize,
    today: NaiveDate,
    family: Option<(&str, &Address, &str, &str, bool)>,
) -> ValidPatient {
    let female = rng.random_bool(0.52);
    let first = *pick(rng, if female { FIRST_F } else { FIRST_M });
    let (city, state, area) = *pick(rng, CITIES);
    let address = match family {
        Some((_, a, _, _, _)) => a.clone(),
        None => Address {
            line1: format!("{} {}", rng.random_range(1..9999), pick(rng, STREETS)),
            line2: if rng.random_bool(0.1) {
                format!("Apt {}", rng.random_range(1..40))
            } else {
                String::new()
            },
            city: city.into(),
            state: state.into(),
            postal_code: format!("{}{:02}", area, rng.random_range(0..100)),
            country: "US".into(),
        },
    };
    let child = family.map(|f| f.4).unwrap_or(false);
    let age_days = if child {
        rng.random_range(3 * 365..17 * 365)
    } else {
        rng.random_range(19 * 365..88 * 365)
    };
    let dob = today - Duration::days(age_days);
    let area = family.map(|f| f.2).unwrap_or(area);
    let mobile = phone(rng, area);
    let alerts = rng.random_bool(0.1);
    let draft = PatientDraft {
        last_name: family
            .map(|f| f.0.to_string())
            .unwrap_or_else(|| pick(rng, LAST).to_string()),
        first_name: first.into(),
        middle_name: if rng.random_bool(0.3) {
            ["A.", "Lee", "Marie", "J."][rng.random_range(0..4)].into()
        } else {
            String::new()
        },
        preferred_name: PREFERRED
            .iter()
            .find(|(f, _)| *f == first)
            .filter(|_| rng.random_bool(0.5))
            .map(|(_, p)| p.to_string())
            .unwrap_or_default(),
        date_of_birth: dob.format("%Y-%m-%d").to_string(),
        sex: Some(if female { Sex::Female } else { Sex::Male }),
        address,
        phone_home: family.map(|f| f.3.to_string()).unwrap_or_else(|| {
            if rng.random_bool(0.3) {
                phone(rng, area)
            } else {
                String::new()
            }
        }),
        phone_mobile: if child && dob.year() > today.year() - 12 {
            String::new()
        } else {
            mobile
        },
        phone_work: String::new(),
        email: if rng.random_bool(0.7) {
            format!("patient{i}@example.com")
        } else {
            String::new()
        },
        contact: ContactPreferences {
            preferred: *pick(
                rng,
                &[
                    ContactMethod::Text,
                    ContactMethod::Call,
                    ContactMethod::Email,
                ],
            ),
            ok_voicemail: rng.random_bool(0.8),
            ok_text: rng.random_bool(0.7),
            ok_email: rng.random_bool(0.6),
        },
        chart_number: String::new(),
        status: None,
        medical: MedicalAlerts {
            allergies: if alerts {
                pick(rng, ALLERGIES).to_string()
            } else {
                String::new()
            },
            premedication: alerts && rng.random_bool(0.3),
            alerts: if alerts && rng.random_bool(0.4) {
                "Hypertension; anxious patient".into()
            } else {
                String::new()
            },
        },
        notes: String::new(),
        emergency_contact: if child {
            EmergencyContact::default()
        } else {
            EmergencyContact {
                name: format!("{} {}", pick(rng, FIRST_F), pick(rng, LAST)),
                relationship: "Friend".into(),
                phone: phone(rng, area),
            }
        },
        referral_source: pick(rng, REFERRALS).to_string(),
    };
    validate_patient(&draft, today).expect("demo patients are valid")
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct DemoSummary {
    pub patients: usize,
    pub families: usize,
    pub providers: usize,
    pub operatories: usize,
    /// Patients with an insurance coverage.
    pub covered: usize,
    /// Appointments booked over the next ten weekdays.
    pub appointments: usize,
}

/// Fills the database with demo data: providers, operatories and about `n` patients, a third
/// of them in families with a guarantor.
pub async fn load_demo(app: &App, n: usize, seed: u64) -> Result<DemoSummary, AppError> {
    let today = app.today();
    let now = app.now();
    let providers = [
        ("Dr. Elena Alvarez", "dentist", "#2f6fdf"),
        ("Dr. Samuel Okafor", "dentist", "#1b9e77"),
        ("Hannah Cho, RDH", "hygienist", "#d95f02"),
        ("Marcus Lindqvist, RDH", "hygienist", "#7570b3"),
        ("Chloé Martin, RN (injector)", "injector", "#e7298a"),
    ];
    for (name, kind, colour) in providers {
        practice::add_provider(app.db(), name, kind, colour).await?;
    }
    let rooms = [
        "Op 1",
        "Op 2",
        "Op 3",
        "Hygiene 1",
        "Hygiene 2",
        "Aesthetics",
    ];
    for r in rooms {
        practice::add_operatory(app.db(), r).await?;
    }
    app.import_fee_schedule(crate::DEMO_FEES_CSV).await?;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut singles = Vec::new();
    let mut families = Vec::new();
    let mut i = 0;
    while i < n {
        if rng.random_bool(0.25) && n - i >= 3 {
            let head = random_patient(&mut rng, i, today, None);
            let size = rng.random_range(1..4).min(n - i - 1);
            let last = head.draft.last_name.clone();
            let addr = head.draft.address.clone();
            let home = phone(&mut rng, &addr.postal_code[..3]);
            let members: Vec<(ValidPatient, Relationship)> = (0..size)
                .map(|k| {
                    let child = k > 0 || rng.random_bool(0.3);
                    let rel = if child {
                        Relationship::Child
                    } else {
                        Relationship::Spouse
                    };
                    (
                        random_patient(
                            &mut rng,
                            i + 1 + k,
                            today,
                            Some((&last, &addr, &addr.postal_code[..3], &home, child)),
                        ),
                        rel,
                    )
                })
                .collect();
            i += 1 + size;
            families.push((head, members));
        } else {
            singles.push(random_patient(&mut rng, i, today, None));
            i += 1;
        }
    }
    let actor = &app.actor();
    let mut households: Vec<crate::insurance::Household> =
        patients::create_many(app.db(), &singles, actor, now)
            .await?
            .into_iter()
            .map(|id| (id, Vec::new()))
            .collect();
    for (head, members) in &families {
        let gid = patients::create_many(app.db(), std::slice::from_ref(head), actor, now).await?[0];
        let drafts: Vec<ValidPatient> = members.iter().map(|(v, _)| v.clone()).collect();
        let ids = patients::create_many(app.db(), &drafts, actor, now).await?;
        for (id, (_, rel)) in ids.iter().zip(members) {
            family::link(app.db(), *id, gid, *rel, actor, now).await?;
        }
        households.push((
            gid,
            ids.into_iter()
                .zip(members.iter().map(|(_, r)| *r))
                .collect(),
        ));
    }
    let covered = crate::insurance::load_demo_insurance(app, &households, &mut rng).await?;
    let everyone: Vec<_> = households
        .iter()
        .flat_map(|(h, m)| std::iter::once(*h).chain(m.iter().map(|(p, _)| *p)))
        .collect();
    let appointments =
        crate::schedule::load_demo_schedule(app, &everyone, (n / 20).clamp(4, 30), &mut rng)
            .await?;
    let heads: Vec<frontdesk_domain::PatientId> = households.iter().map(|(h, _)| *h).collect();
    crate::money::load_demo_money(app, &heads).await?;
    Ok(DemoSummary {
        patients: n,
        families: families.len(),
        providers: providers.len(),
        operatories: rooms.len(),
        covered,
        appointments,
    })
}
