//! The JSON shape scripts and tests depend on (documented in `docs/json.md`).
//!
//! Strings are exact; characters a terminal would act on (DEL, C1 controls,
//! bidi controls: [`prosesser::text::is_unsafe`]) are written as `\uXXXX` escapes
//! on top of the C0 escapes JSON already requires, so `cat`ing the output is safe.

use super::{Listing, Row, card_refs};
use prosesser::flow::{Endpoint, Flow, Link};
use prosesser::history::{History, Kind, params_of};
use prosesser::i18n::{Lang, words};
use prosesser::people::{How, Person};
use prosesser::{Card, Diagnostic, Document, Field, Handbook, Publication};
use serde::Serialize;
use serde::ser::{SerializeMap as _, SerializeSeq as _};
use serde_json::ser::{Formatter, PrettyFormatter};
use serde_json::{Map, Value, json};
use std::io::{self, Write};

/// `{"documents": [...], "diagnostics": [...]}`, written card by card: a
/// dense page's cards carry as many links as it has words, and the whole
/// listing as one JSON tree would take many times the memory of the files.
pub fn cards(out: &mut dyn Write, listing: &Listing) -> io::Result<()> {
    write(out, &CardsJson(listing))
}

struct CardsJson<'a, 'h>(&'a Listing<'h>);

impl Serialize for CardsJson<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("documents", &DocumentsJson(self.0))?;
        map.serialize_entry("diagnostics", &self.0.handbook.diagnostics)?;
        map.end()
    }
}

struct DocumentsJson<'a, 'h>(&'a Listing<'h>);

impl Serialize for DocumentsJson<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let listing = self.0;
        let mut seq = s.serialize_seq(Some(listing.documents.len()))?;
        for (document, rows) in listing.grouped() {
            seq.serialize_element(&DocumentJson {
                listing,
                document,
                rows,
            })?;
        }
        seq.end()
    }
}

struct DocumentJson<'a, 'h> {
    listing: &'a Listing<'h>,
    document: &'h Document,
    rows: Vec<(usize, &'a Row)>,
}

impl Serialize for DocumentJson<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let document = self.document;
        let listing = self.listing;
        // Only the documents printed pay for their flow.
        let flow = self
            .rows
            .first()
            .map(|(_, row)| Flow::for_document(listing.handbook, row.id.document))
            .unwrap_or_default();
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("path", &document.path)?;
        map.serialize_entry("title", &document.title())?;
        // Whether Hugo would publish the page, and why not (`draft`,
        // `not-rendered`, `future`, `expired`), with the date the last two
        // are about.
        let publication = &document.publication;
        let date = match publication {
            Publication::Future(date) | Publication::Expired(date) => Some(date),
            _ => None,
        };
        map.serialize_entry("draft", &publication.is_draft())?;
        map.serialize_entry("published", &publication.is_published())?;
        map.serialize_entry("publication", &publication.key())?;
        map.serialize_entry("publication_date", &date)?;
        map.serialize_entry("weight", &document.weight())?;
        map.serialize_entry("front_matter", &document.front_matter.params)?;
        map.serialize_entry("navigation", &document.navigation)?;
        map.serialize_entry(
            "cards",
            &CardsOf {
                listing,
                flow: &flow,
                rows: &self.rows,
            },
        )?;
        map.end()
    }
}

struct CardsOf<'a, 'h> {
    listing: &'a Listing<'h>,
    flow: &'a Flow,
    rows: &'a [(usize, &'a Row)],
}

impl Serialize for CardsOf<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.rows.len()))?;
        for &(rank, row) in self.rows {
            // One card's tree at a time.
            seq.serialize_element(&card_value(self.listing, self.flow, rank, row))?;
        }
        seq.end()
    }
}

/// A card as listed: [`card_json`], its links, and for search its rank and matches.
fn card_value(listing: &Listing, flow: &Flow, rank: usize, row: &Row) -> Value {
    let (_, card) = listing.card(row);
    let mut value = card_json(card);
    value.insert(
        "upstream".into(),
        links_json(listing.handbook, flow.upstream(row.id), |l| &l.from),
    );
    value.insert(
        "downstream".into(),
        links_json(listing.handbook, flow.downstream(row.id), |l| &l.to),
    );
    if listing.ranked {
        value.insert("rank".into(), json!(rank));
        value.insert(
            "matches".into(),
            row.matches
                .iter()
                .map(|m| {
                    json!({
                        "field": m.field.key(),
                        "start": m.range.start,
                        "end": m.range.end,
                    })
                })
                .collect(),
        );
        if !row.unlisted.is_empty() {
            value.insert(
                "unlisted_matches".into(),
                row.unlisted
                    .iter()
                    .map(|(field, count)| (field.key().to_owned(), json!(count)))
                    .collect::<Map<String, Value>>()
                    .into(),
            );
        }
    }
    Value::Object(value)
}

