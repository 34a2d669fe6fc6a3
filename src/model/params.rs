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
/// every param, one table of 4-byte offsets into it), and a card's params
/// are its window on that table. A document costs three allocations for the
/// params of all its cards.
#[derive(Clone, Default)]
pub struct Params {
    store: Option<Arc<Store>>,
    /// The card's entries: `store.starts[first..first + len]`.
    first: u32,
    len: u32,
}

/// The params of every card of one document: see [`Params`].
struct Store {
    /// Param after param, with nothing between them. A field with a text
    /// value (nearly every param of a card) is only its value; any other
    /// param is a [`Head`] byte, its key unless it is a field (the key's
    /// length in decimal and `:` first), then its value.
    text: Box<str>,
    starts: Box<[Start]>,
}

/// Where a param's text starts in [`Store::text`] (the low 29 bits; it
/// ends where the next one's starts, or with the text), and above that
/// which field it is when it is a field with a text value (its index in
/// [`Field::ALL`]), else [`OTHER`]. The fields a list or a search asks for
/// of every card are found without reading the text.
#[derive(Clone, Copy)]
struct Start(u32);

const CLASS_SHIFT: u32 = 29;
const AT: u32 = (1 << CLASS_SHIFT) - 1;
/// The class of a param whose text starts with a [`Head`]; in a head, a key
/// that is written out.
const OTHER: u8 = 7;
const _: () = assert!(Field::ALL.len() <= OTHER as usize);

impl Start {
    fn new(class: u8, at: usize) -> Start {
        Start(u32::from(class) << CLASS_SHIFT | at as u32)
    }

    fn at(self) -> usize {
        (self.0 & AT) as usize
    }

    fn field(self) -> Option<Field> {
        field_at(usize::from((self.0 >> CLASS_SHIFT) as u8))
    }
}

fn field_at(index: usize) -> Option<Field> {
    Field::ALL.get(index).copied()
}

fn field_index(field: Field) -> u8 {
    Field::ALL.iter().position(|f| *f == field).unwrap_or(0) as u8
}

/// The first byte of a param of class [`OTHER`]: its value's kind (bits 3
/// and 4) and its key (bits 0 to 2): a field's index, or [`OTHER`] for a key
/// written out. Below 0x80, so the text stays UTF-8.
///
/// A number's or a bool's text is kept and read again when asked for: it
/// reads back to the same value, and they are rare in cards.
#[derive(Clone, Copy)]
struct Head(u8);

const TEXT: u8 = 0;
const INT: u8 = 1;
const FLOAT: u8 = 2;
const BOOL: u8 = 3;

impl Head {
    fn field(self) -> Option<Field> {
        field_at(usize::from(self.0 & 7))
    }

    fn kind(self) -> u8 {
        self.0 >> 3
    }
}

/// The param whose text starts at `start` and ends at `end`: its key and
/// its value.
fn read(text: &str, start: Start, end: usize) -> (&str, ValueRef<'_>) {
    let at = start.at();
    if let Some(field) = start.field() {
        return (field.key(), ValueRef::String(&text[at..end]));
    }
    let head = Head(text.as_bytes()[at]);
    let (key, value_start) = match head.field() {
        Some(field) => (field.key(), at + 1),
        None => {
            let written = &text[at + 1..end];
            let colon = written.find(':').unwrap_or(0);
            let len: usize = written[..colon].parse().unwrap_or(0);
            let key_start = at + 1 + colon + 1;
            (&text[key_start..key_start + len], key_start + len)
        }
    };
    (key, value(head.kind(), &text[value_start..end]))
}

/// The field a param is, if any, reading its head only when it has one.
fn field_of(text: &str, start: Start) -> Option<Field> {
    match start.field() {
        Some(field) => Some(field),
        None => Head(text.as_bytes()[start.at()]).field(),
    }
}

fn value(kind: u8, written: &str) -> ValueRef<'_> {
    match kind {
        INT => ValueRef::Int(written.parse().unwrap_or_default()),
        FLOAT => ValueRef::Float(written.parse().unwrap_or_default()),
        BOOL => ValueRef::Bool(written == "true"),
        _ => ValueRef::String(written),
    }
}

