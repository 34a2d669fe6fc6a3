//! Cards named by their titles, as lists for people show them. Titles repeat
//! (two `Behov` on one page, a `Release` on every team's page), so a title that
//! another card also has is followed by where the card is: its line within a
//! document, its `path:line` across documents.

use prosesser::i18n::Lang;
use prosesser::i18n::words;
use prosesser::{CardId, Handbook};
use std::collections::HashMap;

/// How each card is named in lists.
pub struct TitleLabels<'h> {
    handbook: &'h Handbook,
    lang: Lang,
    /// Cards per (document, title).
    in_document: HashMap<(u32, String), u32>,
    /// Cards per title, over the whole handbook.
    in_handbook: HashMap<String, u32>,
}

impl<'h> TitleLabels<'h> {
    pub fn new(handbook: &'h Handbook, lang: Lang) -> TitleLabels<'h> {
        let mut in_document = HashMap::new();
        let mut in_handbook = HashMap::new();
        for (id, card) in handbook.cards() {
            let title = card.title().trim().to_owned();
            *in_document.entry((id.document, title.clone())).or_insert(0) += 1;
            *in_handbook.entry(title).or_insert(0) += 1;
        }
        TitleLabels {
            handbook,
            lang,
            in_document,
            in_handbook,
        }
    }

    /// The card's title, or the word for a card without one; `None` for an
    /// id that names no card.
    pub fn title(&self, id: CardId) -> Option<String> {
        let title = self.handbook.card(id)?.title();
        let title = title.trim();
        Some(if title.is_empty() {
            words(self.lang).untitled.to_owned()
        } else {
            title.to_owned()
        })
    }

    /// For a list of one document's cards: `Behov`, or `Behov (linje 44)`
    /// when another card of the document is also `Behov`.
    pub fn in_document(&self, id: CardId) -> String {
        let Some(title) = self.title(id) else {
            return String::new();
        };
        let card = &self.handbook.documents[id.document as usize].cards[id.card as usize];
        let key = (id.document, card.title().trim().to_owned());
        if self.in_document.get(&key).copied().unwrap_or(0) > 1 {
            words(self.lang).title_at_line(&title, card.line)
        } else {
            title
        }
    }

    /// For a list across documents: `Release`, or `Release (a.md:26)` when
    /// another card anywhere in the handbook is also `Release`.
    pub fn in_handbook(&self, id: CardId) -> String {
        let Some(title) = self.title(id) else {
            return String::new();
        };
        let document = &self.handbook.documents[id.document as usize];
        let card = &document.cards[id.card as usize];
        if self
            .in_handbook
            .get(card.title().trim())
            .copied()
            .unwrap_or(0)
            > 1
        {
            format!("{title} ({}:{})", document.path, card.line)
        } else {
            title
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prosesser::load::{Source, load_sources};

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
