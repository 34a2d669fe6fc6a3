//! A card back to the shortcode text that reads as the same card: the
//! parser's inverse, to check the parser against itself.
//!
//! No command writes cards today: [`render_card`] is public only because its
//! users are separate crates, the round-trip tests
//! (`tests/it/hostile_roundtrip.rs`) and the `render_roundtrip` fuzz target.
//! It stays in the library, documented and tested, rather than behind a
//! feature (which `cargo test` would have to be told to turn on) or hidden
//! from the docs (its quoting rules below are worth reading): a tool that
//! writes handbooks would start from it.
//!
//! Each string value gets the first quoting that keeps it exactly
//! (hugo-content.md §3.3–3.4):
//! 1. `"..."` when it holds no `"`, `\` or line feed;
//! 2. a raw string `` `...` `` when it holds no backtick;
//! 3. `"..."` again, for a value with a backtick and no line feed, if Hugo's
//!    backslash rules let it through: each `"` written `\"`, which makes Hugo
//!    drop *every* backslash in the value, so the value may not hold both a
//!    `"` and a `\`; without a `"`, a `\` is kept as written unless it comes
//!    last or before a backtick.
//!
//! Anything else has no faithful spelling and is an error, never a wrong
//! rendering: a value with a backtick and a line feed; a value with a backtick,
//! a `"` and a `\`; a value with a backtick, no `"`, and a `\` at its end or
//! before a backtick. Ints, floats and bools are written bare, as Hugo types
//! them back.

use super::shortcode::typed;
use crate::model::{Card, Value, ValueRef};
use std::fmt;

/// Why a card has no shortcode text that reads back as the same card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError {
    pub message: String,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RenderError {}

fn error<T>(message: String) -> Result<T, RenderError> {
    Err(RenderError { message })
}

/// The `{{< name params >}}` text of a card (with its inner text and closing
/// tag when it has inner text), which `parse_document` reads back as the same
/// card; or why there is none. Used by tests and fuzzing only (see the module
/// docs).
pub fn render_card(card: &Card) -> Result<String, RenderError> {
    let name = &card.shortcode;
    if !is_name(name) {
        return error(format!("'{name}' cannot be written as a shortcode name"));
    }
    let mut out = format!("{{{{< {name}");
    match card.positional() {
        Some(values) => {
            if !card.params.is_empty() {
                return error("a call cannot have both named and positional params".into());
            }
            for (i, value) in values.iter().enumerate() {
                out.push(' ');
                out.push_str(&render_value(value.into()).map_err(|e| RenderError {
                    message: format!("positional param {}: {e}", i + 1),
                })?);
            }
        }
        None => {
            // Hugo reads a call with no params as positional (`.IsNamedParams`
            // is false): such a call is `positional: Some([])`.
            if card.params.is_empty() {
                return error(
                    "a call with no params reads back as a positional call with none".into(),
                );
            }
            let mut seen = std::collections::HashSet::new();
            for (key, value) in card.params.iter() {
                if !is_key(key) {
                    return error(format!("'{key}' cannot be written as a param name"));
                }
                if !seen.insert(key) {
                    return error(format!("the param '{key}' is there twice"));
                }
                out.push(' ');
                out.push_str(key);
                out.push('=');
                out.push_str(&render_value(value).map_err(|e| RenderError {
                    message: format!("param '{key}': {e}"),
                })?);
            }
        }
    }
    out.push_str(" >}}");
    if let Some(inner) = card.inner() {
        if inner.contains("{{<") || inner.contains("{{%") {
            return error("the inner text holds shortcode calls of its own".into());
        }
        out.push_str(inner);
        out.push_str(&format!("{{{{< /{name} >}}}}"));
    }
    Ok(out)
}

/// One value as it is written after `=` or as a positional param (a
/// [`Value`] converts with `.into()`).
pub fn render_value(value: ValueRef<'_>) -> Result<String, RenderError> {
    match value {
        ValueRef::Bool(b) => Ok(b.to_string()),
        ValueRef::Int(i) => Ok(i.to_string()),
        ValueRef::Float(f) => {
            if !f.is_finite() {
                return error(format!("{f} has no spelling that reads back as a number"));
            }
            // Rust writes the shortest digits that read back (never an
            // exponent); Hugo reads a float only with a `.` in it.
            let mut s = f.to_string();
            if !s.contains('.') {
                s.push_str(".0");
            }
            debug_assert_eq!(typed(&s), Value::Float(f));
            Ok(s)
        }
        ValueRef::String(s) => render_string(s),
    }
}

fn render_string(s: &str) -> Result<String, RenderError> {
    let has = |c: char| s.contains(c);
    if !has('"') && !has('\\') && !has('\n') {
        return Ok(format!("\"{s}\""));
    }
    if !has('`') {
        return Ok(format!("`{s}`"));
    }
    if has('\n') {
        return error(
            "a value with both a backtick and a line feed cannot be quoted (\"...\" cannot span lines, `...` cannot hold a backtick)".into(),
        );
    }
    if has('"') {
        if has('\\') {
            return error(
                "a value with a backtick, a double quote and a backslash cannot be quoted (writing the quote as \\\" makes Hugo drop every backslash)".into(),
            );
        }
        return Ok(format!("\"{}\"", s.replace('"', "\\\"")));
    }
    // A backtick and a backslash, no quote: "..." keeps the backslashes
    // unless one comes last (it would escape the closing quote) or before a
    // backtick (an error in Hugo).
    if s.ends_with('\\') || s.contains("\\`") {
        return error(
            "a value with a backtick cannot be quoted when a backslash ends it or comes before a backtick".into(),
        );
    }
    Ok(format!("\"{s}\""))
}

/// A shortcode name Hugo reads whole: a letter, digit or `_`, then letters,
/// digits, `_`, `-` and `/` (hugo-content.md §3.2).
fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_alnum) && chars.all(|c| is_alnum(c) || c == '-' || c == '/')
}

/// A param name: a letter, digit, `_` or `-`, then those and `.`.
fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| is_alnum(c) || c == '-')
        && chars.all(|c| is_alnum(c) || c == '-' || c == '.')
}

fn is_alnum(c: char) -> bool {
    c == '_' || c.is_alphabetic() || c.is_numeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> String {
        render_string(v).unwrap()
    }

    #[test]
    fn each_value_gets_the_first_faithful_quoting() {
        assert_eq!(s("plain æøå >}}"), "\"plain æøå >}}\"");
        assert_eq!(s("say \"hi\"\nC:\\"), "`say \"hi\"\nC:\\`");
        assert_eq!(s("a `b` \"c\""), "\"a `b` \\\"c\\\"\"");
        assert_eq!(s("a `b` C:\\dir"), "\"a `b` C:\\dir\"");
    }

    #[test]
    fn values_without_a_faithful_quoting_are_errors() {
        for v in ["`\n", "` \" \\", "`\\", "\\`"] {
            assert!(render_string(v).is_err(), "{v:?}");
        }
    }

    #[test]
    fn typed_values_are_bare_and_floats_keep_a_point() {
        let r = |v: Value| render_value((&v).into());
        assert_eq!(r(Value::Int(-7)).unwrap(), "-7");
        assert_eq!(r(Value::Bool(true)).unwrap(), "true");
        assert_eq!(r(Value::Float(1.0)).unwrap(), "1.0");
        assert_eq!(r(Value::Float(0.5)).unwrap(), "0.5");
        assert!(r(Value::Float(f64::NAN)).is_err());
    }
}
