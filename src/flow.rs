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
//!   of the other (`produksjon`, `produksjonssetting`). Only phrases are
//!   compared this way (at most 24 content words each), not long texts.
//!
//! A `…prosess` compound whose first part names no card (`porteføljeprosess`)
//! is an **external** source (in an input) or sink (in an output). A card
//! without `output` has its `effect` as its output (sites that write the
//! outcome as an effect). Nothing else is guessed: a card without input and
//! output has no links, and a card never links to itself. Every link keeps its reasons, with the words that
//! matched, so the flow can always be explained.
//!
//! Links are found within one document: that is where a handbook page
//! describes one set of processes, and titles repeat across pages.
//!
//! The work is near-linear in the words read: a mention is looked up in an
//! index of title forms (never compared with every card), a phrase is
//! compared only with the few inputs that share a word's first letters, the
//! links into and out of each card are indexed, and a layout numbers its
//! nodes once for all its chains. A page whose every input names every
//! title has as many links as words, and costs in proportion to them.

use crate::model::{CardId, Document, Field, Handbook};
use std::collections::HashMap;

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
    /// (card, link index) for the links into and out of each card, sorted:
    /// asking about each card of a dense page is a look-up, not a scan.
    into: Vec<(CardId, u32)>,
    out_of: Vec<(CardId, u32)>,
}

impl Flow {
    pub fn new(handbook: &Handbook) -> Flow {
        let links = handbook
            .documents
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| document_links(d as u32, doc))
            .collect();
        Flow::from_links(links)
    }

    /// No links at all.
    pub const fn empty() -> Flow {
        Flow {
            links: Vec::new(),
            into: Vec::new(),
            out_of: Vec::new(),
        }
    }

    fn from_links(links: Vec<Link>) -> Flow {
        let mut into = Vec::new();
        let mut out_of = Vec::new();
        for (i, link) in links.iter().enumerate() {
            if let Endpoint::Card(to) = link.to {
                into.push((to, i as u32));
            }
            if let Endpoint::Card(from) = link.from {
                out_of.push((from, i as u32));
            }
        }
        into.sort_unstable();
        out_of.sort_unstable();
        Flow {
            links,
            into,
            out_of,
        }
    }

    /// The links of one document only: all a caller showing one document needs,
    /// without paying for the others (about 0.1 ms per document).
    pub fn for_document(handbook: &Handbook, document: u32) -> Flow {
        let links = handbook
            .documents
            .get(document as usize)
            .map(|doc| document_links(document, doc))
            .unwrap_or_default();
        Flow::from_links(links)
    }

    /// Links into a card, in document order of their sources.
    pub fn upstream(&self, card: CardId) -> impl Iterator<Item = &Link> {
        self.links_at(&self.into, card)
    }

    /// Links out of a card.
    pub fn downstream(&self, card: CardId) -> impl Iterator<Item = &Link> {
        self.links_at(&self.out_of, card)
    }

    fn links_at<'a>(
        &'a self,
        index: &'a [(CardId, u32)],
        card: CardId,
    ) -> impl Iterator<Item = &'a Link> {
        let start = index.partition_point(|&(c, _)| c < card);
        index[start..]
            .iter()
            .take_while(move |&&(c, _)| c == card)
            .map(|&(_, i)| &self.links[i as usize])
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
/// A `match`, not a list: it is asked about every word of every card.
fn is_stop_word(word: &str) -> bool {
    matches!(
        word,
        "av" | "at"
            | "de"
            | "den"
            | "der"
            | "det"
            | "eller"
            | "en"
            | "er"
            | "et"
            | "for"
            | "fra"
            | "fører"
            | "gir"
            | "i"
            | "med"
            | "mot"
            | "og"
            | "om"
            | "på"
            | "seg"
            | "som"
            | "til"
            | "ved"
            | "vi"
            | "å"
    )
}

