//! Writing cards, people and diagnostics in each `--format`.
//!
//! Text and Markdown are for people: UI language, every document string made
//! safe with [`prosesser::text`]. JSON and CSV are for scripts: English keys.
//! JSON keeps every string exact (terminal-unsafe characters are `\u` escapes);
//! CSV has no escapes, so control characters in it are made visible too.

pub mod csv;
pub mod flow;
pub mod json;
pub mod markdown;
mod ordered;
pub mod text;

use super::args::Format;
use prosesser::history::{Change, Commit, History, Kind};
use prosesser::i18n::Lang;
use prosesser::people::{People, Person};
use prosesser::query::Match;
use prosesser::{Card, CardId, Diagnostic, Document, Field, Handbook};
use std::borrow::Cow;
use std::io::{self, Write};

/// The cards to show: every card for `list`, the hits for `search`.
pub struct Listing<'a> {
    pub handbook: &'a Handbook,
    pub rows: Vec<Row>,
    /// Documents shown in grouped formats (JSON, Markdown), in order. `list`
    /// shows every document, even one without cards; `search` shows the
    /// documents with hits, in the order of their best hit.
    pub documents: Vec<u32>,
    /// True for search results: rows are best first and carry matches.
    pub ranked: bool,
    /// A positive `team:` term matched every row: the rows' people are in
    /// the team, which no field shows.
    pub team_matched: bool,
}

pub struct Row {
    pub id: CardId,
    /// Where the query matched, for search results (at most
    /// [`prosesser::query::MAX_LISTED_MATCHES`] per field).
    pub matches: Vec<Match>,
    /// Per field, the matches found past the listed ones.
    pub unlisted: Vec<(Field, usize)>,
}

impl<'a> Listing<'a> {
    /// Every card in document order.
    pub fn all(handbook: &'a Handbook) -> Self {
        Listing {
            handbook,
            rows: handbook
                .cards()
                .map(|(id, _)| Row {
                    id,
                    matches: Vec::new(),
                    unlisted: Vec::new(),
                })
                .collect(),
            documents: (0..handbook.documents.len() as u32).collect(),
            ranked: false,
            team_matched: false,
        }
    }

    /// Search hits, best first.
    pub fn ranked(handbook: &'a Handbook, rows: Vec<Row>) -> Self {
        let mut documents: Vec<u32> = Vec::new();
        for row in &rows {
            if !documents.contains(&row.id.document) {
                documents.push(row.id.document);
            }
        }
        Listing {
            handbook,
            rows,
            documents,
            ranked: true,
            team_matched: false,
        }
    }

    pub fn card(&self, row: &Row) -> (&'a Document, &'a Card) {
        let document = &self.handbook.documents[row.id.document as usize];
        (document, &document.cards[row.id.card as usize])
    }

    /// The shown documents, each with its rows (1-based rank included), in order.
    pub fn grouped(&self) -> Vec<(&'a Document, Vec<(usize, &Row)>)> {
        // One pass over the rows: a listing may hold thousands of documents.
        let mut by_document: Vec<Vec<(usize, &Row)>> =
            vec![Vec::new(); self.handbook.documents.len()];
        for (i, row) in self.rows.iter().enumerate() {
            by_document[row.id.document as usize].push((i + 1, row));
        }
        self.documents
            .iter()
            .map(|&d| {
                let rows = std::mem::take(&mut by_document[d as usize]);
                (&self.handbook.documents[d as usize], rows)
            })
            .collect()
    }
}

pub fn cards(out: &mut dyn Write, listing: &Listing, format: Format, lang: Lang) -> io::Result<()> {
    match format {
        Format::Text => text::cards(out, listing, lang),
        Format::Json => json::cards(out, listing),
        Format::Csv => csv::cards(out, listing),
        Format::Markdown => markdown::cards(out, listing, lang),
    }
}

