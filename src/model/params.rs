use super::{Field, Value};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

/// A card's named params, in the order first written; a repeated key keeps its
/// first place and its last value, as Hugo's last-one-wins does.
///
/// Stored compactly, because a catalogue has 100,000 cards and a `String` per
/// key and value made the allocator's bookkeeping most of the memory: the
/// cards of one document share one [`Store`] (one buffer with the text of
/// every key and value, one table of 8-byte entries pointing into it), and a
/// card's params are its window on that table. A document costs three
/// allocations for the params of all its cards.
#[derive(Clone, Default)]
pub struct Params {
    store: Option<Arc<Store>>,
    /// The card's entries: `store.entries[first..first + len]`.
    first: u32,
    len: u32,
}

/// The params of every card of one document: see [`Params`].
struct Store {
    /// Each param's key (none for the six fields) and then its value, param
    /// after param in the order of `entries`, with nothing between them.
    text: Box<str>,
    entries: Box<[Entry]>,
}

/// One param. Its text starts at `at` in [`Store::text`] and ends where the
/// next entry's starts (or with the text), so only the key's length is kept.
///
/// `key`'s top two bits are the value's kind. A number's or a bool's text is
/// kept and read again when asked for: it reads back to the same value, and
/// they are rare in cards. Below them, [`KNOWN`] marks one of the six fields
/// (its index in [`Field::ALL`] in the bits below, no text); without it, the
/// bits below are the key's length.
#[derive(Clone, Copy)]
struct Entry {
    at: u32,
    key: u32,
}

const _: () = assert!(std::mem::size_of::<Entry>() == 8);

const KIND_SHIFT: u32 = 30;
const KNOWN: u32 = 1 << 29;
const LOW: u32 = KNOWN - 1;
const TEXT: u32 = 0;
const INT: u32 = 1;
const FLOAT: u32 = 2;
const BOOL: u32 = 3;

impl Entry {
    fn known(field: Field) -> u32 {
        KNOWN | Field::ALL.iter().position(|f| *f == field).unwrap_or(0) as u32
    }

    fn is(self, field: Field) -> bool {
        self.key & !(3 << KIND_SHIFT) == Entry::known(field)
    }

    fn key_len(self) -> usize {
        match self.key & KNOWN {
            0 => (self.key & LOW) as usize,
            _ => 0,
        }
    }

    fn key(self, text: &str) -> &str {
        match self.key & KNOWN {
            0 => &text[self.at as usize..self.at as usize + self.key_len()],
            _ => Field::ALL[(self.key & LOW) as usize].key(),
        }
    }

    /// The value, whose text ends at `end`: where the next entry starts.
    fn value(self, text: &str, end: usize) -> ValueRef<'_> {
        let written = &text[self.at as usize + self.key_len()..end];
        match self.key >> KIND_SHIFT {
            INT => ValueRef::Int(written.parse().unwrap_or_default()),
            FLOAT => ValueRef::Float(written.parse().unwrap_or_default()),
            BOOL => ValueRef::Bool(written == "true"),
            _ => ValueRef::String(written),
        }
    }
}

/// Builds the shared [`Store`] of one document's cards, card by card.
///
/// The text of one document's params is at most its file (64 MiB), far
/// below the 512 MiB a key's length and the 4 GiB an offset can say.
#[derive(Default)]
pub struct ParamsBuilder {
    text: String,
    entries: Vec<Entry>,
    /// Where each card's entries are, in the order added.
    cards: Vec<(u32, u32)>,
}

impl ParamsBuilder {
    /// Room for `bytes` of text and `params` params in all.
    pub fn with_capacity(bytes: usize, params: usize) -> Self {
        ParamsBuilder {
            text: String::with_capacity(bytes),
            entries: Vec::with_capacity(params),
            cards: Vec::new(),
        }
    }

