//! `prosesser flow`: how the processes hand work to each other, per document.
//!
//! Text is for people (UI language): the chains, the cards fed by several,
//! the cards with no link, then every link with why it was drawn. DOT is for
//! Graphviz: one cluster per document, cards as boxes labelled by title,
//! external processes dashed, edges labelled with the words that matched.

use super::json::{Display, Seq};
use super::one_line;
use prosesser::flow::{self, Endpoint, Flow, Link, Reason};
use prosesser::i18n::Lang;
use prosesser::i18n::words;
use prosesser::labels::TitleLabels;
use prosesser::{CardId, Handbook};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::io::{self, Write};

/// An endpoint as people read it: the card's title (with its line when
/// another card of the document has the same title), or `Portefølje (ekstern)`.
pub fn endpoint_name(labels: &TitleLabels, endpoint: &Endpoint, lang: Lang) -> String {
    match endpoint {
        Endpoint::Card(id) => one_line(&labels.in_document(*id)),
        Endpoint::External(name) => format!("{} {}", one_line(name), words(lang).external),
    }
}

/// Per document with cards: its title and path, then its flow.
pub fn text(out: &mut dyn Write, handbook: &Handbook, lang: Lang) -> io::Result<()> {
    let w = words(lang);
    let labels = TitleLabels::new(handbook, lang);
    let mut first = true;
    for (d, document) in handbook.documents.iter().enumerate() {
        if document.cards.is_empty() {
            continue;
        }
        if !first {
            writeln!(out)?;
        }
        first = false;
        let d = d as u32;
        let flow = Flow::for_document(handbook, d);
        let layout = flow::layout(&flow, handbook, d);
        let heading = document.heading();
        writeln!(
            out,
            "{}  ({})",
            one_line(&heading),
            one_line(&document.path)
        )?;
        let name = |e: &Endpoint| endpoint_name(&labels, e, lang);
        if flow.links.is_empty() {
            writeln!(out, "  {}", w.no_links)?;
        }
        if !layout.chains.is_empty() {
            writeln!(out, "  {}:", w.chains)?;
            for chain in &layout.chains {
                let names: Vec<String> = chain.iter().map(name).collect();
                writeln!(out, "    {}", names.join(" → "))?;
            }
        }
        if !layout.feeds.is_empty() {
            writeln!(out, "  {}:", w.feeds)?;
            for (target, sources) in &layout.feeds {
                let names: Vec<String> = sources.iter().map(name).collect();
                writeln!(out, "    {} ← {}", name(target), names.join(", "))?;
            }
        }
        if !layout.unlinked.is_empty() {
            writeln!(out, "  {}:", w.unlinked)?;
            let names: Vec<String> = layout
                .unlinked
                .iter()
                .map(|id| one_line(&labels.in_document(*id)))
                .collect();
            writeln!(out, "    {}", names.join(", "))?;
        }
        if !flow.links.is_empty() {
            writeln!(out, "  {}:", w.why)?;
            for link in &flow.links {
                writeln!(
                    out,
                    "    {} → {}: {}",
                    name(&link.from),
                    name(&link.to),
                    one_line(&words(lang).reasons(&link.reasons))
                )?;
            }
        }
    }
    if first {
        writeln!(out, "{}", w.no_cards)?;
    }
    Ok(())
}

/// The words that made a link, each once, for an edge label.
pub fn matched_words(reasons: &[Reason]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for reason in reasons {
        let words: Vec<String> = match reason {
            Reason::InputNames(w) | Reason::OutputNames(w) => vec![w.clone()],
            Reason::SameThing(ws) => vec![ws.join(" ")],
        };
        for w in words {
            if !found.contains(&w) {
                found.push(w);
            }
        }
    }
    found
}

