use super::{Field, Value};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::borrow::Cow;
use std::fmt;

/// A card's named params, in the order first written; a repeated key keeps its
/// first place and its last value, as Hugo's last-one-wins does.
///
/// Stored compactly — one buffer holds the text of every key and string value,
/// and each param is a small entry pointing into it — because a catalogue has
/// 100,000 cards, and a `String` per key and per value made the allocator's
/// bookkeeping most of the memory.
#[derive(Clone, PartialEq, Default)]
pub struct Params {
    text: Box<str>,
    entries: Box<[Entry]>,
}

#[derive(Clone, Copy, PartialEq)]
struct Entry {
    key: Key,
    value: Packed,
}

/// The six known keys need no text of their own.
#[derive(Clone, Copy, PartialEq)]
enum Key {
    Known(Field),
    Text(Span),
}

#[derive(Clone, Copy, PartialEq)]
enum Packed {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(Span),
}

#[derive(Clone, Copy, PartialEq)]
struct Span {
    start: u32,
    len: u32,
}

/// A param's value, borrowed from its card: what [`Value`] is, without owning.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueRef<'a> {
    Bool(bool),
    Int(i64),
    Float(f64),
    String(&'a str),
}

impl<'a> ValueRef<'a> {
    /// The value as text, as a template printing it would show it.
    pub fn as_text(self) -> Cow<'a, str> {
        match self {
            ValueRef::String(s) => Cow::Borrowed(s),
            other => Cow::Owned(other.to_string()),
        }
    }

    pub fn as_str(self) -> Option<&'a str> {
        match self {
            ValueRef::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn to_value(self) -> Value {
        match self {
            ValueRef::Bool(b) => Value::Bool(b),
            ValueRef::Int(i) => Value::Int(i),
            ValueRef::Float(f) => Value::Float(f),
            ValueRef::String(s) => Value::String(s.to_owned()),
        }
    }
}

impl<'a> From<&'a Value> for ValueRef<'a> {
    fn from(v: &'a Value) -> Self {
        match v {
            Value::Bool(b) => ValueRef::Bool(*b),
            Value::Int(i) => ValueRef::Int(*i),
            Value::Float(f) => ValueRef::Float(*f),
            Value::String(s) => ValueRef::String(s),
        }
    }
}

impl PartialEq<Value> for ValueRef<'_> {
    fn eq(&self, other: &Value) -> bool {
        *self == ValueRef::from(other)
    }
}

impl fmt::Display for ValueRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueRef::Bool(b) => write!(f, "{b}"),
            ValueRef::Int(i) => write!(f, "{i}"),
            // Go's %v prints 0.5 as 0.5 and 1.0 as 1; Rust's Display agrees.
            ValueRef::Float(x) => write!(f, "{x}"),
            ValueRef::String(s) => f.write_str(s),
        }
    }
}

impl Serialize for ValueRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            ValueRef::Bool(b) => s.serialize_bool(b),
            ValueRef::Int(i) => s.serialize_i64(i),
            ValueRef::Float(f) => s.serialize_f64(f),
            ValueRef::String(v) => s.serialize_str(v),
        }
    }
}

impl Params {
    /// Params from (key, value) pairs in written order; a repeated key keeps its
    /// first place and takes the later value.
    pub fn new<K: AsRef<str>>(pairs: impl IntoIterator<Item = (K, Value)>) -> Params {
        let pairs: Vec<(K, Value)> = pairs.into_iter().collect();
        Params::from_refs(pairs.iter().map(|(k, v)| (k.as_ref(), ValueRef::from(v))))
    }

