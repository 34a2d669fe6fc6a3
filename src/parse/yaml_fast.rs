//! A fast path for the YAML that handbook pages are written in.
//!
//! Front matter is most of the parse time with the full YAML parser, yet real
//! pages use a small part of YAML: `key: value` maps nested by indentation,
//! plain and single-line quoted strings, small ints, `|` blocks, and lists of
//! scalars. This reads exactly that part and answers `None` for anything else
//! (anchors, tags, flow maps, `>` blocks, multi-line plain scalars, numbers
//! other than small ints, tabs, CRs, ...), so the full parser decides those.
//! Where it answers, it gives what the full parser would: the tests compare
//! both on every sample, the seed page included.

use serde_json::{Map, Value};

pub fn decode(text: &str) -> Option<Map<String, Value>> {
    // Control characters (C0 but LF, DEL, C1) and BOMs have YAML rules of their own.
    let bytes = text.as_bytes();
    let special = bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' => false,
        0..=0x1F | 0x7F => true,
        0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
        0xEF => bytes.get(i + 1..i + 3) == Some(&[0xBB, 0xBF]),
        _ => false,
    });
    if special {
        return None;
    }
    let mut lines: Vec<&str> =
        Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    lines.extend(text.split('\n'));
    let mut i = 0;
    let map = mapping(&lines, &mut i, 0, 0)?;
    skip_blank(&lines, &mut i);
    (i >= lines.len()).then_some(map)
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    t.is_empty() || t.starts_with('#')
}

fn skip_blank(lines: &[&str], i: &mut usize) {
    while *i < lines.len() && is_blank_or_comment(lines[*i]) {
        *i += 1;
    }
}

/// The indentation of the next line that carries content, if any.
fn next_indent(lines: &[&str], from: usize) -> Option<usize> {
    lines[from..]
        .iter()
        .find(|l| !l.trim_start_matches(' ').is_empty())
        .map(|l| indent_of(l))
}

fn mapping(
    lines: &[&str],
    i: &mut usize,
    indent: usize,
    depth: usize,
) -> Option<Map<String, Value>> {
    // Deep nesting is left to the full parser, behind its guard.
    if depth >= super::limits::MAX_FRONT_MATTER_DEPTH {
        return None;
    }
    let mut map = Map::new();
    loop {
        skip_blank(lines, i);
        let Some(line) = lines.get(*i) else { break };
        let ind = indent_of(line);
        if ind < indent {
            break;
        }
        if ind > indent {
            return None;
        }
        let content = &line[ind..];
        if content.starts_with("---") || content.starts_with("...") {
            return None;
        }
        let (key, rest) = split_key(content)?;
        *i += 1;
        let value = value(lines, i, ind, rest, depth)?;
        map.insert(key.to_owned(), value);
    }
    Some(map)
}

/// `key: rest` or `key:` with a key that is plainly a string.
fn split_key(content: &str) -> Option<(&str, &str)> {
    let colon = content
        .match_indices(':')
        .map(|(i, _)| i)
        .find(|&i| matches!(content.as_bytes().get(i + 1), None | Some(b' ')))?;
    let key = &content[..colon];
    let first = key.chars().next()?;
    let plain_start = first.is_alphabetic() || first == '_';
    if !plain_start
        || key.len() > 1000
        || key.ends_with(' ')
        || key.contains(" #")
        || key.contains(": ")
        || matches!(
            key,
            "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
        )
    {
        return None;
    }
    Some((key, &content[colon + 1..]))
}

/// A `#` comment starts at a `#` after a space (or at the start).
fn strip_comment(s: &str) -> &str {
    if s.starts_with('#') {
        return "";
    }
    match s.find(" #") {
        Some(i) => &s[..i],
        None => s,
    }
}

fn value(
    lines: &[&str],
    i: &mut usize,
    key_indent: usize,
    rest: &str,
    depth: usize,
) -> Option<Value> {
    let rest = rest.trim_start_matches(' ');
    let first = rest.chars().next();
    match first {
        Some('"') => scalar_end(lines, *i, key_indent, double_quoted(rest)?),
        Some('\'') => scalar_end(lines, *i, key_indent, single_quoted(rest)?),
        Some('|') => block_literal(lines, i, key_indent, strip_comment(rest).trim_end()),
        _ => {
            let plain = strip_comment(rest).trim_end_matches(' ');
            if plain.is_empty() {
                return nested(lines, i, key_indent, depth);
            }
            if plain.starts_with('[') {
                return scalar_end(lines, *i, key_indent, flow_sequence(plain)?);
            }
            scalar_end(lines, *i, key_indent, plain_scalar(plain)?)
        }
    }
}

