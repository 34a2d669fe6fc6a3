//! `prosesser flow`: how the processes hand work to each other, per document.
//!
//! Text is for people (UI language): the chains, the cards fed by several,
//! the cards with no link, then every link with why it was drawn. DOT is for
//! Graphviz: one cluster per document, cards as boxes labelled by title,
//! external processes dashed, edges labelled with the words that matched.

use super::one_line;
use prosesser::flow::{self, Endpoint, Flow, Reason};
use prosesser::i18n::Lang;
use prosesser::i18n::words;
use prosesser::labels::TitleLabels;
use prosesser::{CardId, Handbook};
use serde_json::{Value, json};
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
    let endpoint = |e: &Endpoint| match e {
        Endpoint::Card(id) => {
            let card = handbook.card(*id);
            json!({
                "title": card.map(|c| c.title().into_owned()),
                "external": false,
                "line": card.map(|c| c.line),
                "column": card.map(|c| c.column),
            })
        }
        Endpoint::External(name) => {
            json!({"title": name, "external": true, "line": null, "column": null})
        }
    };
    let card = |id: &CardId| endpoint(&Endpoint::Card(*id));
    let mut documents = Vec::new();
    for (d, document) in handbook.documents.iter().enumerate() {
        if document.cards.is_empty() {
            continue;
        }
        let d = d as u32;
        let flow = Flow::for_document(handbook, d);
        let layout = flow::layout(&flow, handbook, d);
        let links: Vec<Value> = flow
            .links
            .iter()
            .map(|link| {
                let reasons: Vec<String> = link
                    .reasons
                    .iter()
                    .map(|r| words(Lang::En).reason(r))
                    .collect();
                json!({
                    "from": endpoint(&link.from),
                    "to": endpoint(&link.to),
                    "reasons": reasons,
                    "words": matched_words(&link.reasons),
                })
            })
            .collect();
        let chains: Vec<Vec<Value>> = layout
            .chains
            .iter()
            .map(|chain| chain.iter().map(endpoint).collect())
            .collect();
        let feeds: Vec<Value> = layout
            .feeds
            .iter()
            .map(|(target, sources)| {
                json!({
                    "to": endpoint(target),
                    "from": sources.iter().map(endpoint).collect::<Vec<_>>(),
                })
            })
            .collect();
        let unlinked: Vec<Value> = layout.unlinked.iter().map(card).collect();
        documents.push(json!({
            "path": document.path,
            "title": document.title(),
            "links": links,
            "chains": chains,
            "feeds": feeds,
            "unlinked": unlinked,
        }));
    }
    super::json::write(out, &json!({ "documents": documents }))
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
