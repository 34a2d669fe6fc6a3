//! The full YAML reader: any YAML, read as Hugo 0.111 reads front matter.
//!
//! Hugo decodes YAML with Go's `gopkg.in/yaml.v2`: a port of libyaml for the
//! syntax, then its own YAML 1.1 rules for what the nodes mean. This does the
//! same in two steps: libyaml ([`super::libyaml`]) turns the text into events,
//! which are composed into a tree, and the tree is decoded with yaml.v2's rules. The rules need each scalar's style (`yes` is
//! a boolean, `"yes"` is text, `<<` merges, `"<<"` is a key), which is why the
//! events are read here and not through serde, which loses the style.
//!
//! yaml.v2's rules kept here, each checked against a real hugo 0.111:
//! * plain scalars resolve by YAML 1.1 ([`super::yaml11`]); quoted and block
//!   scalars are text; a scalar with a custom tag (`!x 12`) is text; a
//!   standard tag (`!!int "0x10"`) resolves the text whatever its style, and a
//!   value that is not of that type is an error;
//! * top-level keys are the key's text as written (`yes:` is `yes`, `~:` is
//!   empty); keys of nested maps are decoded and printed (`yes:` is `true`,
//!   `0x10:` is `16`), as Hugo's `cast.ToString` prints them;
//! * `<<: *a` (plain `<<`, or `!!merge`) merges a map, or a list of maps in
//!   which the earlier ones win, into the map at that point: keys written
//!   before the merge are overwritten by it, keys after it win;
//! * a repeated key: the last one wins;
//! * only the first document is read;
//! * aliases are expanded, and a document that expands far more aliases than
//!   it has nodes is refused as yaml.v2 refuses it ("excessive aliasing").

use super::decode::DecodeError;
use super::libyaml::{self, Event, Mark, Parser, Style};
use super::yaml11::{self, Resolved};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::rc::Rc;

/// The front matter as a value (`Null` for an empty document).
pub fn decode(text: &str) -> Result<Value, DecodeError> {
    let root = compose(text)?;
    let Some(root) = root else {
        return Ok(Value::Null);
    };
    let mut decoder = Decoder::default();
    match &*root {
        // The top level is a Go `map[string]any`: its keys are kept as written.
        Node::Map { .. } => {
            let mut map = Map::new();
            decoder.map_into(&root, &mut map, KeyKind::Written)?;
            Ok(Value::Object(map))
        }
        _ => decoder.value(&root),
    }
}

/// A composed YAML node. Aliases stay nodes of their own, as in yaml.v2, so
/// that expanding them can be counted.
#[derive(Debug)]
enum Node {
    Scalar {
        value: String,
        plain: bool,
        tag: Option<String>,
        at: usize,
    },
    Seq(Vec<Rc<Node>>),
    Map {
        pairs: Vec<(Rc<Node>, Rc<Node>)>,
    },
    Alias(Rc<Node>),
}

/// Aliases of aliases chain nodes as deep as the text has anchors (20,000
/// `a: &a [*b]` lines make a chain 20,000 long): dropping them one inside the
/// next would run out of stack, so the children are dropped from a list.
impl Drop for Node {
    fn drop(&mut self) {
        fn take(node: &mut Node, out: &mut Vec<Rc<Node>>) {
            match node {
                Node::Seq(items) => out.append(items),
                Node::Map { pairs } => {
                    for (k, v) in pairs.drain(..) {
                        out.push(k);
                        out.push(v);
                    }
                }
                // An empty list takes the target's place, so the chain behind
                // the alias is dropped here, not inside this drop.
                Node::Alias(target) => {
                    out.push(std::mem::replace(target, Rc::new(Node::Seq(Vec::new()))))
                }
                Node::Scalar { .. } => {}
            }
        }
        let mut pending = Vec::new();
        take(self, &mut pending);
        while let Some(rc) = pending.pop() {
            // A node still shared elsewhere is only let go of here.
            if let Ok(mut node) = Rc::try_unwrap(rc) {
                take(&mut node, &mut pending);
            }
        }
    }
}

