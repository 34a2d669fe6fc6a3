//! What a plain YAML scalar means to Hugo 0.111, whose decoder is Go's
//! `gopkg.in/yaml.v2`: YAML 1.1 rules, not YAML 1.2's.
//!
//! Both YAML readers (the fast path and the full parser) resolve plain
//! scalars here, so they cannot disagree on it. Every form was checked against
//! a real `hugo` 0.111 (see `docs/hugo-yaml.md`):
//!
//! * booleans: `y Y yes Yes YES on On ON true True TRUE` and
//!   `n N no No NO off Off OFF false False FALSE` (no other casing: `yEs` is text);
//! * null: empty, `~ null Null NULL`;
//! * integers: Go's `strconv.ParseInt(s, 0, 64)` after every `_` is removed, so
//!   `0755` is octal 493, `0o17`, `0x1F`, `0b101`, `+12` and `1_000` are
//!   numbers; past `i64` an unsigned 64-bit integer, past that a float;
//! * floats: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` after the
//!   `_` are removed (`1e3`, `1.`, `08`, `0778`), `.inf`/`-.inf`/`.nan` in
//!   three casings; a float too large for 64 bits stays text;
//! * dates stay text (yaml.v2 hands timestamps to an untyped target as text);
//! * anything else, including `inf`, `NaN`, `0x1p3` and `1:30:00`, is text.

use serde_json::Value;

/// A plain scalar resolved as yaml.v2 resolves it.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    /// `<<` where a key is expected: merge the map(s) that follow.
    Merge,
    Str,
}

/// How yaml.v2 resolves the plain (unquoted, untagged) scalar `s`.
pub fn resolve(s: &str) -> Resolved {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "true" | "True" | "TRUE" => {
            return Resolved::Bool(true);
        }
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" | "false" | "False" | "FALSE" => {
            return Resolved::Bool(false);
        }
        ".nan" | ".NaN" | ".NAN" => return Resolved::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Resolved::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Resolved::Float(f64::NEG_INFINITY),
        "<<" => return Resolved::Merge,
        _ => {}
    }
    // yaml.v2 tries numbers only for text that starts with a digit, a sign or
    // a dot; everything else that is not in the table above is text.
    match s.as_bytes()[0] {
        b'.' => go_parse_float(s).map_or(Resolved::Str, Resolved::Float),
        b'0'..=b'9' | b'+' | b'-' => number(s),
        _ => Resolved::Str,
    }
}

/// The value a resolved plain scalar stands for (`<<` outside a key is text).
pub fn to_json(s: &str, resolved: Resolved) -> Value {
    match resolved {
        Resolved::Null => Value::Null,
        Resolved::Bool(b) => Value::Bool(b),
        Resolved::Int(i) => Value::from(i),
        Resolved::Uint(u) => Value::from(u),
        Resolved::Float(f) => float(f),
        Resolved::Merge | Resolved::Str => Value::String(s.to_owned()),
    }
}

/// A plain scalar's value.
pub fn plain_value(s: &str) -> Value {
    to_json(s, resolve(s))
}

/// A float as the JSON value the rest of the crate keeps. JSON has no NaN or
/// infinity, so those are kept as the text Go prints for them.
pub fn float(f: f64) -> Value {
    match serde_json::Number::from_f64(f) {
        Some(n) => Value::Number(n),
        None if f.is_nan() => Value::String("NaN".into()),
        None if f > 0.0 => Value::String("+Inf".into()),
        None => Value::String("-Inf".into()),
    }
}

/// A map key inside a nested map, as Hugo turns it into text: yaml.v2 decodes
/// nested keys as values, and Hugo then prints them with `cast.ToString`
/// (`yes` → `true`, `0x10` → `16`, `1e3` → `1000`, `~` → ``).
pub fn key_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            // Rust prints floats as Go's `FormatFloat(f, 'f', -1, 64)` does:
            // shortest digits, never an exponent.
            (_, _, Some(f)) => f.to_string(),
            _ => n.to_string(),
        },
        Value::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// yaml.v2's number rules for text that starts with a digit or a sign.
fn number(s: &str) -> Resolved {
    let plain: String = s.chars().filter(|&c| c != '_').collect();
    if let Some(i) = go_parse_int(&plain) {
        return Resolved::Int(i);
    }
    if let Some(u) = go_parse_uint(&plain) {
        return Resolved::Uint(u);
    }
    if yaml_style_float(&plain)
        && let Some(f) = go_parse_float(&plain)
    {
        return Resolved::Float(f);
    }
    Resolved::Str
}

/// Go's `strconv.ParseInt(s, 0, 64)` (the text has no `_` left).
fn go_parse_int(s: &str) -> Option<i64> {
    let (negative, unsigned) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let magnitude = go_parse_uint(unsigned)?;
    if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// Go's `strconv.ParseUint(s, 0, 64)`: no sign; `0x`, `0o`, `0b` or a leading
/// `0` (octal) choose the base.
fn go_parse_uint(s: &str) -> Option<u64> {
    let bytes = s.as_bytes();
    let (radix, digits) = match bytes {
        [b'0', b'x' | b'X', ..] => (16, &s[2..]),
        [b'0', b'o' | b'O', ..] => (8, &s[2..]),
        [b'0', b'b' | b'B', ..] => (2, &s[2..]),
        [b'0', _, ..] => (8, &s[1..]),
        _ => (10, s),
    };
    // `from_str_radix` takes a sign; Go takes none here.
    if digits.is_empty() || !digits.bytes().all(|b| (b as char).is_digit(radix)) {
        return None;
    }
    u64::from_str_radix(digits, radix).ok()
}

/// yaml.v2's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn yaml_style_float(s: &str) -> bool {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = s.strip_prefix(['-', '+']).unwrap_or(s);
    if let Some(frac) = rest.strip_prefix('.') {
        let n = digits(frac);
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    } else {
        let n = digits(rest);
        if n == 0 {
            return false;
        }
        rest = &rest[n..];
        if let Some(frac) = rest.strip_prefix('.') {
            rest = &frac[digits(frac)..];
        }
    }
    match rest.strip_prefix(['e', 'E']) {
        None => rest.is_empty(),
        Some(exp) => {
            let exp = exp.strip_prefix(['-', '+']).unwrap_or(exp);
            let n = digits(exp);
            n > 0 && n == exp.len()
        }
    }
}

