//! Markdown for a wiki: a heading and a table per document, in the UI language.
//!
//! Cell text is escaped so it renders as written: Markdown punctuation gets a
//! backslash, `|` cannot end a cell, and newlines become `<br>`.

use super::{
    CommitChanges, Listing, by_commit, change_card, field_cell, one_line, people_header,
    person_row, safe,
};
use prosesser::history::{History, Kind};
use prosesser::i18n::Lang;
use prosesser::i18n::words;
use prosesser::people::Person;
use prosesser::{Field, Handbook};
use std::io::{self, Write};

pub fn cards(out: &mut dyn Write, listing: &Listing, lang: Lang) -> io::Result<()> {
    let w = words(lang);
    // A page without cards (a section or team page) is not a process page:
    // the list skips it, as the text format does.
    let groups: Vec<_> = listing
        .grouped()
        .into_iter()
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    if groups.is_empty() {
        let nothing = if listing.ranked {
            w.no_hits
        } else {
            w.no_cards
        };
        return writeln!(out, "*{}*", escape(nothing));
    }
    for (i, (document, rows)) in groups.into_iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let heading = document.heading();
        match w.unpublished(&document.publication) {
            Some(why) => writeln!(
                out,
                "## {} *[{}]*\n",
                escape(&one_line(&heading)),
                escape(&why)
            )?,
            None => writeln!(out, "## {}\n", escape(&one_line(&heading)))?,
        }
        writeln!(out, "{}: {}\n", w.source, escape(&one_line(&document.path)))?;
        let header: Vec<String> = Field::ALL
            .iter()
            .map(|f| lang.field_label(*f).to_owned())
            .collect();
        table_row(out, &header)?;
        table_row(out, &vec!["---".to_owned(); header.len()])?;
        for (_, row) in rows {
            let (_, card) = listing.card(row);
            let cells: Vec<String> = Field::ALL
                .iter()
                .map(|f| match card.field(*f) {
                    Some(text) if !text.trim().is_empty() => cell(&text),
                    // Most cards have no effect: that is no gap to point at.
                    None if f.shown_only_when_set() => String::new(),
                    _ => escape(&field_cell(card, *f, lang)),
                })
                .collect();
            table_row(out, &cells)?;
        }
    }
    Ok(())
}

pub fn people(
    out: &mut dyn Write,
    handbook: &Handbook,
    people: &[Person],
    lang: Lang,
) -> io::Result<()> {
    let w = words(lang);
    if people.is_empty() {
        return writeln!(out, "*{}*", escape(w.no_people));
    }
    let header = people_header(lang);
    table_row(out, &header)?;
    table_row(out, &vec!["---".to_owned(); header.len()])?;
    let labels = prosesser::labels::TitleLabels::new(handbook, lang);
    for person in people {
        table_row(out, &person_row(&labels, person, cell))?;
    }
    Ok(())
}

/// A heading per commit (date, short id, author, subject), newest first,
/// and a table of its changes.
pub fn history(out: &mut dyn Write, history: &History, lang: Lang) -> io::Result<()> {
    let w = words(lang);
    let h = &w.history;
    if history.changes.is_empty() {
        return writeln!(out, "*{}*", escape(h.no_changes));
    }
    for (i, CommitChanges { commit, files }) in by_commit(&history.changes).into_iter().enumerate()
    {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "## {} · {} · {}: {}\n",
            commit.short_date(),
            commit.short_id(),
            escape(&one_line(&commit.author)),
            escape(&one_line(&commit.subject))
        )?;
        let header = [h.file, h.card, h.change, h.field, h.before, h.after].map(str::to_owned);
        table_row(out, &header)?;
        table_row(out, &vec!["---".to_owned(); header.len()])?;
        for (path, changes) in files {
            for change in changes {
                let value = |v: &Option<prosesser::Value>, before| {
                    escape(&one_line(&w.change_value(v.as_ref(), before)))
                };
                let (field, before, after) = match change.kind {
                    Kind::Changed | Kind::Renamed => (
                        escape(w.param_label(change.field.as_deref().unwrap_or(""))),
                        value(&change.old, true),
                        value(&change.new, false),
                    ),
                    Kind::Added => (
                        String::new(),
                        String::new(),
                        escape(&one_line(&w.added_people(change))),
                    ),
                    Kind::Broken => (
                        String::new(),
                        String::new(),
                        change
                            .diagnostic
                            .as_ref()
                            .map_or(String::new(), |d| escape(&one_line(&w.finding_in_file(d)))),
                    ),
                    Kind::Removed | Kind::Mended => (String::new(), String::new(), String::new()),
                };
                let card = match change.kind {
                    Kind::Broken | Kind::Mended => String::new(),
                    _ => escape(&change_card(change, lang)),
                };
                table_row(
                    out,
                    &[
                        escape(&one_line(path)),
                        card,
                        escape(w.change_kind(change.kind)),
                        field,
                        before,
                        after,
                    ],
                )?;
            }
        }
    }
    Ok(())
}

fn table_row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

/// A cell: safe, escaped, its lines joined with `<br>`.
fn cell(text: &str) -> String {
    safe(text)
        .trim()
        .lines()
        .map(|line| escape(&one_line(line)))
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Backslash-escapes the punctuation that would change how a line renders.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~'
        ) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_and_markup_are_escaped_and_newlines_become_br() {
        assert_eq!(cell("a|b\n*c*"), r"a\|b<br>\*c\*");
        assert_eq!(cell("<p>x</p>"), r"\<p\>x\</p\>");
        assert_eq!(
            cell("Tilgangsstyring/Espen Herskedal"),
            "Tilgangsstyring/Espen Herskedal"
        );
    }
}
