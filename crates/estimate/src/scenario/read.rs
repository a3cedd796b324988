//! Reading JSON values into the engine's types, each problem reported with the path of its field.
use crate::codes::{Code, CodeSet};
use crate::model::YearStart;
use crate::money::{Cents, Percent};
use crate::tooth::Tooth;
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use super::{Result, ScenarioError};

pub(super) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(super) fn wrong(path: &str, expected: &str, v: &Value) -> ScenarioError {
    ScenarioError::field(path, format!("expected {expected}, found {}", type_name(v)))
}

/// An object being read, with the path it sits at.
pub(super) struct Obj<'a> {
    pub(super) path: String,
    pub(super) map: &'a Map<String, Value>,
}

impl<'a> Obj<'a> {
    pub(super) fn new(v: &'a Value, path: &str, known: &[&str]) -> Result<Obj<'a>> {
        let map = v.as_object().ok_or_else(|| {
            wrong(
                if path.is_empty() { "(top level)" } else { path },
                "an object",
                v,
            )
        })?;
        let obj = Obj {
            path: path.to_string(),
            map,
        };
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                return Err(ScenarioError::field(
                    &obj.at(key),
                    format!("unknown field (expected one of: {})", known.join(", ")),
                ));
            }
        }
        Ok(obj)
    }

    pub(super) fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The field, treating `null` as absent.
    pub(super) fn opt(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub(super) fn req(&self, key: &str) -> Result<&'a Value> {
        self.opt(key)
            .ok_or_else(|| ScenarioError::field(&self.at(key), "missing"))
    }

    pub(super) fn opt_with<T>(
        &self,
        key: &str,
        f: impl FnOnce(&'a Value, &str) -> Result<T>,
    ) -> Result<Option<T>> {
        self.opt(key).map(|v| f(v, &self.at(key))).transpose()
    }

    pub(super) fn req_with<T>(
        &self,
        key: &str,
        f: impl FnOnce(&'a Value, &str) -> Result<T>,
    ) -> Result<T> {
        f(self.req(key)?, &self.at(key))
    }
}

pub(super) fn string<'a>(v: &'a Value, path: &str) -> Result<&'a str> {
    v.as_str().ok_or_else(|| wrong(path, "a string", v))
}

pub(super) fn array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>> {
    v.as_array().ok_or_else(|| wrong(path, "an array", v))
}

pub(super) fn money(v: &Value, path: &str) -> Result<Cents> {
    match v {
        Value::String(s) => Cents::parse(s).map_err(|e| ScenarioError::field(path, e)),
        Value::Number(n) if n.as_f64().is_some_and(|x| x < 0.0) => {
            Err(ScenarioError::field(path, format!("negative amount {n}")))
        }
        _ => Err(wrong(path, "a money string such as \"120.00\"", v)),
    }
}

pub(super) fn date(v: &Value, path: &str) -> Result<NaiveDate> {
    let s = string(v, path)?;
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| ScenarioError::field(path, format!("bad date \"{s}\" (expected YYYY-MM-DD)")))
}

/// `MM-DD`, or a full date of which the month and day count ([`YearStart::parse`]). February 29
/// is refused: it is not a day every year has.
pub(super) fn year_start(v: &Value, path: &str) -> Result<YearStart> {
    let s = string(v, path)?;
    match YearStart::parse(s) {
        Some(start) if (start.month, start.day) != (2, 29) => Ok(start),
        _ => Err(ScenarioError::field(
            path,
            format!("bad benefit year start \"{s}\" (expected MM-DD, e.g. 07-01)"),
        )),
    }
}

pub(super) fn code(v: &Value, path: &str) -> Result<Code> {
    Code::parse(string(v, path)?).map_err(|e| ScenarioError::field(path, e))
}

pub(super) fn code_set(v: &Value, path: &str) -> Result<CodeSet> {
    CodeSet::parse(string(v, path)?).map_err(|e| ScenarioError::field(path, e))
}

/// `["D0000-D1999", "D9972"]` (a single string is accepted too).
pub(super) fn code_set_list(v: &Value, path: &str) -> Result<CodeSet> {
    if v.is_string() {
        return code_set(v, path);
    }
    let mut all = CodeSet::default();
    for (i, item) in array(v, path)?.iter().enumerate() {
        all.0.extend(code_set(item, &format!("{path}[{i}]"))?.0);
    }
    Ok(all)
}

/// `{"D2740": "900.00"}`.
pub(super) fn code_money_map(v: &Value, path: &str) -> Result<BTreeMap<Code, Cents>> {
    let map = v
        .as_object()
        .ok_or_else(|| wrong(path, "an object of code → amount", v))?;
    let mut out = BTreeMap::new();
    for (k, amount) in map {
        let p = format!("{path}.{k}");
        let c = Code::parse(k).map_err(|e| ScenarioError::field(&p, e))?;
        out.insert(c, money(amount, &p)?);
    }
    Ok(out)
}

pub(super) fn uint(v: &Value, path: &str, min: u64, max: u64) -> Result<u32> {
    let n = v.as_u64().ok_or_else(|| match v {
        Value::Number(n) => ScenarioError::field(
            path,
            format!("expected a whole number from {min} to {max}, found {n}"),
        ),
        _ => wrong(path, "a whole number", v),
    })?;
    if n < min || n > max {
        return Err(ScenarioError::field(
            path,
            format!("{n} is out of range (expected {min} to {max})"),
        ));
    }
    Ok(n as u32)
}

/// A whole percentage, or one with up to two decimals (87.5), from 0 to 100.
pub(super) fn percent(v: &Value, path: &str) -> Result<Percent> {
    let Value::Number(n) = v else {
        return Err(wrong(path, "a number from 0 to 100", v));
    };
    let x = n.as_f64().unwrap_or(f64::NAN);
    if x < 0.0 {
        return Err(ScenarioError::field(path, format!("negative percent {n}")));
    }
    if x > 100.0 {
        return Err(ScenarioError::field(
            path,
            format!("percent {n} is over 100"),
        ));
    }
    let bp = (x * 100.0).round();
    if (x * 100.0 - bp).abs() > 1e-6 {
        return Err(ScenarioError::field(
            path,
            format!("percent {n} has more than two decimal places"),
        ));
    }
    Ok(Percent::from_basis_points(bp as u16).expect("checked 0..=100"))
}

pub(super) fn list<'a, T>(
    o: &Obj<'a>,
    key: &str,
    f: impl Fn(&'a Value, &str) -> Result<T>,
) -> Result<Vec<T>> {
    match o.opt(key) {
        None => Ok(Vec::new()),
        Some(v) => {
            let path = o.at(key);
            array(v, &path)?
                .iter()
                .enumerate()
                .map(|(i, item)| f(item, &format!("{path}[{i}]")))
                .collect()
        }
    }
}

/// `"30"` or `"A"` (universal numbering).
pub(super) fn tooth(v: &Value, path: &str) -> Result<Tooth> {
    Tooth::parse(string(v, path)?).map_err(|e| ScenarioError::field(path, e))
}

/// `true` or `false`.
pub(super) fn boolean(v: &Value, path: &str) -> Result<bool> {
    v.as_bool().ok_or_else(|| wrong(path, "true or false", v))
}
