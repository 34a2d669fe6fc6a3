//! The handbook's lint rules (warnings), on top of what the parser reports.
//!
//! The parser reports what Hugo would reject (errors). These rules report what
//! Hugo accepts but a reader of the handbook would trip over:
//!
//! - [`Rule::MissingField`]: a card whose title, owner, leader or purpose is
//!   missing or empty (whitespace counts as empty).
//! - [`Rule::Navigation`]: on a page that holds cards and whose
//!   `navigation_link.text` is a list of items
//!   ([`crate::model::Document::navigation_items`]), an item with no card of
//!   that title, or a card the list leaves out. Titles are compared trimmed
//!   and case-insensitively. A teaser sentence (section pages) is not a list,
//!   and a page without cards is not checked.
//! - [`Rule::Html`]: a front matter string whose HTML tags do not balance.
//! - [`Rule::DuplicateTitle`]: two cards with the same title in one document.
//! - [`Rule::PersonName`] ([`person_name`]): one person written two ways
//!   across the site, a name that is the start of a longer directory name,
//!   an owner or leader the site's people directory does not know.
//!
//! [`Levels`] switch rules off or make them errors, as clippy's
//! `--allow`/`--warn`/`--deny` do.
//! - [`Rule::Confusable`]: a title, owner or leader that looks the same as one
//!   written earlier in the handbook but is not ([`crate::confusable`]):
//!   `Release` and `Release` with hidden tag characters, `Hanne` with a
//!   Cyrillic `а`. Reported at the later card, naming the earlier one and
//!   the characters that differ. Across the whole handbook, as people and
//!   titles are.
//!
//! Front matter findings point at the line of the value they are about
//! ([`crate::model::FrontMatter::value_position`]), and at 1:1 where the parser
//! could not tell (JSON front matter).

mod levels;
pub mod person_name;

pub use levels::{Level, LevelError, Levels};

use crate::confusable::{hidden_differences, skeleton};
use crate::model::{
    Card, Diagnostic, Document, Field, Finding, Handbook, KeyLine, Rule, TagFinding,
};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Warnings for every document: missing fields, navigation drift, bad HTML,
/// duplicates, and the site's person names; sorted by path, line and column.
pub fn check(handbook: &Handbook) -> Vec<Diagnostic> {
    check_with(handbook, &crate::people::People::new(handbook))
}

/// [`check`], with the handbook's people already read (the browser reads
/// them once for its people view and for the checks).
pub fn check_with(handbook: &Handbook, people: &crate::people::People) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for document in &handbook.documents {
        missing_fields(document, &mut found);
        let keys = KeyPositions::new(document);
        // The front matter decoded once for both rules that read it.
        let front_matter = document.front_matter.params();
        navigation(document, &front_matter, &keys, &mut found);
        html(document, &front_matter, &keys, &mut found);
        duplicate_titles(document, &mut found);
    }
    person_name::check(handbook, people, &mut found);
    confusables(handbook, &mut found);
    sort(&mut found);
    found
}

/// The parser's diagnostics and [`check`]'s, sorted by path, line and column:
/// what `prosesser check` prints.
pub fn all(handbook: &Handbook) -> Vec<Diagnostic> {
    all_with(handbook, &crate::people::People::new(handbook))
}

/// [`all`], with the handbook's people already read.
pub fn all_with(handbook: &Handbook, people: &crate::people::People) -> Vec<Diagnostic> {
    let mut found = handbook.diagnostics.clone();
    found.extend(check_with(handbook, people));
    sort(&mut found);
    found
}

fn sort(diagnostics: &mut [Diagnostic]) {
    // Stable: findings at one position keep the order the rules made them in.
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
}

/// The fields a reader needs on every card.
const REQUIRED: [Field; 4] = [Field::Title, Field::Owner, Field::Leader, Field::Purpose];

fn missing_fields(document: &Document, found: &mut Vec<Diagnostic>) {
    for card in &document.cards {
        let mut missing = Vec::new();
        let mut empty = Vec::new();
        for field in REQUIRED {
            match card.field(field) {
                None => missing.push(field),
                Some(text) if text.trim().is_empty() => empty.push(field),
                Some(_) => {}
            }
        }
        let keys = |fields: &[Field]| fields.iter().map(|f| f.key()).collect::<Vec<_>>();
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!("has no {}", join_and(&keys(&missing))));
        }
        if !empty.is_empty() {
            parts.push(format!("has an empty {}", join_and(&keys(&empty))));
        }
        if !parts.is_empty() {
            let title = card.title().trim().to_owned();
            found.push(
                at_card(
                    document,
                    card,
                    Rule::MissingField,
                    format!("{} {}", name(card), parts.join(" and ")),
                )
                .with(Finding::MissingFields {
                    card: (!title.is_empty()).then_some(title),
                    missing,
                    empty,
                }),
            );
        }
    }
}