/// The words of a lower-cased text: runs of letters, digits and `-`, without
/// leading `-`; a trailing `-` (a suspended compound) is kept.
fn words(lower: &str) -> Words<'_> {
    Words {
        text: lower,
        pos: 0,
    }
}

/// See [`words`]: every word of every card's input and output is read this
/// way, twice, so bytes are classified by table, not char by char.
struct Words<'a> {
    text: &'a str,
    pos: usize,
}

/// ASCII letters, digits and `-`.
const WORD_BYTE: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'-' as usize;
        b += 1;
    }
    table
};

impl<'a> Words<'a> {
    /// Whether the character at byte `i` is part of a word, and its length.
    #[inline(always)]
    fn at(&self, i: usize) -> (bool, usize) {
        let bytes = self.text.as_bytes();
        match bytes[i] {
            b if b < 0x80 => (WORD_BYTE[b as usize], 1),
            // U+00C0–U+00FF (æ, ø, å, é, ...): letters all but × and ÷.
            0xc3 => {
                let next = bytes.get(i + 1).copied().unwrap_or(0);
                (next != 0x97 && next != 0xb7, 2)
            }
            _ => {
                let c = self.text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            }
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        loop {
            let mut i = self.pos;
            while i < len {
                let (in_word, n) = self.at(i);
                if in_word {
                    break;
                }
                i += n;
            }
            if i >= len {
                self.pos = len;
                return None;
            }
            let start = i;
            while i < len {
                let (in_word, n) = self.at(i);
                if !in_word {
                    break;
                }
                i += n;
            }
            self.pos = i;
            let word = self.text[start..i].trim_start_matches('-');
            if !word.is_empty() {
                return Some(word);
            }
        }
    }
}

/// The mentions among the [`words`] of a lower-cased input or output text,
/// into `out` (cleared first).
fn mentions<'a>(words: &[&'a str], out: &mut Vec<Mention<'a>>) {
    out.clear();
    // A suspended compound (`behovs-`) shares the tail of the next full word
    // in its list: `portefølje-, behovs- og utviklingsprosessene`.
    out.extend(words.iter().enumerate().map(|(i, &w)| {
        if let Some(head) = w.strip_suffix('-') {
            let tail_is_process = words[i + 1..]
                .iter()
                .find(|n| !n.ends_with('-') && !is_stop_word(n))
                .is_some_and(|n| find_process(n).is_some());
            Mention {
                written: w,
                stem: head,
                process_compound: tail_is_process,
            }
        } else if let Some(p) = find_process(w).filter(|&p| p > 0) {
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
    }));
}

/// Where `prosess` starts in a word: a plain scan, as words are short (a
/// `str::find` would build a searcher for each).
fn find_process(word: &str) -> Option<usize> {
    word.as_bytes()
        .windows(PROCESS.len())
        .position(|w| w == PROCESS.as_bytes())
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
fn content_words<'a>(words: &[&'a str]) -> impl Iterator<Item = &'a str> {
    words
        .iter()
        .map(|w| w.trim_end_matches('-'))
        .filter(|w| w.chars().nth(1).is_some() && !is_stop_word(w))
}

fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    a == b || names(a, b) || (short.chars().nth(4).is_some() && long.starts_with(short))
}

/// The shared words when one phrase says all the other says (at least two
/// content words, as from [`content_words`]).
fn same_thing(output: &[Word], input: &[Word]) -> Option<Vec<String>> {
    let (short, long) = if output.len() <= input.len() {
        (output, input)
    } else {
        (input, output)
    };
    if short.len() < 2 {
        return None;
    }
    // Words that are the same share their first four letters ([`head`]):
    // comparing those first spares most calls to `same_word`.
    short
        .iter()
        .all(|w| {
            long.iter()
                .any(|l| l.head == w.head && same_word(w.text, l.text))
        })
        .then(|| short.iter().map(|w| w.text.to_owned()).collect())
}

