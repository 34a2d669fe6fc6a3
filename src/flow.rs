//! How processes hand work to each other, read from the cards' own words.
//!
//! A card A is **upstream** of a card B in the same document when
//! - B's input names A: its title, an inflection of it (`behovene`), or a
//!   compound built on it (`behovsprosessen`, the suspended `behovs-` in
//!   `portefølje-, behovs- og utviklingsprosessene`);
//! - A's output names B the same way; or
//! - A's output and B's input say the same thing: every content word of the
//!   shorter one is in the longer one (`Prioriterte behov` and `Prioriterte
//!   behov fra behovsprosessen`), a word also matching when one is the start
//!   of the other (`produksjon`, `produksjonssetting`).
//!
//! A `…prosess` compound whose first part names no card (`porteføljeprosess`)
//! is an **external** source (in an input) or sink (in an output). Nothing
//! else is guessed: a card without input and output has no links, and a card
//! never links to itself. Every link keeps its reasons, with the words that
//! matched, so the flow can always be explained.
//!
//! Links are found within one document: that is where a handbook page
//! describes one set of processes, and titles repeat across pages.

use crate::model::{CardId, Document, Field, Handbook};

/// One end of a link.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Endpoint {
    Card(CardId),
    /// A process named in the text that has no card (`Portefølje`).
    External(String),
}

/// Why a link was drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The downstream card's input names the upstream one (the words that did).
    InputNames(String),
    /// The upstream card's output names the downstream one.
    OutputNames(String),
    /// The upstream output and the downstream input share these words.
    SameThing(Vec<String>),
}

/// Work flows from `from` to `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub from: Endpoint,
    pub to: Endpoint,
    pub reasons: Vec<Reason>,
}

/// Every link in a handbook.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flow {
    pub links: Vec<Link>,
}

impl Flow {
    pub fn new(handbook: &Handbook) -> Flow {
        let links = handbook
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| document_links(d as u32, doc))
            .collect();
        Flow { links }
    }

    /// The links of one document only: all a caller showing one document needs,
    /// without paying for the others (about 0.1 ms per document).
    pub fn for_document(handbook: &Handbook, document: u32) -> Flow {
        let links = handbook
            .documents
            .get(document as usize)
            .map(|doc| document_links(document, doc))
            .unwrap_or_default();
        Flow { links }
    }

    /// Links into a card, in document order of their sources.
    pub fn upstream(&self, card: CardId) -> impl Iterator<Item = &Link> {
        let target = Endpoint::Card(card);
        self.links.iter().filter(move |l| l.to == target)
    }

    /// Links out of a card.
    pub fn downstream(&self, card: CardId) -> impl Iterator<Item = &Link> {
        let source = Endpoint::Card(card);
        self.links.iter().filter(move |l| l.from == source)
    }

    /// Links within one document.
    pub fn of_document(&self, document: u32) -> Vec<&Link> {
        self.links
            .iter()
            .filter(|l| {
                [&l.from, &l.to]
                    .into_iter()
                    .any(|e| matches!(e, Endpoint::Card(id) if id.document == document))
            })
            .collect()
    }
}

impl Reason {
    /// One line a person can read: which words made the link.
    pub fn explain(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        match (self, lang) {
            (Reason::InputNames(w), Lang::Nb) => format!("input nevner «{w}»"),
            (Reason::InputNames(w), Lang::En) => format!("input names “{w}”"),
            (Reason::OutputNames(w), Lang::Nb) => format!("output nevner «{w}»"),
            (Reason::OutputNames(w), Lang::En) => format!("output names “{w}”"),
            (Reason::SameThing(ws), Lang::Nb) => {
                format!("output og input sier det samme: {}", ws.join(", "))
            }
            (Reason::SameThing(ws), Lang::En) => {
                format!("output and input say the same: {}", ws.join(", "))
            }
        }
    }
}