fn navigation(
    document: &Document,
    front_matter: &FrontMatterMap,
    keys: &KeyPositions,
    found: &mut Vec<Diagnostic>,
) {
    if document.cards.is_empty() {
        return;
    }
    let items = crate::parse::navigation_items(front_matter);
    if items.is_empty() {
        return;
    }
    let titles: Vec<String> = document.cards.iter().map(|c| key(&c.title())).collect();
    let entries: Vec<String> = items.iter().map(|e| key(e)).collect();
    let html = crate::model::front_matter_get(front_matter, "navigation_link")
        .and_then(|n| n.get("text"))
        .and_then(|t| t.as_str())
        .unwrap_or("");
    for (entry, entry_key) in items.iter().zip(&entries) {
        if !titles.contains(entry_key) {
            // The entry's line in the value, to point at it in the file.
            let n = html
                .lines()
                .position(|l| l.contains(entry.trim()))
                .map_or(1, |i| i as u32 + 1);
            let (line, column) = keys.value_position("navigation_link.text", n);
            found.push(
                Diagnostic::warning(
                    &document.path,
                    line,
                    column,
                    Rule::Navigation,
                    format!(
                        "front matter navigation_link.text lists {:?}, but no card has that title",
                        entry.trim()
                    ),
                )
                .with(Finding::NavigationWithoutCard {
                    entry: entry.trim().to_owned(),
                }),
            );
        }
    }
    for (card, title_key) in document.cards.iter().zip(&titles) {
        if !title_key.is_empty() && !entries.contains(title_key) {
            found.push(
                at_card(
                    document,
                    card,
                    Rule::Navigation,
                    format!(
                        "{} is not listed in front matter navigation_link.text",
                        name(card)
                    ),
                )
                .with(Finding::NotInNavigation {
                    card: card.title().trim().to_owned(),
                }),
            );
        }
    }
}

fn duplicate_titles(document: &Document, found: &mut Vec<Diagnostic>) {
    for (i, card) in document.cards.iter().enumerate() {
        let title_key = key(&card.title());
        if title_key.is_empty() {
            continue;
        }
        if let Some(first) = document.cards[..i]
            .iter()
            .find(|earlier| key(&earlier.title()) == title_key)
        {
            found.push(
                at_card(
                    document,
                    card,
                    Rule::DuplicateTitle,
                    format!(
                        "{} has the same title as the card at line {}, column {}",
                        name(card),
                        first.line,
                        first.column
                    ),
                )
                .with(Finding::DuplicateTitle {
                    card: card.title().trim().to_owned(),
                    line: first.line,
                    column: first.column,
                }),
            );
        }
    }
}

/// Titles and people's names that look like an earlier one but are not it.
fn confusables(handbook: &Handbook, found: &mut Vec<Diagnostic>) {
    // Per kind of text, the first spelling of each skeleton and where it was.
    let mut first: HashMap<(&str, String), (String, &Document, &Card)> = HashMap::new();
    for document in &handbook.documents {
        for card in &document.cards {
            let mut texts: Vec<(&str, String)> = vec![("title", card.title().trim().to_owned())];
            for (field, what) in [(Field::Owner, "owner"), (Field::Leader, "leader")] {
                for name in crate::people::names_in(&card.text(field)) {
                    texts.push((what, name));
                }
            }
            for (what, text) in texts {
                if text.is_empty() {
                    continue;
                }
                // An owner and a leader are one kind of text: people.
                let kind = if what == "title" { "title" } else { "name" };
                match first.entry((kind, skeleton(&text))) {
                    Entry::Vacant(e) => {
                        e.insert((text, document, card));
                    }
                    Entry::Occupied(e) => {
                        let (earlier, first_document, first_card) = e.get();
                        if *earlier == text {
                            continue;
                        }
                        let mut differ = hidden_differences(earlier);
                        for c in hidden_differences(&text) {
                            if !differ.contains(&c) {
                                differ.push(c);
                            }
                        }
                        let differ: Vec<String> = differ
                            .iter()
                            .map(|&c| format!("U+{:04X}", c as u32))
                            .collect();
                        let at = format!(
                            "{}:{}:{}",
                            first_document.path, first_card.line, first_card.column
                        );
                        found.push(
                            at_card(
                                document,
                                card,
                                Rule::Confusable,
                                format!(
                                    "{what} {text:?} looks the same as {earlier:?} (the card at {at}) but is not: they differ in {}",
                                    differ.join(", ")
                                ),
                            )
                            .with(Finding::Confusable {
                                name: kind == "name",
                                text: text.clone(),
                                earlier: earlier.clone(),
                                at,
                                differ,
                            }),
                        );
                    }
                }
            }
        }
    }
}