/// A content word and its [`head`] (as a [`head_key`]).
struct Word<'a> {
    text: &'a str,
    head: u128,
}

/// A word's [`head`] as a number: its at most 16 bytes, zero-padded. Heads
/// are compared by the thousand on a page, and a number compares in one
/// instruction where text calls `memcmp`.
fn head_key(word: &str) -> u128 {
    let head = head(word).as_bytes();
    let mut bytes = [0u8; 16];
    bytes[..head.len()].copy_from_slice(head);
    u128::from_le_bytes(bytes)
}

/// One of 64 bits for a [`head_key`], for telling most misses from a set of
/// heads without looking: a multiplicative hash's top six bits.
fn head_bit(key: u128) -> u64 {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    1 << (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58)
}

impl<'a> Word<'a> {
    /// The content words among `all` (a text's [`words`]) added to
    /// `words`; where they are there.
    fn add_all(all: &[&'a str], words: &mut Vec<Word<'a>>) -> std::ops::Range<usize> {
        let start = words.len();
        words.extend(content_words(all).map(|text| Word {
            text,
            head: head_key(text),
        }));
        start..words.len()
    }
}

/// `s.to_lowercase()`, appended to `out` rather than a `String` of its own.
fn lower_into(s: &str, out: &mut String) {
    // Text of ASCII and lower-case Latin-1 letters (æ, ø, å, é: U+00DF to
    // U+00FF, and ×) changes only in its ASCII: copied, then lowered in place.
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b if b < 0x80 => i += 1,
            0xc3 if matches!(bytes.get(i + 1), Some(0x97 | 0x9f..=0xbf)) => i += 2,
            _ => break,
        }
    }
    if i >= bytes.len() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    // Greek's final sigma is the one letter whose lower case depends on its
    // neighbours: text with it goes the standard way.
    if s.contains('Σ') {
        out.push_str(&s.to_lowercase());
        return;
    }
    out.reserve(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What a card hands on: its output, or its effect when it has no output.
pub fn outcome(card: &crate::model::Card) -> std::borrow::Cow<'_, str> {
    match card.field(Field::Output) {
        Some(output) if !output.trim().is_empty() => output,
        _ => card.text(Field::Effect),
    }
}

/// What a card's words are, worked out once per card.
struct Prepared<'a> {
    id: CardId,
    /// The lower-cased title, if long enough to name (see [`names`]).
    title: Option<&'a str>,
    /// Where its input's and its output's words are in the document's
    /// `all_words` (each text split once).
    input: std::ops::Range<usize>,
    output: std::ops::Range<usize>,
    /// Where its input's and its output's content words are in the
    /// document's `content` words.
    input_words: std::ops::Range<usize>,
    output_words: std::ops::Range<usize>,
}

/// Hashes a title's forms (for [`Grouped`]): fixed, so the same on every run.
const FORMS: foldhash::fast::FixedState = foldhash::fast::FixedState::with_seed(0);

/// `(head, card)` pairs sorted by head (cards in document order within a
/// head), looked up by head: a map whose every key would otherwise need a
/// list of its own.
struct Grouped(Vec<(u128, usize)>);

impl Grouped {
    fn new(mut pairs: Vec<(u128, usize)>) -> Grouped {
        // Stable, so each head's cards stay in the order they were given.
        pairs.sort_by_key(|&(head, _)| head);
        pairs.dedup();
        Grouped(pairs)
    }

    /// The cards with `key`, in document order.
    fn get(&self, key: u128) -> impl Iterator<Item = usize> + '_ {
        let start = self.0.partition_point(|(k, _)| *k < key);
        self.0[start..]
            .iter()
            .take_while(move |(k, _)| *k == key)
            .map(|&(_, card)| card)
    }
}

