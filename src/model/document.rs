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

/// Decoded front matter. Values keep their decoded types; keys keep the case
/// they were written in (Hugo's raw map does too).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FrontMatter {
    pub format: Option<FrontMatterFormat>,
    pub params: serde_json::Map<String, serde_json::Value>,
    /// Where keys were written, so findings about a value can point into the
    /// file (YAML and TOML; empty for JSON and Org).
    pub key_lines: Vec<KeyLine>,
}

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

impl FrontMatter {
    /// A top-level param looked up the way Hugo's `.Params` does: case-insensitively.
    pub fn get(&self, key: &str) -> Option<&serde_json::Value> {
        self.params.get(key).or_else(|| {
            self.params
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v)
        })
    }

    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(|v| v.as_str())
    }

    /// Where the value at `path` (`navigation_link.text`) is written, if known.
    pub fn key_line(&self, path: &str) -> Option<&KeyLine> {
        self.key_lines.iter().rev().find(|k| k.path == path)
    }

    /// File line and column of line `n` (1-based) of the string value at
    /// `path`; for a value written on one line, its start.
    pub fn value_position(&self, path: &str, n: u32) -> Option<(u32, u32)> {
        let key = self.key_line(path)?;
        Some((key.value_line + n.saturating_sub(1), key.value_column))
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
    /// `navigation_link.text` as a clean list of entries.
    pub navigation: Vec<String>,
    /// The entries of `navigation_link.text` that are written as a list of
    /// items (bullets or `<li>`); empty when the text is a teaser sentence.
    pub navigation_items: Vec<String>,
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
        match self.front_matter.get("title")? {
            serde_json::Value::String(s) => Some(Cow::Borrowed(s)),
            serde_json::Value::Bool(b) => Some(Cow::Owned(b.to_string())),
            serde_json::Value::Number(n) => Some(Cow::Owned(match n.as_f64() {
                // Go prints a float without an exponent or a trailing `.0`.
                Some(f) if !n.is_i64() && !n.is_u64() => f.to_string(),
                _ => n.to_string(),
            })),
            _ => None,
        }
    }

    /// The title, or the path for a page without one: what a heading shows.
    pub fn heading(&self) -> Cow<'_, str> {
        self.title().unwrap_or(Cow::Borrowed(&self.path))
    }

    /// `.Weight`: converted to an int as Hugo's `cast.ToInt` does (`"7"` is 7,
    /// `1.9` is 1, `true` is 1); 0 when unset.
    pub fn weight(&self) -> i64 {
        match self.front_matter.get("weight") {
            Some(serde_json::Value::Number(n)) => n
                .as_i64()
                .or_else(|| n.as_f64().map(|f| f as i64))
                .unwrap_or(0),
            Some(serde_json::Value::String(s)) => s.trim().parse().unwrap_or(0),
            Some(serde_json::Value::Bool(b)) => i64::from(*b),
            _ => 0,
        }
    }

    pub fn ingress(&self) -> Option<&str> {
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