/// `{"people": [{"name", "teams", "owner_of": [{"title", "path", "line"}],
/// "leader_of", "memberships": [{"team", "role", "path", "line"}],
/// "spellings", "qualifiers", "readings"}]}`.
pub fn people(out: &mut dyn Write, handbook: &Handbook, people: &[Person]) -> io::Result<()> {
    let refs = |ids| -> Vec<Value> {
        card_refs(handbook, ids)
            .into_iter()
            .map(|(title, path, line)| json!({"title": title, "path": path, "line": line}))
            .collect()
    };
    let people: Vec<Value> = people
        .iter()
        .map(|p| {
            let memberships: Vec<Value> = p
                .memberships
                .iter()
                .map(|m| {
                    json!({
                        "team": m.team,
                        "role": m.role,
                        "path": m.path,
                        "line": m.line,
                        "column": m.column,
                        "source": match &m.source {
                            prosesser::directory::Source::Navigation => "navigation_link",
                            prosesser::directory::Source::Entry { .. } => "entry",
                        },
                    })
                })
                .collect();
            let readings: Vec<Value> = p
                .readings
                .iter()
                .map(|r| {
                    let mut reading = json!({
                        "field": r.field.key(),
                        "value": &*r.value,
                        "spelling": &*r.spelling,
                        "how": r.how.kind(),
                        "cards": refs(&r.cards),
                    });
                    match r.how.as_ref() {
                        How::Shared { with } => reading["with"] = json!(with),
                        How::Unit { units } => {
                            reading["units"] = units
                                .iter()
                                .map(|u| json!({"text": u.text, "team": u.team}))
                                .collect()
                        }
                        How::Role { role, because } => {
                            reading["role"] = json!(role);
                            reading["because"] = json!(because.kind());
                        }
                        How::Alone | How::Listed => {}
                    }
                    reading
                })
                .collect();
            json!({
                "name": p.name,
                "teams": p.teams,
                "owner_of": refs(&p.owner_of),
                "leader_of": refs(&p.leader_of),
                "memberships": memberships,
                "spellings": p.spellings,
                "qualifiers": p.qualifiers,
                "readings": readings,
            })
        })
        .collect();
    write(out, &json!({ "people": people }))
}

/// `{"diagnostics": [...], "errors": n, "warnings": n}`.
pub fn diagnostics(out: &mut dyn Write, found: &[Diagnostic]) -> io::Result<()> {
    let errors = found
        .iter()
        .filter(|d| d.severity == prosesser::Severity::Error)
        .count();
    write(
        out,
        &json!({
            "diagnostics": found,
            "errors": errors,
            "warnings": found.len() - errors,
        }),
    )
}

/// `{"changes": [{"commit", "date", "author", "subject", "path", "card",
/// "kind", "field", "old", "new", "diagnostic"}]}`, newest first. An added
/// card's `new` (a removed card's `old`) is the card's params.
///
/// Serialized straight from the history, entry by entry: a site's first
/// commit adds every card, and a tree of JSON values for all of them would
/// cost more than reading the history.
pub fn history(out: &mut dyn Write, history: &History) -> io::Result<()> {
    #[derive(Serialize)]
    struct Changes<'a> {
        changes: Vec<Entry<'a>>,
    }
    #[derive(Serialize)]
    struct Entry<'a> {
        commit: &'a str,
        date: &'a str,
        author: &'a str,
        subject: &'a str,
        path: &'a str,
        card: Option<&'a str>,
        kind: Kind,
        field: Option<&'a str>,
        old: Side<'a>,
        new: Side<'a>,
        diagnostic: Option<&'a Diagnostic>,
    }
    /// A value, or a whole card's params, or null.
    enum Side<'a> {
        Value(Option<&'a prosesser::Value>),
        Card(&'a prosesser::Card),
    }
    impl Serialize for Side<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self {
                Side::Value(value) => value.serialize(s),
                Side::Card(card) => s.collect_map(params_of(card)),
            }
        }
    }
    let changes = history
        .changes
        .iter()
        .map(|change| {
            let card = || match &change.card_at {
                Some(at) => Side::Card(at.card()),
                None => Side::Value(None),
            };
            let (old, new) = match change.kind {
                Kind::Added => (Side::Value(None), card()),
                Kind::Removed => (card(), Side::Value(None)),
                _ => (
                    Side::Value(change.old.as_ref()),
                    Side::Value(change.new.as_ref()),
                ),
            };
            Entry {
                commit: &change.commit.id,
                date: &change.commit.date,
                author: &change.commit.author,
                subject: &change.commit.subject,
                path: &change.path,
                card: change.card.as_deref(),
                kind: change.kind,
                field: change.field.as_deref(),
                old,
                new,
                diagnostic: change.diagnostic.as_ref(),
            }
        })
        .collect();
    write(out, &Changes { changes })
}

