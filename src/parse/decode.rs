//! Front-matter text to a map of typed values (hugo-content.md §2.4).
//!
//! Every format lands in `serde_json::Value`, the one value type the rest of the
//! crate and the JSON output share. YAML is read as Hugo 0.111 reads it
//! (YAML 1.1, yaml.v2's rules): by the fast path when the text is in the
//! subset it reads, else by the full reader ([`super::yaml_full`]).

use super::limits;
use crate::model::FrontMatterFormat;
use serde_json::{Map, Value};

/// A decode error with its byte offset inside the front-matter text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub offset: usize,
    pub message: String,
}

pub fn decode(format: FrontMatterFormat, text: &str) -> Result<Map<String, Value>, DecodeError> {
    if text.len() > limits::MAX_FRONT_MATTER_BYTES {
        return Err(DecodeError {
            offset: 0,
            message: format!(
                "front matter is {} bytes, more than the limit of {} bytes",
                text.len(),
                limits::MAX_FRONT_MATTER_BYTES
            ),
        });
    }
    if format == FrontMatterFormat::Yaml
        && let Some(map) = super::yaml_fast::decode(text)
    {
        return Ok(map);
    }
    if let Some((offset, depth)) = too_deep(format, text) {
        return Err(DecodeError {
            offset,
            message: format!(
                "front matter is nested {depth} levels deep here, more than the limit of {}",
                limits::MAX_FRONT_MATTER_DEPTH
            ),
        });
    }
    let value = match format {
        FrontMatterFormat::Yaml => decode_full_yaml(text)?,
        FrontMatterFormat::Toml => toml_value(text)?,
        FrontMatterFormat::Json => json(text)?,
        FrontMatterFormat::Org => return Ok(org(text)),
    };
    match value {
        Value::Object(map) => Ok(map),
        Value::Null => Ok(Map::new()),
        other => Err(DecodeError {
            offset: 0,
            message: format!(
                "front matter must be a map of keys to values, not {}",
                kind(&other)
            ),
        }),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a map",
    }
}

/// YAML through the full reader (the fast path's reference).
pub(super) fn decode_full_yaml(text: &str) -> Result<Value, DecodeError> {
    super::yaml_full::decode(text)
}