    /// As [`Params::new`], from borrowed text (the parser's, straight from the
    /// file): the text is copied once, into the one buffer.
    pub fn from_refs<'a, I>(pairs: I) -> Params
    where
        I: IntoIterator<Item = (&'a str, ValueRef<'a>)>,
        I::IntoIter: Clone,
    {
        let pairs = pairs.into_iter();
        let size: usize = pairs
            .clone()
            .map(|(k, v)| k.len() + v.as_str().map_or(0, str::len))
            .sum();
        let mut text = String::with_capacity(size);
        let mut entries: Vec<Entry> = Vec::with_capacity(pairs.size_hint().0);
        // Where each key is, once there are enough keys for a scan to cost
        // more than hashing: a call with 200,000 params must stay linear.
        let mut index: Option<std::collections::HashMap<String, usize>> = None;
        let push_text = |text: &mut String, s: &str| {
            let span = Span {
                start: text.len() as u32,
                len: s.len() as u32,
            };
            text.push_str(s);
            span
        };
        for (key, value) in pairs {
            let value = match value {
                ValueRef::Bool(b) => Packed::Bool(b),
                ValueRef::Int(i) => Packed::Int(i),
                ValueRef::Float(f) => Packed::Float(f),
                ValueRef::String(s) => Packed::Text(push_text(&mut text, s)),
            };
            if index.is_none() && entries.len() >= 16 {
                let keys = entries.iter().enumerate();
                index = Some(
                    keys.map(|(i, e)| (key_text(&text, e.key).to_owned(), i))
                        .collect(),
                );
            }
            let existing = match &index {
                Some(index) => index.get(key).copied(),
                None => entries.iter().position(|e| key_text(&text, e.key) == key),
            };
            match existing {
                Some(i) => entries[i].value = value,
                None => {
                    if let Some(index) = &mut index {
                        index.insert(key.to_owned(), entries.len());
                    }
                    let key = match Field::from_key(key) {
                        Some(field) => Key::Known(field),
                        None => Key::Text(push_text(&mut text, key)),
                    };
                    entries.push(Entry { key, value });
                }
            }
        }
        Params {
            text: text.into_boxed_str(),
            entries: entries.into_boxed_slice(),
        }
    }

    /// Every param in written order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, ValueRef<'_>)> {
        self.entries
            .iter()
            .map(|e| (key_text(&self.text, e.key), self.value(e.value)))
    }

    pub fn get(&self, key: &str) -> Option<ValueRef<'_>> {
        if let Some(field) = Field::from_key(key) {
            return self.field(field);
        }
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// One of the six known params: found by its tag, no text compared (the
    /// search index and the list ask for these for every card).
    pub fn field(&self, field: Field) -> Option<ValueRef<'_>> {
        self.entries
            .iter()
            .find(|e| e.key == Key::Known(field))
            .map(|e| self.value(e.value))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The params without the ones `drop` says to leave out.
    pub fn without(&self, drop: impl Fn(&str) -> bool) -> Params {
        Params::new(
            self.iter()
                .filter(|(k, _)| !drop(k))
                .map(|(k, v)| (k, v.to_value())),
        )
    }

    fn value(&self, packed: Packed) -> ValueRef<'_> {
        match packed {
            Packed::Bool(b) => ValueRef::Bool(b),
            Packed::Int(i) => ValueRef::Int(i),
            Packed::Float(f) => ValueRef::Float(f),
            Packed::Text(span) => ValueRef::String(span_text(&self.text, span)),
        }
    }
}

fn span_text(text: &str, span: Span) -> &str {
    &text[span.start as usize..(span.start + span.len) as usize]
}

fn key_text(text: &str, key: Key) -> &str {
    match key {
        Key::Known(field) => field.key(),
        Key::Text(span) => span_text(text, span),
    }
}

impl<K: AsRef<str>> FromIterator<(K, Value)> for Params {
    fn from_iter<I: IntoIterator<Item = (K, Value)>>(iter: I) -> Self {
        Params::new(iter)
    }
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A map from key to value, in written order.
impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            map.serialize_entry(k, &v)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> Value {
        Value::String(v.into())
    }

    #[test]
    fn keeps_written_order_types_and_last_repeat() {
        let p = Params::new([
            ("title", s("Release")),
            ("weight", Value::Int(3)),
            ("title", s("Ny")),
            ("Æøå", Value::Bool(true)),
            ("x", Value::Float(0.5)),
        ]);
        let got: Vec<(&str, ValueRef)> = p.iter().collect();
        assert_eq!(
            got,
            [
                ("title", ValueRef::String("Ny")),
                ("weight", ValueRef::Int(3)),
                ("Æøå", ValueRef::Bool(true)),
                ("x", ValueRef::Float(0.5)),
            ]
        );
        assert_eq!(p.get("weight"), Some(ValueRef::Int(3)));
        assert_eq!(p.get("none"), None);
        assert_eq!(p.len(), 4);
    }

    #[test]
    fn empty_and_absent_differ() {
        let p = Params::new([("owner", s(""))]);
        assert_eq!(p.get("owner"), Some(ValueRef::String("")));
        assert_eq!(p.get("leader"), None);
    }

    #[test]
    fn serializes_as_a_map_in_order() {
        let p = Params::new([("b", Value::Int(1)), ("a", s("x"))]);
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"b":1,"a":"x"}"#);
    }
}
