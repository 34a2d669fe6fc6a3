//! The JSON shape scripts and tests depend on (documented in `docs/json.md`).
//!
//! Strings are exact; characters a terminal would act on (DEL, C1 controls,
//! bidi controls: [`prosesser::text::is_unsafe`]) are written as `\uXXXX` escapes
//! on top of the C0 escapes JSON already requires, so `cat`ing the output is safe.
//!
//! Each shape is a [`Serialize`] view of the handbook that serde streams
//! straight into the output, a document and a card at a time: the output is
//! never held in memory (no `serde_json::Value` tree, no string), so printing
//! a catalogue costs no more memory than loading it.

use super::{Listing, Row, card_refs};
use prosesser::flow::{Endpoint, Flow, Link};
use prosesser::history::{History, Kind, params_of};
use prosesser::i18n::{Lang, words};
use prosesser::people::{How, Person};
use prosesser::{Card, CardId, Diagnostic, Document, Field, Handbook, Publication};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::cell::Cell;
use std::io::{self, BufWriter, Write};
use writer::{Pretty, indent};

mod writer;

/// `{"documents": [...], "diagnostics": [...]}`.
pub fn cards(out: &mut dyn Write, listing: &Listing) -> io::Result<()> {
    let documents = listing.grouped();
    let document = |(document, rows): &(&Document, Vec<(usize, &Row)>), buffer: &mut Vec<u8>| {
        let document = DocumentJson {
            listing,
            document,
            rows,
        };
        write_document(buffer, &document)
    };
    write_documents(out, &documents, document, |out| {
        out.write_all(b",\n  \"diagnostics\": ")?;
        serialize(out, 1, &listing.handbook.diagnostics)
    })
}

/// `{"documents": [...]` and what `after` writes, then `}`: each item is
/// rendered by `document` (with [`write_document`]) on every core (its flow,
/// say, is worked out there too) and written in order as its turn comes (see
/// [`super::ordered`]), laid out byte for byte as one serializer would.
pub(super) fn write_documents<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    document: impl Fn(&T, &mut Vec<u8>) -> io::Result<()> + Sync,
    after: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(BUFFER, out);
    out.write_all(b"{\n  \"documents\": [")?;
    super::ordered::write_in_order(&mut out, items, |i, item, buffer| {
        // What serde writes before an array's item, then the item laid out
        // at its depth.
        buffer.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        indent(buffer, DOCUMENT_DEPTH)?;
        document(item, buffer)
    })?;
    if !items.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"]")?;
    after(&mut out)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// How deep a document is in `{"documents": [...]}`.
const DOCUMENT_DEPTH: usize = 2;

/// One item of [`write_documents`], laid out at its depth.
pub(super) fn write_document<T: Serialize + ?Sized>(
    buffer: &mut Vec<u8>,
    value: &T,
) -> io::Result<()> {
    serialize(buffer, DOCUMENT_DEPTH, value)
}

/// `{"people": [{"name", "teams", "owner_of": [{"title", "path", "line"}],
/// "leader_of", "memberships": [{"team", "role", "path", "line"}],
/// "spellings", "qualifiers", "readings"}]}`.
pub fn people(out: &mut dyn Write, handbook: &Handbook, people: &[Person]) -> io::Result<()> {
    let people = people.iter().map(|person| PersonJson { handbook, person });
    write(out, &Object([("people", Seq::new(people))]))
}

/// `{"diagnostics": [...], "errors": n, "warnings": n}`.
pub fn diagnostics(out: &mut dyn Write, found: &[Diagnostic]) -> io::Result<()> {
    let errors = found
        .iter()
        .filter(|d| d.severity == prosesser::Severity::Error)
        .count();
    write(
        out,
        &DiagnosticsJson {
            found,
            errors,
            warnings: found.len() - errors,
        },
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
    #[derive(serde::Serialize)]
    struct Changes<'a> {
        changes: Vec<Entry<'a>>,
    }
    #[derive(serde::Serialize)]
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
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
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

/// `{"path", "title", "draft", "published", "publication",
/// "publication_date", "weight", "front_matter", "navigation", "cards"}`.
struct DocumentJson<'l, 'a> {
    listing: &'l Listing<'a>,
    document: &'a Document,
    /// The document's rows, with their 1-based rank.
    rows: &'l [(usize, &'l Row)],
}