    /// Adds one card's params, (key, value) in written order; a repeated key
    /// keeps its first place and takes the later value.
    ///
    /// The pairs are read twice, once for repeats and once to store them,
    /// because a param's text must follow the one before it: a later value
    /// cannot replace an earlier one in place.
    pub fn add<'a, I>(&mut self, pairs: I)
    where
        I: IntoIterator<Item = (&'a str, ValueRef<'a>)>,
        I::IntoIter: Clone,
    {
        let pairs = pairs.into_iter();
        let first = self.entries.len();
        if has_repeats(pairs.clone().map(|(key, _)| key)) {
            for (key, value) in last_values(pairs) {
                self.push(key, value);
            }
        } else {
            for (key, value) in pairs {
                self.push(key, value);
            }
        }
        let len = self.entries.len() - first;
        self.cards.push((first as u32, len as u32));
    }

    fn push(&mut self, key: &str, value: ValueRef<'_>) {
        use std::fmt::Write;
        let at = self.text.len() as u32;
        let key = match Field::from_key(key) {
            Some(field) => Entry::known(field),
            None => {
                self.text.push_str(key);
                key.len() as u32
            }
        };
        let kind = match value {
            ValueRef::String(s) => {
                self.text.push_str(s);
                TEXT
            }
            ValueRef::Bool(b) => {
                let _ = write!(self.text, "{b}");
                BOOL
            }
            ValueRef::Int(i) => {
                let _ = write!(self.text, "{i}");
                INT
            }
            ValueRef::Float(f) => {
                // `{:?}` writes the shortest text that reads back the same.
                let _ = write!(self.text, "{f:?}");
                FLOAT
            }
        };
        self.entries.push(Entry {
            at,
            key: key | (kind << KIND_SHIFT),
        });
    }

    /// Each card's params, in the order added.
    pub fn finish(self) -> impl Iterator<Item = Params> {
        let store = Arc::new(Store {
            text: self.text.into_boxed_str(),
            entries: self.entries.into_boxed_slice(),
        });
        self.cards.into_iter().map(move |(first, len)| Params {
            store: (len > 0).then(|| store.clone()),
            first,
            len,
        })
    }
}

/// Whether a key is there twice. A scan while there are few keys; past
/// that, a set, so that a call with 200,000 params stays linear.
fn has_repeats<'a>(keys: impl Iterator<Item = &'a str> + Clone) -> bool {
    const SCANNED: usize = 16;
    let mut seen: Option<HashSet<&str>> = None;
    for (i, key) in keys.clone().enumerate() {
        match &mut seen {
            Some(seen) => {
                if !seen.insert(key) {
                    return true;
                }
            }
            None => {
                if keys.clone().take(i).any(|earlier| earlier == key) {
                    return true;
                }
                if i + 1 == SCANNED {
                    seen = Some(keys.clone().take(SCANNED).collect());
                }
            }
        }
    }
    false
}

/// Each key once, in the place it was first written, with its last value.
fn last_values<'a>(
    pairs: impl Iterator<Item = (&'a str, ValueRef<'a>)>,
) -> Vec<(&'a str, ValueRef<'a>)> {
    let mut kept: Vec<(&str, ValueRef)> = Vec::new();
    let mut place: HashMap<&str, usize> = HashMap::new();
    for (key, value) in pairs {
        match place.get(key) {
            Some(&i) => kept[i].1 = value,
            None => {
                place.insert(key, kept.len());
                kept.push((key, value));
            }
        }
    }
    kept
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

    /// As [`Params::new`], from borrowed text, with a store of their own (the
    /// parser shares one among a document's cards: [`ParamsBuilder`]).
    pub fn from_refs<'a>(pairs: impl IntoIterator<Item = (&'a str, ValueRef<'a>)>) -> Params {
        let pairs: Vec<(&str, ValueRef)> = pairs.into_iter().collect();
        let mut builder = ParamsBuilder::default();
        builder.add(pairs.iter().copied());
        builder.finish().next().unwrap_or_default()
    }

    /// The card's entries, each with the end of its text.
    fn entries(&self) -> impl Iterator<Item = (Entry, usize)> + '_ {
        let (all, text_len) = match &self.store {
            Some(store) => (&store.entries[..], store.text.len()),
            None => (&[][..], 0),
        };
        let first = self.first as usize;
        let len = self.len as usize;
        (first..first + len).map(move |i| {
            let end = all.get(i + 1).map_or(text_len, |next| next.at as usize);
            (all[i], end)
        })
    }

    fn text(&self) -> &str {
        self.store.as_ref().map_or("", |s| &s.text)
    }

    /// Every param in written order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, ValueRef<'_>)> {
        let text = self.text();
        self.entries()
            .map(move |(e, end)| (e.key(text), e.value(text, end)))
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
        self.entries()
            .find(|(e, _)| e.is(field))
            .map(|(e, end)| e.value(self.text(), end))
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The params without the ones `drop` says to leave out.
    pub fn without(&self, drop: impl Fn(&str) -> bool) -> Params {
        Params::from_refs(self.iter().filter(|(k, _)| !drop(k)))
    }
}

