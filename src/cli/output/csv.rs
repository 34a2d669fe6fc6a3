//! RFC 4180 CSV with English headers, one record a line (LF-terminated).
//!
//! A field is quoted when it holds a quote, comma, semicolon, tab, CR or LF;
//! quotes inside are doubled. CSV cannot tell a missing field from an empty
//! one: both are empty. CSV has no escapes, so control characters are made
//! visible ([`prosesser::text::sanitize`]); newlines inside a field are kept.
//!
//! A CSV file is opened in spreadsheets, and a spreadsheet runs a cell that
//! starts with `=`, `+`, `-`, `@`, tab or CR as a formula (`=HYPERLINK(...)`,
//! `=cmd|' /C calc'!A0`). As OWASP's "CSV Injection" advises, such a cell is
//! written with a `'` before it, which spreadsheets read as "this is text",
//! and a cell holding a separator (`,` or the `;` some locales use) is quoted
//! so it cannot start a new cell mid-text. A plain negative number (`-5`,
//! `-1.5`, `-1,5`) stays a number: it runs nothing.

use super::{Listing, card_refs, safe};
use prosesser::history::{History, Kind, params_of};
use prosesser::people::Person;
use prosesser::{Field, Handbook};
use std::io::{self, Write};

/// `path,line,column,title,owner,leader,purpose,input,output,effect,publication`,
/// rows in the listing's order (best first for search); `publication` is
/// `published`, `draft`, `not-rendered`, `future` or `expired`.
pub fn cards(out: &mut dyn Write, listing: &Listing) -> io::Result<()> {
    let mut header = vec!["path", "line", "column"];
    header.extend(Field::ALL.map(Field::key));
    header.push("publication");
    record(out, header)?;
    for row in &listing.rows {
        let (document, card) = listing.card(row);
        let mut fields = vec![
            document.path.clone(),
            card.line.to_string(),
            card.column.to_string(),
        ];
        fields.extend(Field::ALL.map(|f| card.text(f).into_owned()));
        fields.push(document.publication.key().to_owned());
        record(out, fields)?;
    }
    Ok(())
}

/// `name,teams,role,title,path,line,qualifiers`: one record per person and
/// card, `role` being `owner` or `leader`; a person of the directory who owns
/// and leads nothing has one record with the last four empty but
/// `qualifiers`. Several teams or qualifiers are joined with `; `.
pub fn people(out: &mut dyn Write, handbook: &Handbook, people: &[Person]) -> io::Result<()> {
    record(
        out,
        [
            "name",
            "teams",
            "role",
            "title",
            "path",
            "line",
            "qualifiers",
        ],
    )?;
    for person in people {
        let teams = person.teams.join("; ");
        let qualifiers = person.qualifiers.join("; ");
        if person.owner_of.is_empty() && person.leader_of.is_empty() {
            record(
                out,
                [person.name.as_str(), &teams, "", "", "", "", &qualifiers],
            )?;
        }
        for (role, ids) in [("owner", &person.owner_of), ("leader", &person.leader_of)] {
            for (title, path, line) in card_refs(handbook, ids) {
                record(
                    out,
                    [
                        person.name.as_str(),
                        &teams,
                        role,
                        &title,
                        path,
                        &line.to_string(),
                        &qualifiers,
                    ],
                )?;
            }
        }
    }
    Ok(())
}

/// `commit,date,author,subject,path,card,kind,field,old,new,diagnostic`,
/// newest first. A value is its text; an added card's `new` (a removed
/// card's `old`) is its params as a JSON object; the diagnostic is
/// `line:column: message [rule]`.
pub fn history(out: &mut dyn Write, history: &History) -> io::Result<()> {
    record(
        out,
        [
            "commit",
            "date",
            "author",
            "subject",
            "path",
            "card",
            "kind",
            "field",
            "old",
            "new",
            "diagnostic",
        ],
    )?;
    for change in &history.changes {
        let params = || {
            change.card_at.as_ref().map_or(String::new(), |at| {
                let map: serde_json::Map<String, serde_json::Value> = params_of(at.card())
                    .into_iter()
                    .map(|(k, v)| (k.into_owned(), serde_json::json!(v)))
                    .collect();
                serde_json::Value::Object(map).to_string()
            })
        };
        let text =
            |v: &Option<prosesser::Value>| v.as_ref().map_or(String::new(), |v| v.to_string());
        let (old, new) = match change.kind {
            Kind::Added => (String::new(), params()),
            Kind::Removed => (params(), String::new()),
            _ => (text(&change.old), text(&change.new)),
        };
        let diagnostic = change.diagnostic.as_ref().map_or(String::new(), |d| {
            format!("{}:{}: {} [{}]", d.line, d.column, d.message, d.rule)
        });
        let commit = &change.commit;
        record(
            out,
            [
                commit.id.as_str(),
                &commit.date,
                &commit.author,
                &commit.subject,
                &change.path,
                change.card.as_deref().unwrap_or(""),
                change.kind.key(),
                change.field.as_deref().unwrap_or(""),
                &old,
                &new,
                &diagnostic,
            ],
        )?;
    }
    Ok(())
}

fn record<S: AsRef<str>>(
    out: &mut dyn Write,
    fields: impl IntoIterator<Item = S>,
) -> io::Result<()> {
    let line: Vec<String> = fields
        .into_iter()
        .map(|f| quote(&not_a_formula(&safe(f.as_ref()))))
        .collect();
    writeln!(out, "{}", line.join(","))
}

/// One field, quoted only when it must be.
fn quote(field: &str) -> String {
    if field.contains(['"', ',', ';', '\t', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// A cell a spreadsheet would run as a formula, with a `'` before it.
fn not_a_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_negative_number(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// `-` and digits, with at most one decimal point or comma between digits.
fn is_negative_number(cell: &str) -> bool {
    let Some(number) = cell.strip_prefix('-') else {
        return false;
    };
    let mut parts = number.splitn(2, ['.', ',']);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    parts.next().is_some_and(digits) && parts.next().is_none_or(digits)
}

#[cfg(test)]
mod tests {
    use super::{not_a_formula, quote};

    #[test]
    fn a_cell_a_spreadsheet_would_run_gets_a_quote_mark_before_it() {
        for (cell, written) in [
            ("=1+1", "'=1+1"),
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+47 22 33 44 55", "'+47 22 33 44 55"),
            ("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-", "'-"),
            ("--5", "'--5"),
            ("-5e3", "'-5e3"),
            ("-1.", "'-1."),
        ] {
            assert_eq!(not_a_formula(cell), written, "{cell:?}");
        }
        for plain in ["-5", "-1.5", "-1,5", "Hanne", "a=b", "1-2", "", "'=x"] {
            assert_eq!(not_a_formula(plain), plain);
        }
    }

    #[test]
    fn a_separator_of_any_locale_is_quoted() {
        assert_eq!(quote("a;=1+1"), "\"a;=1+1\"");
        assert_eq!(quote("a\t=1"), "\"a\t=1\"");
    }

    #[test]
    fn fields_with_quotes_commas_or_newlines_are_quoted_and_quotes_doubled() {
        assert_eq!(quote("Hanne"), "Hanne");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote(""), "");
    }
}