impl Serialize for DocumentJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let document = self.document;
        // Only the documents printed pay for their flow.
        let flow = self
            .rows
            .first()
            .map(|(_, row)| Flow::for_document(self.listing.handbook, row.id.document))
            .unwrap_or_default();
        let cards = self.rows.iter().map(|&(rank, row)| CardJson {
            listing: self.listing,
            flow: &flow,
            rank,
            row,
        });
        let mut map = s.serialize_map(None)?;
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
        // Decoded once for both: the front matter is kept as its text.
        let front_matter = document.front_matter.params();
        map.serialize_entry("front_matter", &front_matter)?;
        map.serialize_entry(
            "navigation",
            &prosesser::parse::navigation_entries(&front_matter),
        )?;
        map.serialize_entry("cards", &Seq::new(cards))?;
        map.end()
    }
}

/// A card: its shortcode, where it is, its params as Hugo typed them, and
/// the known fields as text (`null` when absent, `""` when written empty);
/// then its links, and for search results its rank and matches.
struct CardJson<'l, 'a> {
    listing: &'l Listing<'a>,
    flow: &'l Flow,
    rank: usize,
    row: &'l Row,
}

impl Serialize for CardJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let handbook = self.listing.handbook;
        let id = self.row.id;
        let (_, card): (_, &Card) = self.listing.card(self.row);
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("shortcode", &card.shortcode)?;
        map.serialize_entry("line", &card.line)?;
        map.serialize_entry("column", &card.column)?;
        map.serialize_entry("params", &card.params)?;
        if let Some(positional) = card.positional() {
            map.serialize_entry("positional", positional)?;
        }
        for field in Field::ALL {
            map.serialize_entry(field.key(), &card.field(field))?;
        }
        let upstream = self.flow.upstream(id).map(|link| LinkJson {
            handbook,
            other: &link.from,
            link,
        });
        map.serialize_entry("upstream", &Seq::new(upstream))?;
        let downstream = self.flow.downstream(id).map(|link| LinkJson {
            handbook,
            other: &link.to,
            link,
        });
        map.serialize_entry("downstream", &Seq::new(downstream))?;
        if self.listing.ranked {
            map.serialize_entry("rank", &self.rank)?;
            let matches = self.row.matches.iter().map(|m| {
                Object([
                    ("field", Scalar::Str(m.field.key())),
                    ("start", Scalar::Usize(m.range.start)),
                    ("end", Scalar::Usize(m.range.end)),
                ])
            });
            map.serialize_entry("matches", &Seq::new(matches))?;
            if !self.row.unlisted.is_empty() {
                let unlisted = self
                    .row
                    .unlisted
                    .iter()
                    .map(|(field, count)| (field.key(), count));
                map.serialize_entry("unlisted_matches", &Map(Cell::new(Some(unlisted))))?;
            }
        }
        map.end()
    }
}

/// `{"title", "external", "reasons"}`: the other end of a link, and why it was
/// drawn (in English, as every machine format is).
struct LinkJson<'a> {
    handbook: &'a Handbook,
    other: &'a Endpoint,
    link: &'a Link,
}

impl Serialize for LinkJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (title, external) = match self.other {
            Endpoint::Card(id) => (self.handbook.card(*id).map(|c| c.title()), false),
            Endpoint::External(name) => (Some(name.as_str().into()), true),
        };
        let reasons = (self.link.reasons.iter()).map(|r| Display(words(Lang::En).reason_text(r)));
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("title", &title)?;
        map.serialize_entry("external", &external)?;
        map.serialize_entry("reasons", &Seq::new(reasons))?;
        map.end()
    }
}

/// `{"name", "teams", "owner_of", "leader_of"}`.
struct PersonJson<'a> {
    handbook: &'a Handbook,
    person: &'a Person,
}

impl Serialize for PersonJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let person = self.person;
        let memberships = person.memberships.iter().map(MembershipJson);
        let readings = person.readings.iter().map(|reading| ReadingJson {
            person: self,
            reading,
        });
        let mut map = s.serialize_map(Some(8))?;
        map.serialize_entry("name", &person.name)?;
        map.serialize_entry("teams", &person.teams)?;
        map.serialize_entry("owner_of", &self.refs(&person.owner_of))?;
        map.serialize_entry("leader_of", &self.refs(&person.leader_of))?;
        map.serialize_entry("memberships", &Seq::new(memberships))?;
        map.serialize_entry("spellings", &person.spellings)?;
        map.serialize_entry("qualifiers", &person.qualifiers)?;
        map.serialize_entry("readings", &Seq::new(readings))?;
        map.end()
    }
}

