use super::{Field, Params, Value, ValueRef};
use std::borrow::Cow;

/// The shortcode of the shipped page's process cards.
pub const STRATEGY_CARD: &str = "prosesser/strategy-card";

/// The second process card shortcode of the same sites, with the same fields.
pub const CARD: &str = "prosesser/card";

/// One process card call (`{{< prosesser/strategy-card ... >}}`, or another
/// shortcode of the card family): one process.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    /// The shortcode name as written. The two default names are shared, not
    /// allocated per card.
    pub shortcode: Cow<'static, str>,
    /// 1-based line of the call's `{{`.
    pub line: u32,
    /// 1-based byte column of the call's `{{`, as Hugo's `.Position` counts it.
    pub column: u32,
    /// Named params in the order first written.
    pub params: Params,
    /// Positional params, only for a positional call (`None` for a named call).
    pub positional: Option<Vec<Value>>,
    /// The raw text between the call and its closing tag, for a paired call.
    pub inner: Option<String>,
}

impl Card {
    /// A card written with named params, at `line`:`column`.
    pub fn named<K: AsRef<str>>(
        line: u32,
        column: u32,
        params: impl IntoIterator<Item = (K, Value)>,
    ) -> Card {
        Card {
            shortcode: Cow::Borrowed(STRATEGY_CARD),
            line,
            column,
            params: Params::new(params),
            positional: None,
            inner: None,
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