/// Go's `strconv.ParseFloat(s, 64)` for the decimal forms YAML can reach:
/// sign, digits with at most one `.`, an exponent, and `_` only between two
/// digits. Overflow to infinity is an error in Go, so it is `None` here.
fn go_parse_float(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
            let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(digit_before && digit_after) {
                return None;
            }
        }
    }
    let plain: String = s.chars().filter(|&c| c != '_').collect();
    // Go's ParseFloat also reads `inf`, `nan` and hex floats, but none of them
    // can reach here: they start with a letter (text to yaml.v2) or fail
    // `yaml_style_float`, except after a dot, which rules them out too.
    if !yaml_style_float(&plain) {
        return None;
    }
    let f: f64 = plain.parse().ok()?;
    f.is_finite().then_some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every form tried against hugo 0.111, with the value and type it printed.
    #[test]
    fn forms_as_hugo_0_111_reads_them() {
        let cases: &[(&str, Value)] = &[
            ("y", json!(true)),
            ("Y", json!(true)),
            ("yes", json!(true)),
            ("Yes", json!(true)),
            ("YES", json!(true)),
            ("n", json!(false)),
            ("N", json!(false)),
            ("no", json!(false)),
            ("NO", json!(false)),
            ("on", json!(true)),
            ("On", json!(true)),
            ("ON", json!(true)),
            ("off", json!(false)),
            ("Off", json!(false)),
            ("OFF", json!(false)),
            ("True", json!(true)),
            ("FALSE", json!(false)),
            ("yEs", json!("yEs")),
            ("oN", json!("oN")),
            ("tRUE", json!("tRUE")),
            ("Yes.", json!("Yes.")),
            ("~", Value::Null),
            ("NULL", Value::Null),
            ("nULL", json!("nULL")),
            ("0755", json!(493)),
            ("0o17", json!(15)),
            ("0x1F", json!(31)),
            ("0X1F", json!(31)),
            ("0b101", json!(5)),
            ("0B101", json!(5)),
            ("-0b101", json!(-5)),
            ("+0b101", json!(5)),
            ("1_000", json!(1000)),
            ("1_0_0", json!(100)),
            ("_100", json!("_100")),
            ("100_", json!(100)),
            ("0_7", json!(7)),
            ("08", json!(8.0)),
            ("0778", json!(778.0)),
            ("-0755", json!(-493)),
            ("+12", json!(12)),
            ("012345678901234567890", json!(1.2345678901234567e19)),
            ("9223372036854775807", json!(9223372036854775807i64)),
            ("9223372036854775808", json!(9223372036854775808u64)),
            ("18446744073709551615", json!(18446744073709551615u64)),
            ("18446744073709551616", json!(1.8446744073709552e19)),
            ("-9223372036854775808", json!(-9223372036854775808i64)),
            ("-9223372036854775809", json!(-9.223372036854776e18)),
            ("1e3", json!(1000.0)),
            ("1.5E-3", json!(0.0015)),
            ("1.", json!(1.0)),
            (".5", json!(0.5)),
            ("+.5", json!(0.5)),
            ("-.5", json!(-0.5)),
            ("1_000.5", json!(1000.5)),
            (".5_0", json!(0.5)),
            (".inf", json!("+Inf")),
            ("-.Inf", json!("-Inf")),
            (".NAN", json!("NaN")),
            ("inf", json!("inf")),
            ("Infinity", json!("Infinity")),
            ("NaN", json!("NaN")),
            ("0x1p3", json!("0x1p3")),
            ("1e", json!("1e")),
            ("e3", json!("e3")),
            ("2001-12-14", json!("2001-12-14")),
            ("2001-12-14T21:59:43Z", json!("2001-12-14T21:59:43Z")),
            ("12:30", json!("12:30")),
            ("1:30:00", json!("1:30:00")),
            ("-1:30", json!("-1:30")),
            ("0x", json!("0x")),
            ("0b", json!("0b")),
            ("0x_1F", json!(31)),
            ("1__0", json!(10)),
            ("+_1", json!(1)),
            ("-_1", json!(-1)),
            ("0.5.1", json!("0.5.1")),
            ("1,000", json!("1,000")),
            ("0001", json!(1)),
            ("00", json!(0)),
            ("-0", json!(0)),
            ("0o8", json!("0o8")),
            ("0xG", json!("0xG")),
            ("1e400", json!("1e400")),
            ("<<", json!("<<")),
        ];
        for (text, want) in cases {
            assert_eq!(&plain_value(text), want, "{text}");
        }
    }

    #[test]
    fn nested_keys_print_as_go_prints_them() {
        for (key, text) in [
            ("yes", "true"),
            ("y", "true"),
            ("off", "false"),
            ("0x10", "16"),
            ("1e3", "1000"),
            ("1.5", "1.5"),
            (".5", "0.5"),
            ("08", "8"),
            ("1_000", "1000"),
            ("~", ""),
            ("null", ""),
            ("9223372036854775808", "9223372036854775808"),
            ("2001-12-14", "2001-12-14"),
        ] {
            assert_eq!(key_text(&plain_value(key)), text, "{key}");
        }
    }
}
