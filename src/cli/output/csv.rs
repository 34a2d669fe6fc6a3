//! RFC 4180 CSV with English headers, one record a line (LF-terminated).
//!
//! A field is quoted when it holds a quote, comma, CR or LF; quotes inside are
//! doubled. CSV cannot tell a missing field from an empty one: both are empty.
//! CSV has no escapes, so control characters are made visible
//! ([`prosesser::text::sanitize`]); newlines inside a field are kept.

use super::{Listing, card_refs, safe};
use prosesser::people::Person;
use prosesser::{Field, Handbook};
use std::io::{self, Write};

/// `path,line,column,title,owner,leader,purpose,input,output,effect`, rows
/// in the listing's order (best first for search).
pub fn cards(out: &mut dyn Write, listing: &Listing) -> io::Result<()> {
    let mut header = vec!["path", "line", "column"];
    header.extend(Field::ALL.map(Field::key));
    record(out, header)?;
    for row in &listing.rows {
        let (document, card) = listing.card(row);
        let mut fields = vec![
            document.path.clone(),
            card.line.to_string(),
            card.column.to_string(),
        ];
        fields.extend(Field::ALL.map(|f| card.text(f).into_owned()));
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

fn record<S: AsRef<str>>(
    out: &mut dyn Write,
    fields: impl IntoIterator<Item = S>,
) -> io::Result<()> {
    let line: Vec<String> = fields
        .into_iter()
        .map(|f| quote(&safe(f.as_ref())))
        .collect();
    writeln!(out, "{}", line.join(","))
}

/// One field, quoted only when it must be.
fn quote(field: &str) -> String {
    if field.contains(['"', ',', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn fields_with_quotes_commas_or_newlines_are_quoted_and_quotes_doubled() {
        assert_eq!(quote("Hanne"), "Hanne");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote(""), "");
    }
}