/// All of a link's reasons on one line, the words of reasons of one kind
/// gathered: `input nevner «behov», «behovsprosessen»; output og input sier
/// det samme: prioriterte, behov`.
pub fn explain_all(reasons: &[Reason], lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    let quoted = |w: &str| match lang {
        Lang::Nb => format!("«{w}»"),
        Lang::En => format!("“{w}”"),
    };
    let gather = |pick: fn(&Reason) -> Option<&String>| -> Vec<String> {
        reasons.iter().filter_map(pick).map(|w| quoted(w)).collect()
    };
    let input = gather(|r| match r {
        Reason::InputNames(w) => Some(w),
        _ => None,
    });
    let output = gather(|r| match r {
        Reason::OutputNames(w) => Some(w),
        _ => None,
    });
    let mut parts = Vec::new();
    let (input_names, output_names) = match lang {
        Lang::Nb => ("input nevner", "output nevner"),
        Lang::En => ("input names", "output names"),
    };
    if !input.is_empty() {
        parts.push(format!("{input_names} {}", input.join(", ")));
    }
    if !output.is_empty() {
        parts.push(format!("{output_names} {}", output.join(", ")));
    }
    parts.extend(
        reasons
            .iter()
            .filter(|r| matches!(r, Reason::SameThing(_)))
            .map(|r| r.explain(lang)),
    );
    parts.join("; ")
}

/// A word of a text that may name a process.
#[derive(Debug, Clone)]
struct Mention<'a> {
    /// The words as written, lower-cased (`behovs-`, `porteføljeprosess`).
    written: &'a str,
    /// The stem to match titles against (`behovs`, `portefølje`).
    stem: &'a str,
    /// Written as a `…prosess` compound: a process, card or not.
    process_compound: bool,
}

const PROCESS: &str = "prosess";

/// Words that carry no meaning of their own when comparing two phrases.
const STOP_WORDS: &[&str] = &[
    "av", "at", "de", "den", "der", "det", "eller", "en", "er", "et", "for", "fra", "fører", "gir",
    "i", "med", "mot", "og", "om", "på", "seg", "som", "til", "ved", "vi", "å",
];

/// The words of a lower-cased text; a trailing `-` (a suspended compound) is kept.
fn words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_start_matches('-'))
        .filter(|w| !w.is_empty())
}

/// The mentions in a lower-cased input or output text.
fn mentions(lower: &str) -> Vec<Mention<'_>> {
    let words: Vec<&str> = words(lower).collect();
    // A suspended compound (`behovs-`) shares the tail of the next full word
    // in its list: `portefølje-, behovs- og utviklingsprosessene`.
    words
        .iter()
        .enumerate()
        .map(|(i, &w)| {
            if let Some(head) = w.strip_suffix('-') {
                let tail_is_process = words[i + 1..]
                    .iter()
                    .find(|n| !n.ends_with('-') && !STOP_WORDS.contains(n))
                    .is_some_and(|n| n.contains(PROCESS));
                Mention {
                    written: w,
                    stem: head,
                    process_compound: tail_is_process,
                }
            } else if let Some(p) = w.find(PROCESS).filter(|&p| p > 0) {
                Mention {
                    written: w,
                    stem: w[..p].trim_end_matches('-'),
                    process_compound: true,
                }
            } else {
                Mention {
                    written: w,
                    stem: w,
                    process_compound: false,
                }
            }
        })
        .collect()
}

/// The forms a word may take before endings: `behovene` → `behov`,
/// `utviklings` → `utvikling`, `forespørsler` → `forespørsl`.
fn forms(word: &str) -> impl Iterator<Item = &str> + Clone {
    const ENDINGS: [&str; 8] = ["ene", "ane", "en", "er", "et", "a", "e", "s"];
    std::iter::once(word).chain(ENDINGS.iter().filter_map(move |ending| {
        word.strip_suffix(ending)
            .filter(|stem| stem.chars().nth(3).is_some())
    }))
}

/// Whether a mention names a title (both lower-cased).
fn names(mention: &str, title: &str) -> bool {
    if title.chars().nth(2).is_none() {
        return false;
    }
    // Two words share a form only if they share their first four letters.
    let head = |w: &str| w.char_indices().nth(4).map_or(w.len(), |(i, _)| i);
    if mention[..head(mention)] != title[..head(title)] {
        return false;
    }
    let title_forms = forms(title);
    forms(mention).any(|m| title_forms.clone().any(|t| t == m))
}

