//! Small field checks shared by the setup records.
use frontdesk_domain::{FieldError, ValidationErrors};

/// Collects field problems for one record.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<FieldError>);

impl Problems {
    pub fn add(&mut self, field: impl Into<String>, problem: impl Into<String>) {
        self.0.push(FieldError::new(field, problem));
    }

    /// Required text of at most `max` characters.
    pub fn name(&mut self, field: &str, value: &str, max: usize) {
        let v = value.trim();
        if v.is_empty() {
            self.add(field, "is required");
        } else if v.chars().count() > max {
            self.add(field, format!("is longer than {max} characters"));
        }
    }

    /// A colour as `#RRGGBB`.
    pub fn colour(&mut self, field: &str, value: &str) {
        let ok = value.len() == 7
            && value.starts_with('#')
            && value[1..].chars().all(|c| c.is_ascii_hexdigit());
        if !ok {
            self.add(field, "must be a colour like #3A7BD5");
        }
    }

    /// Problems of a nested check, under a field prefix (`hours.monday`).
    pub fn nested(&mut self, prefix: &str, result: Result<(), ValidationErrors>) {
        if let Err(e) = result {
            for f in e.0 {
                self.add(format!("{prefix}.{}", f.field), f.problem);
            }
        }
    }

    pub fn finish(self) -> Result<(), ValidationErrors> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_names() {
        let mut p = Problems::default();
        p.colour("colour", "#3a7BD5");
        p.name("name", "Hygiene", 10);
        assert!(p.0.is_empty());
        for bad in ["3A7BD5", "#3A7BD", "#3A7BDZ", "", "#3A7BD55"] {
            p.colour("colour", bad);
        }
        p.name("name", "   ", 10);
        p.name("name", "A very long name", 10);
        assert_eq!(p.0.len(), 7);
    }
}