/// `{"team", "role", "path", "line", "column", "source"}`: where the
/// directory lists a person.
struct MembershipJson<'a>(&'a prosesser::directory::Membership);

impl Serialize for MembershipJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.0;
        let source = match &m.source {
            prosesser::directory::Source::Navigation => "navigation_link",
            prosesser::directory::Source::Entry { .. } => "entry",
        };
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("team", &m.team)?;
        map.serialize_entry("role", &m.role)?;
        map.serialize_entry("path", &m.path)?;
        map.serialize_entry("line", &m.line)?;
        map.serialize_entry("column", &m.column)?;
        map.serialize_entry("source", source)?;
        map.end()
    }
}

/// `{"field", "value", "spelling", "how", "cards"}` and what the way of
/// reading adds (`with`; `units`; `role` and `because`): one value a person
/// was read from.
struct ReadingJson<'a> {
    person: &'a PersonJson<'a>,
    reading: &'a prosesser::people::Reading,
}

impl Serialize for ReadingJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.reading;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("field", r.field.key())?;
        map.serialize_entry("value", &*r.value)?;
        map.serialize_entry("spelling", &*r.spelling)?;
        map.serialize_entry("how", r.how.kind())?;
        map.serialize_entry("cards", &self.person.refs(&r.cards))?;
        match r.how.as_ref() {
            How::Shared { with } => map.serialize_entry("with", with)?,
            How::Unit { units } => {
                let units = units.iter().map(|u| {
                    Object([
                        ("text", Scalar::Str(&u.text)),
                        ("team", u.team.as_deref().map_or(Scalar::Null, Scalar::Str)),
                    ])
                });
                map.serialize_entry("units", &Seq::new(units))?;
            }
            How::Role { role, because } => {
                map.serialize_entry("role", role)?;
                map.serialize_entry("because", because.kind())?;
            }
            How::Alone | How::Listed => {}
        }
        map.end()
    }
}

impl PersonJson<'_> {
    /// `[{"title", "path", "line"}]`.
    fn refs<'s>(&'s self, ids: &'s [CardId]) -> impl Serialize + 's {
        let refs = card_refs(self.handbook, ids);
        Seq::new(refs.into_iter().map(|(title, path, line)| {
            Object([
                ("title", Scalar::Text(title)),
                ("path", Scalar::Str(path)),
                ("line", Scalar::Usize(line as usize)),
            ])
        }))
    }
}

struct DiagnosticsJson<'a> {
    found: &'a [Diagnostic],
    errors: usize,
    warnings: usize,
}

impl Serialize for DiagnosticsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("diagnostics", self.found)?;
        map.serialize_entry("errors", &self.errors)?;
        map.serialize_entry("warnings", &self.warnings)?;
        map.end()
    }
}

/// An iterator serialized as a JSON array as it runs (serializing it twice
/// writes an empty array the second time; each view is written once).
pub(super) struct Seq<I>(Cell<Option<I>>);

impl<I> Seq<I> {
    pub(super) fn new(items: I) -> Self {
        Seq(Cell::new(Some(items)))
    }
}

impl<I> Serialize for Seq<I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.take().into_iter().flatten())
    }
}

/// An object with keys known in advance, in the order given.
struct Object<V, const N: usize>([(&'static str, V); N]);

impl<V: Serialize, const N: usize> Serialize for Object<V, N> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(N))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// An iterator of (key, value) serialized as a JSON object as it runs.
struct Map<I>(Cell<Option<I>>);

impl<I, K, V> Serialize for Map<I>
where
    I: Iterator<Item = (K, V)>,
    K: Serialize,
    V: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.take().into_iter().flatten())
    }
}

/// The scalar values of small objects: a number, a string or null.
enum Scalar<'a> {
    Usize(usize),
    Str(&'a str),
    Text(std::borrow::Cow<'a, str>),
    Null,
}

impl Serialize for Scalar<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Scalar::Usize(n) => s.serialize_u64(*n as u64),
            Scalar::Str(text) => s.serialize_str(text),
            Scalar::Text(text) => s.serialize_str(text),
            Scalar::Null => s.serialize_unit(),
        }
    }
}

/// A value serialized by serde as its `Display` text, without a `String`.
pub(super) struct Display<D>(pub(super) D);