pub fn people(
    out: &mut dyn Write,
    handbook: &Handbook,
    people: &People,
    format: Format,
    lang: Lang,
) -> io::Result<()> {
    let people = people.persons.as_slice();
    match format {
        Format::Text => text::people(out, handbook, people, lang),
        Format::Json => json::people(out, handbook, people),
        Format::Csv => csv::people(out, handbook, people),
        Format::Markdown => markdown::people(out, handbook, people, lang),
    }
}

/// `check`'s findings: JSON keeps each message English, as machine formats
/// do; text says it in `lang`.
pub fn diagnostics(
    out: &mut dyn Write,
    found: &[Diagnostic],
    json: bool,
    lang: Lang,
) -> io::Result<()> {
    if json {
        json::diagnostics(out, found)
    } else {
        text::diagnostics(out, found, lang)
    }
}

pub fn history(
    out: &mut dyn Write,
    history: &History,
    format: Format,
    lang: Lang,
) -> io::Result<()> {
    match format {
        Format::Text => text::history(out, history, lang),
        Format::Json => json::history(out, history),
        Format::Csv => csv::history(out, history),
        Format::Markdown => markdown::history(out, history, lang),
    }
}

/// One commit's changes, per file, for people.
pub struct CommitChanges<'a> {
    pub commit: &'a Commit,
    pub files: Vec<(&'a str, Vec<&'a Change>)>,
}

/// The changes grouped for people: each commit once (newest first), with
/// its changes per file.
pub fn by_commit(changes: &[Change]) -> Vec<CommitChanges<'_>> {
    let mut commits: Vec<CommitChanges<'_>> = Vec::new();
    for change in changes {
        match commits.last_mut() {
            Some(last) if last.commit.id == change.commit.id => match last.files.last_mut() {
                Some((path, list)) if *path == change.path => list.push(change),
                _ => last.files.push((&change.path, vec![change])),
            },
            _ => commits.push(CommitChanges {
                commit: &change.commit,
                files: vec![(&change.path, vec![change])],
            }),
        }
    }
    commits
}

/// The card's title for people (the words for an untitled card).
pub fn change_card(change: &Change, lang: Lang) -> String {
    match change.card.as_deref().map(one_line) {
        Some(title) if !title.is_empty() => title,
        _ => prosesser::i18n::words(lang).untitled.to_owned(),
    }
}

/// One change in words, on one line: `Release: Prosesseier: Hanne
/// Lauritsen → (fjernet)`, `Utvikling → Utvikling og test (nytt navn)`.
pub fn change_line(change: &Change, lang: Lang) -> String {
    let w = prosesser::i18n::words(lang);
    let card = change_card(change, lang);
    let text = one_line(&w.change_text(change));
    match change.kind {
        Kind::Added | Kind::Removed | Kind::Changed => format!("{card}: {text}"),
        // The card's name is in the change: `Behov → Behovsstyring (nytt navn)`.
        Kind::Renamed => one_line(&format!(
            "{} → {} ({})",
            w.change_value(change.old.as_ref(), true),
            w.change_value(change.new.as_ref(), false),
            w.change_kind(change.kind)
        )),
        Kind::Broken | Kind::Mended => text,
    }
}

/// Document text made safe for a terminal, keeping newlines and tabs.
pub fn safe(s: &str) -> Cow<'_, str> {
    prosesser::text::sanitize(s)
}

/// Document text made safe and kept on one line, for a table cell.
pub fn one_line(s: &str) -> String {
    on_one_line(s).into_owned()
}

/// [`one_line`], borrowing `s` when it is already safe and on one line with
/// single spaces (most cells of a listing are).
pub fn on_one_line(s: &str) -> Cow<'_, str> {
    if is_one_clean_line(s) {
        return Cow::Borrowed(s);
    }
    let safe = prosesser::text::sanitize_line(s);
    let mut line = String::with_capacity(safe.len());
    for word in safe.split_whitespace() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    Cow::Owned(line)
}

