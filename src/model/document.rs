use super::{Card, CardId, Diagnostic, Member, Publication};
use std::borrow::Cow;
use std::path::PathBuf;

/// Which kind of front matter a file opened with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatterFormat {
    Yaml,
    Toml,
    Json,
    Org,
}

/// A document's front matter. Values keep their decoded types; keys keep the
/// case they were written in (Hugo's raw map does too).
///
/// Only what every command needs is kept decoded (the title and the weight);
/// the rest is kept as the text it was written in and decoded again when
/// asked for ([`FrontMatter::params`]): a decoded map costs several times its
/// text in small allocations, and most commands never look at it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FrontMatter {
    pub format: Option<FrontMatterFormat>,
    source: Source,
    title: Option<Box<str>>,
    weight: i64,
}

#[derive(Debug, Clone, PartialEq, Default)]
enum Source {
    /// No front matter, or one that could not be decoded.
    #[default]
    None,
    /// The text between the delimiters, which decoded cleanly, and the file
    /// line it starts on.
    Text { text: Box<str>, first_line: u32 },
    /// Values given as they are (a document built in code).
    Decoded(Box<serde_json::Map<String, serde_json::Value>>),
}

type Map = serde_json::Map<String, serde_json::Value>;

/// Where one front-matter key and its value are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyLine {
    /// The key's path, nested keys joined with `.`: `navigation_link.text`.
    pub path: String,
    /// 1-based file line of the key.
    pub line: u32,
    /// 1-based file line where the value's text starts (the next line for a
    /// `|` or `>` block).
    pub value_line: u32,
    /// 1-based byte column where the value's text starts on its lines.
    pub value_column: u32,
}

impl KeyLine {
    /// File line and column of line `n` (1-based) of the key's string value;
    /// for a value written on one line, its start.
    pub fn value_position(&self, n: u32) -> (u32, u32) {
        (self.value_line + n.saturating_sub(1), self.value_column)
    }
}

impl FrontMatter {
    /// Front matter given as values (a document built in code).
    pub fn from_params(params: Map) -> FrontMatter {
        FrontMatter {
            format: None,
            title: title(&params),
            weight: weight(&params),
            source: Source::Decoded(Box::new(params)),
        }
    }

    /// Front matter read from a file: `text` (starting on file line
    /// `first_line`) decoded cleanly to `params`, which the parser has just
    /// used and which is decoded again from `text` when asked for.
    pub(crate) fn from_text(
        format: FrontMatterFormat,
        text: &str,
        first_line: u32,
        params: &Map,
    ) -> FrontMatter {
        FrontMatter {
            format: Some(format),
            title: title(params),
            weight: weight(params),
            source: Source::Text {
                text: text.into(),
                first_line,
            },
        }
    }

    /// Front matter Hugo would reject: its format, no values.
    pub(crate) fn undecodable(format: FrontMatterFormat) -> FrontMatter {
        FrontMatter {
            format: Some(format),
            ..FrontMatter::default()
        }
    }

