use serde::Serialize;
use std::fmt;

/// A shortcode parameter value, typed the way Hugo types it.
///
/// Quoted and raw values are always strings; an unquoted value is a bool when it
/// is exactly `true`/`false`, an int when it matches `^[-+]?\d+$`, a float when
/// it matches `^[-+]?\d*\.\d+$`, and a string otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
}

impl Value {
    /// The value as text, as a template printing it would show it.
    pub fn as_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Value::String(s) => std::borrow::Cow::Borrowed(s),
            other => std::borrow::Cow::Owned(other.to_string()),
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            // Go's %v prints 0.5 as 0.5 and 1.0 as 1; Rust's Display agrees.
            Value::Float(x) => write!(f, "{x}"),
            Value::String(s) => f.write_str(s),
        }
    }
}