fn toml_value(text: &str) -> Result<Value, DecodeError> {
    match text.parse::<toml::Table>() {
        Ok(table) => Ok(toml_to_json(toml::Value::Table(table))),
        Err(e) => Err(DecodeError {
            offset: e.span().map(|s| s.start).unwrap_or(0).min(text.len()),
            message: format!("unmarshal failed: toml: {}", e.message().trim()),
        }),
    }
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => float(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

fn json(text: &str) -> Result<Value, DecodeError> {
    serde_json::from_str::<Value>(text).map_err(|e| {
        let message = e.to_string();
        let message = match message.find(" at line ") {
            Some(i) => &message[..i],
            None => &message[..],
        };
        DecodeError {
            offset: offset_of(text, e.line(), e.column()),
            message: format!("unmarshal failed: {message}"),
        }
    })
}

/// Byte offset of a 1-based line and 1-based column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// Org mode: `#+key: value` lines; `#+key[]: a b` is a list split on whitespace.
fn org(text: &str) -> Map<String, Value> {
    let mut map = Map::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("#+") else {
            continue;
        };
        let Some((key, value)) = rest.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let key = key.trim().to_lowercase();
        match key.strip_suffix("[]") {
            Some(key) => {
                let list = value.split_whitespace().map(Value::from).collect();
                map.insert(key.to_owned(), Value::Array(list));
            }
            None => {
                map.insert(key, Value::from(value));
            }
        }
    }
    map
}

fn float(f: f64) -> Value {
    super::yaml11::float(f)
}

/// Where front matter nests deeper than the limit, and how deep: a cheap scan
/// that runs before the decoder.
///
/// For YAML it is a guard, not a courtesy: the YAML scanner does work in
/// proportion to the flow depth for every token, so a front matter of
/// 100,000 `[` takes minutes. The scan must therefore never see less depth than
/// the YAML parser will; see [`yaml_depth`]. TOML and JSON decoders stop deep
/// input quickly by themselves; their scan only makes the message ours.
fn too_deep(format: FrontMatterFormat, text: &str) -> Option<(usize, usize)> {
    match format {
        FrontMatterFormat::Yaml => yaml_depth(text),
        FrontMatterFormat::Toml | FrontMatterFormat::Json => bracket_depth(format, text),
        FrontMatterFormat::Org => None,
    }
}

/// YAML nesting: block levels (indentation, and `- `/`? ` written on one
/// line) plus flow levels (`[`, `{`).
///
/// Whether a `"`, `'` or `#` starts a quoted string or a comment depends on
/// YAML's whole grammar (in a plain scalar such as `don't` it does not). A scan
/// that guessed wrong could be led to miss brackets, so it does not guess: it
/// follows every reading at once (a small set of states, each with the deepest
/// flow level it can be at) and takes the deepest. The true reading is always
/// one of them, so the scan can only see more depth than there is, never less.
/// The price: over 100 unclosed `[`/`{` inside quoted strings are refused too.
fn yaml_depth(text: &str) -> Option<(usize, usize)> {
    // Reading states; each holds the deepest flow level possible in it.
    const PLAIN: usize = 0; // outside quotes and comments
    const SINGLE: usize = 1; // in '...'
    const DOUBLE: usize = 2; // in "..."
    const ESCAPE: usize = 3; // just after a backslash in "..."
    const COMMENT: usize = 4; // after #, to the end of the line
    const TAG: usize = 5; // in a verbatim tag !<...>
    let max = limits::MAX_FRONT_MATTER_DEPTH;
    let bytes = text.as_bytes();
    let mut depth: [Option<usize>; 6] = [Some(0), None, None, None, None, None];
    let mut indents: Vec<usize> = Vec::new();
    let mut block = 0usize;
    let mut line_start = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if i == line_start {
            // Block nesting of this line: the indentation levels open above it,
            // then one more for each `- ` or `? ` that starts it.
            let indent = bytes[i..].iter().take_while(|&&c| c == b' ').count();
            let mut j = i + indent;
            if !matches!(bytes.get(j), None | Some(b'\n' | b'\r' | b'#')) {
                while indents.last().is_some_and(|&top| top >= indent) {
                    indents.pop();
                }
                indents.push(indent);
                let mut indicators = 0;
                while matches!(bytes.get(j), Some(b'-' | b'?'))
                    && matches!(bytes.get(j + 1), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
                {
                    indicators += 1;
                    j += 1;
                    while matches!(bytes.get(j), Some(b' ' | b'\t')) {
                        j += 1;
                    }
                }
                block = indents.len() + indicators;
                let deepest = depth.iter().flatten().max().copied().unwrap_or(0);
                if block + deepest > max {
                    return Some((i, block + deepest));
                }
            }
        }
        // A lone CR ends a line in YAML too.
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line_start = i + 1;
        }
        let mut next: [Option<usize>; 6] = [None; 6];
        let mut reach = |state: usize, d: usize| {
            next[state] = Some(next[state].map_or(d, |old| old.max(d)));
        };
        for (state, d) in depth.iter().enumerate() {
            let Some(d) = *d else { continue };
            match (state, b) {
                (PLAIN, b'[' | b'{') => reach(PLAIN, d + 1),
                (PLAIN, b']' | b'}') => reach(PLAIN, d.saturating_sub(1)),
                (PLAIN, b'\'') => {
                    reach(SINGLE, d);
                    reach(PLAIN, d);
                }
                (PLAIN, b'"') => {
                    reach(DOUBLE, d);
                    reach(PLAIN, d);
                }
                (PLAIN, b'#') => {
                    reach(COMMENT, d);
                    reach(PLAIN, d);
                }
                (PLAIN, b'!') if bytes.get(i + 1) == Some(&b'<') => {
                    reach(TAG, d);
                    reach(PLAIN, d);
                }
                (PLAIN, _) => reach(PLAIN, d),
                (SINGLE, b'\'') => reach(PLAIN, d),
                (DOUBLE, b'\\') => reach(ESCAPE, d),
                (DOUBLE, b'"') => reach(PLAIN, d),
                (ESCAPE, _) => reach(DOUBLE, d),
                (COMMENT, b'\n' | b'\r') => reach(PLAIN, d),
                (TAG, b'>') => reach(PLAIN, d),
                (state, _) => reach(state, d),
            }
        }
        depth = next;
        if matches!(b, b'[' | b'{') {
            let deepest = depth.iter().flatten().max().copied().unwrap_or(0);
            if block + deepest > max {
                return Some((i, block + deepest));
            }
        }
    }
    None
}

