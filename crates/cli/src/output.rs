//! Printing results and errors. Errors go to stderr as `error[code]: message`.
use frontdesk_app::AppError;
use frontdesk_domain::PatientSummary;

pub fn error(e: &AppError) {
    let code = serde_json::to_value(e.code)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default();
    eprintln!("error[{code}]: {}", e.message);
    for f in &e.fields {
        eprintln!("  {}: {}", f.field, f.problem);
    }
}

pub fn json<T: serde::Serialize>(v: &T) {
    println!("{}", serde_json::to_string_pretty(v).expect("serializable"));
}

pub fn patients_table(hits: &[PatientSummary]) {
    if hits.is_empty() {
        println!("no patients found");
    }
    for p in hits {
        let pref = if p.preferred_name.is_empty() {
            String::new()
        } else {
            format!(" \"{}\"", p.preferred_name)
        };
        let flags = match (p.has_alerts, p.status) {
            (true, frontdesk_domain::PatientStatus::Active) => " [ALERT]".to_string(),
            (a, s) => format!(
                "{}{}",
                if a { " [ALERT]" } else { "" },
                if s == frontdesk_domain::PatientStatus::Active {
                    String::new()
                } else {
                    format!(" [{}]", s.as_str())
                }
            ),
        };
        println!(
            "{:>7}  {:<8} {}, {}{}  {}  {}{}",
            p.id, p.chart_number, p.last_name, p.first_name, pref, p.date_of_birth, p.phone, flags
        );
    }
}
