//! Cards named by their titles, as lists for people show them. Titles repeat
//! (two `Behov` on one page, a `Release` on every team's page), so a title that
//! another card also has is followed by where the card is: its line within a
//! document, its `path:line` across documents. The command line and the
//! browser name cards the same way.

use crate::i18n::Lang;
use crate::i18n::words;
use crate::{CardId, Handbook};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Which titles more than one card has, within a document and across the
/// handbook: worked out once for a handbook (the browser does it off the UI
/// thread), kept small by holding only the titles that repeat.
#[derive(Debug, Clone, Default)]
pub struct TitleRepeats {
    /// Per document, its titles that repeat within it (most have none).
    in_document: HashMap<u32, Vec<String>>,
    in_handbook: HashSet<String>,
}

impl TitleRepeats {
    pub fn new(handbook: &Handbook) -> TitleRepeats {
        let mut in_document: HashMap<(u32, String), u32> = HashMap::new();
        let mut in_handbook: HashMap<String, u32> = HashMap::new();
        for (id, card) in handbook.cards() {
            let title = card.title().trim().to_owned();
            *in_document.entry((id.document, title.clone())).or_insert(0) += 1;
            *in_handbook.entry(title).or_insert(0) += 1;
        }
        let mut repeats = TitleRepeats {
            in_document: HashMap::new(),
            in_handbook: in_handbook
                .into_iter()
                .filter_map(|(k, n)| (n > 1).then_some(k))
                .collect(),
        };
        for ((document, title), n) in in_document {
            if n > 1 {
                repeats.in_document.entry(document).or_default().push(title);
            }
        }
        repeats
    }

    /// Another card of `document` has `title` (trimmed).
    fn title_in_document(&self, document: u32, title: &str) -> bool {
        self.in_document
            .get(&document)
            .is_some_and(|titles| titles.iter().any(|t| t == title))
    }
}

/// How each card is named in lists.
pub struct TitleLabels<'h> {
    handbook: &'h Handbook,
    lang: Lang,
    repeats: Cow<'h, TitleRepeats>,
}

impl<'h> TitleLabels<'h> {
    pub fn new(handbook: &'h Handbook, lang: Lang) -> TitleLabels<'h> {
        TitleLabels {
            handbook,
            lang,
            repeats: Cow::Owned(TitleRepeats::new(handbook)),
        }
    }

    /// With the repeats worked out before (for `handbook`).
    pub fn with(handbook: &'h Handbook, lang: Lang, repeats: &'h TitleRepeats) -> TitleLabels<'h> {
        TitleLabels {
            handbook,
            lang,
            repeats: Cow::Borrowed(repeats),
        }
    }

    /// The card's title, or the word for a card without one; `None` for an
    /// id that names no card.
    pub fn title(&self, id: CardId) -> Option<String> {
        Some(self.shown(&self.handbook.card(id)?.title()).to_owned())
    }

    /// A trimmed title as a list shows it: the word for none when empty.
    fn shown<'t>(&self, title: &'t str) -> &'t str {
        match title.trim() {
            "" => words(self.lang).untitled,
            title => title,
        }
    }

    /// For a list of one document's cards: `Behov`, or `Behov (linje 44)`
    /// when another card of the document is also `Behov`.
    pub fn in_document(&self, id: CardId) -> String {
        // The card's title is read once: a list names cards from all over
        // the handbook, and each read is a walk through the card's params.
        let Some(card) = self.handbook.card(id) else {
            return String::new();
        };
        let title = card.title();
        let shown = self.shown(&title);
        if self.repeats.title_in_document(id.document, title.trim()) {
            words(self.lang).title_at_line(shown, card.line)
        } else {
            shown.to_owned()
        }
    }

    /// The card's line when another card of its document has its title
    /// (what [`Self::in_document`] adds to the title).
    pub fn where_in_document(&self, id: CardId) -> Option<u32> {
        let card = self.handbook.card(id)?;
        self.repeats
            .title_in_document(id.document, card.title().trim())
            .then_some(card.line)
    }

    /// For a list across documents: `Release`, or `Release (a.md:26)` when
    /// another card anywhere in the handbook is also `Release`.
    pub fn in_handbook(&self, id: CardId) -> String {
        let Some(card) = self.handbook.card(id) else {
            return String::new();
        };
        let title = card.title();
        let shown = self.shown(&title);
        if self.repeats.in_handbook.contains(title.trim()) {
            let document = &self.handbook.documents[id.document as usize];
            format!("{shown} ({}:{})", document.path, card.line)
        } else {
            shown.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Source, load_sources};

    fn handbook() -> Handbook {
        let card = |title: &str| format!("{{{{< prosesser/strategy-card title=\"{title}\" >}}}}\n");
        let source = |path: &str, titles: &[&str]| Source {
            path: path.into(),
            file: None,
            bytes: titles
                .iter()
                .map(|t| card(t))
                .collect::<String>()
                .into_bytes(),
        };
        load_sources(vec![
            source("a.md", &["Behov", "Release", "Behov", ""]),
            source("b.md", &["Release", "Unik"]),
        ])
    }

    fn id(document: u32, card: u32) -> CardId {
        CardId { document, card }
    }

    #[test]
    fn a_title_twice_in_a_document_gets_its_line() {
        let h = handbook();
        let labels = TitleLabels::new(&h, Lang::Nb);
        assert_eq!(labels.in_document(id(0, 0)), "Behov (linje 1)");
        assert_eq!(labels.in_document(id(0, 2)), "Behov (linje 3)");
        // Once in its document, though also in another.
        assert_eq!(labels.in_document(id(0, 1)), "Release");
        assert_eq!(labels.in_document(id(0, 3)), "(uten tittel)");
        let labels = TitleLabels::new(&h, Lang::En);
        assert_eq!(labels.in_document(id(0, 2)), "Behov (line 3)");
    }

    #[test]
    fn a_title_twice_in_the_handbook_gets_its_path_and_line() {
        let h = handbook();
        let labels = TitleLabels::new(&h, Lang::Nb);
        assert_eq!(labels.in_handbook(id(0, 1)), "Release (a.md:2)");
        assert_eq!(labels.in_handbook(id(1, 0)), "Release (b.md:1)");
        assert_eq!(labels.in_handbook(id(1, 1)), "Unik");
        assert_eq!(labels.in_handbook(id(9, 9)), "");
    }
}