/// Decoded front matter, as the rules read it.
type FrontMatterMap = serde_json::Map<String, serde_json::Value>;

fn html(
    document: &Document,
    front_matter: &FrontMatterMap,
    keys: &KeyPositions,
    found: &mut Vec<Diagnostic>,
) {
    for (key, value) in front_matter {
        html_value(document, keys, key, value, found);
    }
}

fn html_value(
    document: &Document,
    keys: &KeyPositions,
    key_path: &str,
    value: &serde_json::Value,
    found: &mut Vec<Diagnostic>,
) {
    match value {
        serde_json::Value::String(text) => {
            let problems = tag_balance(text);
            if let Some(first) = problems.first() {
                let described: Vec<String> = problems
                    .iter()
                    .map(|p| p.describe(text))
                    .collect::<Vec<_>>();
                let mut data: Vec<TagFinding> = Vec::new();
                for p in &problems {
                    let p = p.as_data(text);
                    if !data.contains(&p) {
                        data.push(p);
                    }
                }
                let (line, column) = keys.value_position(key_path, first.line_in(text));
                found.push(
                    Diagnostic::warning(
                        &document.path,
                        line,
                        column,
                        Rule::Html,
                        format!(
                            "front matter {key_path}: malformed HTML: {}",
                            dedup(described).join("; ")
                        ),
                    )
                    .with(Finding::Html {
                        key: key_path.to_owned(),
                        problems: data,
                    }),
                );
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                html_value(document, keys, &format!("{key_path}[{i}]"), item, found);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                html_value(document, keys, &format!("{key_path}.{k}"), v, found);
            }
        }
        _ => {}
    }
}

/// Tags whose opening and closing we check; everything else (void elements
/// such as `<br>`, unknown tags) is ignored.
const BALANCED_TAGS: [&str; 11] = [
    "p", "div", "span", "ul", "ol", "li", "a", "strong", "em", "b", "i",
];

/// One thing wrong with a string's tags.
#[derive(Debug, Clone, PartialEq, Eq)]
enum TagProblem {
    /// `<tag>` at this byte offset is never closed.
    Unclosed { tag: String, offset: usize },
    /// `</tag>` at this byte offset closes nothing that is open.
    Stray { tag: String, offset: usize },
}

/// Where a document's front-matter keys are written: worked out (a scan of
/// the front matter) the first time a finding points at one, then kept for
/// the document's other findings.
struct KeyPositions<'d> {
    document: &'d Document,
    keys: std::cell::OnceCell<Vec<KeyLine>>,
}

impl<'d> KeyPositions<'d> {
    fn new(document: &'d Document) -> Self {
        KeyPositions {
            document,
            keys: std::cell::OnceCell::new(),
        }
    }

    /// Where line `n` of a front-matter value is in the file; the start of
    /// the file when the parser could not tell (JSON front matter).
    fn value_position(&self, key_path: &str, n: u32) -> (u32, u32) {
        self.keys
            .get_or_init(|| self.document.front_matter.key_lines())
            .iter()
            .rev()
            .find(|k| k.path == key_path)
            .map_or((1, 1), |k| k.value_position(n))
    }
}

impl TagProblem {
    /// The 1-based line of the value the problem is on.
    fn line_in(&self, text: &str) -> u32 {
        let (TagProblem::Unclosed { offset, .. } | TagProblem::Stray { offset, .. }) = self;
        text[..*offset].matches('\n').count() as u32 + 1
    }