/// Content words of a lower-cased phrase, for comparing two phrases.
fn content_words(lower: &str) -> Vec<String> {
    words(lower)
        .map(|w| w.trim_end_matches('-'))
        .filter(|w| w.chars().nth(1).is_some() && !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    a == b || names(a, b) || (short.chars().nth(4).is_some() && long.starts_with(short))
}

/// The shared words when one phrase says all the other says (at least two
/// content words, as from [`content_words`]).
fn same_thing(output: &[String], input: &[String]) -> Option<Vec<String>> {
    let (short, long) = if output.len() <= input.len() {
        (output, input)
    } else {
        (input, output)
    };
    if short.len() < 2 {
        return None;
    }
    short
        .iter()
        .all(|w| long.iter().any(|l| same_word(w, l)))
        .then(|| short.to_vec())
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What a card's words are, worked out once per card.
struct Prepared {
    id: CardId,
    /// Forms of the lower-cased title ([`forms`]).
    title_forms: Vec<String>,
    input: String,
    output: String,
    input_words: Vec<String>,
    output_words: Vec<String>,
}

fn document_links(document: u32, doc: &Document) -> Vec<Link> {
    let cards: Vec<Prepared> = doc
        .cards
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let title = c.title().trim().to_lowercase();
            // Titles this short would name too much; such a card can still name others.
            let title_forms = if title.chars().nth(2).is_none() {
                Vec::new()
            } else {
                forms(&title).map(str::to_owned).collect()
            };
            let input = c.text(Field::Input).to_lowercase();
            let output = c.text(Field::Output).to_lowercase();
            Prepared {
                id: CardId {
                    document,
                    card: i as u32,
                },
                title_forms,
                input_words: content_words(&input),
                output_words: content_words(&output),
                input,
                output,
            }
        })
        .collect();
    let mut links: Vec<Link> = Vec::new();
    let mut add = |from: Endpoint, to: Endpoint, reason: Reason| match links
        .iter_mut()
        .find(|l| l.from == from && l.to == to)
    {
        Some(link) if !link.reasons.contains(&reason) => link.reasons.push(reason),
        Some(_) => {}
        None => links.push(Link {
            from,
            to,
            reasons: vec![reason],
        }),
    };
    for card in &cards {
        for (text, is_input) in [(&card.input, true), (&card.output, false)] {
            for mention in mentions(text) {
                let mut named_any = false;
                for other in &cards {
                    if !other
                        .title_forms
                        .first()
                        .is_some_and(|t| names(mention.stem, t))
                    {
                        continue;
                    }
                    named_any = true;
                    if other.id == card.id {
                        continue;
                    }
                    let (from, to, reason) = if is_input {
                        (
                            other.id,
                            card.id,
                            Reason::InputNames(mention.written.to_owned()),
                        )
                    } else {
                        (
                            card.id,
                            other.id,
                            Reason::OutputNames(mention.written.to_owned()),
                        )
                    };
                    add(Endpoint::Card(from), Endpoint::Card(to), reason);
                }
                if !named_any && mention.process_compound && !mention.stem.is_empty() {
                    let external = Endpoint::External(capitalised(mention.stem));
                    let me = Endpoint::Card(card.id);
                    if is_input {
                        add(external, me, Reason::InputNames(mention.written.to_owned()));
                    } else {
                        add(
                            me,
                            external,
                            Reason::OutputNames(mention.written.to_owned()),
                        );
                    }
                }
            }
        }
    }
    for a in &cards {
        if a.output_words.is_empty() {
            continue;
        }
        for b in &cards {
            if a.id == b.id {
                continue;
            }
            if let Some(shared) = same_thing(&a.output_words, &b.input_words) {
                add(
                    Endpoint::Card(a.id),
                    Endpoint::Card(b.id),
                    Reason::SameThing(shared),
                );
            }
        }
    }
    links.sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
    links
}

/// The flow of one document arranged for reading: chains of two links or more,
/// longest and best-founded first, then the links left over grouped by target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub chains: Vec<Vec<Endpoint>>,
    /// A target and the sources feeding it that no chain shows.
    pub feeds: Vec<(Endpoint, Vec<Endpoint>)>,
    /// Cards with no link at all.
    pub unlinked: Vec<CardId>,
}