fn error_at(mark: Mark, message: impl Into<String>) -> DecodeError {
    DecodeError {
        offset: mark.index,
        message: format!("failed to unmarshal YAML: yaml: {}", message.into()),
    }
}

fn syntax_error(text: &str, e: &libyaml::Error) -> DecodeError {
    DecodeError {
        offset: e.mark.index.min(text.len()),
        message: format!("failed to unmarshal YAML: yaml: {}", e.problem),
    }
}

/// Collections being built, innermost last.
enum Open {
    Seq(Vec<Rc<Node>>, Option<String>),
    Map(Vec<Rc<Node>>, Option<String>),
}

/// The first document's root node, `None` when there is no document.
fn compose(text: &str) -> Result<Option<Rc<Node>>, DecodeError> {
    let mut parser = Parser::new(text.as_bytes());
    let mut anchors: HashMap<String, Rc<Node>> = HashMap::new();
    let mut open: Vec<Open> = Vec::new();
    loop {
        let (event, mark) = parser.next_event().map_err(|e| syntax_error(text, &e))?;
        let done = match event {
            Event::StreamEnd => return Ok(None),
            Event::StreamStart | Event::DocumentStart | Event::DocumentEnd => continue,
            Event::Alias { anchor } => match anchors.get(&anchor) {
                Some(node) => Rc::new(Node::Alias(node.clone())),
                None => {
                    return Err(error_at(
                        mark,
                        format!("unknown anchor '{anchor}' referenced"),
                    ));
                }
            },
            Event::Scalar {
                anchor,
                tag,
                value,
                style,
            } => {
                let node = Rc::new(Node::Scalar {
                    value,
                    plain: style == Style::Plain,
                    tag: tag.filter(|t| !t.is_empty()),
                    at: mark.index,
                });
                if let Some(anchor) = anchor {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::SequenceStart { anchor } => {
                open.push(Open::Seq(Vec::new(), anchor));
                continue;
            }
            Event::MappingStart { anchor } => {
                open.push(Open::Map(Vec::new(), anchor));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match open.pop() {
                    Some(Open::Seq(items, anchor)) => (Node::Seq(items), anchor),
                    Some(Open::Map(flat, anchor)) => {
                        let mut flat = flat.into_iter();
                        let mut pairs = Vec::with_capacity(flat.len() / 2);
                        while let (Some(k), Some(v)) = (flat.next(), flat.next()) {
                            pairs.push((k, v));
                        }
                        (Node::Map { pairs }, anchor)
                    }
                    None => continue,
                };
                let node = Rc::new(node);
                if let Some(anchor) = anchor {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
        };
        match open.last_mut() {
            Some(Open::Seq(items, _) | Open::Map(items, _)) => items.push(done),
            // yaml.v2 reads the first document only.
            None => return Ok(Some(done)),
        }
    }
}

/// How a map's keys become text.
#[derive(Clone, Copy, PartialEq)]
enum KeyKind {
    /// Hugo's top-level `map[string]any`: the key's text as written.
    Written,
    /// A nested map: the key's value, printed.
    Decoded,
}

/// yaml.v2 refuses a document once aliases are most of what it decodes.
fn allowed_alias_ratio(decoded: u64) -> f64 {
    const LOW: u64 = 400_000;
    const HIGH: u64 = 4_000_000;
    match decoded {
        ..=LOW => 0.99,
        HIGH.. => 0.10,
        n => 0.99 - 0.89 * ((n - LOW) as f64 / (HIGH - LOW) as f64),
    }
}

#[derive(Default)]
struct Decoder {
    decoded: u64,
    aliased: u64,
    alias_depth: u32,
    /// Lists and maps open around the node being decoded.
    depth: usize,
}

impl Decoder {
    /// yaml.v2's bookkeeping for every node decoded.
    fn count(&mut self, node: &Node) -> Result<(), DecodeError> {
        self.decoded += 1;
        if self.alias_depth > 0 {
            self.aliased += 1;
        }
        if self.aliased > 100
            && self.decoded > 1000
            && self.aliased as f64 / self.decoded as f64 > allowed_alias_ratio(self.decoded)
        {
            return Err(DecodeError {
                offset: node_offset(node),
                message: "failed to unmarshal YAML: yaml: document contains excessive aliasing"
                    .into(),
            });
        }
        Ok(())
    }

    /// One level deeper. The text's nesting is checked before parsing
    /// (`decode::too_deep`), but aliases of aliases nest without nesting in
    /// the text (`b: &b [*a]`, `c: &c [*b]`, ...), and the decoder recurses:
    /// the same limit holds for the nesting they build.
    fn enter(&mut self, node: &Node) -> Result<(), DecodeError> {
        self.depth += 1;
        let max = super::limits::MAX_FRONT_MATTER_DEPTH;
        if self.depth > max {
            return Err(DecodeError {
                offset: node_offset(node),
                message: format!(
                    "front matter is nested more than {max} levels deep through its aliases, more than the limit of {max}"
                ),
            });
        }
        Ok(())
    }

    fn value(&mut self, node: &Node) -> Result<Value, DecodeError> {
        self.count(node)?;
        match node {
            Node::Alias(target) => {
                self.alias_depth += 1;
                let v = self.value(target);
                self.alias_depth -= 1;
                v
            }
            Node::Scalar {
                value,
                plain,
                tag,
                at,
            } => scalar(value, *plain, tag.as_deref(), *at),
            Node::Seq(items) => {
                self.enter(node)?;
                let items = items
                    .iter()
                    .map(|item| self.value(item))
                    .collect::<Result<_, _>>()
                    .map(Value::Array);
                self.depth -= 1;
                items
            }
            Node::Map { .. } => {
                self.enter(node)?;
                let mut map = Map::new();
                let done = self.map_into(node, &mut map, KeyKind::Decoded);
                self.depth -= 1;
                done.map(|()| Value::Object(map))
            }
        }
    }

    /// The pairs of a map node into `out`.
    fn map_into(
        &mut self,
        node: &Node,
        out: &mut Map<String, Value>,
        keys: KeyKind,
    ) -> Result<(), DecodeError> {
        let Node::Map { pairs } = node else {
            unreachable!("map_into is only called with maps")
        };
        for (key, value) in pairs {
            if is_merge(key) {
                self.merge(value, out, keys)?;
                continue;
            }
            let key = self.key(key, keys)?;
            let value = self.value(value)?;
            out.insert(key, value);
        }
        Ok(())
    }

    fn key(&mut self, node: &Node, keys: KeyKind) -> Result<String, DecodeError> {
        match keys {
            KeyKind::Written => {
                self.count(node)?;
                match node {
                    Node::Alias(target) => {
                        self.alias_depth += 1;
                        let k = self.key(target, keys);
                        self.alias_depth -= 1;
                        k
                    }
                    Node::Scalar {
                        value,
                        plain,
                        tag,
                        at,
                    } => match scalar(value, *plain, tag.as_deref(), *at)? {
                        Value::Null => Ok(String::new()),
                        _ => Ok(value.clone()),
                    },
                    Node::Seq(_) | Node::Map { .. } => Err(DecodeError {
                        offset: node_offset(node),
                        message: format!(
                            "failed to unmarshal YAML: yaml: unmarshal errors: cannot unmarshal !!{} into string",
                            if matches!(node, Node::Seq(_)) {
                                "seq"
                            } else {
                                "map"
                            }
                        ),
                    }),
                }
            }
            KeyKind::Decoded => match self.value(node)? {
                v @ (Value::Array(_) | Value::Object(_)) => Err(DecodeError {
                    offset: node_offset(node),
                    message: format!("failed to unmarshal YAML: yaml: invalid map key: {v}"),
                }),
                v => Ok(yaml11::key_text(&v)),
            },
        }
    }

    /// `<<: map`, `<<: *alias` or `<<: [*a, *b]` (earlier maps win).
    fn merge(
        &mut self,
        node: &Node,
        out: &mut Map<String, Value>,
        keys: KeyKind,
    ) -> Result<(), DecodeError> {
        let want_map = || {
            DecodeError {
            offset: node_offset(node),
            message:
                "failed to unmarshal YAML: yaml: map merge requires map or sequence of maps as the value"
                    .into(),
        }
        };
        match node {
            Node::Seq(items) => {
                for item in items.iter().rev() {
                    self.merge_one(item, out, keys).ok_or_else(want_map)??;
                }
                Ok(())
            }
            _ => self.merge_one(node, out, keys).ok_or_else(want_map)?,
        }
    }

    /// One map (or alias of a map) merged; `None` when it is not a map.
    fn merge_one(
        &mut self,
        node: &Node,
        out: &mut Map<String, Value>,
        keys: KeyKind,
    ) -> Option<Result<(), DecodeError>> {
        let map = match node {
            Node::Map { .. } => node,
            Node::Alias(target) if matches!(**target, Node::Map { .. }) => target,
            _ => return None,
        };
        let aliased = !std::ptr::eq(map, node);
        Some((|| {
            self.count(node)?;
            if aliased {
                self.alias_depth += 1;
                self.count(map)?;
            }
            let r = self.map_into(map, out, keys);
            if aliased {
                self.alias_depth -= 1;
            }
            r
        })())
    }
}

fn node_offset(node: &Node) -> usize {
    match node {
        Node::Scalar { at, .. } => *at,
        Node::Alias(target) => node_offset(target),
        Node::Seq(items) => items.first().map_or(0, |n| node_offset(n)),
        Node::Map { pairs } => pairs.first().map_or(0, |(k, _)| node_offset(k)),
    }
}

const MERGE_TAG: &str = "tag:yaml.org,2002:merge";
const STR_TAG: &str = "tag:yaml.org,2002:str";
const BOOL_TAG: &str = "tag:yaml.org,2002:bool";
const INT_TAG: &str = "tag:yaml.org,2002:int";
const FLOAT_TAG: &str = "tag:yaml.org,2002:float";
const TIMESTAMP_TAG: &str = "tag:yaml.org,2002:timestamp";
const BINARY_TAG: &str = "tag:yaml.org,2002:binary";

/// yaml.v2's `isMerge`: a plain `<<`, or `<<` tagged `!!merge`.
fn is_merge(node: &Node) -> bool {
    match node {
        Node::Scalar {
            value, plain, tag, ..
        } => value == "<<" && ((*plain && tag.is_none()) || tag.as_deref() == Some(MERGE_TAG)),
        _ => false,
    }
}

/// A scalar's value by its style and tag, as yaml.v2 decodes it into `any`.
fn scalar(value: &str, plain: bool, tag: Option<&str>, at: usize) -> Result<Value, DecodeError> {
    let Some(tag) = tag else {
        return Ok(if plain {
            yaml11::plain_value(value)
        } else {
            Value::String(value.to_owned())
        });
    };
    let resolved = yaml11::resolve(value);
    let fits = match tag {
        STR_TAG => return Ok(Value::String(value.to_owned())),
        BINARY_TAG => {
            return base64(value).map(Value::String).ok_or_else(|| DecodeError {
                offset: at,
                message:
                    "failed to unmarshal YAML: yaml: !!binary value contains invalid base64 data"
                        .into(),
            });
        }
        BOOL_TAG => matches!(resolved, Resolved::Bool(_)),
        INT_TAG => matches!(resolved, Resolved::Int(_) | Resolved::Uint(_)),
        FLOAT_TAG => {
            // An integer asked to be a float becomes one.
            return match resolved {
                Resolved::Float(f) => Ok(yaml11::float(f)),
                Resolved::Int(i) => Ok(yaml11::float(i as f64)),
                Resolved::Uint(u) => Ok(yaml11::float(u as f64)),
                other => Err(cannot_decode(value, &other, "float", at)),
            };
        }
        // yaml.v2 hands timestamps to an untyped target as their text.
        TIMESTAMP_TAG => return Ok(Value::String(value.to_owned())),
        // Any other tag (`!x`, `!!null`, `!!map` on a scalar) keeps the text.
        _ => return Ok(Value::String(value.to_owned())),
    };
    if fits {
        Ok(yaml11::to_json(value, resolved))
    } else {
        let short = tag.rsplit(':').next().unwrap_or(tag);
        Err(cannot_decode(value, &resolved, short, at))
    }
}

fn cannot_decode(value: &str, resolved: &Resolved, tag: &str, at: usize) -> DecodeError {
    let found = match resolved {
        Resolved::Null => "null",
        Resolved::Bool(_) => "bool",
        Resolved::Int(_) | Resolved::Uint(_) => "int",
        Resolved::Float(_) => "float",
        Resolved::Merge => "merge",
        Resolved::Str => "str",
    };
    DecodeError {
        offset: at,
        message: format!(
            "failed to unmarshal YAML: yaml: cannot decode !!{found} `{}` as a !!{tag}",
            super::shortcode::shown(value)
        ),
    }
}

/// Go's `base64.StdEncoding.DecodeString`, which skips line breaks; the bytes
/// become text as Go's `string(bytes)` does (invalid UTF-8 replaced here).
fn base64(s: &str) -> Option<String> {
    let mut bits = 0u32;
    let mut n = 0u32;
    let mut out = Vec::new();
    let mut padding = 0;
    let mut count = 0usize;
    for c in s.bytes().filter(|c| !matches!(c, b'\r' | b'\n')) {
        count += 1;
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                padding += 1;
                continue;
            }
            _ => return None,
        };
        if padding > 0 {
            return None;
        }
        bits = bits << 6 | u32::from(v);
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    (count.is_multiple_of(4) && padding <= 2).then(|| String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn yaml(text: &str) -> Value {
        decode(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    #[test]
    fn quoted_block_and_tagged_scalars_as_hugo_reads_them() {
        assert_eq!(
            yaml(
                "q1: \"yes\"\nq2: 'on'\nq3: !!str yes\nq4: |\n  yes\nq5: >-\n  no\n\
                 s1: [yes, no, on, 0x10, 1_000, ~, 08]\ns2:\n  - Y\n  - off\n\
                 t1: !!int \"0x10\"\nt2: !!bool \"yes\"\nt3: !!float \"1\"\nt4: !custom yes\n\
                 t5: !custom 12\nt6: !custom [yes, 1]\nt7: !custom {a: yes}\n"
            ),
            json!({
                "q1": "yes", "q2": "on", "q3": "yes", "q4": "yes\n", "q5": "no",
                "s1": [true, false, true, 16, 1000, null, 8.0], "s2": [true, false],
                "t1": 16, "t2": true, "t3": 1.0, "t4": "yes", "t5": "12",
                "t6": [true, 1], "t7": {"a": true}
            })
        );
    }

    #[test]
    fn top_level_keys_are_written_nested_keys_are_decoded() {
        assert_eq!(
            yaml(
                "yes: a\nOn: b\n0x10: c\n1e3: d\n~: e\nn: f\n\
                 nested: {yes: a, 0x10: b, 1e3: c, ~: d, 1.5: e, 08: f, 2_000: g, .5: h, \
                 null: i, off: j, 9223372036854775808: k, 2001-12-14: l, y: m}\n"
            ),
            json!({
                "yes": "a", "On": "b", "0x10": "c", "1e3": "d", "": "e", "n": "f",
                "nested": {"true": "m", "16": "b", "1000": "c", "": "i", "1.5": "e",
                           "8": "f", "2000": "g", "0.5": "h", "false": "j",
                           "9223372036854775808": "k", "2001-12-14": "l"}
            })
        );
    }

    #[test]
    fn merge_keys_as_yaml_v2_merges_them() {
        let v = yaml(
            "base: &b {x: 1, k: 2}\nother: &o {k: 20, z: 30}\n\
             m1:\n  <<: *b\n  k: 3\nm2:\n  k: 3\n  <<: *b\nm3:\n  <<: [*b, *o]\n\
             m4:\n  \"<<\": *b\nm5:\n  <<: {p: 1}\nm6:\n  !!merge <<: *b\n\
             seq:\n  - <<: *b\n    w: 1\n",
        );
        assert_eq!(v["m1"], json!({"x": 1, "k": 3}));
        // A merge after a key overwrites it: yaml.v2 merges in order.
        assert_eq!(v["m2"], json!({"k": 2, "x": 1}));
        assert_eq!(v["m3"], json!({"k": 2, "z": 30, "x": 1}));
        assert_eq!(v["m4"], json!({"<<": {"x": 1, "k": 2}}));
        assert_eq!(v["m5"], json!({"p": 1}));
        assert_eq!(v["m6"], json!({"x": 1, "k": 2}));
        assert_eq!(v["seq"], json!([{"x": 1, "k": 2, "w": 1}]));
        assert!(decode("a: &a 1\nb:\n  <<: *a\n").is_err());
    }

    #[test]
    fn aliases_keep_the_anchored_scalar_style() {
        assert_eq!(
            yaml("a: &s yes\nb: *s\nc: &q \"yes\"\nd: *q\n"),
            json!({"a": true, "b": true, "c": "yes", "d": "yes"})
        );
        assert!(decode("a: *nothing\n").is_err());
    }

    #[test]
    fn a_tag_that_does_not_fit_is_an_error() {
        let e = decode("a: !!int abc\n").unwrap_err();
        assert!(
            e.message.contains("cannot decode !!str `abc` as a !!int"),
            "{e:?}"
        );
        assert_eq!(e.offset, 3);
        assert_eq!(yaml("a: !!binary aGVq\n"), json!({"a": "hej"}));
    }

    #[test]
    fn only_the_first_document_is_read() {
        assert_eq!(yaml("a: 1\n...\nnot: [valid\n"), json!({"a": 1}));
    }

    #[test]
    fn line_separators_break_plain_scalars_but_not_quoted_ones() {
        assert!(decode("title: A\u{2028}B\n").is_err());
        assert!(decode("title: A\u{2029}B\n").is_err());
        assert!(decode("title: A\u{85}B\n").is_err());
        assert_eq!(
            yaml("title: \"A\u{2028}B\"\n"),
            json!({"title": "A\u{2028}B"})
        );
        assert_eq!(yaml("title: AB\u{2028}\n"), json!({"title": "AB"}));
    }

    /// Aliases of aliases build nesting the text does not show; the decoder
    /// refuses it past the depth limit instead of running out of stack.
    #[test]
    fn nesting_built_by_aliases_is_limited() {
        for (open, close) in [("[", "]"), ("{k: ", "}")] {
            let mut t = format!("a0: &a0 {open}1{close}\n");
            for i in 1..20_000 {
                t.push_str(&format!("a{i}: &a{i} {open}*a{}{close}\n", i - 1));
            }
            let e = decode(&t).unwrap_err();
            assert!(
                e.message.contains("aliasing") || e.message.contains("limit of 100"),
                "{e:?}"
            );
        }
        let mut t = String::from("x:\n  a0: &a0 [1]\n");
        for i in 1..150 {
            t.push_str(&format!("  a{i}: &a{i} [*a{}]\n", i - 1));
        }
        let e = decode(&t).unwrap_err();
        assert!(e.message.contains("limit of 100"), "{e:?}");
    }

    /// Inputs that made libyaml-safer 0.3 panic when it was tried as the
    /// full reader (found by fuzz/fuzz_targets/yaml_fast_path.rs).
    #[test]
    fn what_broke_another_libyaml_port_is_read() {
        assert_eq!(
            yaml("title: Nav\nnavigation_link:\n  text: |\n    <p"),
            json!({"title": "Nav", "navigation_link": {"text": "<p"}})
        );
        assert_eq!(yaml("a: [!x , z]\n"), json!({"a": ["", "z"]}));
        assert!(decode("a: [!x, z]\n").is_ok());
    }

    #[test]
    fn syntax_errors_have_offsets() {
        let e = decode("a: 1\nb: [\n").unwrap_err();
        assert!(e.message.starts_with("failed to unmarshal YAML: yaml: "));
        assert!(e.offset >= 5, "{e:?}");
    }
}