fn document_links(document: u32, doc: &Document) -> Vec<Link> {
    // Every card's title, input and output, lower-cased into one buffer.
    let mut lowered = String::with_capacity(256 * doc.cards.len());
    let spans: Vec<[std::ops::Range<usize>; 3]> = doc
        .cards
        .iter()
        .map(|c| {
            let mut span = |text: &str| {
                let start = lowered.len();
                lower_into(text, &mut lowered);
                start..lowered.len()
            };
            [
                span(c.title().trim()),
                span(&c.text(Field::Input)),
                span(&outcome(c)),
            ]
        })
        .collect();
    let lowered = lowered.as_str();
    // Each input and output split into words once: its mentions and its
    // content words are read from the same list.
    // A word and the blank after it take six bytes or more.
    let mut all_words: Vec<&str> = Vec::with_capacity(lowered.len() / 6);
    let mut content: Vec<Word> = Vec::with_capacity(lowered.len() / 6);
    let mut cards: Vec<Prepared> = Vec::with_capacity(spans.len());
    for (i, [title, input, output]) in spans.iter().enumerate() {
        let title = &lowered[title.clone()];
        let mut split_words = |text: std::ops::Range<usize>| {
            let start = all_words.len();
            all_words.extend(words(&lowered[text]));
            start..all_words.len()
        };
        let (input, output) = (split_words(input.clone()), split_words(output.clone()));
        cards.push(Prepared {
            id: CardId {
                document,
                card: i as u32,
            },
            // Titles this short would name too much; such a card can still name others.
            title: title.chars().nth(2).is_some().then_some(title),
            input_words: Word::add_all(&all_words[input.clone()], &mut content),
            output_words: Word::add_all(&all_words[output.clone()], &mut content),
            input,
            output,
        });
    }
    // Every form of every title, to the cards with that title (by the form's
    // hash, checked on a match): a mention is matched by looking its forms
    // up, never by comparing it with every card, even on a page whose titles
    // all start alike.
    let form_key = |form: &str| u128::from(std::hash::BuildHasher::hash_one(&FORMS, form));
    // A mention and a title share a form only if they share a head: most
    // words of a page share none with any of its titles, and are passed
    // over with one lookup instead of hashing each of their forms.
    let mut title_heads: Vec<u128> = cards
        .iter()
        .filter_map(|card| Some(head_key(card.title?)))
        .collect();
    title_heads.sort_unstable();
    title_heads.dedup();
    // Most lookups are misses, told in one test by a bit per head.
    let title_head_bits = title_heads
        .iter()
        .fold(0, |bits, &key| bits | head_bit(key));
    let mut title_forms = Vec::with_capacity(9 * cards.len());
    title_forms.extend(
        cards
            .iter()
            .enumerate()
            .filter_map(|(i, card)| Some((card.title?, i)))
            .flat_map(|(title, i)| forms(title).map(move |form| (form_key(form), i))),
    );
    let by_form = Grouped::new(title_forms);
    // Every (from, to, reason) found, grouped into links at the end by one
    // stable sort: no map from pairs of endpoints, which on a dense page
    // holds as many entries as there are words.
    let mut found: Vec<(Endpoint, Endpoint, Reason)> = Vec::with_capacity(2 * cards.len());
    let mut add = |from: Endpoint, to: Endpoint, reason: Reason| found.push((from, to, reason));
    let mut named: Vec<usize> = Vec::new();
    let mut found_mentions = Vec::new();
    for card in &cards {
        for (text, is_input) in [(&card.input, true), (&card.output, false)] {
            mentions(&all_words[text.clone()], &mut found_mentions);
            for mention in &found_mentions {
                named.clear();
                let title_forms = |i: usize| forms(cards[i].title.unwrap_or_default());
                let key = head_key(mention.stem);
                let may_name =
                    title_head_bits & head_bit(key) != 0 && title_heads.binary_search(&key).is_ok();
                for form in forms(mention.stem).filter(|_| may_name) {
                    named.extend(
                        by_form
                            .get(form_key(form))
                            .filter(|&i| title_forms(i).any(|t| t == form)),
                    );
                }
                named.sort_unstable();
                named.dedup();
                // A word that names many cards (repeated titles) says nothing
                // about which one is meant.
                if named.len() > MAX_NAMED {
                    continue;
                }
                for &other in &named {
                    let other = cards[other].id;
                    if other == card.id {
                        continue;
                    }
                    let written = mention.written.to_owned();
                    let (from, to, reason) = if is_input {
                        (other, card.id, Reason::InputNames(written))
                    } else {
                        (card.id, other, Reason::OutputNames(written))
                    };
                    add(Endpoint::Card(from), Endpoint::Card(to), reason);
                }
                if named.is_empty() && mention.process_compound && !mention.stem.is_empty() {
                    let external = Endpoint::External(capitalised(without_linking_s(mention.stem)));
                    let me = Endpoint::Card(card.id);
                    let written = mention.written.to_owned();
                    if is_input {
                        add(external, me, Reason::InputNames(written));
                    } else {
                        add(me, external, Reason::OutputNames(written));
                    }
                }
            }
        }
    }
    // Two phrases can only say the same thing if they share a word's first
    // four letters; only such inputs are compared with an output.
    let by_head = Grouped::new(
        cards
            .iter()
            .enumerate()
            .filter(|(_, card)| card.input_words.len() <= MAX_PHRASE_WORDS)
            .flat_map(|(i, card)| {
                content[card.input_words.clone()]
                    .iter()
                    .map(move |w| (w.head, i))
            })
            .collect(),
    );
    let mut candidates: Vec<usize> = Vec::new();
    for a in &cards {
        if a.output_words.len() > MAX_PHRASE_WORDS {
            continue;
        }
        let output_words = &content[a.output_words.clone()];
        candidates.clear();
        candidates.extend(
            output_words
                .iter()
                .flat_map(|w| by_head.get(w.head).take(MAX_COMPARED)),
        );
        candidates.sort_unstable();
        candidates.dedup();
        let same: Vec<(CardId, Vec<String>)> = candidates
            .iter()
            .take(MAX_COMPARED)
            .map(|&b| &cards[b])
            .filter(|b| b.id != a.id)
            .filter_map(|b| {
                let shared = same_thing(output_words, &content[b.input_words.clone()])?;
                Some((b.id, shared))
            })
            .collect();
        // An output that says what many inputs say is too general to be a link.
        if same.len() > MAX_NAMED {
            continue;
        }
        for (b, shared) in same {
            add(
                Endpoint::Card(a.id),
                Endpoint::Card(b),
                Reason::SameThing(shared),
            );
        }
    }
    // Stable: a link's reasons keep the order they were found in.
    found.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let mut links: Vec<Link> = Vec::with_capacity(found.len());
    for (from, to, reason) in found {
        match links.last_mut() {
            Some(link) if link.from == from && link.to == to => {
                if !link.reasons.contains(&reason) {
                    link.reasons.push(reason);
                }
            }
            _ => links.push(Link {
                from,
                to,
                reasons: vec![reason],
            }),
        }
    }
    links
}