/// `[{"title", "external", "reasons"}]`: the other end of each link, and why
/// it was drawn (in English, as every machine format is).
fn links_json<'a>(
    handbook: &Handbook,
    links: impl Iterator<Item = &'a Link>,
    other: fn(&Link) -> &Endpoint,
) -> Value {
    links
        .map(|link| {
            let (title, external) = match other(link) {
                Endpoint::Card(id) => (handbook.card(*id).map(|c| c.title().into_owned()), false),
                Endpoint::External(name) => (Some(name.clone()), true),
            };
            let reasons: Vec<String> = link
                .reasons
                .iter()
                .map(|r| words(Lang::En).reason(r))
                .collect();
            json!({"title": title, "external": external, "reasons": reasons})
        })
        .collect()
}

/// A card: its shortcode, where it is, its params as Hugo typed them, and
/// the known fields as text (`null` when absent, `""` when written empty).
fn card_json(card: &Card) -> Map<String, Value> {
    let mut value = Map::new();
    value.insert("shortcode".into(), json!(card.shortcode));
    value.insert("line".into(), json!(card.line));
    value.insert("column".into(), json!(card.column));
    value.insert(
        "params".into(),
        Value::Object(
            card.params
                .iter()
                .map(|(k, v)| (k.to_owned(), json!(v)))
                .collect(),
        ),
    );
    if let Some(positional) = &card.positional {
        value.insert("positional".into(), json!(positional));
    }
    for field in Field::ALL {
        value.insert(field.key().into(), json!(card.field(field)));
    }
    value
}

pub(super) fn write<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut *out, TerminalSafe(PrettyFormatter::new()));
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(out)
}

/// Characters that are valid JSON unescaped but that a terminal may act on
/// (JSON already escapes C0 controls, so these are DEL, C1 and bidi controls).
fn needs_escape(c: char) -> bool {
    prosesser::text::is_unsafe(c)
}

/// `c` as JSON `\u` escapes: a surrogate pair past the first plane, and a
/// byte of a file name that is not UTF-8 ([`prosesser::text::raw_byte`]) as
/// the lone surrogate `\udc80`–`\udcff`. That is the form Python's
/// `surrogateescape` reads back to the exact byte (`os.fsencode(path)`); a
/// reader without it gets U+FFFD, as it would for the name itself.
fn write_escaped<W: ?Sized + Write>(writer: &mut W, c: char) -> io::Result<()> {
    if let Some(byte) = prosesser::text::raw_byte(c) {
        return write!(writer, "\\u{:04x}", 0xdc00 + u32::from(byte));
    }
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        write!(writer, "\\u{unit:04x}")?;
    }
    Ok(())
}

/// Pretty JSON that also escapes [`needs_escape`] characters.
struct TerminalSafe<'a>(PrettyFormatter<'a>);

impl Formatter for TerminalSafe<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if needs_escape(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write_escaped(writer, c)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    // The rest is PrettyFormatter's layout, delegated.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_acting_characters_are_escaped_and_the_string_survives() {
        let original = "a\u{1b}[31m b\u{9b}c \u{202e}d\u{7f} ø";
        let mut out = Vec::new();
        write(&mut out, &json!({ "s": original })).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(r"\u001b"), "{text}");
        assert!(text.contains(r"\u009b") && text.contains(r"\u202e") && text.contains(r"\u007f"));
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["s"], original);
    }

    #[test]
    fn characters_past_the_first_plane_are_escaped_as_surrogate_pairs() {
        let original = "Release\u{e0001}\u{e0072}";
        let mut out = Vec::new();
        write(&mut out, &json!({ "s": original })).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(r"Release\udb40\udc01\udb40\udc72"), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["s"], original);
    }

    #[test]
    fn a_byte_of_a_name_that_is_not_utf8_is_a_lone_surrogate_escape() {
        let name = prosesser::text::lossless_name(b"caf\xe9.md");
        let mut out = Vec::new();
        write(&mut out, &json!({ "path": name })).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(r#""caf\udce9.md""#), "{text}");
    }
}
