//! Aligned columns for people, in the UI language.

use super::{
    CommitChanges, Listing, by_commit, change_line, field_text, on_one_line, one_line,
    people_header, person_row,
};
use prosesser::history::History;
use prosesser::i18n::Lang;
use prosesser::i18n::words;
use prosesser::people::Person;
use prosesser::text::width;
use prosesser::{Diagnostic, Field, Handbook};
use std::borrow::Cow;
use std::io::{self, BufWriter, Write};

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
    let mut header: Vec<Cow<str>> = columns
        .iter()
        .map(|f| Cow::Borrowed(lang.field_label(*f)))
        .chain([Cow::Borrowed(w.source)])
        .collect();
    if listing.ranked {
        header.push(Cow::Borrowed(w.matched_in));
    }
    let rows = listing.rows.len() + 1;
    table(out, rows, |i, cells| {
        let Some(row) = i.checked_sub(1).map(|i| &listing.rows[i]) else {
            cells.extend(header.iter().cloned());
            return;
        };
        let (document, card) = listing.card(row);
        cells.extend(columns.iter().map(|f| field_text(card, *f, lang)));
        // A page Hugo does not publish is not the real process: say so by its title.
        if let Some(why) = w.unpublished(&document.publication) {
            cells[0] = Cow::Owned(format!("{} [{why}]", cells[0]));
        }
        cells.push(Cow::Owned(format!(
            "{}:{}",
            on_one_line(&document.path),
            card.line
        )));
        if listing.ranked {
            let mut fields: Vec<Field> = row.matches.iter().map(|m| m.field).collect();
            fields.sort();
            fields.dedup();
            let mut labels: Vec<&str> = fields.iter().map(|f| lang.field_label(*f)).collect();
            if listing.team_matched {
                labels.push(w.teams);
            }
            cells.push(Cow::Owned(labels.join(", ").to_lowercase()));
        }
    })
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
    let header = people_header(lang);
    let labels = prosesser::labels::TitleLabels::new(handbook, lang);
    table(out, people.len() + 1, |i, cells| match i.checked_sub(1) {
        None => cells.extend(header.iter().map(|h| Cow::Borrowed(h.as_str()))),
        Some(i) => cells.extend(person_row(&labels, &people[i], one_line).map(Cow::Owned)),
    })
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

/// `path:line:col: severity: message [rule]`, one a line, the message in the
/// reader's language (severity and rule stay English, for the tools that
/// parse the line). Runs of spaces are kept: a finding may be about them
/// (`"Ola  Dahl"`).
pub fn diagnostics(out: &mut dyn Write, found: &[Diagnostic], lang: Lang) -> io::Result<()> {
    let w = words(lang);
    for diagnostic in found {
        let line = w.finding_line(diagnostic);
        writeln!(out, "{}", prosesser::text::sanitize_line(line.trim()))?;
    }
    Ok(())
}

/// `rows` rows padded to their column's display width (æøå are one column
/// wide, CJK two); the last column is not padded, so no line ends in spaces.
///
/// `cells(i, cells)` gives row `i`'s cells. It is asked twice per row, once
/// to measure the columns and once to write, so the table is never held in
/// memory however long it is (cells mostly borrow from the handbook, so
/// asking twice is cheap).
pub fn table<'a>(
    out: &mut dyn Write,
    rows: usize,
    cells: impl Fn(usize, &mut Vec<Cow<'a, str>>),
) -> io::Result<()> {
    let mut widths: Vec<usize> = Vec::new();
    let mut row: Vec<Cow<'a, str>> = Vec::new();
    for i in 0..rows {
        row.clear();
        cells(i, &mut row);
        if widths.len() < row.len() {
            widths.resize(row.len(), 0);
        }
        for (width, cell) in widths.iter_mut().zip(&row) {
            *width = (*width).max(display_width(cell));
        }
    }
    let mut out = BufWriter::with_capacity(64 * 1024, out);
    for i in 0..rows {
        row.clear();
        cells(i, &mut row);
        // Cells left empty at the end of a row are not padded either.
        let last = row.iter().rposition(|c| !c.is_empty()).map_or(0, |l| l + 1);
        for (j, cell) in row[..last].iter().enumerate() {
            out.write_all(cell.as_bytes())?;
            if j + 1 < last {
                let pad = widths[j] - display_width(cell) + GAP;
                write_spaces(&mut out, pad)?;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Columns `s` takes on a terminal; ASCII text without asking Unicode.
fn display_width(s: &str) -> usize {
    if s.is_ascii() { s.len() } else { width(s) }
}

fn write_spaces(out: &mut impl Write, mut n: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = b"                                                                ";
    while n > 0 {
        let k = n.min(SPACES.len());
        out.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(rows: &[&[&str]]) -> String {
        let mut out = Vec::new();
        table(&mut out, rows.len(), |i, cells| {
            cells.extend(rows[i].iter().map(|c| Cow::Borrowed(*c)))
        })
        .unwrap();
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