    /// The problem as data: which tag, on which line of the value, and
    /// that line.
    fn as_data(&self, text: &str) -> TagFinding {
        let (stray, tag, offset) = match self {
            TagProblem::Unclosed { tag, offset } => (false, tag, *offset),
            TagProblem::Stray { tag, offset } => (true, tag, *offset),
        };
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        TagFinding {
            stray,
            tag: tag.clone(),
            line: self.line_in(text) as usize,
            excerpt: text[start..end].trim().to_owned(),
        }
    }

    /// `unclosed <p> on line 3 of the value: "<p> - Behov<p>"`.
    fn describe(&self, text: &str) -> String {
        let (what, offset) = match self {
            TagProblem::Unclosed { tag, offset } => (format!("unclosed <{tag}>"), *offset),
            TagProblem::Stray { tag, offset } => (format!("stray </{tag}>"), *offset),
        };
        let line = text[..offset].matches('\n').count() + 1;
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        format!(
            "{what} on line {line} of the value: {:?}",
            text[start..end].trim()
        )
    }
}

/// A strict balance check: every tracked tag closed in order. (HTML lets a
/// `<p>` close the one before it; the handbook's authors mean `</p>`.)
fn tag_balance(text: &str) -> Vec<TagProblem> {
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut problems = Vec::new();
    let mut rest = 0;
    while let Some(found) = text[rest..].find('<') {
        let start = rest + found;
        let after = &text[start + 1..];
        if after.starts_with("!--") {
            rest = after.find("-->").map_or(text.len(), |i| start + 1 + i + 3);
            continue;
        }
        let Some(close) = after.find('>') else { break };
        let inside = &after[..close];
        rest = start + 1 + close + 1;
        let (closing, body) = match inside.strip_prefix('/') {
            Some(body) => (true, body),
            None => (false, inside),
        };
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let after_name = &body[name.len()..];
        let is_tag = body.starts_with(|c: char| c.is_ascii_alphabetic())
            && (after_name.is_empty()
                || after_name.starts_with(|c: char| c.is_whitespace() || c == '/'));
        if !is_tag || !BALANCED_TAGS.contains(&name.as_str()) {
            continue;
        }
        if !closing {
            if !inside.ends_with('/') {
                open.push((name, start));
            }
            continue;
        }
        match open.iter().rposition(|(tag, _)| *tag == name) {
            Some(at) => {
                for (tag, offset) in open.drain(at + 1..) {
                    problems.push(TagProblem::Unclosed { tag, offset });
                }
                open.pop();
            }
            None => problems.push(TagProblem::Stray {
                tag: name,
                offset: start,
            }),
        }
    }
    problems.extend(
        open.into_iter()
            .map(|(tag, offset)| TagProblem::Unclosed { tag, offset }),
    );
    problems.sort_by_key(|p| match p {
        TagProblem::Unclosed { offset, .. } | TagProblem::Stray { offset, .. } => *offset,
    });
    problems
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::new();
    for item in items {
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
    kept
}

fn at_card(document: &Document, card: &Card, rule: Rule, message: String) -> Diagnostic {
    Diagnostic::warning(&document.path, card.line, card.column, rule, message)
}

/// `card "Release"`, or `untitled card` when it has no title.
fn name(card: &Card) -> String {
    let title = card.title();
    if title.trim().is_empty() {
        "untitled card".to_owned()
    } else {
        format!("card {:?}", title.trim())
    }
}

/// How titles and navigation entries are compared.
fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// `owner`, `owner and leader`, `owner, leader and purpose`.
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FrontMatter, Severity, Value};

    fn card(line: u32, params: &[(&str, &str)]) -> Card {
        Card::named(
            line,
            1,
            params
                .iter()
                .map(|(k, v)| (k, Value::String((*v).to_owned()))),
        )
    }

    fn full(line: u32, title: &str) -> Card {
        card(
            line,
            &[
                ("title", title),
                ("owner", "Hanne Lauritsen"),
                ("leader", "Torkel Buarøy"),
                ("purpose", "Planlegge"),
            ],
        )
    }

    fn document(cards: Vec<Card>) -> Document {
        Document {
            path: "prosesser/a.md".to_owned(),
            file: None,
            front_matter: FrontMatter::default(),
            cards,
            members: Vec::new(),
            publication: crate::model::Publication::Published,
        }
    }

    fn handbook(documents: Vec<Document>) -> Handbook {
        Handbook {
            documents,
            diagnostics: Vec::new(),
        }
    }

    fn messages(found: &[Diagnostic]) -> Vec<String> {
        found.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_complete_card_without_navigation_has_no_warnings() {
        assert_eq!(
            check(&handbook(vec![document(vec![full(5, "Release")])])),
            []
        );
    }

    #[test]
    fn a_card_with_every_field_empty_names_the_empty_fields_at_its_position() {
        let empty = card(
            71,
            &[
                ("title", "Forespørsler"),
                ("owner", ""),
                ("leader", ""),
                ("purpose", ""),
            ],
        );
        let found = check(&handbook(vec![document(vec![empty])]));
        assert_eq!(
            messages(&found),
            [
                "prosesser/a.md:71:1: warning: card \"Forespørsler\" has an empty owner, \
                 leader and purpose [missing-field]"
            ]
        );
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn missing_and_blank_fields_are_told_apart() {
        let partial = card(3, &[("title", "Behov"), ("owner", "  ")]);
        let found = check(&handbook(vec![document(vec![partial])]));
        assert_eq!(
            messages(&found),
            [
                "prosesser/a.md:3:1: warning: card \"Behov\" has no leader and purpose \
                 and has an empty owner [missing-field]"
            ]
        );
    }

    #[test]
    fn missing_input_and_output_are_not_warned_about() {
        let mut c = full(98, "Tilgangsstyring");
        c.params = c.params.without(|k| k == "input" || k == "output");
        assert_eq!(check(&handbook(vec![document(vec![c])])), []);
    }

    #[test]
    fn a_card_without_a_title_is_called_untitled() {
        let c = card(9, &[("owner", "A"), ("leader", "B"), ("purpose", "C")]);
        assert_eq!(
            messages(&check(&handbook(vec![document(vec![c])]))),
            ["prosesser/a.md:9:1: warning: untitled card has no title [missing-field]"]
        );
    }

    /// Front matter whose `navigation_link.text` is `text`.
    fn navigation_link(text: &str) -> FrontMatter {
        let front = serde_json::json!({ "navigation_link": { "text": text } });
        FrontMatter::from_params(front.as_object().unwrap().clone())
    }

    #[test]
    fn navigation_entries_match_titles_trimmed_and_ignoring_case() {
        let mut doc = document(vec![full(5, "Release"), full(14, "Endringsstyring")]);
        doc.front_matter = navigation_link("<ul><li> release </li><li>ENDRINGSSTYRING</li></ul>");
        assert_eq!(check(&handbook(vec![doc])), []);
    }

    #[test]
    fn a_navigation_entry_without_a_card_and_a_card_outside_the_navigation_are_warned() {
        let mut doc = document(vec![full(5, "Release"), full(14, "Behov")]);
        doc.front_matter = navigation_link("- Release\n- Hendelser\n");
        assert_eq!(
            messages(&check(&handbook(vec![doc]))),
            [
                "prosesser/a.md:1:1: warning: front matter navigation_link.text lists \
                 \"Hendelser\", but no card has that title [navigation]",
                "prosesser/a.md:14:1: warning: card \"Behov\" is not listed in front matter \
                 navigation_link.text [navigation]",
            ]
        );
    }

    #[test]
    fn duplicate_titles_point_at_the_later_card_and_name_the_first() {
        let doc = document(vec![full(5, "Release"), full(14, "release ")]);
        assert_eq!(
            messages(&check(&handbook(vec![doc]))),
            [
                "prosesser/a.md:14:1: warning: card \"release\" has the same title as the card \
                 at line 5, column 1 [duplicate-title]"
            ]
        );
    }

    #[test]
    fn a_title_that_only_looks_like_another_is_reported_with_what_differs() {
        let mut other = document(vec![full(9, "Release\u{e0001}\u{e0072}\u{e006d}")]);
        other.path = "prosesser/b.md".to_owned();
        let found = check(&handbook(vec![document(vec![full(5, "Release")]), other]));
        assert_eq!(
            messages(&found),
            [
                "prosesser/b.md:9:1: warning: title \"Release\\u{e0001}\\u{e0072}\\u{e006d}\" \
                 looks the same as \"Release\" (the card at prosesser/a.md:5:1) but is not: \
                 they differ in U+E0001, U+E0072, U+E006D [confusable]"
            ]
        );
    }

    #[test]
    fn a_name_with_a_look_alike_letter_is_reported_at_its_card() {
        let cyrillic = card(
            14,
            &[
                ("title", "Behov"),
                ("owner", "Hanne Lauritsen"),
                ("leader", "Tilgangsstyring/T\u{43e}rkel Buar\u{f8}y"),
                ("purpose", "Planlegge"),
            ],
        );
        let found = check(&handbook(vec![document(vec![
            full(5, "Release"),
            cyrillic,
        ])]));
        assert_eq!(
            messages(&found),
            [
                "prosesser/a.md:14:1: warning: leader \"Tоrkel Buarøy\" looks the same as \
                 \"Torkel Buarøy\" (the card at prosesser/a.md:5:1) but is not: they differ in \
                 U+043E [confusable]"
            ]
        );
    }

    #[test]
    fn the_same_title_twice_and_names_that_differ_visibly_are_not_confusable() {
        let mut other = document(vec![full(9, "Release"), full(12, "release")]);
        other.path = "prosesser/b.md".to_owned();
        other.cards.push(card(
            20,
            &[
                ("title", "Mørk"),
                ("owner", "Hanne Lauritsén"),
                ("leader", "torkel buarøy"),
                ("purpose", "Planlegge"),
            ],
        ));
        let found = check(&handbook(vec![document(vec![full(5, "Release")]), other]));
        assert!(
            found.iter().all(|d| d.rule != Rule::Confusable),
            "{:?}",
            messages(&found)
        );
    }

    #[test]
    fn the_seeds_unclosed_p_is_reported_once_with_its_line_in_the_value() {
        let mut doc = document(vec![]);
        doc.front_matter = FrontMatter::from_params(
            serde_json::json!({
                "navigation_link": {
                    "text": "<p> - Release</p>\n<p> - Endringsstyring</p>\n<p> - Behov<p>\n<p> - Utvikling</p>\n"
                }
            })
            .as_object()
            .unwrap()
            .clone(),
        );
        assert_eq!(
            messages(&check(&handbook(vec![doc]))),
            [
                "prosesser/a.md:1:1: warning: front matter navigation_link.text: malformed HTML: \
                 unclosed <p> on line 3 of the value: \"<p> - Behov<p>\" [html]"
            ]
        );
    }

    #[test]
    fn balanced_tags_void_elements_and_plain_angle_brackets_pass() {
        for ok in [
            "<p>a<br>b<img src=x/></p>",
            "<ul><li><a href=\"/x\">x</a></li></ul>",
            "<P>upper</p>",
            "a < b and c > d",
            "<!-- <p> -->",
            "<span/>",
            "<unknown>",
        ] {
            assert_eq!(tag_balance(ok), [], "{ok}");
        }
    }

    #[test]
    fn stray_and_crossed_tags_are_found() {
        assert_eq!(
            tag_balance("a</em>"),
            [TagProblem::Stray {
                tag: "em".into(),
                offset: 1
            }]
        );
        assert_eq!(
            tag_balance("<div><span></div>"),
            [TagProblem::Unclosed {
                tag: "span".into(),
                offset: 5
            }]
        );
    }

    #[test]
    fn html_in_nested_and_listed_values_names_the_key_path() {
        let mut doc = document(vec![]);
        doc.front_matter = FrontMatter::from_params(
            serde_json::json!({"menu": [{"html": "<b>x"}]})
                .as_object()
                .unwrap()
                .clone(),
        );
        assert_eq!(
            messages(&check(&handbook(vec![doc]))),
            [
                "prosesser/a.md:1:1: warning: front matter menu[0].html: malformed HTML: \
                 unclosed <b> on line 1 of the value: \"<b>x\" [html]"
            ]
        );
    }

    #[test]
    fn all_merges_parser_diagnostics_sorted_by_path_line_and_column() {
        let mut b = document(vec![card(7, &[("title", "X")])]);
        b.path = "b.md".to_owned();
        let mut hb = handbook(vec![b, document(vec![])]);
        hb.diagnostics = vec![
            Diagnostic::error("b.md", 2, 4, Rule::Shortcode, "bad"),
            Diagnostic::error("a.md", 9, 1, Rule::FrontMatter, "worse"),
        ];
        let found = all(&hb);
        let positions: Vec<_> = found
            .iter()
            .map(|d| (d.path.as_str(), d.line, d.column))
            .collect();
        assert_eq!(positions, [("a.md", 9, 1), ("b.md", 2, 4), ("b.md", 7, 1)]);
    }
}