/// True when [`on_one_line`] would not change `s`: nothing
/// [`prosesser::text::may_be_unsafe`] (which takes in every byte that can
/// start a control, an invisible or a non-ASCII whitespace character), and
/// no whitespace but single spaces between words.
fn is_one_clean_line(s: &str) -> bool {
    !prosesser::text::may_be_unsafe(s)
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && memchr::memmem::find(s.as_bytes(), b"  ").is_none()
}

/// A field for people: its text on one line, or the words for missing / empty.
pub fn field_cell(card: &Card, field: Field, lang: Lang) -> String {
    field_text(card, field, lang).into_owned()
}

/// [`field_cell`], borrowing the card's text when it can.
pub fn field_text<'c>(card: &'c Card, field: Field, lang: Lang) -> Cow<'c, str> {
    let words = prosesser::i18n::words(lang);
    match card.field(field) {
        None => Cow::Borrowed(words.missing),
        Some(text) if text.trim().is_empty() => Cow::Borrowed(words.empty),
        Some(Cow::Borrowed(text)) => on_one_line(text),
        Some(Cow::Owned(text)) => Cow::Owned(one_line(&text)),
    }
}

/// The people table's header: name, teams with roles, what cards write
/// with the name, and the titles owned and led.
pub fn people_header(lang: Lang) -> [String; 5] {
    let w = prosesser::i18n::words(lang);
    [
        w.name.to_owned(),
        w.teams.to_owned(),
        w.qualifiers.to_owned(),
        w.owner_of(),
        w.leader_of(),
    ]
}

/// One person's row of the people table, for people to read: the name,
/// teams with roles, what cards write with the name, and the titles they
/// own and lead (a title other cards also have followed by its `path:line`,
/// as `labels` names it), each cell made safe by `cell` (one line for text,
/// escaped for Markdown).
pub fn person_row(
    labels: &prosesser::labels::TitleLabels,
    person: &Person,
    cell: impl Fn(&str) -> String,
) -> [String; 5] {
    let titles = |ids: &[CardId]| {
        ids.iter()
            .map(|id| cell(&labels.in_handbook(*id)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    [
        cell(&person.name),
        cell(&team_roles(person)),
        cell(&person.qualifiers.join(", ")),
        titles(&person.owner_of),
        titles(&person.leader_of),
    ]
}

/// `Plattform (Teamleder, Oslo), Lederlaget (Avdelingsdirektør; Seksjonsleder)`.
pub fn team_roles(person: &Person) -> String {
    person
        .team_roles()
        .into_iter()
        .map(|(team, roles)| match roles.as_slice() {
            [] => team.to_owned(),
            roles => format!("{team} ({})", roles.join("; ")),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// (title, path, line) of each card, for machine outputs.
pub fn card_refs<'a>(handbook: &'a Handbook, ids: &[CardId]) -> Vec<(Cow<'a, str>, &'a str, u32)> {
    ids.iter()
        .filter_map(|&id| {
            let card = handbook.card(id)?;
            let document = handbook.document_of(id)?;
            Some((card.title(), document.path.as_str(), card.line))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_folds_newlines_and_runs_of_spaces() {
        assert_eq!(one_line("  a\nb \t c\r\n"), "a b c");
    }

    #[test]
    fn clean_lines_are_borrowed_and_everything_else_is_cleaned() {
        for clean in ["", "Hanne Lauritsen", "Mørk, Buarøy/Æ", "a b"] {
            assert!(matches!(on_one_line(clean), Cow::Borrowed(_)), "{clean:?}");
        }
        for (text, shown) in [
            (" a", "a"),
            ("a ", "a"),
            ("a  b", "a b"),
            ("a\u{a0}b", "a b"),
            ("a\u{2003}b\u{3000}c", "a b c"),
            ("a\u{1b}[2J", "a␛[2J"),
            ("a\u{202e}b", "a<U+202E>b"),
        ] {
            assert_eq!(on_one_line(text), shown, "{text:?}");
        }
    }
}
