use super::{Field, Params, Value, ValueRef};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;
use std::sync::Mutex;

/// The shortcode of the shipped page's process cards.
pub const STRATEGY_CARD: &str = "prosesser/strategy-card";

/// The second process card shortcode of the same sites, with the same fields.
pub const CARD: &str = "prosesser/card";

/// One process card call (`{{< prosesser/strategy-card ... >}}`, or another
/// shortcode of the card family): one process.
///
/// A catalogue holds 100,000 of these, so a card is kept to 40 bytes: its
/// name is one pointer, and what few cards have (positional params, inner
/// text) is behind one more.
#[derive(Clone, PartialEq)]
pub struct Card {
    /// The shortcode name as written.
    pub shortcode: Shortcode,
    /// 1-based line of the call's `{{`.
    pub line: u32,
    /// 1-based byte column of the call's `{{`, as Hugo's `.Position` counts it.
    pub column: u32,
    /// Named params in the order first written.
    pub params: Params,
    /// `None` when the card has neither positional params nor inner text
    /// (the setters keep it so, which the derived `PartialEq` relies on).
    rare: Option<Box<Rare>>,
}

/// The parts of a call that only positional and paired calls have.
#[derive(Clone, PartialEq, Default)]
struct Rare {
    positional: Option<Vec<Value>>,
    inner: Option<String>,
}

const _: () = assert!(std::mem::size_of::<Card>() <= 40);

impl Card {
    /// A named call of `shortcode` at `line`:`column`, without inner text.
    pub fn new(shortcode: Shortcode, line: u32, column: u32, params: Params) -> Card {
        Card {
            shortcode,
            line,
            column,
            params,
            rare: None,
        }
    }

    /// A card written with named params, at `line`:`column`.
    pub fn named<K: AsRef<str>>(
        line: u32,
        column: u32,
        params: impl IntoIterator<Item = (K, Value)>,
    ) -> Card {
        Card::new(Shortcode::STRATEGY_CARD, line, column, Params::new(params))
    }

    /// Positional params, only for a positional call (`None` for a named call).
    pub fn positional(&self) -> Option<&[Value]> {
        self.rare.as_ref()?.positional.as_deref()
    }

    /// The raw text between the call and its closing tag, for a paired call.
    pub fn inner(&self) -> Option<&str> {
        self.rare.as_ref()?.inner.as_deref()
    }

    pub fn set_positional(&mut self, positional: Option<Vec<Value>>) {
        if positional.is_some() || self.rare.is_some() {
            self.rare.get_or_insert_default().positional = positional;
            self.drop_empty_rare();
        }
    }

    pub fn set_inner(&mut self, inner: Option<String>) {
        if inner.is_some() || self.rare.is_some() {
            self.rare.get_or_insert_default().inner = inner;
            self.drop_empty_rare();
        }
    }

    /// The card with these positional params (see [`Card::set_positional`]).
    pub fn with_positional(mut self, positional: Option<Vec<Value>>) -> Card {
        self.set_positional(positional);
        self
    }

    /// The card with this inner text (see [`Card::set_inner`]).
    pub fn with_inner(mut self, inner: Option<String>) -> Card {
        self.set_inner(inner);
        self
    }

    fn drop_empty_rare(&mut self) {
        if let Some(rare) = &self.rare
            && rare.positional.is_none()
            && rare.inner.is_none()
        {
            self.rare = None;
        }
    }

    /// A named param, `None` when the call does not have it.
    pub fn param(&self, key: &str) -> Option<ValueRef<'_>> {
        self.params.get(key)
    }

    /// A known field as text: `None` when absent, `Some("")` when written empty.
    pub fn field(&self, field: Field) -> Option<Cow<'_, str>> {
        self.params.field(field).map(ValueRef::as_text)
    }

    /// The field's text, or "" when absent.
    pub fn text(&self, field: Field) -> Cow<'_, str> {
        self.field(field).unwrap_or(Cow::Borrowed(""))
    }

    /// The title, or "" when absent.
    pub fn title(&self) -> Cow<'_, str> {
        self.text(Field::Title)
    }

    /// Params beyond the known fields, in written order.
    pub fn extra_params(&self) -> impl Iterator<Item = (&str, ValueRef<'_>)> {
        self.params
            .iter()
            .filter(|(k, _)| Field::from_key(k).is_none())
    }
}

/// Where a card lives in a [`super::Handbook`]: its document and its place there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CardId {
    pub document: u32,
    pub card: u32,
}

impl fmt::Debug for Card {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Card")
            .field("shortcode", &self.shortcode)
            .field("line", &self.line)
            .field("column", &self.column)
            .field("params", &self.params)
            .field("positional", &self.positional())
            .field("inner", &self.inner())
            .finish()
    }
}

/// A card's shortcode name, as one pointer.
///
/// The names are few (the two defaults and a site's own card templates), so
/// each distinct name is kept once for the life of the process and every
/// card of that name points at it: no allocation and no reference count per
/// card.
#[derive(Clone, Copy)]
pub struct Shortcode(&'static &'static str);

impl Shortcode {
    pub const STRATEGY_CARD: Shortcode = Shortcode(&STRATEGY_CARD);
    pub const CARD: Shortcode = Shortcode(&CARD);

    /// The shortcode called `name`.
    pub fn new(name: &str) -> Shortcode {
        for known in [Shortcode::STRATEGY_CARD, Shortcode::CARD] {
            if known.as_str() == name {
                return known;
            }
        }
        // Reached when a site's card family is made, not once per card.
        static NAMES: Mutex<BTreeMap<&'static str, &'static &'static str>> =
            Mutex::new(BTreeMap::new());
        let mut names = NAMES
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(kept) = names.get(name) {
            return Shortcode(kept);
        }
        let text: &'static str = Box::leak(name.into());
        let kept: &'static &'static str = Box::leak(Box::new(text));
        names.insert(text, kept);
        Shortcode(kept)
    }

    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl Deref for Shortcode {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl AsRef<str> for Shortcode {
    fn as_ref(&self) -> &str {
        self.0
    }
}

impl PartialEq for Shortcode {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Shortcode {}

impl PartialEq<str> for Shortcode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Shortcode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for Shortcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Shortcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Shortcode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_kept_once_and_compares_as_its_text() {
        let a = Shortcode::new("x/card");
        let b = Shortcode::new(&String::from("x/card"));
        assert!(std::ptr::eq(a.0, b.0));
        assert_eq!(a, "x/card");
        assert_ne!(a, Shortcode::new("x/other"));
        assert_eq!(Shortcode::new(CARD), Shortcode::CARD);
        assert_eq!(Shortcode::STRATEGY_CARD.to_string(), STRATEGY_CARD);
    }

    #[test]
    fn rare_parts_are_absent_until_set_and_gone_when_cleared() {
        let plain = Card::named(1, 1, [("title", Value::String("A".into()))]);
        let mut card = plain.clone().with_inner(Some("tekst".into()));
        assert_eq!(card.inner(), Some("tekst"));
        assert_eq!(card.positional(), None);
        card.set_positional(Some(Vec::new()));
        assert_eq!(card.positional(), Some(&[][..]));
        card.set_inner(None);
        card.set_positional(None);
        assert_eq!(card, plain);
    }
}