pub fn layout(flow: &Flow, handbook: &Handbook, document: u32) -> Layout {
    let links = flow.of_document(document);
    let mut covered = vec![false; links.len()];
    let mut chains = Vec::new();
    loop {
        let mut best: Option<(usize, usize, Vec<usize>)> = None;
        for start in 0..links.len() {
            if covered[start] {
                continue;
            }
            let mut path = vec![start];
            let found = longest_from(&links, &covered, &mut path);
            let weight: usize = found.iter().map(|&i| links[i].reasons.len()).sum();
            let better = match &best {
                None => true,
                Some((len, w, _)) => found.len() > *len || (found.len() == *len && weight > *w),
            };
            if better {
                best = Some((found.len(), weight, found));
            }
        }
        match best {
            Some((len, _, path)) if len >= 2 => {
                let mut chain = vec![links[path[0]].from.clone()];
                for &i in &path {
                    covered[i] = true;
                    chain.push(links[i].to.clone());
                }
                chains.push(chain);
            }
            _ => break,
        }
    }
    let mut feeds: Vec<(Endpoint, Vec<Endpoint>)> = Vec::new();
    for (i, link) in links.iter().enumerate() {
        if covered[i] {
            continue;
        }
        match feeds.iter_mut().find(|(t, _)| *t == link.to) {
            Some((_, sources)) => sources.push(link.from.clone()),
            None => feeds.push((link.to.clone(), vec![link.from.clone()])),
        }
    }
    let linked = |id: CardId| {
        links
            .iter()
            .any(|l| l.from == Endpoint::Card(id) || l.to == Endpoint::Card(id))
    };
    let unlinked = handbook
        .documents
        .get(document as usize)
        .map(|doc| {
            (0..doc.cards.len() as u32)
                .map(|card| CardId { document, card })
                .filter(|&id| !linked(id))
                .collect()
        })
        .unwrap_or_default();
    Layout {
        chains,
        feeds,
        unlinked,
    }
}

/// The longest path of uncovered links starting with `path` (cycle-safe).
fn longest_from(links: &[&Link], covered: &[bool], path: &mut Vec<usize>) -> Vec<usize> {
    let last = *path.last().expect("path starts non-empty");
    let mut best = path.clone();
    let mut best_weight = weight(links, &best);
    for next in 0..links.len() {
        if covered[next] || links[next].from != links[last].to {
            continue;
        }
        let visits_again = path.iter().any(|&i| links[i].from == links[next].to)
            || links[next].to == links[path[0]].from;
        if visits_again {
            continue;
        }
        path.push(next);
        let candidate = longest_from(links, covered, path);
        path.pop();
        let w = weight(links, &candidate);
        if candidate.len() > best.len() || (candidate.len() == best.len() && w > best_weight) {
            best_weight = w;
            best = candidate;
        }
    }
    best
}