impl<D: std::fmt::Display> Serialize for Display<D> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Written into a buffer of this thread's first, so the serializer
        // escapes one string rather than each piece the text is made of.
        thread_local! {
            static TEXT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
        }
        TEXT.with(|text| match text.try_borrow_mut() {
            Ok(mut text) => {
                use std::fmt::Write as _;
                text.clear();
                let _ = write!(text, "{}", self.0);
                s.serialize_str(&text)
            }
            // Serialized while serializing another: straight through.
            Err(_) => s.collect_str(&self.0),
        })
    }
}

/// Output buffered here, so the serializer's many small writes are inlined
/// copies rather than one dynamic call each into the caller's writer.
const BUFFER: usize = 64 * 1024;

/// Writes `value` as pretty, terminal-safe JSON and a final newline.
pub(super) fn write<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(BUFFER, out);
    serialize(&mut out, 0, value)?;
    writeln!(out)?;
    out.flush()
}

/// `value` as pretty, terminal-safe JSON laid out at `depth`, as if it were
/// that deep inside a larger value.
fn serialize<W: Write, T: Serialize + ?Sized>(out: W, depth: usize, value: &T) -> io::Result<()> {
    Ok(value.serialize(&mut Pretty::new(out, depth))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

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

    #[test]
    fn a_streamed_object_is_written_as_its_value_tree_would_be() {
        let items = [1, 2, 3]
            .into_iter()
            .map(|n| Object([("n", Scalar::Usize(n)), ("s", Scalar::Str("æ"))]));
        let mut streamed = Vec::new();
        write(&mut streamed, &Object([("items", Seq::new(items))])).unwrap();
        let value = json!({"items": [{"n": 1, "s": "æ"}, {"n": 2, "s": "æ"}, {"n": 3, "s": "æ"}]});
        let tree = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert_eq!(String::from_utf8(streamed).unwrap(), tree);
    }

    /// A handbook of `n` documents of two cards each, linked by their words.
    fn handbook(n: usize) -> Handbook {
        let sources = (0..n)
            .map(|i| prosesser::load::Source {
                path: format!("d{i:04}.md"),
                file: None,
                bytes: format!(
                    "---\ntitle: Side {i}\nweight: {}\ntags: [a, b]\nnested:\n  x: æøå\n---\n\
                     {{{{< prosesser/strategy-card title=\"Behov\" owner=\"Hanne {i}\" output=\"Til utviklingsprosessen\" >}}}}\n\
                     {{{{< prosesser/strategy-card title=\"Utvikling\" n=3 x=0.5 input=\"Fra behovsprosessen\" >}}}}\n",
                    i + 1
                )
                .into_bytes(),
            })
            .collect();
        prosesser::load::load_sources(sources)
    }

    /// What one serializer would have written: the output read back and
    /// written again by serde_json's own pretty printer.
    fn as_one_serializer_writes(out: &[u8]) -> String {
        let value: Value = serde_json::from_slice(out).unwrap();
        serde_json::to_string_pretty(&value).unwrap() + "\n"
    }

    #[test]
    fn documents_written_on_every_core_are_laid_out_as_one_serializer_would() {
        let handbook = handbook(300);
        let mut out = Vec::new();
        cards(&mut out, &Listing::all(&handbook)).unwrap();
        let value: Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["documents"].as_array().unwrap().len(), 300);
        assert_eq!(value["documents"][299]["path"], "d0299.md");
        assert_eq!(
            value["documents"][7]["cards"][1]["upstream"][0]["title"],
            "Behov"
        );
        assert_eq!(
            String::from_utf8(out.clone()).unwrap(),
            as_one_serializer_writes(&out)
        );
    }

    #[test]
    fn search_results_and_no_results_are_laid_out_as_one_serializer_would() {
        let handbook = handbook(100);
        let rows = |query: &str| {
            let query = prosesser::query::Query::parse(query).unwrap();
            prosesser::query::search_handbook(&handbook, &query)
                .into_iter()
                .map(|hit| Row {
                    id: hit.card,
                    matches: query.matches(handbook.card(hit.card).unwrap()),
                    // Some rows with matches past the listed ones, to lay out too.
                    unlisted: if hit.card.document % 3 == 0 {
                        vec![(Field::Owner, 2), (Field::Purpose, 40)]
                    } else {
                        Vec::new()
                    },
                })
                .collect()
        };
        for query in ["hanne", "zzz"] {
            let mut out = Vec::new();
            cards(&mut out, &Listing::ranked(&handbook, rows(query))).unwrap();
            assert_eq!(
                String::from_utf8(out.clone()).unwrap(),
                as_one_serializer_writes(&out),
                "{query}"
            );
        }
    }
}