/// A mention naming more cards than this, or an output saying the same as
/// more inputs than this, is ambiguous and links none.
const MAX_NAMED: usize = 8;
/// At most this many inputs are compared with one output (in document order):
/// only a page of hundreds of look-alike cards reaches it.
const MAX_COMPARED: usize = 64;
/// At most this many chains are drawn; the links left go to the feeds.
const MAX_CHAINS: usize = 64;
/// Links walked in all to draw the chains of one document: past 62,500 links
/// on a page, fewer than [`MAX_CHAINS`] are drawn (at least one).
const CHAIN_BUDGET: usize = 4_000_000;
/// An output or input of more content words than this is a list or a text,
/// not a phrase that says one thing: it links by the titles it names, not
/// by [`Reason::SameThing`]. Comparing two such texts word by word would cost
/// the product of their lengths, on every pair of cards.
const MAX_PHRASE_WORDS: usize = 24;

/// The first part of a compound without its linking `s` (`behovs` in
/// `behovsprosessen` is `behov`).
fn without_linking_s(stem: &str) -> &str {
    match stem.strip_suffix('s') {
        Some(rest) if rest.chars().nth(3).is_some() => rest,
        _ => stem,
    }
}

/// The first four letters, where two words that share a form agree.
fn head(word: &str) -> &str {
    word.char_indices().nth(4).map_or(word, |(i, _)| &word[..i])
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
    let graph = Graph::new(&links);
    let mut covered = vec![false; links.len()];
    let mut chains = Vec::new();
    // Each chain is a walk over every link: on a page of very many links,
    // fewer chains are drawn and the rest of the links go to the feeds.
    let most = MAX_CHAINS.min(CHAIN_BUDGET / links.len().max(1)).max(1);
    while chains.len() < most {
        match graph.longest_path(&links, &covered) {
            Some(path) if path.len() >= 2 => {
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
    // Targets in the order their first uncovered link comes.
    let mut feeds: Vec<(Endpoint, Vec<Endpoint>)> = Vec::new();
    let mut feed_of: HashMap<&Endpoint, usize> = HashMap::new();
    for (i, link) in links.iter().enumerate() {
        if covered[i] {
            continue;
        }
        let at = *feed_of.entry(&link.to).or_insert_with(|| {
            feeds.push((link.to.clone(), Vec::new()));
            feeds.len() - 1
        });
        feeds[at].1.push(link.from.clone());
    }
    let linked: std::collections::HashSet<&Endpoint> =
        links.iter().flat_map(|l| [&l.from, &l.to]).collect();
    let unlinked = handbook
        .documents
        .get(document as usize)
        .map(|doc| {
            (0..doc.cards.len() as u32)
                .map(|card| CardId { document, card })
                .filter(|&id| !linked.contains(&Endpoint::Card(id)))
                .collect()
        })
        .unwrap_or_default();
    Layout {
        chains,
        feeds,
        unlinked,
    }
}

/// The links of one document as a graph of numbered nodes, worked out once
/// for all the chains drawn from it.
struct Graph {
    nodes: usize,
    /// Each link's (from, to) node.
    ends: Vec<(usize, usize)>,
}

impl Graph {
    fn new(links: &[&Link]) -> Graph {
        let mut node: HashMap<&Endpoint, usize> = HashMap::new();
        let mut number = |e| {
            let n = node.len();
            *node.entry(e).or_insert(n)
        };
        let ends = links
            .iter()
            .map(|l| (number(&l.from), number(&l.to)))
            .collect();
        Graph {
            nodes: node.len(),
            ends,
        }
    }

    /// The longest path of uncovered links, the better-founded (more
    /// reasons) of equally long ones, as link indices. Cycles are broken
    /// where a depth-first walk finds them, so this is linear in the links,
    /// never exponential.
    fn longest_path(&self, links: &[&Link], covered: &[bool]) -> Option<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); self.nodes];
        for (i, &(from, _)) in self.ends.iter().enumerate() {
            if !covered[i] {
                out[from].push(i);
            }
        }
        // Depth-first finishing order (a reverse topological order once the
        // links back into the walk's own path are left out).
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let mut mark = vec![Mark::New; self.nodes];
        let mut back = vec![false; self.ends.len()];
        let mut finished = Vec::with_capacity(self.nodes);
        for root in 0..self.nodes {
            if mark[root] != Mark::New {
                continue;
            }
            let mut stack = vec![(root, 0usize)];
            mark[root] = Mark::Open;
            while let Some(&mut (v, ref mut k)) = stack.last_mut() {
                if let Some(&link) = out[v].get(*k) {
                    *k += 1;
                    let w = self.ends[link].1;
                    match mark[w] {
                        Mark::New => {
                            mark[w] = Mark::Open;
                            stack.push((w, 0));
                        }
                        Mark::Open => back[link] = true,
                        Mark::Done => {}
                    }
                } else {
                    mark[v] = Mark::Done;
                    finished.push(v);
                    stack.pop();
                }
            }
        }
        // Longest (then heaviest) path from each node, sinks first.
        let mut best: Vec<(usize, usize, Option<usize>)> = vec![(0, 0, None); self.nodes];
        for &v in &finished {
            for &link in &out[v] {
                if back[link] {
                    continue;
                }
                let (len, weight, _) = best[self.ends[link].1];
                let candidate = (len + 1, weight + links[link].reasons.len(), Some(link));
                if (candidate.0, candidate.1) > (best[v].0, best[v].1) {
                    best[v] = candidate;
                }
            }
        }
        let start =
            (0..self.nodes).max_by_key(|&v| (best[v].0, best[v].1, std::cmp::Reverse(v)))?;
        let mut path = Vec::new();
        let mut at = start;
        while let (_, _, Some(link)) = best[at] {
            path.push(link);
            at = self.ends[link].1;
        }
        Some(path)
    }
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
    fn an_effect_is_the_outcome_of_a_card_without_output() {
        let hb = load_sources(vec![Source {
            path: "a.md".into(),
            file: None,
            bytes: b"{{< prosesser/card title=\"Marked\" effect=\"Nye kunder\" >}}\n\
                {{< prosesser/card title=\"Salg\" input=\"Nye kunder fra markedsarbeidet\" >}}\n\
                {{< prosesser/card title=\"Drift\" output=\"Stabil drift\" effect=\"Nye kunder\" >}}\n"
                .to_vec(),
        }]);
        let flow = Flow::new(&hb);
        // Drift has an output: its effect is not its outcome.
        assert_eq!(edges(&hb, &flow), ["Marked -> Salg"]);
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
    fn a_page_of_thousands_of_look_alike_cards_stays_linear() {
        // Every output says what every input says, and titles repeat: the
        // pairwise way would compare millions of phrases and search paths
        // exponentially; this must finish in a blink even in a debug build.
        let mut text = String::from("---\ntitle: x\n---\n");
        for i in 0..3000 {
            text.push_str(&format!(
                "{{{{< prosesser/strategy-card title=\"Behov {}\" input=\"Prioriterte behov fra behovsprosessen\" output=\"Prioriterte behov til utvikling {i}\" >}}}}\n",
                i % 10
            ));
        }
        let hb = load_sources(vec![Source {
            path: "many.md".into(),
            file: None,
            bytes: text.into_bytes(),
        }]);
        let flow = Flow::new(&hb);
        let layout = layout(&flow, &hb, 0);
        assert!(layout.chains.len() <= MAX_CHAINS);
        // A title written 300 times is ambiguous, and so is an output that
        // says what 3,000 inputs say: no card links to another.
        assert!(
            flow.links
                .iter()
                .all(|l| matches!(l.from, Endpoint::External(_))),
            "{:?}",
            flow.links
                .iter()
                .find(|l| !matches!(l.from, Endpoint::External(_)))
        );
        // The compound names an external source, without its linking s.
        assert_eq!(flow.links[0].from, Endpoint::External("Behov".into()));
    }

    /// A page of `n` cards whose input and output each name every title.
    fn dense(n: usize) -> Handbook {
        let title = |i: usize| {
            let letters: String = [i / 676, i / 26 % 26, i % 26]
                .iter()
                .map(|&k| char::from(b'a' + k as u8))
                .collect();
            format!("Ledd{letters}")
        };
        let all: Vec<String> = (0..n).map(title).collect();
        let all = all.join(" ");
        let mut text = String::from("---\ntitle: Tett\n---\n");
        for i in 0..n {
            text.push_str(&format!(
                "{{{{< prosesser/strategy-card title=\"{}\" input=\"{all}\" output=\"{all}\" >}}}}\n",
                title(i)
            ));
        }
        load_sources(vec![Source {
            path: "tett.md".into(),
            file: None,
            bytes: text.into_bytes(),
        }])
    }

    #[test]
    fn a_page_whose_every_input_names_every_title_stays_near_linear() {
        // 200 cards, 80,000 names: pairs of cards compared word by word, a
        // scan of all links per card and 64 walks over all links per layout
        // took minutes here; the index of titles takes a blink.
        let n = 200;
        let hb = dense(n);
        let flow = Flow::new(&hb);
        // Every card links to every other, both ways named.
        assert_eq!(flow.links.len(), n * (n - 1));
        let id = CardId {
            document: 0,
            card: 7,
        };
        assert_eq!(flow.upstream(id).count(), n - 1);
        assert_eq!(flow.downstream(id).count(), n - 1);
        assert!(flow.upstream(id).all(|l| l.to == Endpoint::Card(id)));
        assert!(flow.downstream(id).all(|l| l.from == Endpoint::Card(id)));
        let layout = layout(&flow, &hb, 0);
        assert!(layout.chains.len() <= MAX_CHAINS);
        // Long inputs are texts, not phrases: no SameThing reasons.
        assert!(
            flow.links
                .iter()
                .flat_map(|l| &l.reasons)
                .all(|r| !matches!(r, Reason::SameThing(_)))
        );
    }

    #[test]
    fn upstream_and_downstream_are_the_links_into_and_out_of_a_card() {
        let hb = seed();
        let flow = Flow::new(&hb);
        for (id, _) in hb.cards() {
            let into: Vec<&Link> = flow
                .links
                .iter()
                .filter(|l| l.to == Endpoint::Card(id))
                .collect();
            let out: Vec<&Link> = flow
                .links
                .iter()
                .filter(|l| l.from == Endpoint::Card(id))
                .collect();
            assert_eq!(flow.upstream(id).collect::<Vec<_>>(), into);
            assert_eq!(flow.downstream(id).collect::<Vec<_>>(), out);
        }
    }

    #[test]
    fn a_page_of_very_many_links_draws_fewer_chains_within_the_budget() {
        let hb = dense(300);
        let flow = Flow::new(&hb);
        let links = flow.links.len();
        assert!(links > CHAIN_BUDGET / MAX_CHAINS);
        let layout = layout(&flow, &hb, 0);
        assert!(!layout.chains.is_empty());
        assert!(layout.chains.len() <= CHAIN_BUDGET / links);
    }

    #[test]
    fn words_are_the_runs_of_letters_digits_and_hyphens() {
        let by_split = |lower: &str| -> Vec<String> {
            lower
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map(|w| w.trim_start_matches('-'))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()
        };
        for text in [
            "",
            "-",
            " -- a-b  --c- d",
            "portefølje-, behovs- og utviklingsprosessene",
            "æøå123 ½ ٣ x\u{301}y 日本-語 ,,;; tail-",
            "a×b÷c ÀÖØöøÿ ª²µ",
            "\u{a0}nbsp\u{2028}sep",
        ] {
            assert_eq!(words(text).collect::<Vec<_>>(), by_split(text), "{text:?}");
        }
    }

    #[test]
    fn lowering_into_a_buffer_is_to_lowercase() {
        for text in [
            "",
            "Behov",
            "ÆØÅ æøå Straße ẞ",
            "İstanbul",
            "ΟΔΥΣΣΕΥΣ Σ",
            "Mo\u{308}rk ǅ 日本",
            "Hanne Lauritsen, Ærlend Mørk × Ÿ ß",
            "prioriterte behov fra behovsprosessen",
        ] {
            let mut out = String::from("x");
            lower_into(text, &mut out);
            assert_eq!(out, format!("x{}", text.to_lowercase()), "{text:?}");
        }
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
