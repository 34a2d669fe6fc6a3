//! A fast path for the YAML that handbook pages are written in.
//!
//! Front matter is most of the parse time with the full YAML parser, yet real
//! pages use a small part of YAML: `key: value` maps nested by indentation,
//! plain and single-line quoted strings, `|` blocks, and lists of scalars.
//! This reads exactly that part and answers `None` for anything else
//! (anchors, tags, flow maps, `>` blocks, multi-line plain scalars, keys that
//! are not plain text, tabs, CRs, line separators, ...), so the full parser
//! decides those.
//!
//! Where it answers, it must give what the full parser would. Two rules keep
//! it so: what a plain scalar means is decided in one place for both readers
//! ([`super::yaml11`], YAML 1.1 as Hugo reads it), and any character that
//! libyaml treats specially is declined up front ([`has_special_chars`]). The
//! tests compare both readers on every sample, the seed page included, and
//! `fuzz/fuzz_targets/yaml_fast_path.rs` compares them on anything at all.

use super::yaml11::{self, Resolved};
use serde_json::{Map, Value};

pub fn decode(text: &str) -> Option<Map<String, Value>> {
    if has_special_chars(text) {
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

/// Whether the text holds a character that libyaml (and so Hugo's yaml.v2)
/// does not read as an ordinary printable character. libyaml's printable set
/// is LF, TAB, CR, U+0020–U+007E, U+0085, U+00A0–U+D7FF and U+E000–U+FFFD
/// but U+FEFF, and U+10000 up; of those it takes CR, U+0085 (NEL), U+2028
/// (LINE SEPARATOR) and U+2029 (PARAGRAPH SEPARATOR) for line breaks and TAB
/// for white space. The lines and blanks here are LF and space only, so
/// everything but LF, U+0020–U+007E and the non-break printables from U+00A0
/// on is left to the full parser: controls and DEL (an error there), TAB, CR,
/// NEL and the C1 controls, the two separators, the BOM and U+FFFE/U+FFFF.
fn has_special_chars(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | 0x20..=0x7E => false,
        0..=0x1F | 0x7F => true,
        // U+0080–U+009F: C1 controls and NEL.
        0xC2 => matches!(bytes.get(i + 1), Some(0x80..=0x9F)),
        // U+2028, U+2029.
        0xE2 => bytes
            .get(i + 1..i + 3)
            .is_some_and(|t| t == [0x80, 0xA8] || t == [0x80, 0xA9]),
        // U+FEFF, U+FFFE, U+FFFF.
        0xEF => bytes
            .get(i + 1..i + 3)
            .is_some_and(|t| t == [0xBB, 0xBF] || t == [0xBF, 0xBE] || t == [0xBF, 0xBF]),
        _ => false,
    })
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
    // A key that resolves to anything but text (`yes`, `y`, `null`) is kept
    // as written at the top level but printed as its value in a nested map
    // (`true`, ``): the full parser knows which is which.
    if !plain_start
        || key.len() > 1000
        || key.ends_with(' ')
        || key.contains(" #")
        || key.contains(": ")
        || yaml11::resolve(key) != Resolved::Str
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
        // Only YAML's blank (space; TAB is declined up front) may follow the
        // header: `str::trim_end` would also take a no-break space, which
        // libyaml rejects there.
        Some('|') => block_literal(
            lines,
            i,
            key_indent,
            strip_comment(rest).trim_end_matches(' '),
        ),
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
    // An indicator cannot start a plain scalar, but for `-` before a digit or
    // a dot (`-7`, `-.5`, `-.inf`), which YAML reads as one.
    let negative_number =
        first == '-' && s[1..].starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) && !negative_number {
        return None;
    }
    if s.contains(": ") || s.ends_with(':') {
        return None;
    }
    // What a plain scalar means is the one thing both readers share.
    Some(yaml11::plain_value(s))
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
    if inner.trim_matches(' ').is_empty() {
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
    // A block cut by the end of a text with no final line break keeps no
    // break of its own in libyaml; front matter from a file always has one,
    // so that shape is left to the full parser.
    if at_end && lines.last().is_some_and(|l| !l.is_empty()) {
        return None;
    }
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

    /// YAML 1.1 as Hugo reads it, in the shapes the fast path takes.
    #[test]
    fn yaml_1_1_scalars_take_the_fast_path_and_agree() {
        for text in [
            "draft: yes\n",
            "a: on\nb: Off\nc: y\nd: N\n",
            "mode: 0755\nbig: 1_000\nhex: 0x1F\nf: 1e3\ng: .5\nh: -.inf\ni: 08\n",
            "list:\n- yes\n- 0o17\n- -7\n",
            "flow: [yes, no, 1_000, .5, -3]\n",
            "when: 2024-01-02\nclock: 12:30\n",
            "nested:\n  flag: on\n",
        ] {
            takes(text);
        }
        assert_eq!(decode("draft: yes\n").unwrap()["draft"], Value::Bool(true));
        // Only YAML's own blanks (space) are trimmed: an ideographic space is text.
        takes("a: [\u{3000}]\n");
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
            "a: \"esc\\n\"\n",
            "a:\tb\n",
            "a: b\r\n",
            "a: b\u{85}c\n",
            "a: \u{feff}b\n",
            "- a\n",
            "1: one\n",
            "true: yes\n",
            "'quoted key': v\n",
            "yes: 1\n",
            "nested:\n  y: 1\n",
            "null: 1\n",
            "a: b\u{2028}c\n",
            "a: b\u{2029}c\n",
            "a: \"b\u{2028}c\"\n",
            "a: b\u{fffe}\n",
            "a: -x\n",
            "a: |\n  x",
            "a: |+\n  x",
            // Found by the fuzz target: a no-break space after the header.
            "t: |\u{a0}\n       <p>\n",
            "a: b: c\n",
            "a: 'unclosed\n",
            "---\n",
        ] {
            declines(text);
        }
    }
}