/// A single-line scalar is done unless the next line goes on with it.
fn scalar_end(lines: &[&str], next: usize, key_indent: usize, v: Value) -> Option<Value> {
    match next_indent(lines, next) {
        Some(ind) if ind > key_indent => None,
        _ => Some(v),
    }
}

/// What follows `key:` on the next lines: a map, a list, or nothing (null).
fn nested(lines: &[&str], i: &mut usize, key_indent: usize, depth: usize) -> Option<Value> {
    let mut j = *i;
    skip_blank(lines, &mut j);
    let Some(line) = lines.get(j) else {
        return Some(Value::Null);
    };
    let ind = indent_of(line);
    let content = &line[ind..];
    let is_item = content == "-" || content.starts_with("- ");
    if is_item && ind >= key_indent {
        return sequence(lines, i, ind).map(Value::Array);
    }
    if ind > key_indent {
        return mapping(lines, i, ind, depth + 1).map(Value::Object);
    }
    Some(Value::Null)
}

fn sequence(lines: &[&str], i: &mut usize, indent: usize) -> Option<Vec<Value>> {
    let mut items = Vec::new();
    loop {
        skip_blank(lines, i);
        let Some(line) = lines.get(*i) else { break };
        let ind = indent_of(line);
        let content = &line[ind..];
        if ind < indent || (ind == indent && !content.starts_with("- ")) {
            if ind == indent && content == "-" {
                return None;
            }
            break;
        }
        if ind > indent {
            return None;
        }
        let item = content[2..].trim_start_matches(' ');
        *i += 1;
        let v = match item.chars().next() {
            Some('"') => double_quoted(item)?,
            Some('\'') => single_quoted(item)?,
            _ => {
                let plain = strip_comment(item).trim_end_matches(' ');
                if plain.is_empty() || plain.starts_with('[') || split_key(plain).is_some() {
                    return None;
                }
                plain_scalar(plain)?
            }
        };
        items.push(scalar_end(lines, *i, indent, v)?);
    }
    Some(items)
}

fn plain_scalar(s: &str) -> Option<Value> {
    let first = s.chars().next()?;
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) && !is_small_int(s) {
        return None;
    }
    if s.contains(": ") || s.ends_with(':') || s.contains('\t') {
        return None;
    }
    match s {
        "null" | "Null" | "NULL" | "~" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    if first.is_ascii_digit() || first == '+' || first == '.' || first == '-' {
        // Numbers have many spellings in YAML; only the plain ones are ours.
        if !is_small_int(s) {
            return None;
        }
        return s.parse::<i64>().ok().map(Value::from);
    }
    Some(Value::String(s.to_owned()))
}

/// `0`, `42`, `-7`: no sign but `-`, no leading zero, at most 18 digits.
fn is_small_int(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty()
        && digits.len() <= 18
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
}

/// The rest of a line after a closing quote may only be a comment.
fn after_quote(rest: &str) -> Option<()> {
    let rest = rest.trim_start_matches(' ');
    (rest.is_empty() || (rest.starts_with('#') && rest.len() < 1000)).then_some(())
}

fn double_quoted(s: &str) -> Option<Value> {
    let body = &s[1..];
    let end = body.find('"')?;
    let text = &body[..end];
    if text.contains('\\') {
        return None;
    }
    after_quote(&body[end + 1..])?;
    Some(Value::String(text.to_owned()))
}

fn single_quoted(s: &str) -> Option<Value> {
    let body = &s[1..];
    let mut out = String::new();
    let mut rest = body;
    loop {
        let q = rest.find('\'')?;
        out.push_str(&rest[..q]);
        if rest[q + 1..].starts_with('\'') {
            out.push('\'');
            rest = &rest[q + 2..];
        } else {
            after_quote(&rest[q + 1..])?;
            return Some(Value::String(out));
        }
    }
}

/// `[a, b, 3]` with plain items only.
fn flow_sequence(s: &str) -> Option<Value> {
    let inner = s.strip_prefix('[')?.strip_suffix(']')?;
    if inner.contains(['[', ']', '{', '}', '"', '\'', '#']) {
        return None;
    }
    if inner.trim().is_empty() {
        return Some(Value::Array(Vec::new()));
    }
    inner
        .split(',')
        .map(|item| {
            let item = item.trim_matches(' ');
            if item.is_empty() || item.contains(':') {
                return None;
            }
            plain_scalar(item)
        })
        .collect::<Option<Vec<_>>>()
        .map(Value::Array)
}

