//! Aligned columns for people, in the UI language.

use super::{CommitChanges, Listing, by_commit, change_line, field_cell, one_line, people_rows};
use prosesser::history::History;
use prosesser::i18n::Lang;
use prosesser::i18n::words;
use prosesser::people::Person;
use prosesser::text::width;
use prosesser::{Diagnostic, Field, Handbook};
use std::io::{self, Write};

/// Space between columns.
const GAP: usize = 2;

/// Title, owner and leader of each card, and where it is (`path:line`); for
/// search results also the fields the query matched in, since a match in the
/// purpose is not otherwise visible.
pub fn cards(out: &mut dyn Write, listing: &Listing, lang: Lang) -> io::Result<()> {
    let w = words(lang);
    if listing.rows.is_empty() {
        let nothing = if listing.ranked {
            w.no_hits
        } else {
            w.no_cards
        };
        return writeln!(out, "{nothing}");
    }
    let columns = [Field::Title, Field::Owner, Field::Leader];
    let mut header: Vec<String> = columns
        .iter()
        .map(|f| lang.field_label(*f).to_owned())
        .chain([w.source.to_owned()])
        .collect();
    if listing.ranked {
        header.push(w.matched_in.to_owned());
    }
    let mut rows = vec![header];
    for row in &listing.rows {
        let (document, card) = listing.card(row);
        let mut cells: Vec<String> = columns
            .iter()
            .map(|f| field_cell(card, *f, lang))
            .chain([format!("{}:{}", one_line(&document.path), card.line)])
            .collect();
        // A page Hugo does not publish is not the real process: say so by its title.
        if let Some(why) = w.unpublished(&document.publication) {
            cells[0] = format!("{} [{why}]", cells[0]);
        }
        if listing.ranked {
            let mut fields: Vec<Field> = row.matches.iter().map(|m| m.field).collect();
            fields.sort();
            fields.dedup();
            let mut labels: Vec<&str> = fields.iter().map(|f| lang.field_label(*f)).collect();
            if listing.team_matched {
                labels.push(w.teams);
            }
            cells.push(labels.join(", ").to_lowercase());
        }
        rows.push(cells);
    }
    table(out, &rows)
}

/// Each person once: name, teams, and the titles they own and lead.
pub fn people(
    out: &mut dyn Write,
    handbook: &Handbook,
    people: &[Person],
    lang: Lang,
) -> io::Result<()> {
    let w = words(lang);
    if people.is_empty() {
        return writeln!(out, "{}", w.no_people);
    }
    let rows = people_rows(handbook, people, lang, one_line);
    table(out, &rows)
}

/// Per commit, newest first: date, short id, author and subject, then per
/// file the changes, one a line.
pub fn history(out: &mut dyn Write, history: &History, lang: Lang) -> io::Result<()> {
    if history.changes.is_empty() {
        return writeln!(out, "{}", words(lang).history.no_changes);
    }
    for (i, CommitChanges { commit, files }) in by_commit(&history.changes).into_iter().enumerate()
    {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}  {}  {}  {}",
            commit.short_date(),
            commit.short_id(),
            one_line(&commit.author),
            one_line(&commit.subject)
        )?;
        for (path, changes) in files {
            writeln!(out, "  {}", one_line(path))?;
            for change in changes {
                writeln!(out, "    {}", change_line(change, lang))?;
            }
        }
    }
    Ok(())
}

/// `path:line:col: severity: message [rule]`, one a line. Runs of spaces are
/// kept: a finding may be about them (`"Ola  Dahl"`).
pub fn diagnostics(out: &mut dyn Write, found: &[Diagnostic]) -> io::Result<()> {
    for diagnostic in found {
        let line = diagnostic.to_string();
        writeln!(out, "{}", prosesser::text::sanitize_line(line.trim()))?;
    }
    Ok(())
}

/// Rows padded to their column's display width (æøå are one column wide, CJK
/// two); the last column is not padded, so no line ends in spaces.
pub fn table(out: &mut dyn Write, rows: &[Vec<String>]) -> io::Result<()> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(cell));
        }
    }
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                let pad = widths[i] - width(cell) + GAP;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(rows: &[&[&str]]) -> String {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect();
        let mut out = Vec::new();
        table(&mut out, &rows).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn columns_align_by_display_width_not_bytes() {
        let shown = render(&[&["Buarøy", "x"], &["ab", "y"], &["日本", "z"]]);
        assert_eq!(shown, "Buarøy  x\nab      y\n日本    z\n");
    }

    #[test]
    fn empty_last_cells_leave_no_trailing_spaces() {
        assert_eq!(render(&[&["a", ""], &["bb", "c"]]), "a\nbb  c\n");
    }
}