/// Params are equal when they hold the same keys and values in the same
/// order, wherever their text is stored.
impl PartialEq for Params {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
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

    #[test]
    fn numbers_and_bools_read_back_as_they_were_given() {
        let values = [
            Value::Int(i64::MIN),
            Value::Int(-7),
            Value::Float(0.1),
            Value::Float(-0.0),
            Value::Float(1e300),
            Value::Float(f64::INFINITY),
            Value::Bool(false),
            Value::String("0.5".into()),
        ];
        let p = Params::new(
            values
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("k{i}"), v.clone())),
        );
        for (i, v) in values.iter().enumerate() {
            let got = p.get(&format!("k{i}")).unwrap();
            assert_eq!(got, *v, "{v:?}");
            assert_eq!(got.to_string(), v.to_string());
        }
    }

    #[test]
    fn cards_of_one_document_share_a_store_and_keep_their_own_params() {
        let mut builder = ParamsBuilder::default();
        builder.add([("title", ValueRef::String("A")), ("x", ValueRef::Int(1))]);
        builder.add([]);
        builder.add([
            ("title", ValueRef::String("B")),
            ("title", ValueRef::String("C")),
        ]);
        let cards: Vec<Params> = builder.finish().collect();
        assert_eq!(
            cards[0],
            Params::new([("title", s("A")), ("x", Value::Int(1))])
        );
        assert!(cards[1].is_empty());
        assert_eq!(cards[2], Params::new([("title", s("C"))]));
        assert_eq!(cards[2].field(Field::Title), Some(ValueRef::String("C")));
        assert_eq!(cards[0].field(Field::Owner), None);
    }

    #[test]
    fn each_value_ends_where_the_next_param_begins() {
        let mut builder = ParamsBuilder::default();
        builder.add([("x", ValueRef::String("1")), ("y", ValueRef::Int(2))]);
        builder.add([]);
        builder.add([("owner", ValueRef::String("")), ("z", ValueRef::String(""))]);
        builder.add([
            ("title", ValueRef::String("Å")),
            ("x", ValueRef::Float(2.5)),
            ("title", ValueRef::Bool(false)),
        ]);
        let cards: Vec<Params> = builder.finish().collect();
        let pairs = |p: &Params| {
            p.iter()
                .map(|(k, v)| (k.to_owned(), v.to_value()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pairs(&cards[0]),
            [("x".into(), s("1")), ("y".into(), Value::Int(2))]
        );
        assert!(pairs(&cards[1]).is_empty());
        assert_eq!(
            pairs(&cards[2]),
            [("owner".into(), s("")), ("z".into(), s(""))]
        );
        assert_eq!(
            pairs(&cards[3]),
            [
                ("title".into(), Value::Bool(false)),
                ("x".into(), Value::Float(2.5))
            ]
        );
        assert_eq!(cards[2].field(Field::Owner), Some(ValueRef::String("")));
    }

    #[test]
    fn many_repeated_keys_keep_first_places_and_last_values() {
        let pairs: Vec<(String, Value)> = (0..40)
            .chain(0..40)
            .enumerate()
            .map(|(n, k)| (format!("k{k}"), Value::Int(n as i64)))
            .collect();
        let p = Params::new(pairs);
        assert_eq!(p.len(), 40);
        let (first_key, first_value) = p.iter().next().unwrap();
        assert_eq!((first_key, first_value), ("k0", ValueRef::Int(40)));
    }
}