/// A DOT double-quoted string: quotes and backslashes escaped, the text on
/// one line and free of control characters.
pub fn dot_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in one_line(s).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Graphviz DOT for every document with cards.
pub fn dot(out: &mut dyn Write, handbook: &Handbook, lang: Lang) -> io::Result<()> {
    let labels = TitleLabels::new(handbook, lang);
    writeln!(out, "digraph prosesser {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(out, "  node [shape=box];")?;
    for (d, document) in handbook.documents.iter().enumerate() {
        if document.cards.is_empty() {
            continue;
        }
        let d = d as u32;
        let flow = Flow::for_document(handbook, d);
        let mut externals: Vec<&str> = Vec::new();
        for link in &flow.links {
            for end in [&link.from, &link.to] {
                if let Endpoint::External(name) = end
                    && !externals.contains(&name.as_str())
                {
                    externals.push(name);
                }
            }
        }
        let node = |e: &Endpoint| match e {
            Endpoint::Card(id) => format!("d{}c{}", id.document, id.card),
            Endpoint::External(name) => format!(
                "d{d}x{}",
                externals.iter().position(|x| x == name).unwrap_or(0)
            ),
        };
        let heading = document.heading();
        writeln!(out, "  subgraph cluster_{d} {{")?;
        writeln!(out, "    label={};", dot_string(&heading))?;
        for c in 0..document.cards.len() as u32 {
            let id = CardId {
                document: d,
                card: c,
            };
            writeln!(
                out,
                "    {} [label={}];",
                node(&Endpoint::Card(id)),
                dot_string(&labels.in_document(id))
            )?;
        }
        for name in &externals {
            let e = Endpoint::External((*name).to_owned());
            writeln!(
                out,
                "    {} [label={}, style=dashed];",
                node(&e),
                dot_string(name)
            )?;
        }
        writeln!(out, "  }}")?;
        for link in &flow.links {
            writeln!(
                out,
                "  {} -> {} [label={}];",
                node(&link.from),
                node(&link.to),
                dot_string(&matched_words(&link.reasons).join(", "))
            )?;
        }
    }
    writeln!(out, "}}")
}

/// `{"documents": [{"path", "title", "links", "chains", "feeds", "unlinked"}]}`
/// for every document with cards, in English: the same flow as the text, for
/// scripts. An endpoint is `{"title", "external", "line", "column"}` (`line`
/// and `column` are `null` for an external process); a link's `reasons` are
/// sentences and its `words` the words that made it.
pub fn json(out: &mut dyn Write, handbook: &Handbook) -> io::Result<()> {
    let with_cards: Vec<u32> = (0..handbook.documents.len() as u32)
        .filter(|&d| !handbook.documents[d as usize].cards.is_empty())
        .collect();
    let document = |&document: &u32, buffer: &mut Vec<u8>| {
        super::json::write_document(buffer, &DocumentJson { handbook, document })
    };
    super::json::write_documents(out, &with_cards, document, |_| Ok(()))
}

/// One document's flow: `{"path", "title", "links", "chains", "feeds", "unlinked"}`.
struct DocumentJson<'h> {
    handbook: &'h Handbook,
    document: u32,
}

impl Serialize for DocumentJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (handbook, d) = (self.handbook, self.document);
        let document = &handbook.documents[d as usize];
        let flow = Flow::for_document(handbook, d);
        let layout = flow::layout(&flow, handbook, d);
        let endpoint = |e| EndpointJson(handbook, e);
        let links = flow.links.iter().map(|link| LinkJson { handbook, link });
        let chains = layout
            .chains
            .iter()
            .map(|chain| Seq::new(chain.iter().map(endpoint)));
        let feeds = layout.feeds.iter().map(|(target, sources)| FeedJson {
            to: endpoint(target),
            from: Seq::new(sources.iter().map(endpoint)),
        });
        let unlinked: Vec<Endpoint> = layout
            .unlinked
            .iter()
            .map(|id| Endpoint::Card(*id))
            .collect();
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("path", &document.path)?;
        map.serialize_entry("title", &document.title())?;
        map.serialize_entry("links", &Seq::new(links))?;
        map.serialize_entry("chains", &Seq::new(chains))?;
        map.serialize_entry("feeds", &Seq::new(feeds))?;
        map.serialize_entry("unlinked", &Seq::new(unlinked.iter().map(endpoint)))?;
        map.end()
    }
}

/// An endpoint: `{"title", "external", "line", "column"}` (`line` and
/// `column` are `null` for an external process).
struct EndpointJson<'h>(&'h Handbook, &'h Endpoint);

impl Serialize for EndpointJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        match self.1 {
            Endpoint::Card(id) => {
                let card = self.0.card(*id);
                map.serialize_entry("title", &card.map(|c| c.title()))?;
                map.serialize_entry("external", &false)?;
                map.serialize_entry("line", &card.map(|c| c.line))?;
                map.serialize_entry("column", &card.map(|c| c.column))?;
            }
            Endpoint::External(name) => {
                map.serialize_entry("title", name)?;
                map.serialize_entry("external", &true)?;
                map.serialize_entry("line", &None::<u32>)?;
                map.serialize_entry("column", &None::<u32>)?;
            }
        }
        map.end()
    }
}

/// A link: `{"from", "to", "reasons", "words"}`.
struct LinkJson<'h> {
    handbook: &'h Handbook,
    link: &'h Link,
}

impl Serialize for LinkJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (handbook, link) = (self.handbook, self.link);
        let reasons = (link.reasons.iter()).map(|r| Display(words(Lang::En).reason_text(r)));
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("from", &EndpointJson(handbook, &link.from))?;
        map.serialize_entry("to", &EndpointJson(handbook, &link.to))?;
        map.serialize_entry("reasons", &Seq::new(reasons))?;
        map.serialize_entry("words", &matched_words(&link.reasons))?;
        map.end()
    }
}

/// A target fed by sources no chain shows: `{"to", "from"}`.
struct FeedJson<T, F> {
    to: T,
    from: F,
}

impl<T: Serialize, F: Serialize> Serialize for FeedJson<T, F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("to", &self.to)?;
        map.serialize_entry("from", &self.from)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_strings_escape_quotes_and_backslashes_and_stay_on_one_line() {
        assert_eq!(dot_string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        let shown = dot_string("a\nb\u{1b}[31m");
        assert!(shown.starts_with("\"a b"), "{shown}");
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
    }

    #[test]
    fn matched_words_are_listed_once_in_reason_order() {
        let reasons = [
            Reason::InputNames("behov".into()),
            Reason::SameThing(vec!["prioriterte".into(), "behov".into()]),
            Reason::InputNames("behov".into()),
        ];
        assert_eq!(matched_words(&reasons), ["behov", "prioriterte behov"]);
    }
}