fn weight(links: &[&Link], path: &[usize]) -> usize {
    path.iter().map(|&i| links[i].reasons.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Source, load_sources};

    fn seed() -> Handbook {
        load_sources(vec![Source {
            path: "utvikling-drift.md".into(),
            file: None,
            bytes: include_bytes!("../data/prosesser/utvikling-drift.md").to_vec(),
        }])
    }

    fn name(hb: &Handbook, e: &Endpoint) -> String {
        match e {
            Endpoint::Card(id) => hb.card(*id).unwrap().title().into_owned(),
            Endpoint::External(n) => format!("{n} (ext)"),
        }
    }

    fn edges(hb: &Handbook, flow: &Flow) -> Vec<String> {
        let mut v: Vec<String> = flow
            .links
            .iter()
            .map(|l| format!("{} -> {}", name(hb, &l.from), name(hb, &l.to)))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn seed_flow_is_the_chain_its_words_describe() {
        let hb = seed();
        let flow = Flow::new(&hb);
        assert_eq!(
            edges(&hb, &flow),
            [
                "Behov -> Release",
                "Behov -> Utvikling",
                "Portefølje (ext) -> Behov",
                "Portefølje (ext) -> Release",
                "Utvikling -> Produksjonssetting",
                "Utvikling -> Release",
            ]
        );
    }

    #[test]
    fn every_seed_link_says_why() {
        let hb = seed();
        let flow = Flow::new(&hb);
        let behov_utvikling = flow
            .links
            .iter()
            .find(|l| name(&hb, &l.from) == "Behov" && name(&hb, &l.to) == "Utvikling")
            .unwrap();
        assert_eq!(
            behov_utvikling.reasons,
            [
                Reason::InputNames("behov".into()),
                Reason::InputNames("behovsprosessen".into()),
                Reason::SameThing(vec!["prioriterte".into(), "behov".into()]),
            ]
        );
        let release_inputs: Vec<&Reason> = flow
            .links
            .iter()
            .filter(|l| name(&hb, &l.to) == "Release")
            .flat_map(|l| &l.reasons)
            .collect();
        assert!(release_inputs.contains(&&Reason::InputNames("utviklingsprosessene".into())));
        assert!(release_inputs.contains(&&Reason::InputNames("behovs-".into())));
        assert!(release_inputs.contains(&&Reason::InputNames("portefølje-".into())));
    }

    #[test]
    fn tilgangsstyring_and_empty_cards_have_no_links() {
        let hb = seed();
        let flow = Flow::new(&hb);
        for title in ["Tilgangsstyring", "Forespørsler", "Hendelser", "Problemer"] {
            let (id, _) = hb.cards().find(|(_, c)| c.title() == title).unwrap();
            assert_eq!(
                flow.upstream(id).count() + flow.downstream(id).count(),
                0,
                "{title}"
            );
        }
    }

    #[test]
    fn seed_layout_has_the_main_chain_and_release_fed_by_three() {
        let hb = seed();
        let flow = Flow::new(&hb);
        let layout = layout(&flow, &hb, 0);
        let chains: Vec<Vec<String>> = layout
            .chains
            .iter()
            .map(|c| c.iter().map(|e| name(&hb, e)).collect())
            .collect();
        assert_eq!(
            chains,
            [[
                "Portefølje (ext)",
                "Behov",
                "Utvikling",
                "Produksjonssetting"
            ]]
        );
        let feeds: Vec<(String, Vec<String>)> = layout
            .feeds
            .iter()
            .map(|(t, s)| (name(&hb, t), s.iter().map(|e| name(&hb, e)).collect()))
            .collect();
        assert_eq!(
            feeds,
            [(
                "Release".to_owned(),
                vec![
                    "Behov".to_owned(),
                    "Utvikling".to_owned(),
                    "Portefølje (ext)".to_owned()
                ]
            )]
        );
        let unlinked: Vec<String> = layout
            .unlinked
            .iter()
            .map(|&id| hb.card(id).unwrap().title().into_owned())
            .collect();
        assert_eq!(
            unlinked,
            [
                "Endringsstyring",
                "Forespørsler",
                "Hendelser",
                "Problemer",
                "Tilgangsstyring"
            ]
        );
    }

    #[test]
    fn one_document_flow_is_the_whole_flow_of_that_document() {
        let hb = seed();
        assert_eq!(Flow::for_document(&hb, 0), Flow::new(&hb));
        assert!(Flow::for_document(&hb, 7).links.is_empty());
    }

    #[test]
    fn explain_all_gathers_words_of_one_kind() {
        use crate::i18n::Lang;
        let reasons = [
            Reason::InputNames("behov".into()),
            Reason::InputNames("behovsprosessen".into()),
            Reason::SameThing(vec!["prioriterte".into(), "behov".into()]),
        ];
        assert_eq!(
            explain_all(&reasons, Lang::Nb),
            "input nevner «behov», «behovsprosessen»; output og input sier det samme: prioriterte, behov"
        );
        assert_eq!(explain_all(&reasons[..1], Lang::En), "input names “behov”");
    }

    #[test]
    fn inflections_and_compounds_name_a_title() {
        assert!(names("behovene", "behov"));
        assert!(names("behovs", "behov"));
        assert!(names("utviklings", "utvikling"));
        assert!(!names("produksjon", "produksjonssetting"));
        assert!(!names("endringer", "endringsstyring"));
    }

    #[test]
    fn a_card_never_links_to_itself_and_cycles_do_not_hang() {
        let text = "---\ntitle: x\n---\n\
            {{< prosesser/strategy-card title=\"Alfa\" input=\"Fra betaene\" output=\"Til Beta\" >}}\n\
            {{< prosesser/strategy-card title=\"Beta\" input=\"Fra alfaen\" output=\"Til Alfa og Beta\" >}}\n";
        let hb = load_sources(vec![Source {
            path: "x.md".into(),
            file: None,
            bytes: text.as_bytes().to_vec(),
        }]);
        let flow = Flow::new(&hb);
        assert_eq!(edges(&hb, &flow), ["Alfa -> Beta", "Beta -> Alfa"]);
        let layout = layout(&flow, &hb, 0);
        assert!(layout.chains.len() + layout.feeds.len() >= 1);
    }
}