    /// Every value, decoded (again) from the text as written.
    pub fn params(&self) -> Cow<'_, Map> {
        match (&self.source, self.format) {
            (Source::Decoded(params), _) => Cow::Borrowed(params),
            (Source::Text { text, .. }, Some(format)) => {
                // It decoded cleanly when the file was read, so it does again.
                Cow::Owned(crate::parse::decode_front_matter(format, text).unwrap_or_default())
            }
            _ => Cow::Owned(Map::new()),
        }
    }

    /// A top-level param looked up the way Hugo's `.Params` does: case-insensitively.
    pub fn get(&self, key: &str) -> Option<serde_json::Value> {
        lookup(&self.params(), key).cloned()
    }

    pub fn get_str(&self, key: &str) -> Option<String> {
        match self.get(key)? {
            serde_json::Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// `.Title`: `title` in any case, when it is a string.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// `.Weight`: converted to an int as Hugo does (`"7"` is 7); 0 when unset.
    pub fn weight(&self) -> i64 {
        self.weight
    }

    /// Where keys are written, so findings about a value can point into the
    /// file (YAML and TOML; none for JSON and Org).
    pub fn key_lines(&self) -> Vec<KeyLine> {
        match (&self.source, self.format) {
            (Source::Text { text, first_line }, Some(format)) => {
                crate::parse::front_matter_key_lines(format, text, *first_line)
            }
            _ => Vec::new(),
        }
    }

    /// Where the value at `path` (`navigation_link.text`) is written, if known.
    pub fn key_line(&self, path: &str) -> Option<KeyLine> {
        self.key_lines().into_iter().rev().find(|k| k.path == path)
    }

    /// File line and column of line `n` (1-based) of the string value at
    /// `path`; for a value written on one line, its start.
    pub fn value_position(&self, path: &str, n: u32) -> Option<(u32, u32)> {
        Some(self.key_line(path)?.value_position(n))
    }
}

/// A top-level front-matter key looked up as Hugo's `.Params` does: the
/// key as written, else in any case.
pub(crate) fn lookup<'m>(params: &'m Map, key: &str) -> Option<&'m serde_json::Value> {
    params.get(key).or_else(|| {
        params
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// `title` as text the way Hugo's `cast.ToString` makes it (see
/// [`Document::title`]).
fn title(params: &Map) -> Option<Box<str>> {
    match lookup(params, "title")? {
        serde_json::Value::String(s) => Some(s.as_str().into()),
        serde_json::Value::Bool(b) => Some(b.to_string().into()),
        serde_json::Value::Number(n) => Some(
            match n.as_f64() {
                // Go prints a float without an exponent or a trailing `.0`.
                Some(f) if !n.is_i64() && !n.is_u64() => f.to_string(),
                _ => n.to_string(),
            }
            .into(),
        ),
        _ => None,
    }
}

/// `weight` as an int the way Hugo's `cast.ToInt` makes it (see
/// [`Document::weight`]).
fn weight(params: &Map) -> i64 {
    match lookup(params, "weight") {
        Some(serde_json::Value::Number(n)) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .unwrap_or(0),
        Some(serde_json::Value::String(s)) => s.trim().parse().unwrap_or(0),
        Some(serde_json::Value::Bool(b)) => i64::from(*b),
        _ => 0,
    }
}

/// One content file of the handbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The path as shown to people and scripts: relative to the folder given, with `/`.
    pub path: String,
    /// Where the file is on disk, when it came from disk (the editor needs it).
    pub file: Option<PathBuf>,
    pub front_matter: FrontMatter,
    pub cards: Vec<Card>,
    /// People directory entries written on the page (see [`Member`]).
    pub members: Vec<Member>,
    /// Whether Hugo would publish the page, decided when it was read.
    pub publication: Publication,
}

impl Document {
    /// `.Title`: read from `title` in any case, as text the way Hugo's
    /// `cast.ToString` makes it (YAML's `title: NO` is the boolean false, so
    /// Hugo's title is `false`; `title: 0755` is `493`); `None` when unset,
    /// null, or a list or map (which Hugo's title cannot be).
    pub fn title(&self) -> Option<Cow<'_, str>> {
        self.front_matter.title().map(Cow::Borrowed)
    }

    /// The title, or the path for a page without one: what a heading shows.
    pub fn heading(&self) -> Cow<'_, str> {
        self.title().unwrap_or(Cow::Borrowed(&self.path))
    }

    /// `.Weight`: converted to an int as Hugo's `cast.ToInt` does (`"7"` is 7,
    /// `1.9` is 1, `true` is 1); 0 when unset.
    pub fn weight(&self) -> i64 {
        self.front_matter.weight()
    }

    /// `navigation_link.text` as a clean list of entries, read from the
    /// front matter when asked (a catalogue's lists would otherwise stay in
    /// memory for the few commands that show them).
    pub fn navigation(&self) -> Vec<String> {
        crate::parse::navigation_entries(&self.front_matter.params())
    }

    /// The entries of `navigation_link.text` that are written as a list of
    /// items (bullets or `<li>`); empty when the text is a teaser sentence.
    pub fn navigation_items(&self) -> Vec<String> {
        crate::parse::navigation_items(&self.front_matter.params())
    }

    pub fn ingress(&self) -> Option<String> {
        self.front_matter.get_str("ingress")
    }
}

/// Everything loaded: documents in Hugo's page order, and every diagnostic.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Handbook {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Handbook {
    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.documents
            .get(id.document as usize)?
            .cards
            .get(id.card as usize)
    }

    pub fn document_of(&self, id: CardId) -> Option<&Document> {
        self.documents.get(id.document as usize)
    }

    /// Every card with its id, in document order.
    pub fn cards(&self) -> impl Iterator<Item = (CardId, &Card)> {
        self.documents.iter().enumerate().flat_map(|(d, doc)| {
            doc.cards.iter().enumerate().map(move |(c, card)| {
                (
                    CardId {
                        document: d as u32,
                        card: c as u32,
                    },
                    card,
                )
            })
        })
    }

    pub fn card_count(&self) -> usize {
        self.documents.iter().map(|d| d.cards.len()).sum()
    }

    /// How many documents hold at least one card: the pages a reader of the
    /// handbook's processes cares about (section and team pages hold none).
    pub fn documents_with_cards(&self) -> usize {
        self.documents
            .iter()
            .filter(|d| !d.cards.is_empty())
            .count()
    }
}