/// `|`, `|-` or `|+`: the lines below, more indented than the key, kept as written.
fn block_literal(lines: &[&str], i: &mut usize, key_indent: usize, header: &str) -> Option<Value> {
    let chomp = match header {
        "|" => Chomp::Clip,
        "|-" => Chomp::Strip,
        "|+" => Chomp::Keep,
        _ => return None,
    };
    let Some(first) = lines.get(*i) else {
        return Some(Value::String(String::new()));
    };
    let indent = indent_of(first);
    if first.trim_start_matches(' ').is_empty() || indent <= key_indent {
        // Leading blank lines and empty blocks have rules of their own.
        if indent <= key_indent && !first.trim_start_matches(' ').is_empty() {
            return Some(Value::String(String::new()));
        }
        return None;
    }
    let mut out = String::new();
    let mut trailing_blank = 0usize;
    while let Some(line) = lines.get(*i) {
        let blank = line.trim_start_matches(' ').is_empty();
        if blank {
            if line.len() > indent {
                return None;
            }
            trailing_blank += 1;
            *i += 1;
            continue;
        }
        if indent_of(line) < indent {
            break;
        }
        for _ in 0..trailing_blank {
            out.push('\n');
        }
        trailing_blank = 0;
        out.push_str(&line[indent..]);
        out.push('\n');
        *i += 1;
    }
    // The text's own last line break is not a blank line of the block.
    let at_end = *i >= lines.len();
    if at_end && trailing_blank > 0 {
        trailing_blank -= 1;
    }
    match chomp {
        Chomp::Clip => {}
        Chomp::Strip => {
            out.pop();
        }
        Chomp::Keep if trailing_blank == 0 => {}
        Chomp::Keep => return None,
    }
    Some(Value::String(out))
}

enum Chomp {
    Clip,
    Strip,
    Keep,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The full parser's answer, through the same visitor the parser uses.
    fn full(text: &str) -> Option<Value> {
        match super::super::decode::decode_full_yaml(text).ok()? {
            Value::Null => Some(Value::Object(Map::new())),
            v => Some(v),
        }
    }

    fn agrees(text: &str) {
        let fast = decode(text);
        if let Some(fast) = &fast {
            assert_eq!(
                Some(Value::Object(fast.clone())),
                full(text),
                "fast path differs on:\n{text}"
            );
        }
    }

    fn takes(text: &str) {
        assert!(decode(text).is_some(), "fast path declined:\n{text}");
        agrees(text);
    }

    fn declines(text: &str) {
        assert!(decode(text).is_none(), "fast path took:\n{text}");
    }

    #[test]
    fn the_seed_front_matter_takes_the_fast_path_and_agrees() {
        let seed = include_str!("../../data/prosesser/utvikling-drift.md");
        let fm = seed.split("---\n").nth(1).unwrap();
        takes(fm);
    }

    #[test]
    fn common_shapes_agree() {
        for text in [
            "",
            "# only a comment\n",
            "title: X\n",
            "title: X\nweight: 2\n",
            "a: 1\na: 2\n",
            "title: Hei på deg, æøå!\n",
            "title: 'it''s'\n",
            "title: \"quoted # not a comment\"\n",
            "title: plain # a comment\n",
            "nested:\n  a: 1\n  b:\n    c: x\nafter: y\n",
            "list:\n- a\n- b\n",
            "list:\n  - a\n  - 'b'\n  - 3\n",
            "tags: [a, b, 3]\ntags2: []\n",
            "text: |\n  <p> - A</p>\n  <p> - B<p>\n",
            "text: |-\n  one\n\n  two\nnext: 1\n",
            "text: |+\n  one\nnext: 1\n",
            "empty:\nnext: 1\n",
            "t: true\nf: False\nn: null\nz: ~\ni: -7\nzero: 0\n",
            "url: http://example.com/a?b=c\n",
            "key with spaces: v\n",
            "a-b.c_d: v\n",
        ] {
            agrees(text);
        }
        takes("title: X\nweight: 2\n");
        takes("text: |\n  <p> - A</p>\n  <p> - B<p>\n");
    }

    #[test]
    fn deep_nesting_goes_to_the_full_parser_and_its_guard() {
        let mut text = String::new();
        for i in 0..150 {
            text.push_str(&" ".repeat(i));
            text.push_str("a:\n");
        }
        declines(&text);
    }

    #[test]
    fn anything_else_goes_to_the_full_parser() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: !tag x\n",
            "a: {b: 1}\n",
            "a: >\n  folded\n",
            "a: multi\n  line plain\n",
            "a: 1.5\n",
            "a: 0x10\n",
            "a: 007\n",
            "a: +1\n",
            "a: \"esc\\n\"\n",
            "a:\tb\n",
            "a: b\r\n",
            "a: b\u{85}c\n",
            "a: \u{feff}b\n",
            "- a\n",
            "1: one\n",
            "true: yes\n",
            "'quoted key': v\n",
            "a: b: c\n",
            "a: 'unclosed\n",
            "---\n",
        ] {
            declines(text);
        }
    }
}
