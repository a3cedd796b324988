//! A wrapper for protected health information: it never prints its contents.
use std::fmt;

/// Holds PHI. `Debug` and `Display` print `[redacted]`, so a value wrapped in it cannot leak
/// into logs, panics or error messages by accident. Read it with [`Redacted::expose`].
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Redacted<T>(T);

impl<T> Redacted<T> {
    pub fn new(value: T) -> Self {
        Self(value)
    }
    pub fn expose(&self) -> &T {
        &self.0
    }
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> fmt::Debug for Redacted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl<T> fmt::Display for Redacted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_its_value() {
        let r = Redacted::new("José Marín");
        assert_eq!(format!("{r:?} {r}"), "[redacted] [redacted]");
        assert_eq!(*r.expose(), "José Marín");
    }
}