/// Builds the shared [`Store`] of one document's cards, card by card.
///
/// The text of one document's params is about its file's size (at most 64
/// MiB), far below the 512 MiB a [`Start`] can say.
#[derive(Default)]
pub struct ParamsBuilder {
    text: String,
    starts: Vec<Start>,
    /// Where each card's entries are, in the order added.
    cards: Vec<(u32, u32)>,
}

impl ParamsBuilder {
    /// Room for `bytes` of text and `params` params in all.
    pub fn with_capacity(bytes: usize, params: usize) -> Self {
        ParamsBuilder {
            text: String::with_capacity(bytes),
            starts: Vec::with_capacity(params),
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
        let first = self.starts.len();
        if has_repeats(pairs.clone().map(|(key, _)| key)) {
            for (key, value) in last_values(pairs) {
                self.push(key, value);
            }
        } else {
            for (key, value) in pairs {
                self.push(key, value);
            }
        }
        let len = self.starts.len() - first;
        self.cards.push((first as u32, len as u32));
    }

    fn push(&mut self, key: &str, value: ValueRef<'_>) {
        use std::fmt::Write;
        let at = self.text.len();
        let field = Field::from_key(key);
        if let (Some(field), ValueRef::String(text)) = (field, value) {
            self.starts.push(Start::new(field_index(field), at));
            self.text.push_str(text);
            return;
        }
        self.starts.push(Start::new(OTHER, at));
        let kind = match value {
            ValueRef::String(_) => TEXT,
            ValueRef::Int(_) => INT,
            ValueRef::Float(_) => FLOAT,
            ValueRef::Bool(_) => BOOL,
        };
        let key_class = field.map_or(OTHER, field_index);
        self.text.push(char::from(kind << 3 | key_class));
        if field.is_none() {
            let _ = write!(self.text, "{}:{key}", key.len());
        }
        let _ = match value {
            ValueRef::String(s) => self.text.write_str(s),
            ValueRef::Bool(b) => write!(self.text, "{b}"),
            ValueRef::Int(i) => write!(self.text, "{i}"),
            // `{:?}` writes the shortest text that reads back the same.
            ValueRef::Float(f) => write!(self.text, "{f:?}"),
        };
    }

    /// Each card's params, in the order added.
    pub fn finish(self) -> impl Iterator<Item = Params> {
        let store = Arc::new(Store {
            text: self.text.into_boxed_str(),
            starts: self.starts.into_boxed_slice(),
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

    /// Where each of the card's params starts, and where it ends in the
    /// store's text.
    fn spans(&self) -> impl Iterator<Item = (Start, usize)> + '_ {
        let (starts, text_len) = match &self.store {
            Some(store) => (&store.starts[..], store.text.len()),
            None => (&[][..], 0),
        };
        let first = self.first as usize;
        (first..first + self.len as usize).map(move |i| {
            let end = starts.get(i + 1).map_or(text_len, |next| next.at());
            (starts[i], end)
        })
    }

    fn text(&self) -> &str {
        self.store.as_ref().map_or("", |s| &s.text)
    }

    /// Every param in written order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, ValueRef<'_>)> {
        let text = self.text();
        self.spans().map(move |(start, end)| read(text, start, end))
    }

    pub fn get(&self, key: &str) -> Option<ValueRef<'_>> {
        if let Some(field) = Field::from_key(key) {
            return self.field(field);
        }
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// One of the fields: found by its class, no text compared (the search
    /// index and the list ask for these for every card).
    pub fn field(&self, field: Field) -> Option<ValueRef<'_>> {
        let text = self.text();
        self.spans()
            .find(|(start, _)| field_of(text, *start) == Some(field))
            .map(|(start, end)| read(text, start, end).1)
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
        // A field whose value is not text is found all the same.
        assert_eq!(cards[3].field(Field::Title), Some(ValueRef::Bool(false)));
        assert_eq!(cards[3].field(Field::Owner), None);
    }

    #[test]
    fn keys_of_any_shape_read_back() {
        let long = "k".repeat(300);
        let keys = ["12:x", ":", "a:b:", "9", "Title", "æøå-nøkkel", &long, ""];
        let p = Params::new(keys.iter().map(|k| (*k, s(k))));
        let got: Vec<(&str, ValueRef)> = p.iter().collect();
        let want: Vec<(&str, ValueRef)> = keys.iter().map(|k| (*k, ValueRef::String(k))).collect();
        assert_eq!(got, want);
        assert_eq!(p.field(Field::Title), None);
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