/// TOML and JSON nesting: `[`/`{` outside strings and comments, plus TOML's
/// dotted keys (`a.b.c = 1`, `[a.b.c]`), which nest tables within one line.
fn bracket_depth(format: FrontMatterFormat, text: &str) -> Option<(usize, usize)> {
    let max = limits::MAX_FRONT_MATTER_DEPTH;
    let toml = format == FrontMatterFormat::Toml;
    let bytes = text.as_bytes();
    let mut flow = 0usize;
    let mut dots = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let rest = &bytes[i..];
        if toml && (rest.starts_with(b"\"\"\"") || rest.starts_with(b"\'\'\'")) {
            // A multi-line string runs to the same three quotes.
            let close = &rest[..3];
            i = memchr::memmem::find(&bytes[i + 3..], close).map_or(bytes.len(), |e| i + 3 + e + 3);
            continue;
        }
        match b {
            b'"' | b'\'' if b == b'"' || toml => {
                // A string: to its closing quote (or, in TOML, the end of the line).
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    if c == b || (toml && c == b'\n') {
                        break;
                    }
                    i += if c == b'\\' && b == b'"' { 2 } else { 1 };
                }
                if bytes.get(i) == Some(&b'\n') {
                    continue;
                }
            }
            b'#' if toml => {
                i = memchr::memchr(b'\n', rest).map_or(bytes.len(), |e| i + e);
                continue;
            }
            b'[' | b'{' => {
                flow += 1;
                if flow + dots > max {
                    return Some((i, flow + dots));
                }
            }
            b']' | b'}' => flow = flow.saturating_sub(1),
            b'.' if toml => {
                dots += 1;
                if flow + dots > max {
                    return Some((i, flow + dots));
                }
            }
            b'\n' => dots = 0,
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn yaml_map(text: &str) -> Value {
        Value::Object(decode(FrontMatterFormat::Yaml, text).unwrap())
    }

    #[test]
    fn yaml_keeps_types_and_key_case() {
        assert_eq!(
            yaml_map("Title: X\nweight: 2\nratio: 0.5\ndraft: false\nlist: [a, 1]\n"),
            json!({"Title": "X", "weight": 2, "ratio": 0.5, "draft": false, "list": ["a", 1]})
        );
    }

    #[test]
    fn yaml_integers_beyond_64_bits_are_floats() {
        assert_eq!(
            yaml_map("big: 99999999999999999999\n"),
            json!({"big": 1e20})
        );
    }

    #[test]
    fn yaml_repeated_key_last_wins() {
        assert_eq!(yaml_map("a: 1\na: 2\n"), json!({"a": 2}));
    }

    #[test]
    fn yaml_top_level_keys_are_kept_as_written_and_values_are_yaml_1_1() {
        assert_eq!(
            yaml_map("1: one\nTrue: yes\n"),
            json!({"1": "one", "True": true})
        );
    }

    #[test]
    fn yaml_error_has_offset() {
        let e = decode(FrontMatterFormat::Yaml, "a: 1\nb: [\n").unwrap_err();
        assert!(
            e.message.starts_with("failed to unmarshal YAML"),
            "{}",
            e.message
        );
    }

    #[test]
    fn yaml_list_at_top_level_is_an_error() {
        let e = decode(FrontMatterFormat::Yaml, "- a\n- b\n").unwrap_err();
        assert!(e.message.contains("must be a map"));
    }

    #[test]
    fn empty_yaml_is_an_empty_map() {
        assert_eq!(yaml_map(""), json!({}));
        assert_eq!(yaml_map("# only a comment\n"), json!({}));
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let deep = format!("a: {}1{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let e = decode(FrontMatterFormat::Yaml, &deep).unwrap_err();
        assert!(e.message.contains("nested"), "{}", e.message);
        let deep_map = format!("a: {}1{}\n", "{a: ".repeat(100_000), "}".repeat(100_000));
        assert!(decode(FrontMatterFormat::Yaml, &deep_map).is_err());
    }

    #[test]
    fn deep_block_nesting_is_refused() {
        let mut text = String::new();
        for i in 0..200 {
            text.push_str(&" ".repeat(i));
            text.push_str("a:\n");
        }
        assert!(
            decode(FrontMatterFormat::Yaml, &text)
                .unwrap_err()
                .message
                .contains("nested")
        );
    }

    #[test]
    fn toml_and_json_and_org() {
        assert_eq!(
            Value::Object(decode(FrontMatterFormat::Toml, "title = 'X'\nweight = 3\n").unwrap()),
            json!({"title": "X", "weight": 3})
        );
        assert_eq!(
            Value::Object(decode(FrontMatterFormat::Json, "{\"title\": \"X\"}").unwrap()),
            json!({"title": "X"})
        );
        assert_eq!(
            Value::Object(decode(FrontMatterFormat::Org, "#+TITLE: X\n#+tags[]: a b\n").unwrap()),
            json!({"title": "X", "tags": ["a", "b"]})
        );
    }

    #[test]
    fn toml_error_has_offset() {
        let e = decode(FrontMatterFormat::Toml, "a = 1\nb = \n").unwrap_err();
        assert!(e.offset >= 6, "{e:?}");
    }

    #[test]
    fn json_error_has_offset() {
        let e = decode(FrontMatterFormat::Json, "{\n\"a\": x}").unwrap_err();
        assert_eq!(e.offset, 7);
    }
}
